"""Central -> local: which of a school's decisions about central items need review.

A school confirmed each central item as it was then (a fingerprint of the item in the central
file); when the cooperative changes that item, the school's mark on it needs review. The
fingerprint is taken from the central file's own data, before any overlay.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dpia.model import Questionnaire
from dpia.model.central import Mark

# Where the lists with ids are in the data, and how marks name them.
LISTS = {
    "risks": ("risks",),
    "measures": ("measures",),
    **{
        f"description.{name}": ("description", name)
        for name in ("operations", "purposes", "data_subjects", "personal_data", "parties")
    },
    "description.locations": ("description", "locations"),
}


class Why(StrEnum):
    changed = "changed"  # the central item differs from what the school confirmed
    removed = "removed"  # the central item is gone
    new = "new"  # added to the central assessment since


@dataclass(frozen=True)
class Review:
    item: str
    mark: Mark
    why: Why


def fingerprint(item: Any) -> str:
    """12 hex digits of the item's canonical JSON: formatting and comments do not count."""
    text = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def central_items(data: dict[str, Any]) -> dict[str, Any]:
    """Every item with an id in the central data, by its mark name (`risks.R3`)."""
    return dict(_items(data))


def _items(data: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for name, loc in LISTS.items():
        node: Any = data
        for part in loc:
            node = node.get(part) if isinstance(node, dict) else None
        for item in node if isinstance(node, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield f"{name}.{item['id']}", item


def needs_review(q: Questionnaire, central: dict[str, Any]) -> list[Review]:
    """The central items that changed, went or came since the school confirmed them, with
    what the school decided about each (an item it did not mark, it adopted)."""
    if q.central is None or not q.central.fingerprints:
        return []  # never confirmed: nothing to compare with
    items = central_items(central)
    marks = {m.item: m.mark for m in q.central.marks}
    seen = q.central.fingerprints
    out = []
    for name in [*items, *(n for n in seen if n not in items)]:
        if name not in items:
            why = Why.removed
        elif name not in seen:
            why = Why.new
        elif fingerprint(items[name]) != seen[name]:
            why = Why.changed
        else:
            continue
        out.append(Review(name, marks.get(name, Mark.adopted), why))
    return out


LOCAL = "local"  # an item the school added itself


def provenance(q: Questionnaire, central: dict[str, Any]) -> dict[str, str]:
    """Where each item of a school's assessment comes from, by its mark name: `local` (the
    school's own), or its mark on the central item (adopted, adapted, not_applicable)."""
    items = central_items(central)
    marks = {m.item: m.mark.value for m in q.central.marks} if q.central else {}
    merged = central_items(q.model_dump(mode="json", include=_ITEM_FIELDS))
    return {
        name: LOCAL if name not in items else marks.get(name, Mark.adopted.value)
        for name in merged
    }


_ITEM_FIELDS: Any = {"risks": True, "measures": True, "description": True}
