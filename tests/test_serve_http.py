"""`dpia serve` over HTTP: the security cases, saving without loss, and the form's answers.

The browser tests (test_serve_browser.py) cover what a user sees; these cover what a hostile
page, a stale tab or a hand-edited file could do to the server and the files.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator

import pytest

from dpia.model import validate_file
from tests.serving import SAMPLES, Live, copy_samples, running

SAMPLE = "secondary-ai-homework.yaml"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    folder = copy_samples(tmp_path_factory.mktemp("serve") / "ws")
    outside = tmp_path_factory.mktemp("outside") / "secret.yaml"
    outside.write_text((SAMPLES / SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "link.yaml").symlink_to(outside)
    (folder / "notes.txt").write_text("not a questionnaire")
    with running(folder) as server:
        yield server


# ------------------------------------------------------------------- who may talk to it


def test_the_opening_url_sets_the_token_as_a_strict_cookie(live: Live) -> None:
    r = live.request("GET", f"/?token={live.keys.token}", token=False, origin=None)
    assert r.status == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert f"{live.keys.cookie}={live.keys.token}" in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"token": False}, "address it printed"),
        ({"host": "evil.example:80"}, "only to 127.0.0.1"),  # DNS rebinding
        ({"host": "127.0.0.1:1"}, "only to 127.0.0.1"),  # another port's name
        ({"origin": "http://evil.example"}, "another site"),
        ({"origin": "null"}, "another site"),
    ],
)
def test_requests_without_the_token_or_from_elsewhere_are_refused(
    live: Live, kwargs: dict[str, object], reason: str
) -> None:
    r = live.request("GET", "/", **kwargs)  # type: ignore[arg-type]
    assert r.status == 403 and reason in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert SAMPLE not in r.text


def test_a_wrong_token_in_the_url_or_cookie_is_refused(live: Live) -> None:
    r = live.request("GET", "/?token=guess", token=False, origin=None)
    assert r.status == 403


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"origin": None}, "without an Origin"),
        ({"csrf": None}, "CSRF"),
        ({"csrf": "guess"}, "CSRF"),
        ({"origin": "http://localhost.evil.example"}, "another site"),
    ],
)
def test_changes_need_the_origin_and_the_csrf_token(
    live: Live, kwargs: dict[str, object], reason: str
) -> None:
    before = (live.folder / SAMPLE).read_bytes()
    body = {
        "version": live.version(SAMPLE),
        "changes": [{"op": "set", "loc": ["meta", "version"], "value": "9.9"}],
    }
    r = live.request("POST", f"/api/save/{SAMPLE}", body, **kwargs)  # type: ignore[arg-type]
    assert r.status == 403 and reason in r.text
    assert (live.folder / SAMPLE).read_bytes() == before


def test_every_page_carries_a_strict_content_security_policy(live: Live) -> None:
    for path in ("/", f"/edit/{SAMPLE}", "/static/serve.js", "/nothing"):
        r = live.request("GET", path, origin=None)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp and "http" not in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
    page = live.request("GET", f"/edit/{SAMPLE}", origin=None).text
    assert "<script>" not in page and " style=" not in page and "onclick" not in page


# ------------------------------------------------------------- only files in the folder


@pytest.mark.parametrize(
    "name",
    [
        "../outside/secret.yaml",
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "/etc/passwd",
        "link.yaml",  # a symbolic link out of the folder
        "notes.txt",
        ".hidden.yaml",
        "joint/../../x.yaml",
        "missing.yaml",
    ],
)
def test_only_questionnaires_inside_the_folder_can_be_opened(live: Live, name: str) -> None:
    for path in (f"/edit/{name}", f"/preview/{name}", f"/pdf/{name}"):
        r = live.request("GET", path, origin=None)
        assert r.status == 404, (path, r.status)
        assert b"Rijnvliet" not in r.body
    r = live.request("POST", f"/api/save/{name}", {"version": "x", "changes": []})
    assert r.status == 404


def test_the_start_page_lists_the_folder_without_links_out_of_it(live: Live) -> None:
    page = live.request("GET", "/", origin=None).text
    for name in ("secondary-ai-homework.yaml", "joint/school-a.yaml", "joint/base.yaml"):
        assert name in page
    assert "link.yaml" not in page and "notes.txt" not in page and "schema.json" not in page
    assert "DPIA verplicht" in page and "doorgaan onder voorwaarden" in page


def test_new_files_stay_in_the_folder_and_never_overwrite(live: Live) -> None:
    for bad in ("../escape", "/tmp/abs", "sub/dir", ".hidden", ""):
        r = live.request("POST", "/api/new", {"name": bad, "preset": "dpia", "lang": "nl"})
        assert r.status == 400, bad
    assert not (live.folder.parent / "escape.yaml").exists()
    r = live.request("POST", "/api/new", {"name": SAMPLE, "preset": "dpia", "lang": "nl"})
    assert r.status == 409
    r = live.request("POST", "/api/new", {"name": "pilot", "preset": "screening", "lang": "en"})
    assert r.status == 200 and r.json()["url"].startswith("/edit/pilot.yaml")
    made = validate_file(live.folder / "pilot.yaml")
    assert made.ok and made.questionnaire is not None
    assert made.questionnaire.meta.languages[0].value == "en"


# ------------------------------------------------------------------ saving, losing nothing


def test_a_saved_change_keeps_comments_order_and_every_untouched_line(live: Live) -> None:
    path = live.folder / SAMPLE
    before = path.read_text(encoding="utf-8")
    mode = path.stat().st_mode & 0o777
    r = live.save(SAMPLE, [{"op": "set", "loc": ["meta", "version"], "value": "1.1"}])
    assert r.status == 200, r.text
    after = path.read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [('  version: "1.0"', '  version: "1.1"')]
    assert path.with_name(SAMPLE + ".bak").read_text(encoding="utf-8") == before
    assert path.stat().st_mode & 0o777 == mode
    assert not [p for p in live.folder.iterdir() if p.name.endswith(".part")]


DPIA_SAMPLES = sorted(
    p.relative_to(SAMPLES).as_posix()
    for p in SAMPLES.rglob("*.yaml")
    if "kind: knowledge-security" not in p.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("name", DPIA_SAMPLES)
def test_a_change_to_any_sample_changes_its_line_and_nothing_else(live: Live, name: str) -> None:
    path = live.folder / name
    before = path.read_text(encoding="utf-8").splitlines()
    r = live.save(name, [{"op": "set", "loc": ["meta", "version"], "value": "9.9"}])
    assert r.status == 200, r.text
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [
        (before[i1:i2], after[j1:j2])
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes()
        if op != "equal"
    ]
    assert len(changed) == 1, changed  # one place, even where a text goes on over two lines
    old, new = changed[0]
    assert len(old) <= 1 and len(new) == 1 and new[0].strip() == 'version: "9.9"', changed


def test_a_stale_tab_cannot_overwrite_another_tabs_change(live: Live) -> None:
    name = "university-writing-assistant.yaml"
    seen = live.version(name)  # both tabs opened the file
    first = live.save(name, [{"op": "set", "loc": ["meta", "version"], "value": "2.0"}], seen)
    assert first.status == 200
    kept = (live.folder / name).read_bytes()
    second = live.save(name, [{"op": "set", "loc": ["meta", "version"], "value": "3.0"}], seen)
    assert second.status == 409 and second.json()["conflict"] is True
    assert (live.folder / name).read_bytes() == kept and b'version: "2.0"' in kept


def test_a_change_made_on_disk_is_never_overwritten(live: Live) -> None:
    name = "vocational-exam-proctoring.yaml"
    path = live.folder / name
    seen = live.version(name)
    path.write_text(path.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    r = live.save(name, [{"op": "set", "loc": ["meta", "version"], "value": "9"}], seen)
    assert r.status == 409
    assert path.read_text(encoding="utf-8").endswith("# edited by hand\n")


@pytest.mark.parametrize(
    "change",
    [
        {"op": "set", "loc": ["meta", "no_such_field"], "value": "x"},
        {"op": "set", "loc": ["meta", "status"], "value": "finished"},  # not an allowed value
        {"op": "set", "loc": ["meta", "assessment_date"], "value": "yesterday"},
        {"op": "set", "loc": ["meta", "title", "plain"], "value": "x"},
        {"op": "set", "loc": ["risks", 99, "title"], "value": "x"},
        {"op": "set", "loc": ["meta", "version"], "value": {"nested": 1}},
        {"op": "rename", "loc": ["meta", "version"], "value": "x"},
        {"op": "add", "loc": ["risks"], "value": {"id": ["not", "text"]}},
    ],
)
def test_changes_that_do_not_fit_the_model_are_refused(
    live: Live, change: dict[str, object]
) -> None:
    path = live.folder / "primary-learning-analytics.yaml"
    before = path.read_bytes()
    r = live.save(path.name, [change])
    assert r.status == 400, r.text
    assert path.read_bytes() == before


def test_answers_are_written_as_data_and_shown_as_text(live: Live) -> None:
    name = "university-writing-assistant.yaml"
    hostile = '<script>alert(1)</script> {{ 7*7 }} "quoted": yes\n- not a list'
    r = live.save(name, [{"op": "set", "loc": ["meta", "title"], "lang": "en", "value": hostile}])
    assert r.status == 200
    v = validate_file(live.folder / name)
    assert v.ok and v.questionnaire is not None
    assert v.questionnaire.meta.title.get("en", "en")[0] == hostile
    html = r.json()["html"] + live.request("GET", "/", origin=None).text
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    preview = live.request("GET", f"/preview/{name}?doc=dpia&lang=en", origin=None)
    assert preview.status == 200 and "&lt;script&gt;alert(1)" in preview.text
    assert "<script>alert" not in preview.text and "{{ 7*7 }}" in preview.text
    assert "sandbox" in preview.headers["content-security-policy"]


def test_bilingual_answers_become_a_mapping_and_back(live: Live) -> None:
    name = "vocational-exam-proctoring.yaml"
    path = live.folder / name
    seen = live.version(name)
    r = live.save(
        name,
        [
            {"op": "set", "loc": ["meta", "languages"], "value": ["en", "nl"]},
        ],
        seen,
    )
    assert r.status == 200
    r = live.save(
        name, [{"op": "set", "loc": ["meta", "subject"], "lang": "nl", "value": "Op afstand"}]
    )
    assert r.status == 200
    subject = validate_file(path).loaded.data["meta"]["subject"]  # type: ignore[union-attr]
    assert subject["nl"] == "Op afstand" and subject["en"].startswith("Remote proctoring")
    assert 'id="f-meta-subject-nl"' in r.json()["html"]  # edited side by side


def test_lists_add_move_and_remove_items_with_proposed_ids(live: Live) -> None:
    name = "primary-learning-analytics.yaml"
    path = live.folder / name
    data = validate_file(path).loaded.data  # type: ignore[union-attr]
    ids = [m["id"] for m in data["measures"]]
    page = live.request("GET", f"/edit/{name}?section=measures", origin=None).text
    assert f"&#34;id&#34;: &#34;M{len(ids) + 1}&#34;" in page  # the next id, proposed
    r = live.save(name, [{"op": "add", "loc": ["measures"], "value": {"id": "Mx"}}])
    assert r.status == 200
    r = live.save(name, [{"op": "move", "loc": ["measures", len(ids)], "to": 0}])
    assert r.status == 200
    after = validate_file(path)
    assert [m["id"] for m in after.loaded.data["measures"]] == ["Mx", *ids]  # type: ignore[union-attr]
    assert any("required field is missing" in p.message for p in after.problems)
    r = live.save(name, [{"op": "remove", "loc": ["measures", 0]}])
    assert r.status == 200 and validate_file(path).ok


def test_the_preview_is_the_document_the_cli_makes(live: Live) -> None:
    from dpia.context.assessment import assess_file
    from dpia.produce import make_document

    name = "joint/school-a.yaml"
    r = live.request("GET", f"/preview/{name}?doc=screening&lang=en", origin=None)
    assert r.status == 200
    expected = make_document(assess_file(live.folder / name), "screening", "en", "html")
    assert r.body == expected
    assert live.request("GET", f"/preview/{name}?doc=nope", origin=None).status == 404
    assert os.sep not in r.headers.get("content-disposition", "")


def test_an_overlay_shows_what_it_inherits_and_saves_only_its_differences(live: Live) -> None:
    name = "joint/school-c.yaml"
    path, base = live.folder / name, live.folder / "joint" / "base.yaml"
    base_before = base.read_bytes()
    page = live.request("GET", f"/edit/{name}?section=meta", origin=None).text
    assert "overgenomen uit de basis" in page  # inherited answers are marked
    merged = validate_file(path).loaded.data  # type: ignore[union-attr]
    first = merged["risks"][0]["id"]
    assert f"id: {first}" not in path.read_text(encoding="utf-8")  # the base's risk
    lines_before = path.read_text(encoding="utf-8").splitlines()
    r = live.save(
        name, [{"op": "set", "loc": ["risks", 0, "source"], "lang": "en", "value": "Local"}]
    )
    assert r.status == 200, r.text
    after = validate_file(path)
    assert after.ok and after.loaded is not None
    assert after.loaded.data["risks"][0]["source"]["en"] == "Local"
    assert after.loaded.data["risks"][0]["title"] == merged["risks"][0]["title"]
    text = path.read_text(encoding="utf-8")
    assert f"id: {first}" in text and "Local" in text
    ops = difflib.SequenceMatcher(a=lines_before, b=text.splitlines()).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}  # lines added, none changed or lost
    assert base.read_bytes() == base_before  # the base is never written
    refused = live.save(name, [{"op": "remove", "loc": ["risks", 1]}])
    assert refused.status == 400 and "base" in refused.json()["error"]
    assert base.read_bytes() == base_before


def test_a_large_body_is_refused_unread(live: Live) -> None:
    path = live.folder / "primary-learning-analytics.yaml"
    before = path.read_bytes()
    change = {"op": "set", "loc": ["meta", "version"], "value": "x" * 1_100_000}
    r = live.save(path.name, [change])
    assert r.status == 413 and path.read_bytes() == before


def test_the_command_refuses_a_port_in_use_and_binds_only_to_127_0_0_1() -> None:
    import socket

    from click.testing import CliRunner

    from dpia.cli import cli
    from dpia.cli.serve import HOST

    assert HOST == "127.0.0.1"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = CliRunner().invoke(cli, ["serve", str(SAMPLES), "--port", str(port), "--no-browser"])
    assert r.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in r.output


def test_two_tabs_changing_different_answers_both_keep_theirs(live: Live) -> None:
    name = "secondary-ai-homework.yaml"
    path = live.folder / name
    seen = live.version(name)
    data = validate_file(path).loaded.data  # type: ignore[union-attr]
    version_was, status_was = data["meta"]["version"], data["meta"]["status"]
    a = {"op": "set", "loc": ["meta", "version"], "value": "7.0", "was": version_was}
    assert live.save(name, [a], seen).status == 200
    # The other tab still shows the old file, and changes another answer: it goes on top.
    b = {"op": "set", "loc": ["meta", "status"], "value": "draft", "was": status_was}
    assert live.save(name, [b], seen).status == 200
    meta = validate_file(path).loaded.data["meta"]  # type: ignore[union-attr]
    assert (meta["version"], meta["status"]) == ("7.0", "draft")
    # ... but not an answer the first tab changed since: that would overwrite it.
    c = {"op": "set", "loc": ["meta", "version"], "value": "8.0", "was": version_was}
    r = live.save(name, [c], seen)
    assert r.status == 409
    assert validate_file(path).loaded.data["meta"]["version"] == "7.0"  # type: ignore[union-attr]


def test_a_file_that_cannot_be_read_is_explained_not_edited(live: Live) -> None:
    broken = live.folder / "broken.yaml"
    broken.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    page = live.request("GET", "/edit/broken.yaml?section=meta", origin=None)
    assert page.status == 200
    assert "niet te lezen als vragenlijst" in page.text
    assert '<li class="error">' in page.text  # the loader's located problem, in the panel
    assert 'id="f-meta-title' not in page.text  # no form to type into
    r = live.save("broken.yaml", [{"op": "set", "loc": ["meta", "version"], "value": "1"}])
    assert r.status == 409 and broken.read_text(encoding="utf-8").endswith("[unclosed\n")
    assert "(niet te lezen" in live.request("GET", "/", origin=None).text


def test_a_knowledge_security_check_is_listed_and_edited_with_its_own_questions(
    live: Live,
) -> None:
    name = "knowledge-security/exchange-oslo.yaml"
    path = live.folder / name
    assert name in live.request("GET", "/", origin=None).text
    page = live.request("GET", f"/edit/{name}", origin=None).text
    assert "<h1>De samenwerking</h1>" in page and 'id="f-collaboration-title-nl"' in page
    assert "screening" not in page.split('id="section"')[1].split("</form>")[0]  # no pre-scan
    assert 'value="knowledge-security"' in page and 'value="dpia"' not in page  # its documents
    r = live.save(name, [{"op": "set", "loc": ["collaboration", "lead"], "value": "Prof. Berg"}])
    assert r.status == 200 and "lead: Prof. Berg" in path.read_text(encoding="utf-8")
    # Only its own questions: a DPIA's question is refused, and the file stays as it was.
    before = path.read_bytes()
    r = live.save(name, [{"op": "set", "loc": ["screening", "frequency"], "value": "daily"}])
    assert r.status == 400 and path.read_bytes() == before
