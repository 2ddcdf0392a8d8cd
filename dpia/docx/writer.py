"""A thin layer over python-docx: every run gets its language, headings use Word's own heading
styles (navigation pane, table of contents), tables repeat their header row on every page.

Answers are only ever added as run text: python-docx escapes it, so nothing typed in a
questionnaire becomes markup, a field or a link.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable, Sequence
from typing import Any

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from dpia.docx.html_text import parse
from dpia.docx.runs import Run
from dpia.languages import LANGUAGES
from dpia.model import Text
from dpia.render import markdown
from dpia.render.i18n import Translator

# Word's language tags: BCP 47 with the region, as its proofing tools are keyed (nl-NL, en-GB),
# from the same locale the dates and country names are formatted in.
LANG_TAGS = {code: lang.locale.replace("_", "-") for code, lang in LANGUAGES.items()}
DASH = "\u2013"  # en dash: an empty cell that is not a gap
TIMES = " \u00d7 "  # likelihood x severity
GAP_COLOUR = RGBColor(0xA6, 0x1B, 0x1B)
MUTED = RGBColor(0x5A, 0x64, 0x73)


Cell = str | Run | Sequence[Run] | None


def set_lang(element: Any, tag: str) -> None:
    """Give an rPr (of a run or a style) its w:lang, in the place the schema wants it."""
    old = element.find(qn("w:lang"))
    if old is not None:
        element.remove(old)
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), tag)
    element.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


class Writer:
    """Adds the parts of a document in one language: headings, paragraphs, answers, tables."""

    def __init__(
        self, document: Document, t: Translator, first_lang: str, translated: bool = True
    ) -> None:
        self.doc = document
        self.t = t
        self.lang = t.lang
        self.first_lang = first_lang
        # Whether answers are meant to exist in this language (dpia.context.common.translated):
        # only then is an answer in another language marked, as in the PDF.
        self.translated = translated
        # The gettext context of the document's wording variant, if any (set by the document).
        self.variant: str | None = None

    def _(self, message: str) -> str:
        if self.variant is not None:
            # A message with a variant in the catalogs ("informal": the Dutch "je" of the
            # addendum); the plain message where it has none.
            varied = self.t.catalog.pgettext(self.variant, message)
            if varied != message:
                return varied
        return self.t.gettext(message)

    # ------------------------------------------------------------------ runs
    def runs(self, paragraph: Paragraph, parts: Iterable[Run]) -> Paragraph:
        for part in parts:
            run = paragraph.add_run(part.text)
            run.bold = part.bold or None
            run.italic = part.italic or part.gap or None
            if part.gap:
                run.font.color.rgb = GAP_COLOUR
            if part.small:
                run.font.size = Pt(8.5)
                run.font.color.rgb = run.font.color.rgb or MUTED
            set_lang(run._r.get_or_add_rPr(), LANG_TAGS[part.lang or self.lang])
        return paragraph

    def gap_run(self) -> Run:
        return Run(self._("Not answered"), gap=True)

    def answer_runs(self, value: Text | None) -> list[Run]:
        """An answer on one line, in the language it is written in; another language than the
        document's is marked with its code, as in the PDF."""
        if value is None:
            return [self.gap_run()]
        content, lang = value.get(self.lang, self.first_lang)
        # Markdown's emphasis and links as in the PDF (the project's one Markdown subset)
        runs = [
            dataclasses.replace(r, lang=lang)
            for p in parse(markdown.inline(content))
            for r in p.runs
        ]
        if lang == self.lang or not self.translated:
            return runs
        return [Run(lang.upper() + " ", small=True), *runs]

    # ------------------------------------------------------------------ blocks
    def heading(self, text: str, level: int, *more: Run) -> Paragraph:
        """A heading in Word's own style; `more`: runs after its text (an item's mark)."""
        p = self.doc.add_heading(level=level)
        return self.runs(p, [Run(text), *more])

    def para(self, *parts: Run | str, style: str | None = None) -> Paragraph:
        p = self.doc.add_paragraph(style=style)
        return self.runs(p, [Run(x) if isinstance(x, str) else x for x in parts])

    def answer(self, value: Text | None) -> None:
        """A free-text answer as paragraphs (blank lines in the answer separate them)."""
        if value is None:
            self.para(self.gap_run())
            return
        content, lang = value.get(self.lang, self.first_lang)
        marked = lang != self.lang and self.translated
        marker = [Run(lang.upper() + " ", small=True)] if marked else []
        # paragraphs and lists of the Markdown subset answers may use, as in the PDF
        for i, p in enumerate(parse(markdown.block(content))):
            runs = [
                *(marker if i == 0 else []),
                *(dataclasses.replace(r, lang=lang) for r in p.runs),
            ]
            if p.kind == "p":
                self.para(*runs)
            else:
                self.items([runs], numbered=p.kind == "number")

    def qa(self, label: str, value: Text | None) -> None:
        """A question and its answer, as in the PDF."""
        self.para(Run(label, bold=True), style="Body Text").paragraph_format.keep_with_next = True
        self.answer(value)

    def items(self, entries: Iterable[Sequence[Run]], numbered: bool = False) -> None:
        style = "List Number" if numbered else "List Bullet"
        for entry in entries:
            self.runs(self.doc.add_paragraph(style=style), entry)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[Cell]],
        widths: Sequence[float] | None = None,
    ) -> None:
        """A grid whose header row repeats on every page it runs over. Column widths are
        shares of the text width, or worked out from the content."""
        body = list(rows)
        table = self.doc.add_table(rows=1 + len(body), cols=len(headers))
        table.style = "Table Grid"
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text in zip(header.cells, headers, strict=True):
            self._fill(cell, [Run(text, bold=True)])
            _shade(cell, "E8ECF1")
        cells = [[self._cell_runs(value) for value in values] for values in body]
        for row, values in zip(table.rows[1:], cells, strict=True):
            for cell, runs in zip(row.cells, values, strict=True):
                self._fill(cell, runs)
        _widths(table, list(widths or _shares([[[Run(h)] for h in headers], *cells])))
        self.doc.add_paragraph()  # Word joins two tables that touch

    def facts(self, rows: Iterable[tuple[str, Cell]]) -> None:
        """Label/value pairs as a two-column table, labels shaded."""
        body = list(rows)
        table = self.doc.add_table(rows=len(body), cols=2)
        table.style = "Table Grid"
        for row, (label, value) in zip(table.rows, body, strict=True):
            self._fill(row.cells[0], [Run(label, bold=True)])
            _shade(row.cells[0], "F3F5F8")
            self._fill(row.cells[1], self._cell_runs(value))
        _widths(table, [0.36, 0.64])
        self.doc.add_paragraph()

    def _cell_runs(self, value: Cell) -> list[Run]:
        if value is None:
            return [self.gap_run()]
        if isinstance(value, str):
            return [Run(value)]
        if isinstance(value, Run):
            return [value]
        return list(value)

    def _fill(self, cell: _Cell, parts: list[Run]) -> None:
        """Runs into a cell; a Run with text '\\n' starts a new line."""
        p = cell.paragraphs[0]
        for part in parts:
            if part.text == "\n":
                self.bare_run(p).add_break(WD_BREAK.LINE)
            else:
                self.runs(p, [part])

    def pictures(self, figures: Sequence[tuple[bytes, str]], width_cm: float) -> None:
        """Images side by side, each with its caption below and the caption as the
        description screen readers announce; in a borderless table, so they stay together."""
        table = self.doc.add_table(rows=2, cols=len(figures))
        for i, (png, caption) in enumerate(figures):
            paragraph = table.rows[0].cells[i].paragraphs[0]
            self.bare_run(paragraph).add_picture(io.BytesIO(png), width=Cm(width_cm))
            paragraph._p.xpath(".//wp:docPr")[0].set("descr", caption)
            caption_paragraph = table.rows[1].cells[i].paragraphs[0]
            caption_paragraph.style = self.doc.styles["Caption"]
            self.runs(caption_paragraph, [Run(caption, small=True)])
        self.doc.add_paragraph()

    def page_break(self) -> None:
        self.bare_run(self.doc.add_paragraph()).add_break(WD_BREAK.PAGE)

    def bare_run(self, paragraph: Paragraph) -> DocxRun:
        """A run without text (a break, a picture), still with the document's language."""
        run = paragraph.add_run()
        set_lang(run._r.get_or_add_rPr(), LANG_TAGS[self.lang])
        return run


