"""The Word documents say what the HTML (and so the PDF) says: for every DPIA sample, document
and language, the facts a reader acts on appear in both. Text is compared normalised (spaces
collapsed), not layout: every heading, every table's header and row labels, every caption,
the summary's facts, alert titles; and for the DPIA report the verdict, the decision, the
supervisory authority, every risk with its residual level and every finding's message."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from dpia.context.assessment import assess_file
from dpia.context.dpia import DpiaContext
from dpia.languages import LANGUAGES
from dpia.produce import prepare
from dpia.render.i18n import Translator
from tests.test_docx import SAMPLES, WORD


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


class _Facts(HTMLParser):
    """What a reader acts on in the HTML body: the text of headings, table headers, captions,
    alert titles and the values of label/value ('facts') tables; `class="num"` section
    numbers and the table of contents (a field in Word) left out."""

    WANTED = frozenset({"h1", "h2", "h3", "h4", "th", "caption"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.found: list[tuple[str, str]] = []
        self.buffers: list[tuple[str, list[str]]] = []

    def _inside(self, cls: str) -> bool:
        return any(cls in classes for _t, classes in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "meta", "link", "hr", "wbr", "input"):
            self.handle_data(" ")
            return
        if tag in ("div", "p", "li"):  # a block starts a new line
            self.handle_data(" ")
        classes = set((dict(attrs).get("class") or "").split())
        facts_value = tag == "td" and self._table_class() == "facts"
        self.stack.append((tag, classes))
        if tag in self.WANTED or "alert-title" in classes or facts_value:
            self.buffers.append((tag, []))

    def _table_class(self) -> str:
        for tag, classes in reversed(self.stack):
            if tag == "table":
                return "facts" if "facts" in classes else "grid"
        return ""

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _c in self.stack):
            return
        while True:
            t, _c = self.stack.pop()
            if self.buffers and self.buffers[-1][0] == t:
                kind, parts = self.buffers.pop()
                text = norm("".join(parts))
                if text and not self._inside("toc"):
                    self.found.append((kind, text))
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._inside("num") or self._inside("toc"):
            return
        for _kind, parts in self.buffers:
            parts.append(data)


def html_facts(html: str) -> list[tuple[str, str]]:
    body = html[html.find("<body") :]
    parser = _Facts()
    parser.feed(body)
    parser.close()
    return parser.found


def docx_text(data: bytes) -> str:
    """Every paragraph of the body, its tables' cells and the header, in document order."""
    d = docx.Document(io.BytesIO(data))
    paragraphs = d.element.body.iter(qn("w:p"))
    return norm(" ".join(Paragraph(p, d).text for p in paragraphs))


CASES = [(p, doc, lang) for p in SAMPLES for doc in WORD for lang in LANGUAGES]


@pytest.fixture(scope="module")
def assessed() -> dict[str, object]:
    return {p.name: assess_file(p) for p in SAMPLES}


def _missing(html: str, text: str) -> list[str]:
    return [f"{kind}: {fact}" for kind, fact in html_facts(html) if fact not in text]


@pytest.mark.parametrize(
    ("path", "doc", "lang"), CASES, ids=[f"{p.stem}-{d}-{lang}" for p, d, lang in CASES]
)
def test_docx_says_what_the_html_says(
    assessed: dict[str, object], path: Path, doc: str, lang: str
) -> None:
    a = assessed[path.name]
    html = prepare(a, doc, lang, "html").html  # type: ignore[arg-type]
    request = prepare(a, doc, lang, "docx")  # type: ignore[arg-type]
    text = docx_text(request.format.make(request))
    missing = _missing(html, text)
    ctx = request.context
    if isinstance(ctx, DpiaContext):
        missing += [f"fact: {f}" for f in _dpia_facts(ctx, lang) if f not in text]
    assert not missing, "\n".join(missing)


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
    html = '<body><table class="facts"><tr><th>Jurisdiction</th><td>NL · AP</td></tr></table>'
    assert _missing(html, "Jurisdiction NL · AP") == []
    assert _missing(html, "Jurisdiction") == ["td: NL · AP"]
    assert re.search("th: Jurisdiction", "\n".join(_missing(html, "")))
