"""`extends`: one assessment overlays another.

Mappings merge deeply; lists whose items all carry an `id` merge item by item on that id
(new ids are appended); any other list, and every scalar, is replaced by the overlay's value.
`base_only` is never inherited: it marks the base itself, not what is built on it.
This is how a cooperative's joint assessment serves each member school.

A questionnaire may come from someone else, and the merged result is embedded in every PDF:
a base must therefore resolve (symbolic links followed) inside the folder of the file that was
named, or inside the batch root when a batch names one. Otherwise `extends: /home/me/.ssh/x.yaml`
would publish any YAML file on the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dpia.load.problems import N_, LoadError, Pos, Problem, display_path
from dpia.load.source import SUFFIXES, read_source
from dpia.load.tree import LMap, LSeq

MAX_CHAIN = 10


def read_with_extends(
    path: Path, chain: tuple[Path, ...] = (), root: Path | None = None
) -> tuple[LMap, list[Path], list[Problem]]:
    """The merged tree of `path` and every file it extends, those files (base first), and the
    problems of single values found in them. Bases must lie inside `root` (default: the
    folder of `path`)."""
    if root is None:
        root = _resolve(path.absolute().parent, Pos(display_path(path)), "")
    path = _resolve(path, Pos(display_path(path)), "")
    tree, problems = read_source(path)
    ext = tree.pop("extends", None)
    if ext is None:
        return tree, [path], problems
    pos = tree.val_pos["extends"]
    if not isinstance(ext, str) or not ext.strip():
        raise _refuse(pos, N_("expected the path of a base file, as text"))
    base = _resolve(path.parent / ext, pos, "extends")
    names = " -> ".join(display_path(p) for p in (*chain, path, base))
    if not base.is_relative_to(root):
        where = display_path(root)
        raise _refuse(
            pos, N_("the base file must be inside {where}: {names}"), where=where, names=names
        )
    if base in (*chain, path):
        raise _refuse(pos, N_("circular extends: {names}"), names=names)
    if len(chain) + 2 > MAX_CHAIN:
        message = N_("more than {limit} files in the extends chain: {names}")
        raise _refuse(pos, message, limit=str(MAX_CHAIN), names=names)
    if not base.is_file():
        message = (
            N_("base file is a folder: {names}")
            if base.is_dir()
            else N_("base file is not a regular file: {names}")
            if base.exists()
            else N_("base file not found: {names}")
        )
        raise _refuse(pos, message, names=names)
    if base.suffix.lower() not in SUFFIXES:
        raise _refuse(pos, N_("the base file must be .yaml, .yml or .json: {names}"), names=names)
    base_tree, sources, base_problems = read_with_extends(base, (*chain, path), root)
    base_tree.pop("base_only", None)
    return merge(base_tree, tree), [*sources, path], base_problems + problems


def _refuse(pos: Pos, message: str, **values: str) -> LoadError:
    """The error of an `extends` that cannot be followed: a catalog message and its values."""
    return LoadError([Problem(pos, "extends", message, params=tuple(values.items()))])


def _resolve(path: Path, pos: Pos, field: str) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link that points to itself, in the end
        message = N_("cannot be read: {path} is a link loop")
        problem = Problem(pos, field, message, params=(("path", str(path)),))
        raise LoadError([problem]) from None


def merge(base: Any, over: Any) -> Any:
    if isinstance(base, LMap) and isinstance(over, LMap):
        out = LMap(over.pos)
        for key in base:
            out[key], out.key_pos[key], out.val_pos[key] = base[key], *_kv(base, key)
        for key in over:
            out[key] = merge(base[key], over[key]) if key in base else over[key]
            out.key_pos[key], out.val_pos[key] = _kv(over, key)
        return out
    if isinstance(base, LSeq) and isinstance(over, LSeq) and _by_id(base) and _by_id(over):
        seq = LSeq(over.pos)
        pending = list(zip(over, over.item_pos, strict=True))
        first: dict[str, int] = {}
        for i, (item, _) in enumerate(pending):
            first.setdefault(item["id"], i)
        used: set[int] = set()
        for item, p in zip(base, base.item_pos, strict=True):
            i = first.get(item["id"], -1)
            if i >= 0 and i not in used:  # a repeated id stays repeated, to be reported
                used.add(i)
                new, p = pending[i]
                item = merge(item, new)
            seq.append(item)
            seq.item_pos.append(p)
        for i, (item, p) in enumerate(pending):
            if i not in used:
                seq.append(item)
                seq.item_pos.append(p)
        return seq
    return over


def _kv(m: LMap, key: str) -> tuple[Any, Any]:
    return m.key_pos[key], m.val_pos[key]


def _by_id(seq: LSeq) -> bool:
    return all(isinstance(item, LMap) and isinstance(item.get("id"), str) for item in seq)
