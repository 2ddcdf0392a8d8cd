"""Read one YAML or JSON file into plain data that remembers where every value came from.

ruamel.yaml's round-trip loader keeps line and column on every mapping and sequence, follows
YAML 1.2 (`no` and `on` stay strings) and refuses duplicate keys. JSON is first checked by
Python's own JSON parser (so a `.json` file really is JSON), then read by the same YAML parser
(YAML 1.2 is a superset of JSON), so both formats get the same positions and checks.

Hostile input is bounded here: file size, nesting depth (checked while scanning, before the
recursive parts of ruamel.yaml run), the number of values once aliases are expanded (alias
bombs), no explicit tags (`!!python/...`) and no merge keys. A value that cannot be accepted
(a lone surrogate, a control character, a 5000-digit number) becomes an `Invalid` that carries
its problem, so the rest of the file is still checked and every problem is reported at once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import RoundTripScanner

from dpia.load.blocks import comments_in_block_text
from dpia.load.fast import read_plain
from dpia.load.problems import LoadError, Pos, Problem, display_path, field_path
from dpia.load.tree import Invalid, LMap, LSeq, bad_character

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 100_000
SUFFIXES = (".yaml", ".yml", ".json")
_TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels"

Loc = tuple[str | int, ...]


def read_source(path: Path) -> tuple[LMap, list[Problem]]:
    """Parse `path` into a located tree and the problems of single values in it.

    Raises LoadError when the file as a whole cannot be read. Parsed files are remembered
    while they do not change: a cooperative's base file is read once for all its overlays.
    Callers may change the top level of the tree they get (it is a copy), not what is below.
    """
    name = display_path(path)
    try:
        stat = path.stat()
        key = (str(path), name, stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None  # _read_text reports why
    if key is None:
        tree, problems = _parse(path, name)
    else:
        tree, problems = _parse_cached(*key)
    return tree.shallow_copy(), list(problems)


@lru_cache(maxsize=64)
def _parse_cached(path: str, name: str, mtime_ns: int, size: int) -> tuple[LMap, list[Problem]]:
    return _parse(Path(path), name)


def _parse(path: Path, name: str) -> tuple[LMap, list[Problem]]:
    text = _read_text(path, name)
    is_json = path.suffix.lower() == ".json"
    if is_json:
        _check_json(text, name)
    else:
        _check_version(text, name)
    tree = read_plain(text, name, MAX_DEPTH, MAX_NODES)
    problems: list[Problem] = []
    if not isinstance(tree, LMap):
        tree, problems = read_full(text, name, is_json)
    # Checked on the tree, so whichever reader took the file gives the same warnings.
    return tree, problems + ([] if is_json else comments_in_block_text(text, tree))


def read_full(text: str, name: str, is_json: bool) -> tuple[LMap, list[Problem]]:
    """Read any text with ruamel.yaml, wording every problem; LoadError when none can be read."""
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    yaml.max_depth = MAX_DEPTH + 1  # ruamel counts the top-level mapping as 1
    yaml.Scanner = _Scanner
    yaml.Composer = _Composer
    yaml.Constructor = _Constructor
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ruamel warns on stderr; we report problems
            doc = yaml.load(text)
    except MarkedYAMLError as e:
        raise LoadError([_yaml_problem(e, name, "JSON" if is_json else "YAML")]) from None
    except ReaderError as e:
        raise LoadError([_reader_problem(e, text, name)]) from None
    except (YAMLError, ValueError, RecursionError) as e:  # not expected; keep it readable
        raise LoadError([Problem(Pos(name), "", f"cannot be read: {_first_line(e)}")]) from None
    if doc is None:
        raise LoadError([Problem(Pos(name), "", "the file holds no data")])
    if not isinstance(doc, CommentedMap):
        kind = "a list" if isinstance(doc, CommentedSeq) else "a single value"
        raise LoadError(
            [Problem(Pos(name), "", f"the file must hold a mapping (key: value), not {kind}")]
        )
    converter = _Converter(name)
    tree = converter.convert(doc, Pos(name), (), 0)
    return tree, converter.problems


def _read_text(path: Path, name: str) -> str:
    try:
        if path.is_dir():
            raise LoadError([Problem(Pos(name), "", "is a folder, not a file")])
        if not path.is_file():
            raise LoadError([Problem(Pos(name), "", "no such file")])
        if path.suffix.lower() not in SUFFIXES:
            raise LoadError([Problem(Pos(name), "", "expected a .yaml, .yml or .json file")])
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise LoadError([Problem(Pos(name), "", f"cannot be read: {e.strerror}")]) from None
    if len(raw) > MAX_BYTES:
        raise LoadError([Problem(Pos(name), "", f"file is larger than {MAX_BYTES} bytes (2 MiB)")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        start = raw.rfind(b"\n", 0, e.start) + 1
        line = raw[:start].count(b"\n") + 1
        col = len(raw[start : e.start].decode("utf-8", "replace")) + 1
        message = f"file is not valid UTF-8 (byte 0x{raw[e.start]:02x}); save it as UTF-8"
        raise LoadError([Problem(Pos(name, line, col), "", message)]) from None


def _check_version(text: str, name: str) -> None:
    """Refuse a `%YAML` directive other than 1.2: 1.1 would bring `no` -> False back."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("%TAG"):
            continue
        match = re.match(r"%YAML\s+(\S+)", line)
        if match and match.group(1) != "1.2":
            message = f"YAML {match.group(1)} is not supported; use 1.2 or leave out %YAML"
            raise LoadError([Problem(Pos(name, number), "", message)])
        if not match:
            return


