"""The typed context of the DPIA report."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase, Loc, LocatedFinding, unanswered
from dpia.model.enums import MeasureStatus, RiskLevel
from dpia.model.risks import Measure
from dpia.rules.consent import ConsentLine, consent_lines
from dpia.rules.decision import Art36, Art36Status, art36
from dpia.rules.risk import (
    AssessedRisk,
    assess,
    heat_map,
    highest_residual,
)
from dpia.rules.screening import ScreeningResult, screen_questionnaire


@dataclass(frozen=True)
class DpiaContext(DocumentBase):
    screening: ScreeningResult
    risks: list[AssessedRisk]
    heat_inherent: list[list[list[str]]]  # [severity][likelihood] -> risk ids
    heat_residual: list[list[list[str]]]
    residual_counts: dict[RiskLevel, int]
    highest: AssessedRisk | None
    prior_consultation: bool  # Art. 36: a high residual risk remains and the decision proceeds
    art36: Art36Status  # required, moot (decision not to proceed) or not needed; filed or not
    conflicts: list[LocatedFinding]  # a decision to proceed against the assessment's findings
    measures: dict[str, Measure]  # by id, in questionnaire order
    risks_by_measure: dict[str, list[str]]
    open_measures: list[Measure]
    gaps: list[Loc]  # unanswered questions
    consent: list[ConsentLine]  # purposes relying on consent, and whether it holds


def dpia_context(base: DocumentBase) -> DpiaContext:
    q = base.q
    assessed = assess(q.risks)
    by_measure: dict[str, list[str]] = {m.id: [] for m in q.measures}
    for r in q.risks:
        for m in r.measures:
            by_measure.setdefault(m, []).append(r.id)
    return DpiaContext(
        **vars(base),
        screening=screen_questionnaire(q),
        risks=assessed,
        heat_inherent=heat_map(assessed, residual=False),
        heat_residual=heat_map(assessed, residual=True),
        residual_counts={lvl: sum(a.residual is lvl for a in assessed) for lvl in RiskLevel},
        highest=highest_residual(assessed),
        prior_consultation=art36(q).state is Art36.required,
        art36=art36(q),
        conflicts=[f for f in base.findings if f.finding.code == "decision-conflict"],
        measures={m.id: m for m in q.measures},
        risks_by_measure=by_measure,
        open_measures=[m for m in q.measures if m.status is not MeasureStatus.implemented],
        gaps=unanswered(q),
        consent=consent_lines(q),
    )
