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
from dpia.load.problems import (
    N_,
    LoadError,
    Params,
    Phrase,
    Pos,
    Problem,
    display_path,
    field_path,
)
from dpia.load.tree import Invalid, LMap, LSeq, bad_character, join_surrogates

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 100_000
SUFFIXES = (".yaml", ".yml", ".json")
_TOO_DEEP = N_("nested deeper than {depth} levels")
_DEPTH = (("depth", str(MAX_DEPTH)),)

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
        raise _refuse(Pos(name), N_("cannot be read: {why}"), why=_first_line(e)) from None
    if doc is None:
        raise _refuse(Pos(name), N_("the file holds no data"))
    if not isinstance(doc, CommentedMap):
        kind = Phrase(N_("a list") if isinstance(doc, CommentedSeq) else N_("a single value"))
        raise _refuse(
            Pos(name), N_("the file must hold a mapping (key: value), not {kind}"), kind=kind
        )
    converter = _Converter(name)
    tree = converter.convert(doc, Pos(name), (), 0)
    return tree, converter.problems


def _read_text(path: Path, name: str) -> str:
    try:
        if path.is_dir():
            raise _refuse(Pos(name), N_("is a folder, not a file"))
        if not path.is_file():
            if path.exists():
                raise _refuse(Pos(name), N_("not a regular file (a device, pipe or socket)"))
            raise _refuse(Pos(name), N_("no such file"))
        if path.suffix.lower() not in SUFFIXES:
            raise _refuse(Pos(name), N_("expected a .yaml, .yml or .json file"))
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise _refuse(Pos(name), N_("cannot be read: {why}"), why=str(e.strerror)) from None
    if len(raw) > MAX_BYTES:
        message = N_("file is larger than {size} bytes (2 MiB)")
        raise _refuse(Pos(name), message, size=str(MAX_BYTES))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        start = raw.rfind(b"\n", 0, e.start) + 1
        line = raw[:start].count(b"\n") + 1
        col = len(raw[start : e.start].decode("utf-8", "replace")) + 1
        message = N_("file is not valid UTF-8 (byte 0x{byte}); save it as UTF-8")
        raise _refuse(Pos(name, line, col), message, byte=f"{raw[e.start]:02x}") from None