TEXT_WIDTH_CM = 16.6  # A4 less the margins (frame.py)
CHAR_CM, PAD_CM = 0.23, 0.55  # a character of 9 pt table text, bold or wider fallback; padding
SHORT_CM = 3.2  # columns whose longest line is narrower keep their natural width
LONGEST_WORD_CM = 4.2  # a longer word may break rather than squeeze its neighbours


def _shares(rows: list[list[list[Run]]]) -> list[float]:
    """Column widths from their content, as a browser lays out a table: a column whose longest
    line fits in SHORT_CM gets just that; the others share the rest by the square root of
    their longest text (a long answer gets the room), none narrower than its longest word."""
    least, natural, weight = [], [], []
    for column in zip(*rows, strict=True):
        texts = ["".join(r.text for r in cell) for cell in column]
        lines = [line for t in texts for line in t.split("\n")]
        word = max((len(w) for t in texts for w in t.split()), default=1)
        least.append(min(CHAR_CM * word + PAD_CM, LONGEST_WORD_CM))
        natural.append(CHAR_CM * max(len(line) for line in lines) + PAD_CM)
        weight.append(max(len(t) for t in texts) ** 0.5)
    widths = [n if n <= SHORT_CM else 0.0 for n in natural]
    while True:
        flexible = [i for i, w in enumerate(widths) if w == 0.0]
        spare = TEXT_WIDTH_CM - sum(widths)
        total = sum(weight[i] for i in flexible)
        starved = [i for i in flexible if spare * weight[i] / total < least[i]] if total else []
        if not starved:
            break
        for i in starved:
            widths[i] = least[i]
    for i in flexible:
        widths[i] = max(spare * weight[i] / (total or 1), least[i])
    return [w / sum(widths) for w in widths]


def _widths(table: Table, shares: list[float]) -> None:
    """Fixed column widths (Word and LibreOffice would otherwise make them all equal)."""
    table.autofit = False
    for column, share in zip(table.columns, shares, strict=True):
        width = Cm(TEXT_WIDTH_CM * share)
        column.width = width
        for cell in column.cells:
            cell.width = width


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def NL() -> Run:
    return Run("\n")
