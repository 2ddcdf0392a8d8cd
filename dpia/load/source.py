"""Read one YAML or JSON file into plain data that remembers where every value came from.

ruamel.yaml's round-trip loader keeps line and column on every mapping and sequence, follows
YAML 1.2 (`no` and `on` stay strings) and refuses duplicate keys. JSON is read by the same
parser (YAML 1.2 is a superset of JSON), so both formats get the same positions and checks.
Hostile input is bounded here: file size, nesting depth, node count (alias bombs), text
encodability, and no explicit tags (`!!python/...`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from dpia.load.problems import LoadError, Pos, Problem, display_path

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 100_000
SUFFIXES = (".yaml", ".yml", ".json")


class LMap(dict[str, Any]):
    """A mapping with the position of each key and value, and of itself."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.val_pos: dict[str, Pos] = {}


class LSeq(list[Any]):
    """A sequence with the position of each item, and of itself."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


def read_source(path: Path) -> LMap:
    """Parse `path`; raise LoadError with a located problem when it cannot be read."""
    name = display_path(path)
    text = _read_text(path, name)
    version = re.search(r"^%YAML\s+(\S+)", text, re.MULTILINE)
    if version and version.group(1) != "1.2":
        line = text[: version.start()].count("\n") + 1
        raise LoadError(
            [Problem(Pos(name, line), "", f"YAML {version.group(1)} is not supported; use 1.2")]
        )
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        docs = list(yaml.load_all(text))
    except MarkedYAMLError as e:
        raise LoadError([_yaml_problem(e, name)]) from None
    except (YAMLError, ValueError, RecursionError) as e:
        raise LoadError([Problem(Pos(name), "", f"cannot be read: {_first_line(e)}")]) from None
    if len(docs) != 1:
        raise LoadError([Problem(Pos(name), "", "expected exactly one YAML document")])
    if not isinstance(docs[0], CommentedMap):
        raise LoadError([Problem(Pos(name), "", "the file must hold a mapping (key: value)")])
    return _Converter(name).convert(docs[0], Pos(name), 0)  # type: ignore[no-any-return]


def _read_text(path: Path, name: str) -> str:
    try:
        if not path.is_file():
            raise LoadError([Problem(Pos(name), "", "no such file")])
        if path.suffix.lower() not in SUFFIXES:
            raise LoadError([Problem(Pos(name), "", "expected a .yaml, .yml or .json file")])
        if path.stat().st_size > MAX_BYTES:
            raise LoadError([Problem(Pos(name), "", f"file is larger than {MAX_BYTES} bytes")])
        raw = path.read_bytes()
    except OSError as e:
        raise LoadError([Problem(Pos(name), "", f"cannot be read: {e.strerror}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise LoadError([Problem(Pos(name, line, col), "", "file is not valid UTF-8")]) from None


def _yaml_problem(e: MarkedYAMLError, name: str) -> Problem:
    mark = e.problem_mark or e.context_mark
    pos = Pos(name, mark.line + 1, mark.column + 1) if mark else Pos(name)
    problem = (e.problem or e.context or "invalid YAML").strip()
    if "duplicate key" in problem:
        problem = problem.split(" with value")[0]
    return Problem(pos, "", f"YAML syntax: {problem}")


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


class _Converter:
    """Turns ruamel nodes into LMap/LSeq/scalars, counting nodes so aliases cannot explode."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.nodes = 0

    def _pos(self, lc: tuple[int, int] | None) -> Pos:
        return Pos(self.name, lc[0] + 1, lc[1] + 1) if lc else Pos(self.name)

    def _fail(self, pos: Pos, message: str) -> LoadError:
        return LoadError([Problem(pos, "", message)])

    def convert(self, node: Any, pos: Pos, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self._fail(pos, f"more than {MAX_NODES} values (alias expansion is bounded)")
        if depth > MAX_DEPTH:
            raise self._fail(pos, f"nested deeper than {MAX_DEPTH} levels")
        tag = getattr(getattr(node, "tag", None), "value", None)
        if isinstance(node, TaggedScalar) or tag:
            raise self._fail(pos, f"explicit YAML tags are not allowed ({tag or node.tag})")
        if isinstance(node, CommentedMap):
            out = LMap(pos)
            for key, value in node.items():
                key_pos = self._pos(node.lc.key(key))
                if not isinstance(key, str):
                    raise self._fail(key_pos, f"keys must be text, not {key!r}")
                out.key_pos[key] = key_pos
                out.val_pos[key] = self._pos(node.lc.value(key))
                out[key] = self.convert(value, out.val_pos[key], depth + 1)
            return out
        if isinstance(node, CommentedSeq):
            seq = LSeq(pos)
            for i, item in enumerate(node):
                item_pos = self._pos(node.lc.item(i))
                seq.item_pos.append(item_pos)
                seq.append(self.convert(item, item_pos, depth + 1))
            return seq
        if isinstance(node, bool) or node is None:
            return node
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        if isinstance(node, dt.datetime):
            raise self._fail(pos, "expected a date (YYYY-MM-DD), not a date and time")
        if isinstance(node, dt.date):
            return dt.date(node.year, node.month, node.day)
        text = str(node)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise self._fail(pos, "text contains characters that cannot be encoded") from None
        return text
