"""Routes of the form: a section of a questionnaire, and saving a change to it.

Each change is saved at once (the file is the source of truth), then the file is judged
again by the same stages as `dpia validate` (`assess_file`), and the section comes back with
its findings beside the fields they point at.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

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
from dpia.serve.overlay import to_overlay
from dpia.serve.preview import documents
from dpia.serve.saving import BadChange, Change, Conflict, save
from dpia.serve.ui import fragment, language, page
from dpia.serve.workspace import Refused, Workspace, version

MAX_CHANGES = 20
MAX_VALUE = 20_000
MAX_BODY = 1_000_000  # a change is small; a larger body is not from the form


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
    sections = form.available(data)
    if section not in sections:
        section = "screening"
    root = form.section(section, data)
    nodes = {field_path(n.loc): n for n in form.walk_nodes(root)}
    items = shown(a, lang)
    progress = {}
    for s in sections:
        done, total = form.count(form.section(s, data))
        progress[s] = (done, total)
    languages = [x for x in (data.get("meta") or {}).get("languages") or [] if x in ("nl", "en")]
    return {
        "name": name,
        "version": version(path),
        "loaded": loaded is not None,
        "data": data,
        "section": section,
        "sections": [(s, form.SECTION_NAMES[s]) for s in sections],
        "root": root,
        "placed": place(items, set(nodes)),
        "items": items,
        "errors": sum(1 for s in items if s.severity == Severity.error),
        "warnings": sum(1 for s in items if s.severity == Severity.warning),
        "progress": progress,
        "text_langs": languages or ["nl"],
        "screening": screening_result(data),
        "full": _past_prescan(data),
        "own": _overlay_own(a),
        "field_path": field_path,
        "propose_id": form.propose_id,
        "json": lambda v: json.dumps(v, ensure_ascii=False),
        "section_title": form.SECTION_NAMES[section],
        "documents": documents(),
        "heat": _heat(data) if section == "risks" else [],
        **HELPERS,
    }


def _risk_level(likelihood: str, severity: str) -> str:
    return str(level(Level(likelihood), Level(severity)).value)


def _new_item(n: form.Node) -> dict[str, str]:
    """A new list item: its id proposed, the rest to be answered."""
    model = form.field_at(n.loc).model
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
    # An overlay's answer to an inherited question that does not fit the member: written as
    # an answer the documents show, not left out (which would read as "not answered").
    "not_applicable": lambda langs: {
        lang: Translator(lang).gettext(NOT_APPLICABLE) for lang in langs
    },
    "level_label": lambda value: Level(value).label,
    "risk_level": _risk_level,
    "scale": [lv.value for lv in SCALE],
    "new_item": _new_item,
}


async def edit_page(request: Request) -> Response:
    ws: Workspace = request.app.state.workspace
    name = request.path_params["name"]
    section = request.query_params.get("section", "screening")
    try:
        values = await run_in_threadpool(section_values, ws, name, section, language(request))
    except Refused:
        return PlainTextResponse("no such questionnaire in this folder", status_code=404)
    values["full"] = values["full"] or request.query_params.get("full") == "1"
    return page(request, "edit.html.j2", **values)


async def save_change(request: Request) -> Response:
    ws: Workspace = request.app.state.workspace
    name = request.path_params["name"]
    lang = language(request)
    try:
        path = ws.path(name)
        raw = await request.body()
        if len(raw) > MAX_BODY:
            return JSONResponse({"error": "too large"}, status_code=413)
        body = json.loads(raw)
        changes = [_change(c) for c in body["changes"][:MAX_CHANGES]]
        seen, section = str(body["version"]), str(body.get("section", "screening"))
    except Refused:
        return PlainTextResponse("no such questionnaire in this folder", status_code=404)
    except (ValueError, KeyError, TypeError, IndexError) as e:
        return JSONResponse({"error": str(e) or "bad request"}, status_code=400)
    a = await run_in_threadpool(assess_file, path)
    if a.validated.loaded is None:
        return JSONResponse({"error": "the file cannot be read; fix it in an editor"}, 409)
    loaded = a.validated.loaded
    languages = list(loaded.data.get("meta", {}).get("languages") or [])
    try:
        if len(loaded.sources) > 1:  # an overlay: only its differences are written
            changes = to_overlay(changes, loaded.data, loaded.sources[-1])
        await run_in_threadpool(save, path, seen, changes, languages)
    except Conflict:
        # Another tab, an editor or a `git pull` changed the file. Answers the page shows
        # as they still are on disk were not touched there: the change goes on top. Anything
        # else needs a reload; nothing is overwritten.
        if not await run_in_threadpool(_rebase, path, body["changes"], changes, languages):
            return JSONResponse({"conflict": True}, status_code=409)
    except BadChange as e:
        return JSONResponse({"error": str(e)}, status_code=400)
    values = await run_in_threadpool(section_values, ws, name, section, lang)
    values["full"] = values["full"] or body.get("full") is True
    return JSONResponse(
        {
            "version": values["version"],
            "html": fragment(lang, "section.html.j2", **values),
            "panel": fragment(lang, "panel.html.j2", **values),
            "nav": fragment(lang, "nav.html.j2", **values),
        }
    )


def _rebase(path: Path, raw: list[Any], changes: list[Change], languages: list[str]) -> bool:
    """Save `changes` on the file as it is now, if every answer they change is still what
    the page showed (`was`); False when one is not, or the file changes meanwhile."""
    current = version(path)
    a = assess_file(path)
    if a.validated.loaded is None or len(a.validated.loaded.sources) > 1:
        return False
    data = a.validated.loaded.data
    first = languages[0] if languages else "nl"
    for r, c in zip(raw, changes, strict=False):
        if c.op != "set" or "was" not in r or _shown(data, c.loc, c.lang, first) != r["was"]:
            return False
    try:
        save(path, current, changes, languages)
    except (Conflict, BadChange):
        return False
    return True


def _shown(data: Any, loc: tuple[str | int, ...], lang: str | None, first: str) -> Any:
    """An answer as the form shows it (the text of one language, yes/no as true/false)."""
    value = data
    for part in loc:
        value = form._get(value, part)
    if lang is not None:
        if isinstance(value, dict):
            return value.get(lang) or ""
        return value if isinstance(value, str) and lang == first else ""
    if isinstance(value, list):
        return [v.get(first, "") if isinstance(v, dict) else str(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _change(raw: Any) -> Change:
    """A change as the browser sent it, checked against the model and converted."""
    op = raw["op"]
    loc = tuple(p for p in raw["loc"] if isinstance(p, str | int) and not isinstance(p, bool))
    if op not in ("set", "add", "remove", "move") or len(loc) != len(raw["loc"]) or not loc:
        raise ValueError("bad change")
    question = form.field_at(loc)
    kind, enum = question.kind, question.enum
    value = raw.get("value")
    lang = raw.get("lang")
    if lang not in (None, "nl", "en"):
        raise ValueError("bad language")
    if op == "set":
        value = _convert(value, kind, enum)
    elif op == "add":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError("bad item")
        value = {str(k): v[:MAX_VALUE] for k, v in value.items()}
    to = raw.get("to")
    return Change(op, loc, value, lang, to if isinstance(to, int) else None)


def _convert(value: Any, kind: str, enum: Any) -> Any:
    if isinstance(value, list):
        items = [_convert(v, kind, enum) for v in value if isinstance(v, str)]
        return [v for v in items if v is not None] or None
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_VALUE:
        raise ValueError("expected text")
    if kind in ("name", "id", "text"):
        return value if kind == "text" else value.strip() or None
    if kind == "bool":
        return {"true": True, "false": False}[value]
    if kind == "int":
        return int(value)
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "enum" and enum is not None:
        return enum(value).value
    raise ValueError("expected a single answer")


ROUTES = [
    Route("/edit/{name:path}", edit_page),
    Route("/api/save/{name:path}", save_change, methods=["POST"]),
]
