"""Checks of a school's marks on the central assessment it extends (`central`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from dpia.model import Questionnaire
from dpia.model.labels import N_
from dpia.rules.finding import E, Finding, W, check


def _ids(q: Questionnaire) -> set[str]:
    d = q.description
    named: dict[str, Sequence[Any]] = {
        "risks": q.risks,
        "measures": q.measures,
        "description.operations": d.operations,
        "description.purposes": d.purposes,
        "description.data_subjects": d.data_subjects,
        "description.personal_data": d.personal_data,
        "description.parties": d.parties,
        "description.locations": d.locations,
    }
    return {f"{name}.{item.id}" for name, items in named.items() for item in items}


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
