"""What changed between two versions of an assessment, as a reviewer reads it.

Not a text diff: risks re-rated (levels from dpia.rules.risk), measures implemented or
overdue, findings that appeared or were resolved (dpia.rules.findings), the screening verdict
(dpia.rules.screening), the decision, and the answers that changed. Pure functions over two
validated questionnaires.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from dpia.model import Questionnaire, Text
from dpia.model.enums import MeasureStatus, Outcome, RiskLevel, Verdict
from dpia.model.risks import Measure
from dpia.rules.finding import Finding
from dpia.rules.findings import findings
from dpia.rules.risk import AssessedRisk, assess
from dpia.rules.screening import screen

Loc = tuple[str | int, ...]


class Change(StrEnum):
    added = "added"
    removed = "removed"
    changed = "changed"
    unchanged = "unchanged"


@dataclass(frozen=True)
class RiskChange:
    id: str
    title: Text
    change: Change  # changed: the inherent or the residual level moved
    old: AssessedRisk | None
    new: AssessedRisk | None

    @property
    def old_inherent(self) -> RiskLevel | None:
        return self.old.inherent if self.old else None

    @property
    def new_inherent(self) -> RiskLevel | None:
        return self.new.inherent if self.new else None

    @property
    def old_residual(self) -> RiskLevel | None:
        return self.old.residual if self.old else None

    @property
    def new_residual(self) -> RiskLevel | None:
        return self.new.residual if self.new else None


@dataclass(frozen=True)
class MeasureChange:
    id: str
    title: Text
    change: Change
    old_status: MeasureStatus | None
    new_status: MeasureStatus | None
    due: dt.date | None
    overdue: bool  # not implemented, and due before the new version's date

    @property
    def whole(self) -> bool:
        """Added or removed as a whole, rather than changed."""
        return self.change in (Change.added, Change.removed)

    @property
    def implemented(self) -> bool:
        done = MeasureStatus.implemented
        return self.new_status is done and self.old_status is not done


@dataclass(frozen=True)
class FindingChange:
    finding: Finding
    where: str  # field path, with ids instead of positions where the list has ids
    appeared: bool  # False: resolved


@dataclass(frozen=True)
class AnswerChange:
    loc: Loc  # with ids instead of positions for lists of items with ids
    change: Change
    old: Any
    new: Any


@dataclass(frozen=True)
class Comparison:
    old: Questionnaire
    new: Questionnaire
    risks: list[RiskChange]  # every risk of either version, in the new version's order
    measures: list[MeasureChange]
    findings: list[FindingChange]
    verdict: tuple[Verdict, Verdict]
    decision: tuple[Outcome | None, Outcome | None]
    answers: list[AnswerChange]

    def count(self, change: Change) -> int:
        return sum(r.change is change for r in self.risks)

    @property
    def rerated(self) -> list[RiskChange]:
        return [r for r in self.risks if r.change is not Change.unchanged]

    @property
    def measures_changed(self) -> list[MeasureChange]:
        return [m for m in self.measures if m.change is not Change.unchanged or m.overdue]

    @property
    def open_measures(self) -> list[MeasureChange]:
        done = MeasureStatus.implemented
        return [m for m in self.measures if m.new_status not in (None, done)]

    @property
    def open_risks(self) -> list[RiskChange]:
        """Risks that remain above low after the measures in the new version."""
        return [r for r in self.risks if r.new_residual not in (None, RiskLevel.low)]


def compare(old: Questionnaire, new: Questionnaire) -> Comparison:
    return Comparison(
        old=old,
        new=new,
        risks=_risks(old, new),
        measures=_measures(old, new),
        findings=_findings(old, new),
        verdict=(screen(old.screening).verdict, screen(new.screening).verdict),
        decision=(_outcome(old), _outcome(new)),
        answers=_answers(old, new),
    )


def _outcome(q: Questionnaire) -> Outcome | None:
    return q.consultation.decision.outcome if q.consultation.decision else None


def _risks(old: Questionnaire, new: Questionnaire) -> list[RiskChange]:
    before = {a.risk.id: a for a in assess(old.risks)}
    after = {a.risk.id: a for a in assess(new.risks)}
    out = []
    for rid in [*after, *(r for r in before if r not in after)]:
        b, a = before.get(rid), after.get(rid)
        if b is None or a is None:
            change = Change.added if b is None else Change.removed
        elif (b.inherent, b.residual) != (a.inherent, a.residual):
            change = Change.changed
        else:
            change = Change.unchanged
        title = (a or b).risk.title  # type: ignore[union-attr]
        out.append(RiskChange(rid, title, change, b, a))
    return out


def _measures(old: Questionnaire, new: Questionnaire) -> list[MeasureChange]:
    before = {m.id: m for m in old.measures}
    after = {m.id: m for m in new.measures}
    day = new.meta.assessment_date
    out = []
    for mid in [*after, *(m for m in before if m not in after)]:
        b, a = before.get(mid), after.get(mid)
        if b is None or a is None:
            change = Change.added if b is None else Change.removed
        else:
            change = Change.changed if b.status is not a.status else Change.unchanged
        m: Measure = a or b  # type: ignore[assignment]
        overdue = a is not None and _late(a, day)
        status = (b.status if b else None, a.status if a else None)
        out.append(MeasureChange(mid, m.title, change, *status, m.due, overdue))
    return out


def _late(m: Measure, day: dt.date) -> bool:
    return m.status is not MeasureStatus.implemented and m.due is not None and m.due < day


def stable_loc(q: Questionnaire, loc: Loc) -> Loc:
    """`loc` with each position in a list of items with ids replaced by that id, so that a
    finding on risk R3 is the same finding when a risk is inserted before it."""
    node: Any = q
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            ident = getattr(node, "id", None)
            out.append(ident if isinstance(ident, str) else part)
            continue
        node = getattr(node, part, None) if isinstance(part, str) else None
        out.append(part)
    return tuple(out)


def _findings(old: Questionnaire, new: Questionnaire) -> list[FindingChange]:
    def keyed(q: Questionnaire) -> dict[tuple[str, Loc], Finding]:
        return {(f.code, stable_loc(q, f.loc)): f for f in findings(q)}

    before, after = keyed(old), keyed(new)
    appeared = [FindingChange(f, _path(k[1]), True) for k, f in after.items() if k not in before]
    resolved = [FindingChange(f, _path(k[1]), False) for k, f in before.items() if k not in after]
    return appeared + resolved


def _path(loc: Loc) -> str:
    return ".".join(str(p) for p in loc)


# Answers shown elsewhere in the comparison (ratings, measure status, the version itself)
# or not answers at all.
_SHOWN_ELSEWHERE = {
    ("meta", "version"),
    ("meta", "assessment_date"),
    ("meta", "history"),
    ("consultation", "decision", "outcome"),
    ("base_only",),
}
_RATINGS = {"likelihood", "severity", "residual_likelihood", "residual_severity"}


def _answers(old: Questionnaire, new: Questionnaire) -> list[AnswerChange]:
    """Changed answers; an item added or removed as a whole is one change, not one per field
    (and none for risks and measures, which their own lists show)."""
    items_before: dict[Loc, BaseModel] = {}
    items_after: dict[Loc, BaseModel] = {}
    before, after = dict(flatten(old, (), items_before)), dict(flatten(new, (), items_after))
    whole = {k: (items_before.get(k), items_after.get(k)) for k in {*items_before, *items_after}}
    whole = {k: v for k, v in whole.items() if (v[0] is None) != (v[1] is None)}
    out = []
    reported: set[Loc] = set()
    for loc in [*after, *(k for k in before if k not in after)]:
        item = next((loc[:n] for n in range(1, len(loc)) if loc[:n] in whole), None)
        if item is not None:
            if item not in reported and item[0] not in ("risks", "measures"):
                b_item, a_item = whole[item]
                change = Change.added if b_item is None else Change.removed
                out.append(AnswerChange(item, change, b_item, a_item))
            reported.add(item)
            continue
        b, a = before.get(loc), after.get(loc)
        if b == a:
            continue
        change = Change.added if b is None else Change.removed if a is None else Change.changed
        out.append(AnswerChange(loc, change, b, a))
    order = list(Questionnaire.model_fields)
    return sorted(out, key=lambda a: order.index(str(a.loc[0])))  # stable: by section


def flatten(node: Any, loc: Loc, items: dict[Loc, BaseModel]) -> list[tuple[Loc, Any]]:
    """Every answer as (location, comparable value); lists of items with ids by id. The
    items with ids are collected in `items` by location."""
    if loc in _SHOWN_ELSEWHERE or node is None:
        return []
    if loc[:1] in (("risks",), ("measures",)) and len(loc) == 3 and loc[2] in _RATINGS:
        return []
    if loc[:1] == ("measures",) and len(loc) == 3 and loc[2] == "status":
        return []
    if isinstance(node, Text):
        return [(loc, node)]
    if isinstance(node, BaseModel):
        return [
            pair
            for name in type(node).model_fields
            if name != "id"
            for pair in flatten(getattr(node, name), (*loc, name), items)
        ]
    if isinstance(node, list):
        if node and all(isinstance(i, BaseModel) for i in node):
            ids = [getattr(i, "id", None) for i in node]
            if all(isinstance(k, str) for k in ids):
                items.update({(*loc, str(k)): i for k, i in zip(ids, node, strict=True)})
                keys: list[str | int] = [str(k) for k in ids]
            else:  # no ids: compared by position, counted from 1 as people count
                keys = list(range(1, len(node) + 1))
                items.update({(*loc, k): i for k, i in zip(keys, node, strict=True)})
            return [
                pair
                for k, i in zip(keys, node, strict=True)
                for pair in flatten(i, (*loc, k), items)
            ]
        return [(loc, tuple(node))] if node else []
    return [(loc, node)]
