"""Routes of the form: a section of a questionnaire, and saving a change to it.

Each change is checked against the model (`form.field_at`) and saved at once (the file is
the source of truth); then the file is judged again by the same stages as `dpia validate`
and the section comes back with its findings beside the fields they point at (`view`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from dpia.context.assessment import assess_file
from dpia.serve import form
from dpia.serve.overlay import to_overlay
from dpia.serve.saving import BadChange, Change, Conflict, save
from dpia.serve.ui import fragment, language, page
from dpia.serve.view import section_values
from dpia.serve.workspace import Refused, Workspace, version

MAX_CHANGES = 20
MAX_VALUE = 20_000
MAX_LINES = 500  # as the model's longest list
MAX_BODY = 1_000_000  # a change is small; a larger body is not from the form


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
        if not isinstance(body["changes"], list):
            raise TypeError("changes")
        seen, section = str(body["version"]), str(body.get("section", "screening"))
    except Refused:
        return PlainTextResponse("no such questionnaire in this folder", status_code=404)
    except (ValueError, KeyError, TypeError, IndexError) as e:
        return JSONResponse({"error": str(e) or "bad request"}, status_code=400)
    a = await run_in_threadpool(assess_file, path)
    if a.validated.loaded is None:
        return JSONResponse({"error": "the file cannot be read; fix it in an editor"}, 409)
    loaded = a.validated.loaded
    kind = form.kind_of(loaded.data)
    if kind is None:
        return JSONResponse({"error": "the form does not ask this kind's questions"}, 400)
    try:
        changes = [_change(c, kind) for c in body["changes"][:MAX_CHANGES]]
    except (ValueError, KeyError, TypeError, IndexError) as e:
        return JSONResponse({"error": str(e) or "bad request"}, status_code=400)
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
        value = form.child(value, part)
    if lang is not None and isinstance(value, list):  # one language of a list of texts
        return [_shown(v, (), lang, first) for v in value]
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


def _change(raw: Any, kind: str) -> Change:
    """A change as the browser sent it, checked against the model and converted."""
    op = raw["op"]
    loc = tuple(p for p in raw["loc"] if isinstance(p, str | int) and not isinstance(p, bool))
    if op not in ("set", "add", "remove", "move") or len(loc) != len(raw["loc"]) or not loc:
        raise ValueError("bad change")
    question = form.field_at(loc, kind)
    kind, enum = question.kind, question.enum
    value = raw.get("value")
    lang = raw.get("lang")
    if lang not in (None, "nl", "en"):
        raise ValueError("bad language")
    if op == "set" and lang is not None and question.many:
        # One language of a list of texts, line by line: empty lines keep their place.
        if kind != "text" or not isinstance(value, list):
            raise ValueError("expected lines of text")
        value = [v[:MAX_VALUE] if isinstance(v, str) else "" for v in value[:MAX_LINES]]
    elif op == "set":
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
