"""Stage 1: read questionnaire files (YAML/JSON, with `extends`) into plain data with positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dpia.load.overlay import read_with_extends
from dpia.load.problems import LoadError, Pos, Problem, Severity, display_path, field_path
from dpia.load.tree import Invalid, LMap, LSeq

__all__ = ["Invalid", "LoadError", "Loaded", "Pos", "Problem", "Severity", "field_path", "load"]

Loc = tuple[str | int, ...]


@dataclass
class Loaded:
    """Plain data (dicts, lists, scalars) plus where each value and key was written."""

    path: Path
    data: dict[str, Any]
    sources: list[Path]
    value_pos: dict[Loc, Pos] = field(default_factory=dict)
    key_pos: dict[Loc, Pos] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Values the loader refused (only with `load(..., partial=True)`)."""
    invalid: set[Loc] = field(default_factory=set)
    """Where those values are: the model's own errors there repeat the loader's."""
    warnings: list[Problem] = field(default_factory=list)
    """What reads well but is probably not meant (a `#` line inside block text)."""

    def locate(self, loc: Loc, *, key: bool = False) -> Pos:
        """The position of `loc`, or of its nearest ancestor that was written in a file."""
        for n in range(len(loc), -1, -1):
            prefix = loc[:n]
            table = self.key_pos if key and n == len(loc) else self.value_pos
            if prefix in table:
                return table[prefix]
            if prefix in self.key_pos:
                return self.key_pos[prefix]
        return Pos(display_path(self.path))


def load(path: Path, *, partial: bool = False) -> Loaded:
    """Read `path` and the files it extends.

    Raises LoadError with every problem found when the data cannot be used. With
    `partial=True`, problems with single values (a lone surrogate, a too-long number, a key
    that is not text) are returned in `Loaded.problems` instead, so the caller can check the
    rest of the file and report everything at once; the refused values are `Invalid` objects.
    """
    tree, sources, problems = read_with_extends(path)
    loaded = Loaded(path=path, data={}, sources=sources)
    loaded.value_pos[()] = tree.pos
    loaded.data = _plain(tree, (), loaded)
    found = problems + loaded.problems
    loaded.problems = sorted((p for p in found if p.severity is Severity.error), key=_at)
    loaded.warnings = sorted((p for p in found if p.severity is not Severity.error), key=_at)
    if loaded.problems and not partial:
        raise LoadError(loaded.problems)
    return loaded


def _at(p: Problem) -> Pos:
    return p.pos


def _plain(node: Any, loc: Loc, loaded: Loaded) -> Any:
    if isinstance(node, LMap):
        out = {}
        for key, value in node.items():
            loaded.key_pos[(*loc, key)] = node.key_pos[key]
            loaded.value_pos[(*loc, key)] = node.val_pos[key]
            out[key] = _plain(value, (*loc, key), loaded)
        return out
    if isinstance(node, LSeq):
        items = []
        for i, (item, pos) in enumerate(zip(node, node.item_pos, strict=True)):
            loaded.value_pos[(*loc, i)] = pos
            items.append(_plain(item, (*loc, i), loaded))
        return items
    if isinstance(node, Invalid):  # reported where it ends up: an overridden one is not
        loaded.invalid.add(loc)
        if node.problem is not None:
            loaded.problems.append(node.problem)
    return node
