"""What a section page shows: the questions with their answers, the findings placed beside
them, the pre-scan's verdict, progress per section, and what an overlay inherits.

Everything judged comes from the stages before (`assess_file`, `screen`); this only decides
where on the page it goes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from dpia.context.assessment import Assessment, assess_file
from dpia.load import Severity, field_path
from dpia.load.source import read_source
from dpia.model.enums import Level
from dpia.model.labels import N_
from dpia.model.meta import Screening
from dpia.render.i18n import Translator
from dpia.rules.risk import SCALE, level
from dpia.rules.screening import ScreeningResult, screen
from dpia.serve import form
from dpia.serve.preview import documents
from dpia.serve.workspace import Workspace, version


@dataclass(frozen=True)
class Shown:
    """A problem or finding as the form shows it."""

    field: str  # field path, as in `dpia validate`
    severity: str
    message: str  # in the interface language
    code: str


def shown(a: Assessment, lang: str) -> list[Shown]:
    t = Translator(lang)
    out = [Shown(p.field, str(p.severity), p.text(t.gettext), p.code) for p in a.validated.problems]

    out += [
        Shown(lf.where.field, str(lf.where.severity), lf.finding.text(t.gettext), lf.finding.code)
        for lf in a.findings
    ]
    return out


def screening_result(data: dict[str, Any]) -> ScreeningResult | None:
    """The pre-scan's verdict from the screening answers alone, so that it shows while the
    rest of the file is still incomplete."""
    try:
        return screen(Screening.model_validate(data.get("screening") or {}))
    except ValidationError:
        return None


def _past_prescan(data: dict[str, Any]) -> bool:
    """Whether the full form is open: the pre-scan is complete, or the file has answers
    beyond it (a `false` a starter writes as the default is not an answer yet)."""
    result = screening_result(data)
    if result is not None and result.complete:
        return True

    def answered(node: Any) -> bool:
        if isinstance(node, dict):
            return any(answered(v) for v in node.values())
        if isinstance(node, list):
            return bool(node)
        return node is not None and node is not False and node != ""

    return any(answered(v) for k, v in data.items() if k not in ("meta", "screening", "extends"))


_PARENT = re.compile(r"(\.[^.\[]+|\[\d+\])$")


def place(items: list[Shown], paths: set[str]) -> dict[str, list[Shown]]:
    """Each finding beside the deepest question of the page it points at or into."""
    placed: dict[str, list[Shown]] = {}
    for s in items:
        at = s.field
        while at and at not in paths:
            at = _PARENT.sub("", at) if _PARENT.search(at) else ""
        if at:
            placed.setdefault(at, []).append(s)
    return placed


def _overlay_own(a: Assessment) -> set[str] | None:
    """For an overlay (`extends`), the field paths written in the file itself; the rest is
    inherited from its base and shown as such."""
    loaded = a.validated.loaded
    if loaded is None or len(loaded.sources) < 2:
        return None
    tree, _ = read_source(loaded.sources[-1])
    own: set[str] = set()

    def walk(node: Any, merged: Any, loc: tuple[str | int, ...]) -> None:
        own.add(field_path(loc))
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, merged.get(k) if isinstance(merged, dict) else None, (*loc, k))
        elif isinstance(node, list) and isinstance(merged, list):
            index = {m.get("id"): i for i, m in enumerate(merged) if isinstance(m, dict)}
            for j, v in enumerate(node):
                i = index.get(v.get("id"), j) if isinstance(v, dict) else j
                walk(v, merged[i] if i < len(merged) else None, (*loc, i))

    walk(tree, loaded.data, ())
    return own


def section_values(ws: Workspace, name: str, section: str, lang: str) -> dict[str, Any]:
    """Everything the section template shows."""
    path = ws.path(name)
    a = assess_file(path)
    loaded = a.validated.loaded
    data = loaded.data if loaded is not None else {}
    # The form asks the questions of a DPIA or a knowledge-security check; a file of another
    # kind, or one that cannot be read, is shown with its findings, not edited.
    kind = form.kind_of(data) if loaded is not None else None
    editable = kind is not None
    shape = form.KINDS[kind or "dpia"]
    names = dict(shape.sections)
    sections = form.available(data, kind) if kind is not None else []
    if section not in (sections or names):
        section = shape.first
    root = form.section(section, data, kind or "dpia")
    nodes = {field_path(n.loc): n for n in form.walk_nodes(root)}
    items = shown(a, lang)
    progress = {}
    for s in sections:
        done, total = form.count(form.section(s, data, kind or "dpia"))
        progress[s] = (done, total)
    languages = [x for x in (data.get("meta") or {}).get("languages") or [] if x in ("nl", "en")]
    return {
        "name": name,
        "version": version(path),
        "loaded": loaded is not None,
        "editable": editable,
        "data": data,
        "section": section,
        "kind": kind,
        "sections": [(s, names[s]) for s in sections],
        "root": root,
        "placed": place(items, set(nodes)),
        "items": items,
        "errors": sum(1 for s in items if s.severity == Severity.error),
        "warnings": sum(1 for s in items if s.severity == Severity.warning),
        "progress": progress,
        "text_langs": languages or ["nl"],
        "first_lang": (languages or ["nl"])[0],
        "bilingual": len(languages) > 1,  # answers edited side by side
        "screening": screening_result(data) if kind == "dpia" else None,
        "full": kind != "dpia" or _past_prescan(data),  # only a DPIA starts with a pre-scan
        "own": _overlay_own(a),
        "field_path": field_path,
        "propose_id": form.propose_id,
        "json": lambda v: json.dumps(v, ensure_ascii=False),
        "section_title": names[section],
        "points": form.POINTS
        if kind == "dpia" and section in ("description", "lawfulness")
        else {},
        "documents": documents(str(data.get("kind", "dpia"))),
        "heat": _heat(data) if kind == "dpia" and section == "risks" else [],
        **HELPERS,
        "new_item": lambda n: _new_item(n, kind or "dpia"),
    }


def _risk_level(likelihood: str, severity: str) -> str:
    return str(level(Level(likelihood), Level(severity)).value)


def _new_item(n: form.Node, kind: str) -> dict[str, str]:
    """A new list item: its id proposed, the rest to be answered."""
    model = form.field_at(n.loc, kind).model
    if model is not None and "id" in model.model_fields:
        return {"id": form.propose_id(n.value, str(n.loc[-1]))}
    return {}


def _heat(data: dict[str, Any]) -> list[tuple[str, list[list[list[str]]]]]:
    """Risk ids per cell [severity][likelihood], before and after the measures, from the
    answers so far (a risk not yet rated is left out)."""
    values = [lv.value for lv in SCALE]
    out = []
    for title, lik, sev in (
        (N_("Before the measures"), "likelihood", "severity"),
        (N_("After the measures"), "residual_likelihood", "residual_severity"),
    ):
        cells: list[list[list[str]]] = [[[] for _ in values] for _ in values]
        for r in data.get("risks") or []:
            if isinstance(r, dict) and r.get(lik) in values and r.get(sev) in values:
                cells[values.index(r[sev])][values.index(r[lik])].append(str(r.get("id", "?")))
        out.append((title, cells))
    return out


NOT_APPLICABLE = N_("Not applicable for this organisation.")


HELPERS: dict[str, Any] = {
    "rows": lambda text: 3 if len(text) < 200 else 6,  # a long answer gets a taller box
    # An overlay's answer to an inherited question that does not fit the member: written as
    # an answer the documents show, not left out (which would read as "not answered").
    "not_applicable": lambda langs: {
        lang: Translator(lang).gettext(NOT_APPLICABLE) for lang in langs
    },
    "level_label": lambda value: Level(value).label,
    "risk_level": _risk_level,
    "scale": [lv.value for lv in SCALE],
    "summary": form.summary,  # an item's id and its name, as its heading
}
