"""The typed context of the DPIA report."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.chart import Chart, chart
from dpia.context.common import DocumentBase, Loc, LocatedFinding, Shortlist, unanswered
from dpia.context.equality import mitigation_expected
from dpia.load import Severity
from dpia.model.description import Party
from dpia.model.enums import Characteristic, MeasureStatus, RiskLevel
from dpia.model.risks import Measure
from dpia.review.trajectory import trajectory
from dpia.rules.ai_act import deployer_duties_due
from dpia.rules.parties import PROCESSOR_ROLES
from dpia.rules.risk import (
    AssessedRisk,
    assess,
    heat_map,
    highest_residual,
    prior_consultation_needed,
)
from dpia.rules.screening import ScreeningResult, screen

# How much the one-page management summary has room for; the rest is in Part D and the annex.
SUMMARY_MEASURES = 6
SUMMARY_ERRORS = 8
# Risk ids that fit in one cell of the heat map; the rest show as "+N".
HEAT_CELL_IDS = 3


@dataclass(frozen=True)
class DpiaContext(DocumentBase):
    screening: ScreeningResult
    risks: list[AssessedRisk]
    heat_inherent: list[list[Shortlist[str]]]  # [severity][likelihood] -> risk ids
    heat_residual: list[list[Shortlist[str]]]
    residual_counts: dict[RiskLevel, int]
    highest: AssessedRisk | None
    prior_consultation: bool  # Art. 36: a high residual risk remains
    measures: dict[str, Measure]  # by id, in questionnaire order
    risks_by_measure: dict[str, list[str]]
    open_measures: list[Measure]
    summary_measures: Shortlist[Measure]  # the open measures named on the summary page
    summary_errors: Shortlist[LocatedFinding]  # the findings of severity error, likewise
    warnings: int  # findings of severity warning
    processors: list[Party]  # the parties that need a processor agreement (Art. 28)
    deployer_duties: list[str]  # the Art. 26 duties due (fields of ai.deployer_duties)
    mitigation_expected: list[Characteristic]  # a negative or unknown equality impact
    gaps: list[Loc]  # unanswered questions
    trajectory: Chart | None  # residual risks per version, when meta.history records some


def dpia_context(base: DocumentBase) -> DpiaContext:
    q = base.q
    assessed = assess(q.risks)
    by_measure: dict[str, list[str]] = {m.id: [] for m in q.measures}
    for r in q.risks:
        for m in r.measures:
            by_measure.setdefault(m, []).append(r.id)
    open_measures = [m for m in q.measures if m.status is not MeasureStatus.implemented]
    errors = [f for f in base.findings if f.where.severity is Severity.error]
    return DpiaContext(
        **vars(base),
        screening=screen(q.screening),
        risks=assessed,
        heat_inherent=_heat(heat_map(assessed, residual=False)),
        heat_residual=_heat(heat_map(assessed, residual=True)),
        residual_counts={lvl: sum(a.residual is lvl for a in assessed) for lvl in RiskLevel},
        highest=highest_residual(assessed),
        prior_consultation=prior_consultation_needed(assessed),
        measures={m.id: m for m in q.measures},
        risks_by_measure=by_measure,
        open_measures=open_measures,
        summary_measures=Shortlist.of(open_measures, SUMMARY_MEASURES),
        summary_errors=Shortlist.of(errors, SUMMARY_ERRORS),
        warnings=sum(f.where.severity is Severity.warning for f in base.findings),
        processors=[p for p in q.description.parties if p.role in PROCESSOR_ROLES],
        deployer_duties=deployer_duties_due(q),
        mitigation_expected=mitigation_expected(q.equality.characteristics),
        gaps=unanswered(q),
        trajectory=chart(points) if len(points := trajectory(q)) > 1 else None,
    )


def _heat(cells: list[list[list[str]]]) -> list[list[Shortlist[str]]]:
    return [[Shortlist.of(ids, HEAT_CELL_IDS) for ids in row] for row in cells]
