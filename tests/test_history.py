"""meta.history: earlier versions in the model, and the trajectory drawn from them."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from dpia.model.enums import RiskLevel
from dpia.review.trajectory import trajectory
from tests.factory import questionnaire

H, M, L = RiskLevel.high, RiskLevel.medium, RiskLevel.low

V1 = {
    "version": "0.9",
    "date": dt.date(2026, 3, 1),
    "changes": "First assessment",
    "by": "Privacy officer",
    # significant x significant is high; limited x significant is medium (dpia.rules.risk)
    "ratings": [
        {"id": "R1", "residual_likelihood": "significant", "residual_severity": "significant"},
        {"id": "R0", "residual_likelihood": "limited", "residual_severity": "significant"},
    ],
}
V0 = {
    "version": "0.5",
    "date": dt.date(2025, 9, 1),
    "changes": "Quick scan",
    "residual": {"high": 4},
}


def test_history_levels_come_from_the_rules_and_the_file_outranks_its_history() -> None:
    q = questionnaire(**{"meta.history": [V0, V1]})
    points = trajectory(q)
    assert [p.version for p in points] == ["0.5", "0.9", "1.0"]
    assert points[0].counts == {H: 4, M: 0, L: 0} and points[0].recorded
    assert points[1].counts == {H: 1, M: 1, L: 0}
    # the factory's R1: negligible x significant after the measures is low
    assert points[2].counts == {H: 0, M: 0, L: 1} and not points[2].recorded
    stale = {**V1, "version": "1.0", "ratings": V1["ratings"][:1]}
    assert trajectory(questionnaire(**{"meta.history": [stale]}))[-1].counts[L] == 1


def test_a_version_without_ratings_is_not_a_point() -> None:
    q = questionnaire(**{"meta.history": [{**V1, "ratings": []}]})
    assert [p.version for p in trajectory(q)] == ["1.0"]


@pytest.mark.parametrize(
    "entry",
    [
        {**V1, "ratings": [{"id": "R1", "residual_likelihood": "high", "residual_severity": "x"}]},
        {**V0, "residual": {"high": -1}},
        {**V0, "level": "high"},
        {k: v for k, v in V0.items() if k != "changes"},
    ],
)
def test_history_refuses_levels_typed_in_and_missing_changes(entry: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        questionnaire(**{"meta.history": [entry]})
