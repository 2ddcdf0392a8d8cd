"""Risk levels from likelihood and severity (CNIL four-level scales)."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model.enums import Level, RiskLevel
from dpia.model.risks import Risk

SCALE = list(Level)  # negligible < limited < significant < maximum


# MATRIX[severity][likelihood], both indexed 0 (negligible) .. 3 (maximum). A risk is high
# when both are at least significant, or one is maximum and the other at least limited;
# negligible severity is always low, as in the Rijksmodel's 'laag' row.
_L, _M, _H = RiskLevel.low, RiskLevel.medium, RiskLevel.high
MATRIX = [
    [_L, _L, _L, _L],
    [_L, _L, _M, _M],
    [_L, _M, _H, _H],
    [_M, _H, _H, _H],
]
# The levels a heat map's cells can show, for its legend (no cell is 'unknown').
MAP_LEVELS = [lvl for lvl in RiskLevel if any(lvl in row for row in MATRIX)]


def level(likelihood: Level, severity: Level) -> RiskLevel:
    return MATRIX[SCALE.index(severity)][SCALE.index(likelihood)]


@dataclass(frozen=True)
class AssessedRisk:
    risk: Risk
    inherent: RiskLevel
    residual: RiskLevel  # RiskLevel.unknown when the assessors could not rate it

    @property
    def direct(self) -> bool:
        """The inherent level was given directly, not on the 4x4 scale."""
        return self.risk.level is not None

    @property
    def residual_direct(self) -> bool:
        return self.risk.residual_level is not None


def _inherent(r: Risk) -> RiskLevel:
    if r.level is not None:
        return r.level
    assert r.likelihood is not None and r.severity is not None  # the model checks this
    return level(r.likelihood, r.severity)


def _residual(r: Risk) -> RiskLevel:
    if r.residual_level is not None:
        return r.residual_level
    assert r.residual_likelihood is not None and r.residual_severity is not None
    return level(r.residual_likelihood, r.residual_severity)


def assess(risks: list[Risk]) -> list[AssessedRisk]:
    return [AssessedRisk(r, _inherent(r), _residual(r)) for r in risks]


def high_residual(assessed: list[AssessedRisk]) -> list[str]:
    return [a.risk.id for a in assessed if a.residual is RiskLevel.high]


def prior_consultation_needed(assessed: list[AssessedRisk]) -> bool:
    """Art. 36(1): a high risk that remains after the measures (see rules.decision for what
    the decision adds)."""
    return bool(high_residual(assessed))


# An unknown residual risk ranks below a known high one but above medium: it may be high.
_RANK = [RiskLevel.low, RiskLevel.medium, RiskLevel.unknown, RiskLevel.high]


def highest_residual(assessed: list[AssessedRisk]) -> AssessedRisk | None:
    return max(assessed, key=lambda a: _RANK.index(a.residual), default=None)


def heat_map(assessed: list[AssessedRisk], residual: bool) -> list[list[list[str]]]:
    """Risk ids per cell: cells[severity][likelihood], both 0 (negligible) .. 3 (maximum).
    Risks rated directly (or unknown) have no cell and are left out."""
    cells: list[list[list[str]]] = [[[] for _ in SCALE] for _ in SCALE]
    for a in assessed:
        r = a.risk
        lik, sev = (
            (r.residual_likelihood, r.residual_severity) if residual else (r.likelihood, r.severity)
        )
        if (residual and a.residual_direct) or (not residual and a.direct):
            continue
        if lik is None or sev is None:
            continue
        cells[SCALE.index(sev)][SCALE.index(lik)].append(r.id)
    return cells
