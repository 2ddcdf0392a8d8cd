"""Markdown for pasting into a website, made from a document's own HTML.

The HTML is the single source: the Markdown says exactly what the PDF says, in the same words.
The conversion knows only the few elements our templates write (headings, paragraphs, lists,
emphasis, simple tables) and treats everything else as plain text. Every piece of text is
escaped as Markdown, so an answer can never become markup: `*`, `[x](javascript:...)`,
`<script>` and template syntax such as `{{ }}` (Jekyll, Hugo) all stay literal characters.
Links are not carried over at all. The cover page and running headers of the PDF are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Documents written to read well as Markdown (no wide tables); `dpia render --format md`
# accepts only these.
MARKDOWN_DOCUMENTS = ("privacy-addendum",)

_SKIP_CLASSES = {"cover", "running", "watermark"}
_SKIP_TAGS = {"head", "style", "script", "template", "svg"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p", "div", "section", "article", "nav", "header", "footer", "main", "aside", "figure",
    "blockquote", "ul", "ol", "li", "table", "caption", "thead", "tbody", "tr", "td", "th",
    "body", "html", "figcaption", "dl", "dt", "dd", "pre", *_HEADINGS,
}  # fmt: skip

# ASCII punctuation that can start markup anywhere in a line (CommonMark, GFM, and the
# template languages of static site generators).
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&$])")
# What turns the start of a line into a list, heading, quote, rule or code block.
_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")


def escape(text: str) -> str:
    """Text as Markdown that renders as exactly that text."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _escape_line_start(line: str) -> str:
    line = line.lstrip()
    m = _LINE_START.match(line)
    if not m:
        return line
    if m.group(2):
        return "\\" + line
    return f"{m.group(3)}\\{m.group(4)}{line[m.end() :]}"


@dataclass
class _Node:
    tag: str
    classes: set[str] = field(default_factory=set)
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]
        self.skipping = 0  # depth inside a skipped element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if self.skipping:
            if tag not in _VOID:
                self.skipping += 1
            return
        if tag in _SKIP_TAGS or classes & _SKIP_CLASSES:
            if tag not in _VOID:
                self.skipping = 1
            return
        node = _Node(tag, classes)
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        for i in range(len(self.stack) - 1, 0, -1):  # tolerate unclosed inline elements
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.stack[-1].children.append(data)


def _inline(node: _Node | str) -> str:
    if isinstance(node, str):
        return escape(re.sub(r"\s+", " ", node))
    if node.tag == "br":
        return "\\\n"
    inner = "".join(_inline(c) for c in node.children)
    if "lang-marker" in node.classes:
        return f"({inner.strip()})"
    if "gap" in node.classes:
        return _wrap(inner, "**(", ")**")
    if node.tag in ("strong", "b"):
        return _wrap(inner, "**", "**")
    if node.tag in ("em", "i"):
        return _wrap(inner, "*", "*")
    return inner


def _wrap(inner: str, left: str, right: str) -> str:
    """Emphasis markers hug the text: CommonMark ignores `** text**`."""
    text = inner.strip()
    if not text:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{left}{text}{right}{trail}"


def _lines(text: str) -> str:
    """One block's inline text, tidied, with every line safe at its start."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(_escape_line_start(line) for line in lines if line)


def _indent(block: str, by: str) -> str:
    return "\n".join(by + line if line else line for line in block.split("\n"))


def _is_block(node: _Node | str) -> bool:
    return isinstance(node, _Node) and node.tag in _BLOCKS


def _blocks(node: _Node, shift: dict[int, int]) -> list[str]:
    """The node's content as Markdown blocks; inline runs become paragraphs."""
    out: list[str] = []
    run: list[_Node | str] = []

    def flush() -> None:
        text = _lines("".join(_inline(c) for c in run))
        if text:
            out.append(text)
        run.clear()

    for child in node.children:
        if not _is_block(child):
            run.append(child)
            continue
        flush()
        assert isinstance(child, _Node)
        out.extend(_block(child, shift))
    flush()
    return out


def _block(node: _Node, shift: dict[int, int]) -> list[str]:
    if node.tag in _HEADINGS:
        level = shift[_HEADINGS[node.tag]]
        text = _lines("".join(_inline(c) for c in node.children)).replace("\n", " ")
        return [f"{'#' * level} {text}"] if text else []
    if node.tag in ("ul", "ol"):
        items = [c for c in node.children if isinstance(c, _Node) and c.tag == "li"]
        out = []
        for n, item in enumerate(items, start=1):
            marker = f"{n}. " if node.tag == "ol" else "- "
            parts = _blocks(item, shift) or [""]
            first = _indent(parts[0], " " * len(marker))[len(marker) :]
            rest = [_indent(p, " " * len(marker)) for p in parts[1:]]
            out.append("\n\n".join([marker + first, *rest]))
        loose = any("\n\n" in item for item in out)
        return ["\n\n".join(out) if loose else "\n".join(out)] if out else []
    if node.tag == "table":
        return _table(node)
    if "gap" in node.classes:
        return [_lines(_inline(node))]
    if "for-children" in node.classes:
        # The children's part of the addendum, set apart as a quote. Only the template's own
        # part: a quote typed in an answer stays plain text, as it always was.
        lines = [line for b in _blocks(node, shift) for line in (*b.split("\n"), "")][:-1]
        quoted = ["\n".join(f"> {line}" if line else ">" for line in lines)]
        return quoted if lines else []
    return _blocks(node, shift)


def _table(node: _Node) -> list[str]:
    rows: list[list[str]] = []

    def walk(n: _Node) -> None:
        for c in n.children:
            if isinstance(c, _Node) and c.tag == "tr":
                cells = [x for x in c.children if isinstance(x, _Node) and x.tag in ("td", "th")]
                rows.append([_lines(_inline(x)).replace("\n", " ") for x in cells])
            elif isinstance(c, _Node) and c.tag != "caption":
                walk(c)

    walk(node)
    captions = [c for c in node.children if isinstance(c, _Node) and c.tag == "caption"]
    out = [f"**{_lines(_inline(captions[0]))}**"] if captions else []
    if rows:
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = [f"| {' | '.join(rows[0])} |", f"|{' --- |' * width}"]
        lines += [f"| {' | '.join(r)} |" for r in rows[1:]]
        out.append("\n".join(lines))
    return out


def _headings(node: _Node) -> list[int]:
    levels = [_HEADINGS[node.tag]] if node.tag in _HEADINGS else []
    for c in node.children:
        if isinstance(c, _Node):
            levels += _headings(c)
    return levels


def to_markdown(html: str) -> str:
    """The document as Markdown: its highest heading becomes `#`, and the levels below it follow
    without a jump (an HTML page may go from h1 to h3; Markdown readers expect # then ##)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    root = builder.root
    shift = {level: rank for rank, level in enumerate(sorted(set(_headings(root))), start=1)}
    return "\n\n".join(_blocks(root, shift)).strip() + "\n"
