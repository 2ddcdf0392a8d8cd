"""The few tags of the HTML that the language templates' prose and the Markdown subset of
answers (dpia/render/markdown.py) produce, read into paragraphs of runs for Word: paragraphs,
list items, emphasis, and the classes that mark a gap, small print or another language.
Anything else contributes its text only; escaped text stays text."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from html.parser import HTMLParser

from dpia.docx.runs import Run


@dataclass
class Para:
    kind: str  # "p", "bullet" or "number"
    runs: list[Run] = field(default_factory=list)


@dataclass(frozen=True)
class _Style:
    bold: bool = False
    italic: bool = False
    gap: bool = False
    small: bool = False
    lang: str | None = None


_VOID = {"br", "img", "hr", "meta", "link", "input", "wbr"}


class _Parser(HTMLParser):
    """The handful of tags the prose blocks use; anything else contributes its text only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[Para] = []
        self.lists: list[str] = []
        self.stack: list[tuple[str, _Style]] = [("", _Style())]
        self.current: Para | None = None

    def _open(self, kind: str) -> None:
        self._close()
        self.current = Para(kind)

    def _close(self) -> None:
        if self.current and any(r.text.strip() for r in self.current.runs):
            runs = self.current.runs
            runs[0] = dataclasses.replace(runs[0], text=runs[0].text.lstrip())
            runs[-1] = dataclasses.replace(runs[-1], text=runs[-1].text.rstrip())
            self.paras.append(self.current)
        self.current = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        classes = (attr.get("class") or "").split()
        if tag in ("ul", "ol"):
            self._close()
            self.lists.append("number" if tag == "ol" else "bullet")
        elif tag == "li":
            self._open(self.lists[-1] if self.lists else "bullet")
        elif tag in ("p", "div") and not self.lists:
            self._open("p")
        elif tag == "br" and self.current and self.current.runs:
            # a line break, as in the PDF (the letter's signature under its sender)
            self.current.runs.append(Run("\n"))
        if tag in _VOID:
            return
        style = self.stack[-1][1]
        style = dataclasses.replace(
            style,
            bold=style.bold or tag in ("strong", "b"),
            italic=style.italic or tag in ("em", "i"),
            gap=style.gap or "gap" in classes,
            small=style.small or "small" in classes or "lang-marker" in classes,
            lang=attr.get("lang") or style.lang,
        )
        self.stack.append((tag, style))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._close()
            if self.lists:
                self.lists.pop()
        elif tag in ("li", "p") or (tag == "div" and not self.lists):
            self._close()
        if any(t == tag for t, _ in self.stack[1:]):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        after_break = bool(
            self.current and self.current.runs and self.current.runs[-1].text == "\n"
        )
        if not text:
            if data and self.current and self.current.runs and not after_break:
                last = self.current.runs[-1]
                self.current.runs[-1] = dataclasses.replace(last, text=last.text.rstrip() + " ")
            return
        if data[:1].isspace() and not after_break:
            text = " " + text
        if data[-1:].isspace():
            text += " "
        if self.current is None:
            self.current = Para(self.lists[-1] if self.lists else "p")
        style = self.stack[-1][1]
        self.current.runs.append(
            Run(text, style.bold, style.italic, style.lang, style.gap, style.small)
        )

    def close(self) -> None:
        super().close()
        self._close()


def parse(html: str) -> list[Para]:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.paras
