// dpia serve: the form's few behaviours, by hand (no library, no build step).
// Every change is sent as JSON with the page's CSRF token and the version of the file the
// page shows; the server answers with the section re-rendered (conditional questions, lists,
// findings) or with a conflict when the file changed elsewhere. Text from the server arrives
// as HTML the server escaped; nothing typed is ever inserted as markup here.
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const form = document.getElementById("form");

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  }

  function say(text) {
    const status = document.getElementById("status");
    if (status) status.textContent = text;
  }

  // ---- the start page: new assessment or pre-scan
  const newForm = document.getElementById("new-form");
  if (newForm) {
    newForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const preset = event.submitter ? event.submitter.dataset.preset : "dpia";
      const error = document.getElementById("new-error");
      const r = await post("/api/new", {
        name: document.getElementById("new-name").value,
        lang: document.getElementById("new-lang").value,
        preset: preset,
      });
      const data = await r.json();
      if (r.ok) {
        window.location.href = data.url;
      } else {
        error.hidden = false;
        error.textContent = data.error === "exists" ? error.dataset.exists || "exists" : error.dataset.name || "name";
      }
    });
  }

  if (!form) return;
  const name = form.dataset.name;
  let busy = Promise.resolve();

  // One answer per line. Lines in one language of a list of texts keep their places, empty
  // or not, so that line 2 in Dutch stays beside line 2 in English.
  function lines(text, paired) {
    const all = text.split("\n").map((s) => s.trim());
    if (!paired) return all.filter(Boolean);
    while (all.length && !all[all.length - 1]) all.pop();
    return all;
  }

  function valueOf(el) {
    if (el.dataset.lines) return lines(el.value, Boolean(el.dataset.lang));
    return el.value;
  }

  // What the page showed before the change: the server applies a change on top of another
  // tab's only when this is still the answer on disk.
  function shownBefore(el) {
    if (el.tagName === "SELECT") {
      const option = Array.from(el.options).find((o) => o.defaultSelected);
      return option ? option.value : "";
    }
    if (el.dataset.lines) return lines(el.defaultValue, Boolean(el.dataset.lang));
    return el.defaultValue;
  }

  function changeFor(el) {
    const group = el.closest("[data-many]");
    if (group) {
      const boxes = Array.from(group.querySelectorAll("input[type=checkbox]"));
      return {
        op: "set",
        loc: JSON.parse(group.dataset.loc),
        value: boxes.filter((c) => c.checked).map((c) => c.value),
        was: boxes.filter((c) => c.defaultChecked).map((c) => c.value),
      };
    }
    const change = { op: "set", loc: JSON.parse(el.dataset.loc), value: valueOf(el), was: shownBefore(el) };
    if (el.dataset.lang) change.lang = el.dataset.lang;
    return change;
  }

  // Send changes one after another, so that each carries the version the last one made.
  function send(changes) {
    form.dataset.pending = String(Number(form.dataset.pending || 0) + 1);
    busy = busy.then(async () => {
      say(form.dataset.saving || "…");
      const r = await post("/api/save/" + encodeURI(name), {
        version: form.dataset.version,
        section: form.dataset.section,
        full: form.dataset.full === "1",
        changes: changes,
      });
      const data = await r.json().catch(() => ({}));
      if (r.status === 409 && data.conflict) {
        document.getElementById("conflict").hidden = false;
        say("");
        return;
      }
      if (!r.ok) {
        say(data.error || String(r.status));
        return;
      }
      form.dataset.version = data.version;
      swap(data);
      say(form.dataset.saved || "✓");
    }).catch((error) => say(String(error))).finally(() => {
      form.dataset.pending = String(Number(form.dataset.pending) - 1);
    });
    return busy;
  }

  // Replace the section with the server's, keeping focus and anything typed meanwhile.
  function swap(data) {
    const focused = document.activeElement && document.activeElement.id;
    const typing = {};
    form.querySelectorAll("textarea, input[type=text]").forEach((el) => {
      if (el.id && el.value !== el.defaultValue) typing[el.id] = el.value;
    });
    document.getElementById("section").innerHTML = data.html;
    document.getElementById("panel").innerHTML = data.panel;
    document.getElementById("sections").innerHTML = data.nav;
    for (const [id, value] of Object.entries(typing)) {
      const el = document.getElementById(id);
      if (el) el.value = value;
    }
    if (focused) {
      const el = document.getElementById(focused);
      if (el) el.focus();
    }
  }

  form.addEventListener("change", (event) => {
    const el = event.target;
    if (el.matches("[data-loc], [data-many] input")) send([changeFor(el)]);
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "matrix") {
      send([
        { op: "set", loc: JSON.parse(button.dataset.locA), value: button.dataset.valueA, was: button.dataset.wasA },
        { op: "set", loc: JSON.parse(button.dataset.locB), value: button.dataset.valueB, was: button.dataset.wasB },
      ]);
    } else if (action === "add") {
      const loc = JSON.parse(button.dataset.loc);
      send([{ op: "add", loc: loc, value: JSON.parse(button.dataset.item) }]).then(() => {
        // Focus the first question of the new item.
        const items = document.querySelectorAll('fieldset.list[data-path="' + button.closest("fieldset.list").dataset.path + '"] > fieldset.item');
        const last = items[items.length - 1];
        const first = last && last.querySelector("input, select, textarea");
        if (first) first.focus();
      });
    } else if (action === "na") {
      const loc = JSON.parse(button.dataset.loc);
      const texts = JSON.parse(button.dataset.texts);
      send(Object.entries(texts).map(([lang, text]) => ({ op: "set", loc: loc, lang: lang, value: text })));
    } else if (action === "remove") {
      send([{ op: "remove", loc: JSON.parse(button.dataset.loc) }]);
    } else if (action === "move") {
      send([{ op: "move", loc: JSON.parse(button.dataset.loc), to: Number(button.dataset.to) }]);
    }
  });

  document.getElementById("reload").addEventListener("click", () => window.location.reload());
  form.dataset.ready = "1"; // changes are listened to from here on (tests wait for it)

  // ---- previews and PDF downloads
  const preview = document.getElementById("preview");
  const which = () => "?doc=" + encodeURIComponent(document.getElementById("doc").value) +
    "&lang=" + encodeURIComponent(document.getElementById("doc-lang").value);
  const previewError = document.getElementById("preview-error");

  document.getElementById("show-preview").addEventListener("click", async () => {
    await busy;
    previewError.hidden = true;
    const url = "/preview/" + encodeURI(name) + which();
    const r = await fetch(url, { credentials: "same-origin" });
    if (!r.ok) {
      previewError.hidden = false;
      previewError.textContent = await r.text();
      preview.hidden = true;
      return;
    }
    preview.hidden = false;
    preview.src = url;
  });

  document.getElementById("download-pdf").addEventListener("click", async () => {
    await busy;
    const progress = document.getElementById("pdf-progress");
    const button = document.getElementById("download-pdf");
    previewError.hidden = true;
    progress.hidden = false;
    button.disabled = true;
    try {
      const r = await fetch("/pdf/" + encodeURI(name) + which(), { credentials: "same-origin" });
      if (!r.ok) {
        previewError.hidden = false;
        previewError.textContent = await r.text();
        return;
      }
      const header = r.headers.get("Content-Disposition") || "";
      const match = /filename\*=UTF-8''(.+)$/.exec(header);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(await r.blob());
      link.download = match ? decodeURIComponent(match[1]) : "document.pdf";
      document.body.appendChild(link);
      link.click();
      link.remove();
    } finally {
      progress.hidden = true;
      button.disabled = false;
    }
  });
})();
