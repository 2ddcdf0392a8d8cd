"""HTML to PDF/A-3a with WeasyPrint: tagged, with the source questionnaire attached, and
reproducible (fixed dates and identifier, bundled fonts)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from functools import cache, cached_property

from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration

from dpia.pdf.fetcher import ContainedFetcher, Refused
from dpia.resources import SHARED

PDF_VARIANT = "pdf/a-3a"


class RenderRefused(Exception):
    """The document asked for a resource the fetcher refused: no PDF is written."""


@dataclass(frozen=True)
class Source:
    """The questionnaire a PDF is made from, embedded so the PDF carries it."""

    name: str
    data: bytes


class PdfWriter:
    """One per process: the font configuration and parsed stylesheet are reused for every
    document, which matters in batch runs."""

    def __init__(self) -> None:
        self.fonts = FontConfiguration()
        self.fetcher = ContainedFetcher([SHARED])

    @cached_property
    def stylesheet(self) -> CSS:
        return CSS(
            filename=str(SHARED / "style.css"), font_config=self.fonts, url_fetcher=self.fetcher
        )

    def pdf(self, html: str, source: Source, when: dt.date) -> bytes:
        stamp = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
        attachment = Attachment(
            file_obj=io.BytesIO(source.data),
            url_fetcher=self.fetcher,
            name=source.name,
            description="Source questionnaire",
            created=stamp,
            modified=stamp,
            relationship="Source",
        )
        self.fetcher.refused.clear()
        digest = hashlib.sha256(html.encode() + source.data).hexdigest()[:32]
        try:
            document = HTML(
                string=html, base_url=SHARED.as_uri() + "/", url_fetcher=self.fetcher
            ).render(stylesheets=[self.stylesheet], font_config=self.fonts)
            out: bytes = document.write_pdf(
                pdf_variant=PDF_VARIANT,
                pdf_identifier=digest.encode(),
                attachments=[attachment],
                uncompressed_pdf=False,
            )
        except Refused:
            pass  # recorded by the fetcher; reported below
        if self.fetcher.refused:  # also those WeasyPrint caught and only logged while drawing
            raise RenderRefused("; ".join(dict.fromkeys(self.fetcher.refused)))
        return out


@cache
def writer() -> PdfWriter:
    """The process's writer, so fonts and stylesheet are prepared once."""
    return PdfWriter()
