"""Routes of the previews and downloads: any document, either language, made by the same
production layer as `dpia render` (`dpia.produce`)."""

from __future__ import annotations

import re
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from dpia.context.assessment import assess_file
from dpia.model.labels import N_
from dpia.produce import DOCUMENTS, LANGUAGES, Unsupported, make_document, output_name
from dpia.resources import SHARED
from dpia.serve.workspace import Refused, Workspace


async def _make(request: Request, fmt: str) -> Response:
    ws: Workspace = request.app.state.workspace
    doc = request.query_params.get("doc", "dpia")
    lang = request.query_params.get("lang", "nl")
    if doc not in DOCUMENTS or lang not in LANGUAGES:
        return PlainTextResponse("no such document or language", status_code=404)
    try:
        path = ws.path(request.path_params["name"])
    except Refused:
        return PlainTextResponse("no such questionnaire in this folder", status_code=404)
    a = await run_in_threadpool(assess_file, path)
    if not a.ok:
        return PlainTextResponse(
            "The questionnaire has errors; fix them first (see the findings).", status_code=422
        )
    try:
        data = await run_in_threadpool(make_document, a, doc, lang, fmt)
    except Unsupported as e:
        return PlainTextResponse(str(e), status_code=404)
    if fmt == "html":
        return HTMLResponse(data.decode("utf-8"))
    filename = output_name(path, doc, lang, fmt)
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


# What the document list shows; a document kind added to the registry without a name here
# is listed by its `--doc` name.
DOCUMENT_NAMES = {
    "dpia": N_("Data protection impact assessment"),
    "processor-checklist": N_("Processor agreement checklist"),
    "privacy-addendum": N_("Privacy statement addendum"),
    "equality": N_("Equality impact assessment"),
    "screening": N_("Pre-scan"),
    "supplier-letter": N_("Letter to the supplier"),
    "knowledge-security": N_("Knowledge-security check"),
}


def documents(kind: str) -> list[tuple[str, str]]:
    """(`--doc` name, English catalog message) of every document made from a file of `kind`."""
    return [(n, DOCUMENT_NAMES.get(n, n)) for n, d in DOCUMENTS.items() if d.kind == kind]


_FONT = re.compile(r"(?:.*/)?fonts/([A-Za-z0-9_-]+\.ttf)")


async def preview(request: Request) -> Response:
    # The document's stylesheet asks for its fonts beside the document (fonts/...): serve
    # the package's own, by name only, so the preview looks like the PDF.
    font = _FONT.fullmatch(request.path_params["name"])
    if font:
        path = SHARED / "fonts" / font.group(1)
        if path.is_file():
            return FileResponse(path, media_type="font/ttf")
        return PlainTextResponse("no such font", status_code=404)
    return await _make(request, "html")


async def pdf(request: Request) -> Response:
    return await _make(request, "pdf")


ROUTES = [
    Route("/preview/{name:path}", preview),
    Route("/pdf/{name:path}", pdf),
]
