"""Making documents: the one function every front end (CLI, batch, the local form) calls."""

from __future__ import annotations

from pathlib import Path

from dpia.context.assessment import Assessment
from dpia.languages import LANGUAGES
from dpia.pdf.files import write_atomic
from dpia.produce.registry import DOCUMENTS, FORMATS, Request


class Unsupported(ValueError):
    """A document, language or format that does not exist, or a document not made in a
    format."""


def make_document(a: Assessment, doc: str, lang: str, fmt: str) -> bytes:
    """The bytes of one document in one language and format. `a` must be valid."""
    request = prepare(a, doc, lang, fmt)
    return request.format.make(request)


def prepare(a: Assessment, doc: str, lang: str, fmt: str = "pdf") -> Request:
    """What `make_document` works from: the document's context and HTML, made on demand
    (for a preview, or a test that reads the context)."""
    if doc not in DOCUMENTS:
        raise Unsupported(f"no document '{doc}'; known: {', '.join(DOCUMENTS)}")
    if lang not in LANGUAGES:
        raise Unsupported(f"no language '{lang}'; known: {', '.join(LANGUAGES)}")
    document = DOCUMENTS[doc]
    if document.kind != a.kind:
        raise Unsupported(
            f"--doc {doc} is made from a {document.kind} questionnaire, and "
            f"{a.validated.path.name} is a {a.kind} questionnaire; its documents: "
            + ", ".join(documents_of(a.kind))
        )
    if fmt not in document.formats or fmt not in FORMATS:
        raise Unsupported(f"'{doc}' is made as {', '.join(document.formats)}, not {fmt}")
    return Request(a, document, lang, FORMATS[fmt])


def documents_of(kind: str) -> list[str]:
    """The documents made from a questionnaire of `kind` ('dpia', 'knowledge-security')."""
    return [name for name, d in DOCUMENTS.items() if d.kind == kind]


def output_name(path: Path, doc: str, lang: str, fmt: str) -> str:
    """<questionnaire name>.<doc>.<lang><suffix>, e.g. school.dpia.nl.pdf."""
    return f"{path.stem}.{doc}.{lang}{FORMATS[fmt].suffix}"


def render_assessment(
    a: Assessment, docs: tuple[str, ...], langs: tuple[str, ...], fmt: str, out: Path
) -> list[Path]:
    """Write every requested document into `out`; returns the paths written. Raises on
    failure, leaving what was written before it. Of several documents (`--doc all`), only
    those of the questionnaire's own kind are made."""
    if len(docs) > 1:
        docs = tuple(d for d in docs if DOCUMENTS[d].kind == a.kind)
    written = []
    for doc in docs:
        for lang in langs:
            target = out / output_name(a.validated.path, doc, lang, fmt)
            write_atomic(target, make_document(a, doc, lang, fmt))
            written.append(target)
    return written
