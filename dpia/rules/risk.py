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


def level(likelihood: Level, severity: Level) -> RiskLevel:
    return MATRIX[SCALE.index(severity)][SCALE.index(likelihood)]


@dataclass(frozen=True)
class AssessedRisk:
    risk: Risk
    inherent: RiskLevel
    residual: RiskLevel


def assess(risks: list[Risk]) -> list[AssessedRisk]:
    return [
        AssessedRisk(
            r,
            level(r.likelihood, r.severity),
            level(r.residual_likelihood, r.residual_severity),
        )
        for r in risks
    ]


def prior_consultation_needed(assessed: list[AssessedRisk]) -> bool:
    """Art. 36(1): a high risk that remains after the measures means consulting the AP first."""
    return any(a.residual is RiskLevel.high for a in assessed)


def highest_residual(assessed: list[AssessedRisk]) -> AssessedRisk | None:
    order = list(RiskLevel)
    return max(assessed, key=lambda a: order.index(a.residual), default=None)


def heat_map(assessed: list[AssessedRisk], residual: bool) -> list[list[list[str]]]:
    """Risk ids per cell: cells[severity][likelihood], both 0 (negligible) .. 3 (maximum)."""
    cells: list[list[list[str]]] = [[[] for _ in SCALE] for _ in SCALE]
    for a in assessed:
        r = a.risk
        lik, sev = (
            (r.residual_likelihood, r.residual_severity) if residual else (r.likelihood, r.severity)
        )
        cells[SCALE.index(sev)][SCALE.index(lik)].append(r.id)
    return cells
