"""Saving a form's changes into the questionnaire file without losing anything.

The file stays the source of truth. A change is a small edit of the file's own YAML tree,
read and written with ruamel.yaml's round-trip mode, so comments, key order, quoting and the
layout of everything the change did not touch survive (a test checks every sample comes back
byte for byte). Each save:

- refuses when the file is not the version the form last saw (`Conflict`): another tab, an
  editor or a `git pull` changed it, and the form offers to reload instead of overwriting;
- keeps the version it replaces as `<file>.bak` when that version was not written by this
  server (the hand-edited file, or one changed elsewhere), so the last human version is kept;
- writes atomically (a temporary file beside it, fsync, rename) with the file's own mode.

The hardened loader (`dpia.load`) must have read the file before it is edited here: it refuses
aliases, tags and YAML 1.1, which this plain round-trip reader would otherwise accept.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from dpia.serve.workspace import version

Key = str | int
Loc = tuple[Key, ...]


class Conflict(Exception):
    """The file changed on disk since the form read it."""


class BadChange(ValueError):
    """A change that does not fit the file's structure (a list index that is not there)."""


@dataclass(frozen=True)
class Change:
    """One edit: set a value (None removes the key), add an item to a list, remove or move
    one. `lang` sets one language of a free-text answer."""

    op: str  # set, add, remove, move
    loc: Loc
    value: Any = None
    lang: str | None = None
    to: int | None = None


_locks: dict[Path, threading.Lock] = {}
_guard = threading.Lock()
_written: dict[Path, str] = {}  # the version this server last wrote, per file
# The tree this server last wrote, per file: the next change to that same version starts from
# it instead of parsing the file again (round-trip parsing is the slow half of a save).
_trees: dict[Path, tuple[str, Any, YAML | None, str]] = {}


def _lock(path: Path) -> threading.Lock:
    with _guard:
        return _locks.setdefault(path, threading.Lock())


def save(path: Path, seen: str, changes: list[Change], languages: list[str]) -> str:
    """Apply `changes` to the file if it is still version `seen`; returns the new version."""
    with _lock(path):
        old = path.read_bytes()
        current = version(path)
        if current != seen:
            raise Conflict(current)
        text = old.decode("utf-8")
        cached = _trees.pop(path, None)
        if cached is not None and cached[0] == current:
            _, tree, yaml, baseline = cached
        else:
            yaml = None if path.suffix.lower() == ".json" else _yaml_for(text)
            tree = json.loads(text) if yaml is None else yaml.load(text)
            baseline = "" if yaml is None else _dump(yaml, tree)
        for change in changes:  # a refused change leaves no cached tree behind
            _apply(tree, change, languages)
        if yaml is None:
            dumped = new = json.dumps(tree, indent=2, ensure_ascii=False) + "\n"
        else:
            dumped = _dump(yaml, tree)
            new = keep_layout(text, baseline, dumped)
        if _written.get(path) != current:
            _write(path.with_name(path.name + ".bak"), old, path)
        _write(path, new.encode("utf-8"), path)
        _written[path] = version(path)
        _trees[path] = (_written[path], tree, yaml, dumped)
        return _written[path]


def _dump(yaml: YAML, tree: Any) -> str:
    buf = io.StringIO()
    yaml.dump(tree, buf)
    return buf.getvalue()


def keep_layout(original: str, baseline: str, dumped: str) -> str:
    """The file with the change in it and every other line as it was.

    ruamel.yaml keeps comments and order but writes a few things its own way (a plain text
    continued on a second line comes back as one line). `baseline` is its writing of the file
    before the change and `dumped` after it: their difference is the change alone, and it is
    applied to the original lines where the original and `baseline` agree. Where the change
    touches a line ruamel wrote differently, `dumped` is used as it is (the same answers).
    """
    if original == baseline:
        return dumped
    o, b, d = (t.splitlines(keepends=True) for t in (original, baseline, dumped))
    to_original: dict[int, int] = {}
    for tag, b1, b2, o1, _ in SequenceMatcher(None, b, o, autojunk=False).get_opcodes():
        if tag == "equal":
            to_original.update({b1 + k: o1 + k for k in range(b2 - b1)})
    to_original[len(b)] = len(o)  # the end of the file
    out = list(o)
    hunks = SequenceMatcher(None, b, d, autojunk=False).get_opcodes()
    for tag, b1, b2, d1, d2 in reversed(hunks):
        if tag == "equal":
            continue
        start = to_original.get(b1)
        if start is None or any(to_original.get(b1 + k) != start + k for k in range(b2 - b1 + 1)):
            return dumped  # the change is where ruamel re-laid out the original
        out[start : start + b2 - b1] = d[d1:d2]
    result = "".join(out)
    check = YAML(typ="safe", pure=True)
    return result if check.load(result) == check.load(dumped) else dumped


