"""One Word document in one language from an assessment: the frame (cover, running header,
page numbers, draft mark, properties), the document's own sections, the questionnaire
attached, and the same bytes every run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dpia.docx import assessments, checklist, knowledge, letter, public, report
from dpia.docx.frame import (
    blank_document,
    contents,
    cover,
    fill_contents,
    properties,
    running_parts,
)
from dpia.docx.package import attach, describe_application, to_bytes
from dpia.docx.prose import Framed, Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, Writer
from dpia.model.enums import Status
from dpia.render.i18n import Translator

# A document's frame: what comes before its sections (cover or letterhead, running header,
# draft mark); it returns the title and subject of the document's properties.
Frame = Callable[[Writer, Any, Prose], tuple[str, str]]


@dataclass(frozen=True)
class Builder:
    write: Callable[[Writer, Any, Prose], None]  # the document's sections
    toc: bool = False  # whether it opens with a table of contents
    # None: the assessment's cover, with the document's own title and subtitle from
    # `cover_title` where it has one
    frame: Frame | None = None
    cover_title: Callable[[Writer, Any], tuple[list[Run], list[Run]]] | None = None
    # The running header repeats the cover's own title (as the HTML's running block does)
    # instead of the assessment's title.
    running_own_title: bool = False


# --doc -> how its Word version is made
BUILDERS: dict[str, Builder] = {
    "dpia": Builder(report.write, toc=True),
    "processor-checklist": Builder(
        checklist.write, toc=True, cover_title=checklist.cover_title, running_own_title=True
    ),
    # The two documents that leave the organisation have a frame of their own, without the
    # assessment's cover (title, authors, classification).
    "privacy-addendum": Builder(public.write, frame=public.frame),
    "supplier-letter": Builder(letter.write, frame=letter.frame),
    "equality": Builder(
        assessments.equality, cover_title=assessments.equality_title, running_own_title=True
    ),
    "screening": Builder(assessments.screening),
    "knowledge-security": Builder(knowledge.write, toc=True),
}


def render_docx(doc: str, ctx: Framed, source: tuple[str, bytes] | None) -> bytes:
    """The .docx of document `doc` from its typed context; `source` is the questionnaire
    (file name, bytes) to attach, or None for a document that leaves the organisation."""
    builder = BUILDERS[doc]
    prose = Prose(doc, ctx)
    document = blank_document(ctx.lang)
    w = Writer(document, Translator(ctx.lang), ctx.first_lang, ctx.translated)
    if builder.frame is not None:
        title, subject = builder.frame(w, ctx, prose)
    else:
        title, subject = _assessment_frame(w, ctx, prose, builder, source)
    toc = contents(w) if builder.toc else None
    builder.write(w, ctx, prose)
    if toc is not None:
        fill_contents(w, toc)
    properties(document, ctx, title, subject, prose.text("keywords"), prose.text("doc_title"))
    if source is not None:
        attach(document, *source)
    describe_application(document)
    return to_bytes(document, ctx.date)


def _assessment_frame(
    w: Writer, ctx: Framed, prose: Prose, builder: Builder, source: tuple[str, bytes] | None
) -> tuple[str, str]:
    """The cover of an internal document (kind, title, facts, colophon), the running header
    with version, status and classification, and the DRAFT mark on a draft."""
    doc_title, q, lang = prose.text("doc_title"), ctx.q, ctx.lang
    # The shared frame's first sentence names the PDF; a .docx carries the questionnaire too.
    colophon: list[Run] = []
    if source is not None:
        made = w._("Made with dpia from %(name)s, which is embedded in this Word document.")
        colophon.append(Run(made % {"name": source[0]} + " ", small=True))
    if ctx.central is not None:
        adopts = w._(
            'It adopts the central assessment "%(title)s", version %(version)s of %(date)s, except'
            " where an item is marked local, adapted or not applicable."
        )
        central_title = ctx.central.title.get(lang, ctx.first_lang)[0]
        when = w.t.date(ctx.central.date)
        values = {"title": central_title, "version": ctx.central.version, "date": when}
        colophon.append(Run(adopts % values + " ", small=True))
    colophon += [Run(r.text, small=True, lang=r.lang) for r in prose.runs("colophon")]
    own_title = builder.cover_title(w, ctx) if builder.cover_title else None
    cover(w, ctx, doc_title, colophon, own_title)
    status, classification = w.t.label(q.meta.status), w.t.label(q.meta.classification)
    running = f"{w._('Version')} {q.meta.version} · {status} · {classification.upper()}"
    title = q.meta.title.get(lang, ctx.first_lang)[0]
    if own_title is not None and builder.running_own_title:
        title = "".join(r.text for r in own_title[0] if not r.small)
    running_parts(w, title, running, q.meta.status is Status.draft)
    w.page_break()
    return f"{doc_title} {DASH} {title}", f"{doc_title}: {title}"
