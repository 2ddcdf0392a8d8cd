"""The documents dpia makes and the formats it writes them in: one entry each.

The CLI's `--doc` and `--format` choices, the batch run, output file names and the tests all
derive from these tables (languages: `dpia.languages`). A new document kind or output format is
one entry here, not a branch in several files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from dpia.context.assessment import Assessment
from dpia.context.common import DocumentBase
from dpia.context.dpia import dpia_context
from dpia.context.equality import equality_context
from dpia.context.prescan import prescan_context
from dpia.context.privacy_addendum import privacy_addendum_context
from dpia.context.processor_checklist import processor_checklist_context
from dpia.render.engine import render
from dpia.render.standalone import standalone
from dpia.render.to_markdown import to_markdown


@dataclass(frozen=True)
class Document:
    name: str  # as in `--doc` and output file names; also the template's name
    context: Callable[[DocumentBase], DocumentBase]  # builds the document's typed context
    formats: tuple[str, ...] = ("pdf", "html")  # the output formats it reads well in
    # The kind of questionnaire it is made from, so that `--doc all` picks the documents of
    # a file's own kind when questionnaires of another kind exist.
    kind: str = "dpia"
    # Sent or published outside the organisation (the addendum to the people concerned, the
    # letter to the supplier): the PDF does not carry the internal questionnaire.
    external: bool = False


@dataclass(frozen=True)
class Request:
    """One document in one language and format, for a format's maker to turn into bytes.
    The context and the HTML are made once, when a maker first asks for them."""

    assessment: Assessment
    document: Document
    lang: str
    format: Format

    @cached_property
    def context(self) -> DocumentBase:
        embeds = self.format.embeds_source and not self.document.external
        base = self.assessment.document_base(self.lang, embeds)
        return self.document.context(base)

    @cached_property
    def html(self) -> str:
        return render(self.document.name, self.context)


def _pdf(r: Request) -> bytes:
    from dpia.pdf.weasy import Source, writer  # WeasyPrint only when a PDF is written

    name, data = r.assessment.source
    source = None if r.document.external else Source(name, data)
    return writer().pdf(r.html, source, r.assessment.questionnaire.meta.assessment_date)


@dataclass(frozen=True)
class Format:
    name: str  # as in `--format`
    suffix: str  # of output files
    make: Callable[[Request], bytes]
    # Whether the output carries the questionnaire it was made from, as the colophon says.
    embeds_source: bool = False
    # Modules a batch run imports once before it forks its workers (slow to import).
    preload: tuple[str, ...] = ()


DOCUMENTS: dict[str, Document] = {
    d.name: d
    for d in (
        Document("dpia", dpia_context),
        Document("processor-checklist", processor_checklist_context),
        # Written to read well as Markdown too (no wide tables), to paste into a website.
        Document(
            "privacy-addendum", privacy_addendum_context, ("pdf", "html", "md"), external=True
        ),
        # The letter to the supplier: the checklist's gap list, addressed and dated.
        Document("supplier-letter", processor_checklist_context, external=True),
        Document("equality", equality_context),
        Document("screening", prescan_context),
    )
}

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", ".pdf", _pdf, embeds_source=True, preload=("dpia.pdf.weasy",)),
        Format("html", ".html", lambda r: standalone(r.html).encode()),
        Format("md", ".md", lambda r: to_markdown(r.html).encode()),
    )
}
