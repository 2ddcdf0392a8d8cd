"""A small, safe Markdown subset for answers: paragraphs, lists, emphasis, and links shown
as text with their address. Raw HTML is escaped, images are not loaded: answers stay text."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from markupsafe import Markup, escape


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # Keep to the subset: no images (nothing fetched), headings, code or tables in answers.
    md.disable(["image", "heading", "lheading", "code", "fence", "html_block", "html_inline"])
    md.disable(["table", "hr", "reference"], ignoreInvalid=True)
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    return md


def _link_open(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return '<span class="link">'


def _link_close(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    # Find the matching link_open to show its address after the link text.
    depth = 0
    for tok in reversed(tokens[:idx]):
        if tok.type == "link_close":
            depth += 1
        elif tok.type == "link_open":
            if depth == 0:
                href = str(tok.attrs.get("href", ""))
                return f'</span> <span class="url">({escape(href)})</span>'
            depth -= 1
    return "</span>"


# Most answers are one plain paragraph: text with none of the characters Markdown acts on
# needs no parser, and skipping it makes rendering several times faster.
_MARKUP = re.compile(r"[\\`*_\[\]<>&!#|~\n]|^\s*(?:[-+>=]|\d+[.)])(?:\s|$)")


def block(text: str) -> Markup:
    """Markdown as block HTML (paragraphs, lists)."""
    if not _MARKUP.search(text) and text.strip():
        return Markup(f"<p>{escapeHtml(text.strip())}</p>\n")
    return Markup(_parser().render(text))


def inline(text: str) -> Markup:
    """Markdown inside one line (emphasis, links), for table cells and titles."""
    if not _MARKUP.search(text):
        return Markup(escapeHtml(text))
    return Markup(_parser().renderInline(text))
