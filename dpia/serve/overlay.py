"""Changes to an overlay (a file that `extends` a base): written into the overlay only.

The form shows the merged questionnaire. A change to a mapping key lands in the overlay as
it is (the overlay then differs from its base there). Lists of items with an `id` merge by
id (`dpia.load.overlay`), so an index in the merged list is not an index in the overlay: the
item is found by its id in the overlay, or added there as `{id: ...}` first, so that the
overlay holds only what differs. Removing or reordering an item the base supplies cannot be
written as a difference, and is refused.
"""

from __future__ import annotations

from typing import Any

from dpia.load.source import read_source
from dpia.serve.saving import BadChange, Change


def to_overlay(changes: list[Change], merged: dict[str, Any], overlay: Any) -> list[Change]:
    """`changes` made on the merged data, as changes of the overlay file's own tree."""
    own, _ = read_source(overlay)
    own.pop("extends", None)
    out: list[Change] = []
    for change in changes:
        loc: list[str | int] = []
        m: Any = merged
        o: Any = own
        for n, part in enumerate(change.loc):
            last = n == len(change.loc) - 1
            if isinstance(part, int):
                item = m[part] if isinstance(m, list) and 0 <= part < len(m) else None
                ident = item.get("id") if isinstance(item, dict) else None
                if not isinstance(ident, str):
                    raise BadChange("this list is the base's: change it in the base file")
                mine = [
                    i for i, x in enumerate(o or []) if isinstance(x, dict) and x.get("id") == ident
                ]
                if mine:
                    index = mine[0]
                elif last or change.op in ("remove", "move"):
                    raise BadChange("this item is the base's: remove or move it in the base file")
                else:
                    out.append(Change("add", tuple(loc), {"id": ident}))
                    index = len(o or [])
                    o = [*(o or []), {"id": ident}]
                if last and change.op in ("remove", "move"):
                    raise BadChange("in a joint assessment, items are removed or moved in the base")
                loc.append(index)
                m, o = item, o[index] if isinstance(o, list) and index < len(o) else {}
            else:
                loc.append(part)
                m = m.get(part) if isinstance(m, dict) else None
                o = o.get(part) if isinstance(o, dict) else None
        if change.lang and isinstance(change.value, list) and o is None and isinstance(m, list):
            # One language of an inherited list of texts: the overlay takes the whole list
            # first, so that the other language of each item stays.
            out.append(Change("set", tuple(loc), _plain(m)))
        out.append(Change(change.op, tuple(loc), change.value, change.lang, change.to))
    return out


def _plain(value: Any) -> Any:
    """Loaded data (the loader's located mappings and lists) as plain dicts and lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