def _yaml_for(text: str) -> YAML:
    """A round-trip YAML that writes with the file's own indentation: mappings indented as
    its most shallow nested key, block sequences as its first one (the dash's offset from the
    parent key, the item two further)."""
    keys = [len(m.group(1)) for m in re.finditer(r"^( +)[^\s#-]", text, re.M)]
    offset = 0
    dash = re.search(
        r"^([ \t]*)[^\s#][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)- ", text, re.M
    )
    if dash:
        offset = max(0, len(dash.group(2)) - len(dash.group(1)))
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line the user wrote
    yaml.indent(mapping=min(keys, default=2), sequence=offset + 2, offset=offset)
    return yaml


def _write(target: Path, data: bytes, like: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, like.stat().st_mode & 0o777)  # mkstemp's 0600 is not the file's mode
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _apply(tree: Any, change: Change, languages: list[str]) -> None:
    if not change.loc:
        raise BadChange("empty path")
    parent = _walk(tree, change.loc[:-1], create=change.op in ("set", "add"))
    key = change.loc[-1]
    if change.op == "set":
        old = _peek(parent, key)
        if change.lang and isinstance(change.value, list):
            value = _texts(old, change, languages)
        elif change.lang:
            value = _text(old, change, languages)
        else:
            value = change.value
        if value is None:
            _delete(tree, change.loc)
        else:
            _put(parent, key, _scalar(value))
    elif change.op == "add":
        seq = _peek(parent, key)
        if seq is None:
            seq = CommentedSeq() if isinstance(parent, CommentedMap) else []
            _put(parent, key, seq)
        if not isinstance(seq, list):
            raise BadChange(f"{key} is not a list")
        seq.append(_container(change.value))
    elif change.op in ("remove", "move"):
        if not isinstance(parent, list) or not isinstance(key, int) or not 0 <= key < len(parent):
            raise BadChange("no such item")
        item = parent.pop(key)
        if change.op == "move":
            to = max(0, min(change.to or 0, len(parent)))
            parent.insert(to, item)
    else:
        raise BadChange(f"unknown change {change.op}")


def _walk(tree: Any, loc: Loc, *, create: bool) -> Any:
    node = tree
    for key in loc:
        nxt = _peek(node, key)
        if nxt is None and create and isinstance(node, dict) and isinstance(key, str):
            nxt = CommentedMap() if isinstance(node, CommentedMap) else {}
            node[key] = nxt
        if nxt is None or not isinstance(nxt, dict | list):
            raise BadChange("no such place in the file")
        node = nxt
    return node


def _peek(node: Any, key: Key) -> Any:
    if isinstance(node, dict) and isinstance(key, str):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _put(node: Any, key: Key, value: Any) -> None:
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        node[key] = value
        return
    if not (isinstance(node, dict) and isinstance(key, str)):
        raise BadChange("no such place in the file")
    node[key] = value


def _delete(tree: Any, loc: Loc) -> None:
    """Remove a key, then every mapping left empty by it (an empty mapping is not an answer
    the model accepts)."""
    for n in range(len(loc), 0, -1):
        parent = _walk(tree, loc[: n - 1], create=False)
        key = loc[n - 1]
        if isinstance(parent, dict) and key in parent:
            del parent[key]
        elif isinstance(parent, list) and n == len(loc):
            raise BadChange("use remove for a list item")
        if parent or n == 1 or not isinstance(parent, dict):
            return


def _text(old: Any, change: Change, languages: list[str]) -> Any:
    """A free-text answer after setting one language: plain text when the assessment has one
    language, {nl: ..., en: ...} when it has two (an old plain text becomes its first)."""
    value = change.value or None
    if len(languages) < 2 and not isinstance(old, dict):
        return value
    texts = dict(old) if isinstance(old, dict) else {}
    if isinstance(old, str) and languages:
        texts[languages[0]] = old
    texts[str(change.lang)] = value
    texts = {k: v for k, v in texts.items() if v}
    if not texts:
        return None
    out = old if isinstance(old, CommentedMap) else CommentedMap()
    for k in list(out):
        if k not in texts:
            del out[k]
    for k in ("nl", "en"):
        if k in texts:
            out[k] = _scalar(texts[k])
    return out


def _texts(old: Any, change: Change, languages: list[str]) -> Any:
    """A list of free texts after setting one language line by line: item i gets line i in
    that language and keeps its other language; an item left without text goes."""
    before = list(old) if isinstance(old, list) else []
    lines: list[str] = change.value
    items = []
    for i in range(max(len(before), len(lines))):
        line = lines[i] if i < len(lines) else ""
        one = Change("set", change.loc, line, change.lang)
        item = _text(before[i] if i < len(before) else None, one, languages)
        if item is not None:
            items.append(item)
    if not items:
        return None
    if isinstance(old, CommentedSeq) and len(old) == len(items):
        for i, item in enumerate(items):  # in place: comments between the items stay
            old[i] = item
        return old
    out = CommentedSeq()
    out.extend(items)
    return out


def _scalar(value: Any) -> Any:
    """Text with line breaks as a literal block (`|-`), so the file stays readable."""
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value.replace("\r\n", "\n"))
    return value


def _container(value: Any) -> Any:
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _scalar(v)
        return out
    return _scalar(value)
