"""The long prose of a document, from the same per-language templates the PDF uses.

The language templates (templates/nl/*.html.j2, templates/en/*.html.j2) fill named blocks of
the shared structure with explanatory text. Word documents take that text block by block, so
Dutch and English prose is written once, in the templates; only the few tags the prose uses
(paragraphs, lists, emphasis) are turned into Word paragraphs. Answers inside a block were
escaped by the template's `text` filter and come out here as plain run text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from dpia.context.common import DocumentBase
from dpia.docx.writer import Run, Writer
from dpia.render.engine import environment


@dataclass
class Para:
    kind: str  # "p", "bullet" or "number"
    runs: list[Run] = field(default_factory=list)


class Prose:
    """Renders the named blocks of one document's language template."""

    def __init__(self, doc: str, ctx: DocumentBase, **extra: Any) -> None:
        env = environment(ctx.lang)
        self.template = env.get_template(f"{ctx.lang}/{doc}.html.j2")
        # a block is defined in the language template or in the shared ones it extends
        self.chain = [
            self.template,
            env.get_template(f"shared/{doc}.html.j2"),
            env.get_template("shared/base.html.j2"),
        ]
        macros = env.get_template("shared/macros.html.j2")
        q = ctx.q
        self.values: dict[str, Any] = {
            f.name: getattr(ctx, f.name) for f in dataclasses.fields(ctx)
        }
        # the names the shared templates set at their top level, which the blocks use
        self.values.update(
            doc=doc,
            d=q.description,
            b=q.lawfulness,
            c=q.consultation,
            org=q.meta.organisation,
            rights=q.lawfulness.rights,
            eq=q.equality,
            s=q.description.ai_system,
            **extra,
        )
        self.values["m"] = macros.make_module(dict(self.values))
        self.first_lang = ctx.first_lang

    def html(self, block: str, **local: Any) -> str:
        render = next((t.blocks[block] for t in self.chain if block in t.blocks), None)
        if render is None:
            return ""
        context = self.template.new_context({**self.values, **local})
        return "".join(render(context))

    def text(self, block: str, **local: Any) -> str:
        """A block as one line of plain text (titles, keywords, a sentence in a table)."""
        return " ".join(
            " ".join(run.text for run in p.runs) for p in parse(self.html(block, **local))
        )

    def runs(self, block: str, **local: Any) -> list[Run]:
        paras = parse(self.html(block, **local))
        return [run for p in paras for run in p.runs]

    def write(self, w: Writer, block: str, **local: Any) -> None:
        """A block as Word paragraphs and lists."""
        paras = parse(self.html(block, **local))
        for p in paras:
            if p.kind == "p":
                w.para(*p.runs)
            else:
                w.items([p.runs], numbered=p.kind == "number")


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
        elif tag == "br":
            self.handle_data(" ")
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
        if not text:
            if data and self.current and self.current.runs:
                last = self.current.runs[-1]
                self.current.runs[-1] = dataclasses.replace(last, text=last.text.rstrip() + " ")
            return
        if data[:1].isspace():
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
