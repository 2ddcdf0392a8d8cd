"""Making documents: the one function every front end (CLI, batch, the local form) calls."""

from __future__ import annotations

from pathlib import Path

from dpia.context.assessment import Assessment
from dpia.languages import LANGUAGES
from dpia.pdf.files import write_atomic
from dpia.produce.limits import document_limits
from dpia.produce.registry import DOCUMENTS, FORMATS, Request


class Unsupported(ValueError):
    """A document, language or format that does not exist, or a document not made in a
    format."""


def make_document(
    a: Assessment, doc: str, lang: str, fmt: str, processor: str | None = None
) -> bytes:
    """The bytes of one document in one language and format (for a per-processor document:
    made for `processor`, by default the first agreement's). `a` must be valid."""
    request = prepare(a, doc, lang, fmt, processor)
    with document_limits():
        return request.format.make(request)


def prepare(
    a: Assessment, doc: str, lang: str, fmt: str = "pdf", processor: str | None = None
) -> Request:
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
    if processor is not None:
        if not document.per_processor:
            per = ", ".join(n for n, d in DOCUMENTS.items() if d.per_processor)
            raise Unsupported(f"a processor is chosen only for {per}, not for '{doc}'")
        known = agreement_processors(a)
        if processor not in known:
            raise Unsupported(
                f"no processor agreement for '{processor}'; known: {', '.join(known) or 'none'}"
            )
    return Request(a, document, lang, FORMATS[fmt], processor)


def agreement_processors(a: Assessment) -> list[str]:
    """The ids of the processors with an agreement in the questionnaire, in its order
    (processor_agreement, then further_agreements): a per-processor document is made for one."""
    q = a.validated.questionnaire  # None for a knowledge-security check
    return [ag.processor for _, ag in q.agreements() if ag.processor] if q else []


def processors_for(
    a: Assessment, doc: str, processor: str | None = None, every: bool = False
) -> list[str | None]:
    """For whom to make `doc`: a document not made per processor once (None); a per-processor
    one for `processor`, or else for the first agreement's processor, or (`every`, as a batch
    run does) for each processor with an agreement in turn."""
    if not DOCUMENTS[doc].per_processor:
        return [None]
    if processor is not None:
        return [processor]
    known: list[str | None] = [*agreement_processors(a)]
    return (known if every else known[:1]) or [None]


def named_processor(a: Assessment, processor: str | None) -> str | None:
    """The processor an output file's name carries: only when the questionnaire has several
    agreements (with one, the name stays <name>.supplier-letter.<lang>.pdf)."""
    return processor if len(agreement_processors(a)) > 1 else None


def documents_of(kind: str) -> list[str]:
    """The documents made from a questionnaire of `kind` ('dpia', 'knowledge-security')."""
    return [name for name, d in DOCUMENTS.items() if d.kind == kind]


def output_name(path: Path, doc: str, lang: str, fmt: str, processor: str | None = None) -> str:
    """<questionnaire name>.<doc>.<lang><suffix>, e.g. school.dpia.nl.pdf; a document made for
    one processor names it: school.supplier-letter-lvs.nl.pdf."""
    name = f"{doc}-{processor}" if processor else doc
    return f"{path.stem}.{name}.{lang}{FORMATS[fmt].suffix}"


def render_assessment(
    a: Assessment,
    docs: tuple[str, ...],
    langs: tuple[str, ...],
    fmt: str,
    out: Path,
    processor: str | None = None,
) -> list[Path]:
    """Write every requested document into `out`; returns the paths written. Raises on
    failure, leaving what was written before it. Of several documents (`--doc all`), only
    those of the questionnaire's own kind are made. A per-processor document is made for
    `processor`, by default the first agreement's; its file is named after the processor when
    there are several agreements."""
    if len(docs) > 1:
        docs = tuple(d for d in docs if DOCUMENTS[d].kind == a.kind)
    written = []
    for doc in docs:
        for whom in processors_for(a, doc, processor):
            for lang in langs:
                name = output_name(a.validated.path, doc, lang, fmt, named_processor(a, whom))
                write_atomic(out / name, make_document(a, doc, lang, fmt, whom))
                written.append(out / name)
    return written
