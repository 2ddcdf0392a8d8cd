"""Routes of the start page: the questionnaires in the folder, and new ones."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dpia.context.assessment import Assessment
from dpia.languages import LANGUAGES
from dpia.model.enums import Labelled
from dpia.produce.starter import PRESETS
from dpia.rules.screening import screen
from dpia.serve.form import KINDS
from dpia.serve.ui import page
from dpia.serve.workspace import Refused, Workspace


async def start(request: Request) -> Response:
    ws: Workspace = request.app.state.workspace
    entries = await run_in_threadpool(ws.entries)
    rows = []
    for e in entries:
        a = e.assessment
        q = a.validated.questionnaire  # a DPIA; a check of another kind has only its meta
        meta = (q or a.validated.knowledge).meta if a.ok else None  # type: ignore[union-attr]
        rows.append(
            {
                "name": e.name,
                "url": "/edit/" + quote(e.name),
                "title": meta.title.get("nl", meta.languages[0].value)[0] if meta else None,
                "title_en": meta.title.get("en", meta.languages[0].value)[0] if meta else None,
                "status": meta.status if meta else None,
                "verdict": screen(q.screening).verdict if q else None,
                "decision": _decision(a),
                "check": a.ok and a.validated.knowledge is not None,
                "errors": len(a.validated.problems)
                + sum(1 for f in a.findings if f.where.severity == "error"),
                "warnings": sum(1 for f in a.findings if f.where.severity == "warning"),
                "review": meta.review_date if meta else None,
                "valid": a.ok,
            }
        )
    return page(request, "start.html.j2", rows=rows, folder=str(ws.root), presets=PRESETS)


def _decision(a: Assessment) -> Labelled | None:
    """The decision on a DPIA's processing, or the verdict of a knowledge-security check."""
    q, k = a.validated.questionnaire, a.validated.knowledge
    if q is not None and q.consultation.decision is not None:
        return q.consultation.decision.outcome
    if k is not None:
        return k.decision.verdict
    return None


async def new(request: Request) -> Response:
    """Create a questionnaire from the starter; a pre-scan opens on its questions."""
    ws: Workspace = request.app.state.workspace
    try:
        raw = await request.body()
        if len(raw) > 10_000:
            raise ValueError("too large")
        body = json.loads(raw)
        preset, lang = body["preset"], body["lang"]
        if preset not in PRESETS or lang not in LANGUAGES:
            raise ValueError(preset)
        path = ws.create(str(body["name"]), preset, lang, dt.date.today())
    except FileExistsError:
        return JSONResponse({"error": "exists"}, status_code=409)
    except (Refused, ValueError, KeyError, TypeError):
        return JSONResponse({"error": "name"}, status_code=400)
    first = KINDS["knowledge-security" if preset == "knowledge-security" else "dpia"].first
    return JSONResponse({"url": "/edit/" + quote(ws.name(path)) + "?section=" + first})


ROUTES = [Route("/", start), Route("/api/new", new, methods=["POST"])]
