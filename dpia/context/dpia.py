"""The typed context of the DPIA report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.context.common import DocumentBase, Loc, LocatedFinding, Shortlist, unanswered
from dpia.context.equality import mitigation_expected
from dpia.context.questions import Question, question
from dpia.load import Severity
from dpia.model import Text
from dpia.model.description import Party
from dpia.model.enums import Characteristic, MeasureStatus, RiskLevel
from dpia.model.risks import Measure
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
# A heat-map cell draws its risk ids in up to three rows, two to a row when the ids are short;
# ids that do not fit are named in a list below the map, so that every risk is shown.
HEAT_ROWS = 3
HEAT_SHORT_ID = 4  # characters: two such ids fit side by side in a cell at 8 pt


@dataclass(frozen=True)
class HeatCell:
    rows: list[list[str]]  # the ids drawn in the cell, row by row (one or two per row)
    overflow: list[str]  # all the cell's ids when some do not fit; listed below the map
    more: int  # how many are not drawn in the cell ("+N")


@dataclass(frozen=True)
class VersionRow:
    """A row of the version-history table: an earlier version from meta.history, or this one."""

    version: str
    date: dt.date
    changes: Text | None  # None: this version, described by the document itself
    by: str | None


@dataclass(frozen=True)
class DpiaContext(DocumentBase):
    screening: ScreeningResult
    risks: list[AssessedRisk]
    heat_inherent: list[list[HeatCell]]  # [severity][likelihood] -> risk ids
    heat_residual: list[list[HeatCell]]
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
    # What a data subject id in the answers is called in the document: its name, else its
    # category (ids are the questionnaire's, not the reader's).
    subject_names: dict[str, Text]
    # The annex: each finding's and each unanswered question's location in words (None where
    # the location is outside the model), in the order of `findings` and `gaps`.
    finding_questions: list[Question | None]
    gap_questions: list[Question | None]
    versions: list[VersionRow]  # oldest first, this version last
    dpo_overruled: bool  # the DPO's advice is recorded and not followed


def dpia_context(base: DocumentBase) -> DpiaContext:
    q = base.q
    assessed = assess(q.risks)
    by_measure: dict[str, list[str]] = {m.id: [] for m in q.measures}
    for r in q.risks:
        for m in r.measures:
            by_measure.setdefault(m, []).append(r.id)
    open_measures = [m for m in q.measures if m.status is not MeasureStatus.implemented]
    errors = [f for f in base.findings if f.where.severity is Severity.error]
    gaps = unanswered(q)
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
        gaps=gaps,
        finding_questions=[question(f.finding.loc) for f in base.findings],
        gap_questions=[question(g) for g in gaps],
        subject_names={s.id: s.name or s.category for s in q.description.data_subjects},
        versions=[
            *(VersionRow(v.version, v.date, v.changes, v.by) for v in q.meta.history),
            VersionRow(q.meta.version, q.meta.assessment_date, None, None),
        ],
        dpo_overruled=bool(q.consultation.dpo_advice and not q.consultation.dpo_advice.followed),
    )


def _heat(cells: list[list[list[str]]]) -> list[list[HeatCell]]:
    return [[_cell(ids) for ids in row] for row in cells]


def _cell(ids: list[str]) -> HeatCell:
    per_row = 2 if all(len(i) <= HEAT_SHORT_ID for i in ids) else 1
    room = HEAT_ROWS * per_row
    # When not all fit, the last place says "+N" and the cell's ids are listed below the map.
    shown = ids if len(ids) <= room else ids[: room - 1]
    rows = [shown[i : i + per_row] for i in range(0, len(shown), per_row)]
    crowded = len(ids) > room
    return HeatCell(rows, ids if crowded else [], len(ids) - len(shown))
