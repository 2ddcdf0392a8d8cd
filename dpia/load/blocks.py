"""A `# note` inside block text (`|`, `>-`) is text, not a comment: YAML ends a comment only
where the block ends, so a note written at the indentation of the text is printed in the
document. Both readers give the same located tree, so this check reads the tree and the text
and does not depend on which reader took the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dpia.load.problems import N_, Pos, Problem, Severity, field_path
from dpia.load.tree import LMap, LSeq

Loc = tuple[str | int, ...]
CODE = "comment-in-text"


def comments_in_block_text(text: str, tree: LMap) -> list[Problem]:
    """A located warning for every line inside block text that starts with `#`."""
    lines = text.splitlines()
    return [
        Problem(
            Pos(pos.file, row + 1, col + 1),
            field_path(loc),
            N_(
                "this line inside block text starts with '#': it is part of the text and will "
                "be printed in the documents, not a comment; to keep it out, indent it less "
                "than the text (or move it above the key)"
            ),
            Severity.warning,
            CODE,
        )
        for loc, pos in _block_values(tree, ())
        if pos.line <= len(lines)
        for row, col in _hash_lines(lines, pos.line - 1, pos.col - 1)
    ]


def _block_values(node: Any, loc: Loc) -> Iterator[tuple[Loc, Pos]]:
    """Every text value of the tree, with where it starts."""
    if isinstance(node, LMap):
        for key, value in node.items():
            if isinstance(value, str):
                yield (*loc, key), node.val_pos[key]
            else:
                yield from _block_values(value, (*loc, key))
    elif isinstance(node, LSeq):
        for i, (item, pos) in enumerate(zip(node, node.item_pos, strict=True)):
            if isinstance(item, str):
                yield (*loc, i), pos
            else:
                yield from _block_values(item, (*loc, i))


def _hash_lines(lines: list[str], row: int, col: int) -> Iterator[tuple[int, int]]:
    """(row, column), 0-based, of each content line starting with `#` of the block scalar
    whose indicator (`|` or `>`) is at `row`, `col`; nothing when no block starts there."""
    if lines[row][col : col + 1] not in ("|", ">"):
        return
    indent: int | None = None  # of the content, set by its first line that is not blank
    for i in range(row + 1, len(lines)):
        line = lines[i]
        stripped = line.lstrip(" ")
        if not stripped:
            continue
        here = len(line) - len(stripped)
        if indent is None:
            indent = here
        if here < indent:
            return  # the block ended; a less indented `#` line is a real comment
        if stripped.startswith("#"):
            yield i, here
