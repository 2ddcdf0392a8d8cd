"""The Word documents say what the HTML (and so the PDF) says: for every DPIA sample, document
and language, the facts a reader acts on appear in both. Text is compared normalised (spaces
collapsed), not layout: every piece of text the HTML body shows (headings, table headers,
captions, labels and values, alerts, small print) must be in the Word text; and for the DPIA
report, named: the verdict, the decision, the supervisory authority, every risk id and every
finding's message."""

from __future__ import annotations

import io
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from dpia.context.assessment import Assessment, assess_file
from dpia.context.dpia import DpiaContext
from dpia.languages import LANGUAGES
from dpia.produce import prepare
from dpia.render.i18n import Translator
from tests.test_docx import ROOT, SAMPLES, WORD


def norm(text: str) -> str:
    # no-break and zero-width spaces are hints for line breaking in the PDF
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


# Left out of the comparison: the page frame Word keeps elsewhere (running header, draft mark
# in the header part), the table of contents (a field in Word), drawings (heat maps are images)
# and the section numbers the PDF prints beside headings.
SKIPPED_TAGS = frozenset({"svg", "style", "script", "nav"})
SKIPPED_CLASSES = frozenset({"toc", "num", "running", "watermark"})
VOID = frozenset({"br", "img", "meta", "link", "hr", "wbr", "input"})


class _Texts(HTMLParser):
    """Every piece of text the HTML body shows, as (the tag it is in, the text): text between
    two tags is one piece, so each must appear in Word, though Word may join them differently."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, set((dict(attrs).get("class") or "").split())))

    def handle_endtag(self, tag: str) -> None:
        if any(t == tag for t, _c in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if any(t in SKIPPED_TAGS or c & SKIPPED_CLASSES for t, c in self.stack):
            return
        # separators and punctuation around a piece are layout, not content
        text = norm(data).strip(" ·;,:()")
        if sum(ch.isalpha() for ch in text) >= 3:
            self.found.append((self.stack[-1][0] if self.stack else "", text))


def html_texts(html: str) -> list[tuple[str, str]]:
    parser = _Texts()
    parser.feed(html[html.find("<body") :])
    parser.close()
    return parser.found


def docx_text(data: bytes) -> str:
    """Every paragraph of the body and of its tables' cells, in document order."""
    d = docx.Document(io.BytesIO(data))
    paragraphs = d.element.body.iter(qn("w:p"))
    return norm(" ".join(Paragraph(p, d).text for p in paragraphs))


KNOWLEDGE = sorted(ROOT.glob("samples/knowledge-security/*.yaml"))
CASES = [
    *((p, doc, lang) for p in SAMPLES for doc in WORD for lang in LANGUAGES),
    *((p, "knowledge-security", lang) for p in KNOWLEDGE for lang in LANGUAGES),
]


@pytest.fixture(scope="module")
def assessed() -> dict[str, Assessment]:
    return {p.name: assess_file(p) for p in [*SAMPLES, *KNOWLEDGE]}


def _missing(html: str, text: str) -> list[str]:
    """The HTML's pieces of text that the Word text lacks (case aside: Word sets some
    headings in capitals by style)."""
    text = text.casefold()
    return [f"{tag}: {t}" for tag, t in html_texts(html) if t.casefold() not in text]


@pytest.mark.parametrize(
    ("path", "doc", "lang"),
    CASES,
    ids=[f"{p.stem}-{d}-{lang}" for p, d, lang in CASES],
)
def test_docx_says_what_the_html_says(
    assessed: dict[str, Assessment],
    sample_docx: Callable[[Path, str, str], bytes],
    path: Path,
    doc: str,
    lang: str,
) -> None:
    html = prepare(assessed[path.name], doc, lang, "html")
    data = sample_docx(path, doc, lang)  # shared with tests/test_docx.py
    text = docx_text(data)
    missing = _missing(html.html, text)
    ctx = html.context
    if isinstance(ctx, DpiaContext):
        missing += [f"fact: {f}" for f in _dpia_facts(ctx, lang) if f not in text]
        missing += _residual_levels(ctx, lang, data)
    assert not missing, "\n".join(missing)


def _residual_levels(ctx: DpiaContext, lang: str, data: bytes) -> list[str]:
    """Each risk's row in the risk register gives its residual level, as the context has it
    (the text check alone would not see a level shown beside the wrong risk)."""
    t, d = Translator(lang), docx.Document(io.BytesIO(data))
    residual = t.gettext("Residual")
    register = [x for x in d.tables if [c.text for c in x.rows[0].cells][-1:] == [residual]]
    if not ctx.risks:
        return []
    if len(register) != 1:
        return ["fact: one risk register table"]
    shown = {row.cells[0].text: row.cells[-1].text for row in register[0].rows[1:]}
    return [
        f"fact: {a.risk.id} residual {t.label(a.residual)}"
        for a in ctx.risks
        if not shown.get(a.risk.id, "").startswith(t.label(a.residual))
    ]


def _dpia_facts(ctx: DpiaContext, lang: str) -> list[str]:
    t = Translator(lang)
    facts = [t.label(ctx.screening.verdict)]
    if ctx.q.consultation.decision:
        facts.append(t.label(ctx.q.consultation.decision.outcome))
    if ctx.seat.authority:
        facts.append(ctx.seat.authority)
    facts += [f"{a.risk.id}" for a in ctx.risks]
    facts += [norm(f.finding.text(t.gettext)) for f in ctx.findings]
    return facts


def test_the_comparison_sees_a_missing_row() -> None:
    """The check itself: a facts row the Word text lacks is reported, a present one is not."""
    html = (
        '<body><div class="running">Title</div><table class="facts"><tr><th>Jurisdiction</th>'
        "<td>Netherlands · <span>AP</span></td></tr></table><svg><text>R1</text></svg>"
    )
    assert _missing(html, "JURISDICTION Netherlands") == []
    assert _missing(html, "Jurisdiction") == ["td: Netherlands"]
    assert _missing(html, "") == ["th: Jurisdiction", "td: Netherlands"]