def _check_json(text: str, name: str) -> None:
    """A .json file must be JSON: no comments, trailing commas or other YAML in it."""

    def ignore(_: str) -> None:
        return None

    try:
        json.loads(text, parse_int=ignore, parse_float=ignore, parse_constant=ignore)
    except json.JSONDecodeError as e:
        message = re.sub(r"( starting)? at$", "", e.msg[0].lower() + e.msg[1:])
        pos = Pos(name, e.lineno, e.colno)
        if message == "extra data":
            message = "more data after the end of the JSON value"
        before = len(text[: e.pos].rstrip())
        if text[e.pos : e.pos + 1] in ("]", "}") and text[before - 1 : before] == ",":
            message = "a comma with nothing after it (JSON allows no trailing comma)"
            line = text.count("\n", 0, before - 1) + 1
            pos = Pos(name, line, before - 1 - (text.rfind("\n", 0, before - 1) + 1) + 1)
        raise LoadError([Problem(pos, "", f"JSON syntax: {message}")]) from None
    except RecursionError:
        pass  # the YAML reader reports the depth, with its position


# ruamel.yaml's wording, made plainer. Each entry: (pattern of the problem, message, use the
# context position (where the construct started) instead of where the parser stopped).
_SYNTAX: list[tuple[str, str, bool]] = [
    (
        r"found character '\\t' that cannot start any token",
        "a tab; YAML uses spaces to indent and after ':'",
        False,
    ),
    (
        r"found character '(.)' that cannot start any token",
        "text cannot start with '{0}'; put it in quotes",
        False,
    ),
    (
        r"mapping values are not allowed here",
        "':' is not allowed here; put text that contains ': ' in quotes, "
        "or check the indentation of this line and the one above",
        False,
    ),
    (
        r"expected <block end>, but found",
        "this line does not fit the lines above; check its indentation, "
        "and look for a quote left open above it",
        False,
    ),
    (r"found unexpected end of stream", "the quote that starts here is never closed", True),
    (
        r"could not find expected ':'",
        "expected ':' after this key (a key is one line of at most 1024 characters)",
        True,
    ),
    (
        r"found undefined alias '(.*)'",
        "alias *{0} is not defined (anchor it first with &{0})",
        False,
    ),
    (
        r"but found another document",
        "a second document starts here; a file holds one questionnaire",
        False,
    ),
]
_OPENERS = {"flow sequence": "[", "flow mapping": "{"}


