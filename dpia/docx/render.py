"""One Word document in one language from an assessment: the frame (cover, running header,
page numbers, draft mark, properties), the document's own sections, the questionnaire
attached, and the same bytes every run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dpia.docx import assessments, checklist, knowledge, report
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
from dpia.docx.writer import Writer
from dpia.render.i18n import Translator

# --doc -> (the sections, whether it opens with a table of contents)
BUILDERS: dict[str, tuple[Callable[[Writer, Any, Prose], None], bool]] = {
    "dpia": (report.write, True),
    "processor-checklist": (checklist.write, True),
    "equality": (assessments.equality, False),
    "screening": (assessments.screening, False),
    "knowledge-security": (knowledge.write, True),
}

# --doc -> its own cover title and subtitle, in place of the assessment's
COVER_TITLES: dict[str, Callable[[Writer, Any], tuple[list[Run], list[Run]]]] = {
    "processor-checklist": checklist.cover_title,
}


def render_docx(doc: str, ctx: Framed, source: tuple[str, bytes] | None) -> bytes:
    """The .docx of document `doc` from its typed context; `source` is the questionnaire
    (file name, bytes) to attach, or None for a document that leaves the organisation."""
    write, with_toc = BUILDERS[doc]
    lang = ctx.lang
    prose = Prose(doc, ctx)
    document = blank_document(lang)
    w = Writer(document, Translator(lang), ctx.first_lang, ctx.translated)
    doc_title, q = prose.text("doc_title"), ctx.q
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
        title = ctx.central.title.get(lang, ctx.first_lang)[0]
        when = w.t.date(ctx.central.date)
        values = {"title": title, "version": ctx.central.version, "date": when}
        colophon.append(Run(adopts % values + " ", small=True))
    colophon += [Run(r.text, small=True, lang=r.lang) for r in prose.runs("colophon")]
    own_title = COVER_TITLES[doc](w, ctx) if doc in COVER_TITLES else None
    cover(w, ctx, doc_title, colophon, own_title)
    status, classification = w.t.label(q.meta.status), w.t.label(q.meta.classification)
    running = f"{w._('Version')} {q.meta.version} · {status} · {classification.upper()}"
    running_parts(w, ctx, running)
    w.page_break()
    toc = contents(w) if with_toc else None
    write(w, ctx, prose)
    if toc is not None:
        fill_contents(w, toc)
    properties(document, ctx, doc_title, prose.text("keywords"))
    if source is not None:
        attach(document, *source)
    describe_application(document)
    return to_bytes(document, ctx.date)
