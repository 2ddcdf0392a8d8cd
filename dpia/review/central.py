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
from dpia.model.central import ID_LISTS, Mark
from dpia.model.enums import N_

# Where the lists with ids are in the data, and how marks name them.
LISTS = {".".join(loc): loc for loc in ID_LISTS}


class Why(StrEnum):
    changed = "changed"  # the central item differs from what the school confirmed
    removed = "removed"  # the central item is gone
    new = "new"  # added to the central assessment since


# What happened to a central item, as `dpia diff` says it.
WHY_WORDS = {
    Why.changed: N_("changed since the school confirmed it"),
    Why.removed: N_("removed from the central assessment"),
    Why.new: N_("new in the central assessment since the school confirmed it"),
}


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
    """The central items that changed, went or came since the school confirmed them and that
    the school adapted or relies on, with what it decided about each.

    An item it did not mark, it adopted: it relies on it. An item it marked not applicable is
    listed only when something the school keeps still refers to it (a risk naming it as a
    measure, a lawful basis naming it as purpose, ...): otherwise its change does not touch
    the school's assessment. The issue asks for exactly the schools that "adapted it or relied
    on it"; a school that set the item aside sees the change in `dpia diff` of the base.
    """
    if q.central is None or not q.central.fingerprints:
        return []  # never confirmed: nothing to compare with
    items = central_items(central)
    marks = {m.item: m.mark for m in q.central.marks}
    aside = {name for name, mark in marks.items() if mark is Mark.not_applicable}
    relied = referenced(q, aside)
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
        if name in aside and name not in relied:
            continue
        out.append(Review(name, marks.get(name, Mark.adopted), why))
    return out


def referenced(q: Questionnaire, aside: set[str]) -> set[str]:
    """The items (by mark name) that the items the school keeps refer to by id."""
    d = q.description
    found: set[str] = set()

    def kept(name: str) -> bool:
        return name not in aside

    for r in q.risks:
        if kept(f"risks.{r.id}"):
            found |= {f"measures.{m}" for m in r.measures}
            found |= {f"description.personal_data.{x}" for x in r.data}
    for i, b in enumerate(q.lawfulness.lawful_bases):
        if kept(f"lawfulness.lawful_bases.{b.id or i}"):
            found.add(f"description.purposes.{b.purpose}")
    for c in d.personal_data:
        if kept(f"description.personal_data.{c.id}"):
            found |= {f"description.data_subjects.{x}" for x in c.subjects}
    for p in d.parties:
        if kept(f"description.parties.{p.id}"):
            for scope in p.other_roles:
                found |= {f"description.operations.{x}" for x in scope.operations}
                found |= {f"description.personal_data.{x}" for x in scope.data}
    for _, agreement in q.agreements():
        if agreement.processor:
            found.add(f"description.parties.{agreement.processor}")
    return found


def dropped(q: Questionnaire, central: dict[str, Any]) -> dict[tuple[str, ...], list[str]]:
    """Central items missing from the school's assessment, by list. An overlay cannot remove
    a central item (it marks it not applicable); a list written without ids (lawful bases,
    special categories may be) replaces the central list instead of merging with it."""
    kept = central_items(q.model_dump(mode="json", include=_ITEM_FIELDS))
    out: dict[tuple[str, ...], list[str]] = {}
    for name in central_items(central):
        if name not in kept:
            loc = next(loc for loc in ID_LISTS if name.startswith(".".join(loc) + "."))
            out.setdefault(loc, []).append(name[len(".".join(loc)) + 1 :])
    return out


LOCAL = "local"  # an item the school added itself


def provenance(q: Questionnaire, central: dict[str, Any]) -> dict[str, str]:
    """Where each item of a school's assessment comes from, by its mark name: `local` (the
    school's own), or its mark on the central item (adopted, adapted, not_applicable)."""
    items = central_items(central)
    marks = {m.item: m.mark.value for m in q.central.marks} if q.central else {}
    merged = central_items(q.model_dump(mode="json", include=_ITEM_FIELDS))
    return {
        name: LOCAL if name not in items else marks.get(name, Mark.adopted.value) for name in merged
    }


_ITEM_FIELDS: Any = {loc[0]: True for loc in ID_LISTS}