def _yaml_problem(e: MarkedYAMLError, name: str, lang: str) -> Problem:
    def pos(mark: Any) -> Pos:
        return Pos(name, mark.line + 1, mark.column + 1) if mark else Pos(name)

    problem = (e.problem or e.context or "invalid syntax").strip()
    mark = e.problem_mark or e.context_mark
    if dup := re.match(r'found duplicate key "(.*)" with value', problem):
        return Problem(pos(mark), "", f"key '{dup.group(1)}' appears twice in this mapping")
    if isinstance(e, _Refused):
        return Problem(pos(mark), "", problem)
    if isinstance(e, MaxDepthExceededError):
        return Problem(pos(mark), "", _TOO_DEEP)
    for pattern, message, at_context in _SYNTAX:
        if found := re.search(pattern, problem):
            if at_context and e.context_mark:
                mark = e.context_mark
            return Problem(pos(mark), "", f"{lang} syntax: {message.format(*found.groups())}")
    context = re.match(r"while parsing a (flow sequence|flow mapping)", e.context or "")
    if context and e.context_mark and e.context_mark is not mark:
        cm = e.context_mark
        opener = _OPENERS[context.group(1)]
        problem += f"; is the '{opener}' on line {cm.line + 1}, column {cm.column + 1} closed?"
    return Problem(pos(mark), "", f"{lang} syntax: {problem}")


def _reader_problem(e: ReaderError, text: str, name: str) -> Problem:
    index = e.position if isinstance(e.position, int) else 0
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    code = e.character if isinstance(e.character, int) else 0
    what = "a control character" if unicodedata.category(chr(code)) == "Cc" else "a character"
    message = f"the file contains {what} (U+{code:04X}), which is not allowed"
    return Problem(Pos(name, line, col), "", message)


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


class _Refused(MarkedYAMLError):
    """Something the loader refuses on purpose; its problem text is the whole message."""


class _Scanner(RoundTripScanner):
    """Stops at the first bracket too deep: ruamel's look-ahead over open brackets is slow."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
        if len(self.flow_context) >= MAX_DEPTH:
            raise _Refused(None, None, _TOO_DEEP, self.reader.get_mark())
        super().fetch_flow_collection_start(TokenClass, to_push)


_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Composer(Composer):
    """Refuses tags, merge keys and recursive aliases; counts values with aliases expanded."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.warn_double_anchors = False  # legal YAML: a later anchor replaces the earlier
        self.values = 0
        self.sizes: dict[int, int] = {}  # anchored node -> values in it, aliases expanded

    def _count(self, n: int, mark: Any, alias: str | None) -> None:
        self.values += n
        if self.values > MAX_NODES:
            what = f"alias *{alias} takes" if alias else "this value takes"
            raise _Refused(None, None, f"{what} the file past {MAX_NODES} values", mark)

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:
                if id(target) not in self.sizes:  # still being composed
                    message = f"alias *{event.anchor} is inside the value it refers to"
                    raise _Refused(None, None, message, event.start_mark)
                self._count(self.sizes[id(target)], event.start_mark, event.anchor)
            return super().compose_node(parent, index)
        tag = getattr(event, "ctag", None)
        if tag is not None:
            message = f"YAML tags such as {_tag_text(tag)} are not allowed"
            raise _Refused(None, None, message, event.start_mark)
        before = self.values
        self._count(1, event.start_mark, None)
        node = super().compose_node(parent, index)
        if node.anchor is not None:
            self.sizes[id(node)] = self.values - before
        if (
            index is None
            and isinstance(parent, MappingNode)
            and isinstance(node, ScalarNode)
            and str(node.tag) == _MERGE_TAG
        ):
            message = "merge keys (<<) are not allowed; write the keys out, or use extends"
            raise _Refused(None, None, message, node.start_mark)
        return node


