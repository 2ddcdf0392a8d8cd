"""The documents dpia makes and the formats it writes them in: one entry each.

The CLI's `--doc` and `--format` choices, the batch run, output file names and the tests all
derive from these tables (languages: `dpia.languages`). A new document kind or output format is
one entry here, not a branch in several files: a format made of every document (DOCX, say)
reaches every document by its entry in FORMATS alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from dpia.context.assessment import Assessment
from dpia.context.common import DocumentBase
from dpia.context.dpia import dpia_context
from dpia.context.equality import equality_context
from dpia.context.knowledge import KnowledgeContext, knowledge_context
from dpia.context.prescan import prescan_context
from dpia.context.privacy_addendum import privacy_addendum_context
from dpia.context.processor_checklist import processor_checklist_context
from dpia.render.engine import render
from dpia.render.standalone import standalone
from dpia.render.to_markdown import to_markdown


@dataclass(frozen=True)
class Document:
    name: str  # as in `--doc` and output file names; also the template's name
    # Builds the document's typed context; for a per-processor document it also takes the id
    # of the processor it is made for (None: the first agreement's).
    context: Callable[..., DocumentBase]
    # The output formats it is made in: by default every format made of every document.
    formats: tuple[str, ...] = field(default_factory=lambda: _common_formats())
    # The kind of questionnaire it reads ('dpia' or 'knowledge-security'): `--doc all` and
    # batch runs make only the documents of a file's own kind.
    kind: str = "dpia"
    # For a kind other than the DPIA: builds the context from the assessment, the language
    # and whether the output embeds the questionnaire
    # (a DPIA document's context starts from `Assessment.document_base`).
    build: Callable[[Assessment, str, bool], KnowledgeContext] | None = None
    # Sent or published outside the organisation (the addendum to the people concerned, the
    # letter to the supplier): the PDF does not carry the internal questionnaire.
    external: bool = False
    # Made for one processor at a time (the letter to a supplier): `--processor` picks it, and
    # a batch run makes one per processor agreement, so no supplier sees another's gaps.
    per_processor: bool = False


@dataclass(frozen=True)
class Request:
    """One document in one language and format, for a format's maker to turn into bytes.
    The context and the HTML are made once, when a maker first asks for them."""

    assessment: Assessment
    document: Document
    lang: str
    format: Format
    processor: str | None = None  # for a per-processor document: whose (None: the first)

    @cached_property
    def context(self) -> DocumentBase | KnowledgeContext:
        embeds = self.format.embeds_source and not self.document.external
        if self.document.build is not None:
            return self.document.build(self.assessment, self.lang, embeds)
        base = self.assessment.document_base(self.lang, embeds)
        if self.document.per_processor:
            return self.document.context(base, self.processor)
        return self.document.context(base)

    @cached_property
    def html(self) -> str:
        return render(self.document.name, self.context)


def _pdf(r: Request) -> bytes:
    from dpia.pdf.weasy import Source, writer  # WeasyPrint only when a PDF is written

    # A document that leaves the organisation never carries the internal questionnaire.
    sources = [] if r.document.external else r.assessment.attachments
    files = [Source(name, data) for name, data in sources]
    return writer().pdf(r.html, files, r.assessment.document.meta.assessment_date)


def _docx(r: Request) -> bytes:
    from dpia.docx.render import render_docx  # python-docx only when a .docx is written

    # A document that leaves the organisation does not carry the questionnaire.
    source = None if r.document.external else r.assessment.source
    return render_docx(r.document.name, r.context, source)


@dataclass(frozen=True)
class Format:
    name: str  # as in `--format`
    suffix: str  # of output files
    make: Callable[[Request], bytes]
    # Whether the output carries the questionnaire it was made from, as the colophon says.
    embeds_source: bool = False
    # Modules a batch run imports once before it forks its workers (slow to import).
    preload: tuple[str, ...] = ()
    # Made of every document unless a document says otherwise; False: only of the documents
    # that list it (Markdown reads well only for documents without wide tables).
    every_document: bool = True


def _no_dpia_context(base: DocumentBase) -> DocumentBase:
    raise TypeError("a knowledge-security document is built from its own questionnaire")


def _common_formats() -> tuple[str, ...]:
    return tuple(name for name, f in FORMATS.items() if f.every_document)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", ".pdf", _pdf, embeds_source=True, preload=("dpia.pdf.weasy",)),
        Format("html", ".html", lambda r: standalone(r.html).encode()),
        Format("md", ".md", lambda r: to_markdown(r.html).encode(), every_document=False),
        # Made from the typed context, not from the HTML; the questionnaire is attached.
        Format("docx", ".docx", _docx, embeds_source=True, preload=("dpia.docx.render",)),
    )
}

DOCUMENTS: dict[str, Document] = {
    d.name: d
    for d in (
        Document("dpia", dpia_context),
        Document("processor-checklist", processor_checklist_context),
        # Written to read well as Markdown too (no wide tables), to paste into a website.
        # A public document: every format prints only its public context.
        Document(
            "privacy-addendum",
            privacy_addendum_context,
            ("pdf", "html", "md", "docx"),
            external=True,
        ),
        # The letter to one supplier: its agreement's gap list, addressed and dated.
        Document(
            "supplier-letter",
            processor_checklist_context,
            ("pdf", "html", "docx"),
            external=True,
            per_processor=True,
        ),
        Document("equality", equality_context),
        Document("screening", prescan_context),
        Document(
            "knowledge-security",
            _no_dpia_context,
            ("pdf", "html", "docx"),
            kind="knowledge-security",
            build=knowledge_context,
        ),
    )
}
