"""The risk trajectory: residual risks by level, version by version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.model import Questionnaire
from dpia.model.enums import RiskLevel
from dpia.model.history import Version
from dpia.rules.risk import AssessedRisk, assess, level

LEVELS = (RiskLevel.high, RiskLevel.medium, RiskLevel.low)  # most serious first


@dataclass(frozen=True)
class Point:
    version: str
    date: dt.date
    counts: dict[RiskLevel, int]
    recorded: bool  # True: from meta.history; False: from a questionnaire's own risks

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def counts(assessed: list[AssessedRisk]) -> dict[RiskLevel, int]:
    return {lvl: sum(a.residual is lvl for a in assessed) for lvl in LEVELS}


def recorded_point(v: Version) -> Point | None:
    """A history entry as a point, when it recorded ratings or counts (ratings win)."""
    if v.ratings:
        levels = [level(r.residual_likelihood, r.residual_severity) for r in v.ratings]
        return Point(v.version, v.date, {lvl: levels.count(lvl) for lvl in LEVELS}, True)
    if v.residual is not None:
        found = {RiskLevel.high: v.residual.high, RiskLevel.medium: v.residual.medium}
        return Point(v.version, v.date, {**found, RiskLevel.low: v.residual.low}, True)
    return None


def current_point(q: Questionnaire) -> Point:
    return Point(q.meta.version, q.meta.assessment_date, counts(assess(q.risks)), False)


def trajectory(*versions: Questionnaire) -> list[Point]:
    """Every version known from the questionnaires given (oldest first) and their histories.

    A questionnaire's own risks outrank what a history says about the same version, and a
    later questionnaire's history outranks an earlier one's.
    """
    by_version: dict[str, Point] = {}
    for q in versions:
        for v in q.meta.history:
            point = recorded_point(v)
            if point is not None and not _from_file(by_version.get(v.version)):
                by_version[v.version] = point
    for q in versions:
        by_version[q.meta.version] = current_point(q)
    return sorted(by_version.values(), key=lambda p: p.date)


def _from_file(point: Point | None) -> bool:
    return point is not None and not point.recorded
