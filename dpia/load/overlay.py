"""`extends`: one assessment overlays another.

Mappings merge deeply; lists whose items all carry an `id` merge item by item on that id
(new ids are appended); any other list, and every scalar, is replaced by the overlay's value.
This is how a cooperative's joint assessment serves each member school.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dpia.load.problems import LoadError, Problem, display_path
from dpia.load.source import LMap, LSeq, read_source


def read_with_extends(path: Path, chain: tuple[Path, ...] = ()) -> tuple[LMap, list[Path]]:
    """The merged tree of `path` and every file it extends, and those files, base first."""
    path = path.resolve()
    tree = read_source(path)
    ext = tree.pop("extends", None)
    if ext is None:
        return tree, [path]
    pos = tree.val_pos["extends"]
    if not isinstance(ext, str) or not ext.strip():
        raise LoadError([Problem(pos, "extends", "expected the path of a base file")])
    base = (path.parent / ext).resolve()
    names = " -> ".join(display_path(p) for p in (*chain, path, base))
    if base in (*chain, path):
        raise LoadError([Problem(pos, "extends", f"circular extends: {names}")])
    if not base.is_file():
        raise LoadError([Problem(pos, "extends", f"base file not found: {names}")])
    base_tree, sources = read_with_extends(base, (*chain, path))
    return merge(base_tree, tree), [*sources, path]


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
        overrides = {item["id"]: (item, p) for item, p in zip(over, over.item_pos, strict=True)}
        for item, p in zip(base, base.item_pos, strict=True):
            if item["id"] in overrides:
                new, p = overrides.pop(item["id"])
                item = merge(item, new)
            seq.append(item)
            seq.item_pos.append(p)
        for item, p in overrides.values():
            seq.append(item)
            seq.item_pos.append(p)
        return seq
    return over


def _kv(m: LMap, key: str) -> tuple[Any, Any]:
    return m.key_pos[key], m.val_pos[key]


def _by_id(seq: LSeq) -> bool:
    return all(isinstance(item, LMap) and isinstance(item.get("id"), str) for item in seq)
