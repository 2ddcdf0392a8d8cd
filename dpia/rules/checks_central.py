"""Checks of a school's marks on the central assessment it extends (`central`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dpia.model import Questionnaire
from dpia.model.central import ID_LISTS
from dpia.model.labels import N_
from dpia.rules.finding import E, Finding, W, check


def _ids(q: Questionnaire) -> set[str]:
    data = q.model_dump(mode="json", include={loc[0]: True for loc in ID_LISTS})
    found = set()
    for loc in ID_LISTS:
        node: Any = data
        for part in loc:
            node = node.get(part, [])
        found |= {f"{'.'.join(loc)}.{item['id']}" for item in node if item.get("id")}
    return found


@check
def _central(q: Questionnaire) -> Iterator[Finding]:
    if q.central is None:
        return
    known = _ids(q)
    seen: set[str] = set()
    for i, m in enumerate(q.central.marks):
        loc = ("central", "marks", i, "item")
        if m.item not in known:
            yield Finding(
                "central-mark-unknown",
                E,
                loc,
                N_("the mark names '{item}', which is not an item of this assessment"),
                {"item": m.item},
            )
        if m.item in seen:
            yield Finding(
                "central-mark-twice",
                E,
                loc,
                N_("'{item}' is marked twice"),
                {"item": m.item},
            )
        seen.add(m.item)
    if q.central.marks and not q.central.fingerprints:
        yield Finding(
            "central-unconfirmed",
            W,
            ("central",),
            N_("the central assessment was never confirmed: run `dpia confirm` on this file"),
        )