def _tag_text(tag: Any) -> str:
    handle, suffix = getattr(tag, "handle", None), getattr(tag, "suffix", None)
    if handle and suffix is not None:
        return f"{handle}{suffix}"
    if suffix == "!":
        return "!"
    return f"!<{suffix if suffix is not None else tag}>"


class _Constructor(RoundTripConstructor):
    """Too-long numbers become Invalid; impossible dates stay text for the model to report;
    a key that cannot be compared is refused."""

    def construct_yaml_int(self, node: Any) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return Invalid("number is too long")

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        try:
            return bool(super().check_mapping_key(node, key_node, mapping, key, value))
        except TypeError:  # a mapping used as a key, with a list inside it
            message = "keys must be text, not a mapping"
            raise _Refused(None, None, message, key_node.start_mark) from None

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError):
            return str(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


class _Converter:
    """Turns ruamel's loaded values into LMap/LSeq/scalars, keeping positions."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def _pos(self, get: Any, arg: Any, default: Pos) -> Pos:
        try:
            line, col = get(arg)
        except (KeyError, IndexError, TypeError, ValueError):
            return default
        return Pos(self.name, line + 1, col + 1)

    def _invalid(self, pos: Pos, loc: Loc, message: str) -> Invalid:
        return Invalid(message, Problem(pos, field_path(loc), message, code="unreadable"))

    def convert(self, node: Any, pos: Pos, loc: Loc, depth: int) -> Any:
        if depth > MAX_DEPTH:  # only reachable through aliases; the scanner checks the rest
            raise LoadError([Problem(pos, field_path(loc), _TOO_DEEP)])
        if isinstance(node, CommentedMap):
            out = LMap(pos)
            for key, value in node.items():
                key_pos = self._pos(node.lc.key, key, pos)
                if not isinstance(key, str):
                    message = f"keys must be text, not {_describe_key(key)}"
                    self.problems.append(Problem(key_pos, field_path(loc), message, code="key"))
                    continue
                if bad := bad_character(key):
                    message = f"a key contains {bad}"
                    self.problems.append(Problem(key_pos, field_path(loc), message, code="key"))
                    continue
                out.key_pos[key] = key_pos
                out.val_pos[key] = self._pos(node.lc.value, key, key_pos)
                out[key] = self.convert(value, out.val_pos[key], (*loc, key), depth + 1)
            return out
        if isinstance(node, CommentedSeq):
            seq = LSeq(pos)
            for i, item in enumerate(node):
                item_pos = self._pos(node.lc.item, i, pos)
                seq.item_pos.append(item_pos)
                seq.append(self.convert(item, item_pos, (*loc, i), depth + 1))
            return seq
        if isinstance(node, bool) or node is None:
            return node
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        if isinstance(node, dt.datetime):
            return dt.datetime(node.year, node.month, node.day, node.hour, node.minute, node.second)
        if isinstance(node, dt.date):
            return dt.date(node.year, node.month, node.day)
        if isinstance(node, Invalid):
            return self._invalid(pos, loc, node.message)
        if isinstance(node, str):
            text = str(node)
            bad = bad_character(text)
            return self._invalid(pos, loc, f"text contains {bad}") if bad else text
        return self._invalid(pos, loc, f"unsupported value ({type(node).__name__})")


def _describe_key(key: Any) -> str:
    if key is None:
        return "an empty key"
    if isinstance(key, bool):
        return "true/false"
    if isinstance(key, int | float):
        return f"the number {key}"
    if isinstance(key, dt.date):
        return "a date"
    if isinstance(key, Invalid):
        return key.message
    return "a list" if isinstance(key, tuple | list) else "a mapping"
