"""A piece of text with its emphasis: what the writer, the prose and the answers share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis; lang=None means the document's language."""

    text: str
    bold: bool = False
    italic: bool = False
    lang: str | None = None
    gap: bool = False  # an unanswered question, shown so that it cannot be missed
    small: bool = False