def _check_version(text: str, name: str) -> None:
    """Refuse a `%YAML` directive other than 1.2: 1.1 would bring `no` -> False back."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("%TAG"):
            continue
        match = re.match(r"%YAML\s+(\S+)", line)
        if match and match.group(1) != "1.2":
            message = N_("YAML {version} is not supported; use 1.2 or leave out %YAML")
            raise _refuse(Pos(name, number), message, version=match.group(1))
        if not match:
            return


def _check_json(text: str, name: str) -> None:
    """A .json file must be JSON: no comments, trailing commas or other YAML in it."""

    def ignore(_: str) -> None:
        return None

    try:
        json.loads(text, parse_int=ignore, parse_float=ignore, parse_constant=ignore)
    except json.JSONDecodeError as e:
        # Python's own wording, as a parameter: its few messages are not in our catalogs.
        message = N_("JSON syntax: {problem}")
        problem = re.sub(r"( starting)? at$", "", e.msg[0].lower() + e.msg[1:])
        pos = Pos(name, e.lineno, e.colno)
        if problem == "extra data":
            message = N_("JSON syntax: more data after the end of the JSON value")
        before = len(text[: e.pos].rstrip())
        if text[e.pos : e.pos + 1] in ("]", "}") and text[before - 1 : before] == ",":
            message = N_(
                "JSON syntax: a comma with nothing after it (JSON allows no trailing comma)"
            )
            line = text.count("\n", 0, before - 1) + 1
            pos = Pos(name, line, before - 1 - (text.rfind("\n", 0, before - 1) + 1) + 1)
        raise _refuse(pos, message, problem=problem) from None
    except RecursionError:
        pass  # the YAML reader reports the depth, with its position


# ruamel.yaml's wording, made plainer. Each entry: (pattern of the problem, catalog message
# ({lang} is YAML or JSON, other names are the pattern's groups), use the context position
# (where the construct started) instead of where the parser stopped).
_SYNTAX: list[tuple[str, str, bool]] = [
    (
        r"found character '\\t' that cannot start any token",
        N_("{lang} syntax: a tab; YAML uses spaces to indent and after ':'"),
        False,
    ),
    (
        r"found character '(?P<char>.)' that cannot start any token",
        N_("{lang} syntax: text cannot start with '{char}'; put it in quotes"),
        False,
    ),
    (
        r"mapping values are not allowed here",
        N_(
            "{lang} syntax: ':' is not allowed here; put text that contains ': ' in quotes, "
            "or check the indentation of this line and the one above"
        ),
        False,
    ),
    (
        r"expected <block end>, but found",
        N_(
            "{lang} syntax: this line does not fit the lines above; check its indentation, "
            "and look for a quote left open above it"
        ),
        False,
    ),
    (
        r"found unexpected end of stream",
        N_("{lang} syntax: the quote that starts here is never closed"),
        True,
    ),
    (
        r"could not find expected ':'",
        N_(
            "{lang} syntax: expected ':' after this key (a key is one line of at most 1024 "
            "characters)"
        ),
        True,
    ),
    (
        r"found undefined alias '(?P<alias>.*)'",
        N_("{lang} syntax: alias *{alias} is not defined (anchor it first with &{alias})"),
        False,
    ),
    (
        r"but found another document",
        N_("{lang} syntax: a second document starts here; a file holds one questionnaire"),
        False,
    ),
]
_OPENERS = {"flow sequence": "[", "flow mapping": "{"}


def _problem(pos: Pos, message: str, **values: str) -> Problem:
    """A located problem of the file as a whole: a catalog message, translated where printed."""
    return Problem(pos, "", message, params=tuple(values.items()))


def _refuse(pos: Pos, message: str, **values: str) -> LoadError:
    """The error for a file that cannot be read at all."""
    return LoadError([_problem(pos, message, **values)])


def _yaml_problem(e: MarkedYAMLError, name: str, lang: str) -> Problem:
    def pos(mark: Any) -> Pos:
        return Pos(name, mark.line + 1, mark.column + 1) if mark else Pos(name)

    problem = (e.problem or e.context or "invalid syntax").strip()
    mark = e.problem_mark or e.context_mark
    if dup := re.match(r'found duplicate key "(.*)" with value', problem):
        message = N_("key '{key}' appears twice in this mapping")
        return _problem(pos(mark), message, key=dup.group(1))
    if isinstance(e, _Refused):
        return Problem(pos(mark), "", e.message, params=e.params)
    if isinstance(e, MaxDepthExceededError):
        return Problem(pos(mark), "", _TOO_DEEP, params=_DEPTH)
    for pattern, message, at_context in _SYNTAX:
        if found := re.search(pattern, problem):
            if at_context and e.context_mark:
                mark = e.context_mark
            return _problem(pos(mark), message, lang=lang, **found.groupdict())
    # ruamel's own wording, as a parameter: a rare case, not worth a catalog entry each.
    context = re.match(r"while parsing a (flow sequence|flow mapping)", e.context or "")
    if context and e.context_mark and e.context_mark is not mark:
        cm = e.context_mark
        message = N_(
            "{lang} syntax: {problem}; is the '{opener}' on line {line}, column {col} closed?"
        )
        opener = _OPENERS[context.group(1)]
        line, col = str(cm.line + 1), str(cm.column + 1)
        return _problem(
            pos(mark), message, lang=lang, problem=problem, opener=opener, line=line, col=col
        )
    return _problem(pos(mark), N_("{lang} syntax: {problem}"), lang=lang, problem=problem)


def _reader_problem(e: ReaderError, text: str, name: str) -> Problem:
    index = e.position if isinstance(e.position, int) else 0
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    code = e.character if isinstance(e.character, int) else 0
    what = (
        N_("a control character") if unicodedata.category(chr(code)) == "Cc" else N_("a character")
    )
    message = N_("the file contains {what} (U+{code}), which is not allowed")
    return _problem(Pos(name, line, col), message, what=Phrase(what), code=f"{code:04X}")


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


class _Refused(MarkedYAMLError):
    """Something the loader refuses on purpose: a catalog message, its parameters and where."""

    def __init__(self, message: str, mark: Any, params: Params = ()) -> None:
        super().__init__(None, None, message.format(**dict(params)), mark)
        self.message, self.params = message, params


class _Scanner(RoundTripScanner):
    """Stops at the first bracket too deep: ruamel's look-ahead over open brackets is slow."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
        if len(self.flow_context) >= MAX_DEPTH:
            raise _Refused(_TOO_DEEP, self.reader.get_mark(), _DEPTH)
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
            limit = str(MAX_NODES)
            if alias:
                message = N_("alias *{alias} takes the file past {limit} values")
                raise _Refused(message, mark, (("alias", alias), ("limit", limit)))
            raise _Refused(
                N_("this value takes the file past {limit} values"), mark, (("limit", limit),)
            )

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:
                if id(target) not in self.sizes:  # still being composed
                    message = N_("alias *{alias} is inside the value it refers to")
                    raise _Refused(message, event.start_mark, (("alias", str(event.anchor)),))
                self._count(self.sizes[id(target)], event.start_mark, event.anchor)
            return super().compose_node(parent, index)
        tag = getattr(event, "ctag", None)
        if tag is not None:
            message = N_("YAML tags such as {tag} are not allowed")
            raise _Refused(message, event.start_mark, (("tag", _tag_text(tag)),))
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
            message = N_("merge keys (<<) are not allowed; write the keys out, or use extends")
            raise _Refused(message, node.start_mark)
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
            return Invalid(N_("number is too long"))

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        try:
            return bool(super().check_mapping_key(node, key_node, mapping, key, value))
        except TypeError:  # a mapping used as a key, with a list inside it
            message = N_("keys must be text, not {what}")
            raise _Refused(
                message, key_node.start_mark, (("what", Phrase(N_("a mapping"))),)
            ) from None

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

    def _invalid(self, pos: Pos, loc: Loc, message: str, values: Params = ()) -> Invalid:
        problem = Problem(pos, field_path(loc), message, code="unreadable", params=values)
        return Invalid(message, problem, values)

    def convert(self, node: Any, pos: Pos, loc: Loc, depth: int) -> Any:
        if depth > MAX_DEPTH:  # only reachable through aliases; the scanner checks the rest
            raise LoadError([Problem(pos, field_path(loc), _TOO_DEEP, params=_DEPTH)])
        if isinstance(node, CommentedMap):
            out = LMap(pos)
            for key, value in node.items():
                key_pos = self._pos(node.lc.key, key, pos)
                if not isinstance(key, str):
                    message, values = _describe_key(key)
                    self.problems.append(
                        Problem(key_pos, field_path(loc), message, code="key", params=values)
                    )
                    continue
                if bad := bad_character(key, N_("a key")):
                    message, values = bad
                    self.problems.append(
                        Problem(key_pos, field_path(loc), message, code="key", params=values)
                    )
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
            return self._invalid(pos, loc, node.message, node.params)
        if isinstance(node, str):
            text = join_surrogates(str(node))
            bad = bad_character(text)
            return self._invalid(pos, loc, *bad) if bad else text
        message = N_("unsupported value ({kind})")
        return self._invalid(pos, loc, message, (("kind", type(node).__name__),))


def _describe_key(key: Any) -> tuple[str, Params]:
    """The problem of a key that is not text: a catalog message and its parameters."""
    if isinstance(key, int | float) and not isinstance(key, bool):
        return N_("keys must be text, not the number {number}"), (("number", str(key)),)
    if isinstance(key, Invalid):
        return key.message, key.params
    what = (
        N_("an empty key")
        if key is None
        else N_("true/false")
        if isinstance(key, bool)
        else N_("a date")
        if isinstance(key, dt.date)
        else N_("a list")
        if isinstance(key, tuple | list)
        else N_("a mapping")
    )
    return N_("keys must be text, not {what}"), (("what", Phrase(what)),)
