"""The typed context of the DPIA report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.context.chart import Chart, chart
from dpia.context.common import (
    DocumentBase,
    Loc,
    LocatedFinding,
    Shortlist,
    shortened,
)
from dpia.context.equality import mitigation_expected
from dpia.context.open_questions import dotted, dpia_gaps
from dpia.context.operations import KindRow, OperationView, kind_row, operation_views, special_rows
from dpia.context.questions import Question, question
from dpia.context.roles import ScopeView, scopes
from dpia.data.ai_act import AS_OF as AI_ACT_AS_OF
from dpia.load import Severity
from dpia.model import Questionnaire, Text
from dpia.model.description import Party
from dpia.model.enums import (
    Characteristic,
    DataKind,
    DataSubjectRight,
    MeasureStatus,
    RiskLevel,
    RiskTier,
)
from dpia.model.risks import Measure
from dpia.review.trajectory import trajectory
from dpia.rules.ai_act import (
    DutyStatus,
    ai_in_scope,
    deployer_duties_due,
    derived_tier,
    duties_by_date,
    start,
    tier_contradicts,
)
from dpia.rules.checks_operations import never_linked
from dpia.rules.consent import ConsentLine, consent_lines
from dpia.rules.decision import Art36, Art36Status, art36
from dpia.rules.parties import PROCESSOR_ROLES
from dpia.rules.risk import (
    AssessedRisk,
    assess,
    heat_map,
    highest_residual,
)
from dpia.rules.screening import ScreeningResult, screen_questionnaire

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
    prior_consultation: bool  # Art. 36: a high residual risk remains and the decision proceeds
    art36: Art36Status  # required, moot (decision not to proceed) or not needed; filed or not
    # When the authority's written advice is due: as recorded, else eight weeks after filing
    # (Art. 36(2); it may extend by six weeks for complex cases).
    art36_deadline: dt.date | None
    conflicts: list[LocatedFinding]  # a decision to proceed against the assessment's findings
    measures: dict[str, Measure]  # by id, in questionnaire order
    risks_by_measure: dict[str, list[str]]
    open_measures: list[Measure]
    summary_measures: Shortlist[Measure]  # the open measures named on the summary page
    summary_errors: Shortlist[LocatedFinding]  # the findings of severity error, likewise
    warnings: int  # findings of severity warning
    processors: list[Party]  # the parties that need a processor agreement (Art. 28)
    deployer_duties: list[str]  # the Art. 26 duties due (fields of ai.deployer_duties)
    mitigation_expected: list[Characteristic]  # a negative or unknown equality impact
    gaps: list[Loc]  # unanswered questions (dpia.context.open_questions)
    open_fields: frozenset[str]  # the same, dotted: the body marks a cell not answered by them
    scopes: dict[str, list[ScopeView]]  # party id -> its further roles
    ai_chapter: bool  # an AI system within the AI Act: otherwise the chapter is left out
    ai_duties: list[DutyStatus]  # AI Act duties that concern the system, with their dates
    ai_act_as_of: dt.date  # the date the table of AI Act dates reflects
    start: dt.date  # the planned start (or the assessment date) the dates are compared with
    derived_tier: RiskTier | None  # the tier the answers point to
    tier_contradiction: bool  # the typed tier differs from the derived one
    consent: list[ConsentLine]  # purposes relying on consent, and whether it holds
    trajectory: Chart | None  # residual risks per version, when meta.history records some
    # What a data subject id in the answers is called in the document: its name, else its
    # category (ids are the questionnaire's, not the reader's).
    subject_names: dict[str, Text]
    data_names: dict[str, Text]  # a data category id -> its name
    # A purpose id -> its description cut short, where an id alone would be a code to the
    # reader (the summary, tables that list purposes by id).
    purpose_names: dict[str, Text]
    highest_risks: list[AssessedRisk]  # every risk at the highest residual level
    start_planned: bool  # `start` is the planned start (else the assessment date stands in)
    # The annex: each finding's and each unanswered question's location in words (None where
    # the location is outside the model), in the order of `findings` and `gaps`.
    finding_questions: list[Question | None]
    gap_questions: list[Question | None]
    versions: list[VersionRow]  # oldest first, this version last
    dpo_overruled: bool  # the DPO's advice is recorded and not followed
    dpo_advice_short: Text | None  # the DPO's advice cut short for the summary
    # What is assessed, in one or two lines for the summary: the scope's own words, else the
    # proposal cut short.
    summary_processing: Text | None
    operations: list[OperationView]  # each operation with what belongs to it (none: implicit)
    operations_unlinked: list[str]  # lists none of whose items names an operation
    special_rows: list[KindRow]  # per special category recorded: its data, people, operations
    criminal_row: KindRow | None  # Rijksmodel 12.2
    national_id_row: KindRow | None  # Rijksmodel 12.3
    rights_order: list[DataSubjectRight]  # the rights of Rijksmodel 15, in its order
    party_interests: list[Party]  # the parties whose own interests are recorded (Rijksmodel 7)


def dpia_context(base: DocumentBase) -> DpiaContext:
    q = base.q
    assessed = assess(q.risks)
    by_measure: dict[str, list[str]] = {m.id: [] for m in q.measures}
    for r in q.risks:
        for m in r.measures:
            by_measure.setdefault(m, []).append(r.id)
    open_measures = [m for m in q.measures if m.status is not MeasureStatus.implemented]
    errors = [f for f in base.findings if f.where.severity is Severity.error]
    gaps = dpia_gaps(q)
    consultation = art36(q)  # Art. 36 read with the decision (dpia.rules.decision)
    highest = highest_residual(assessed)
    return DpiaContext(
        **vars(base),
        screening=screen_questionnaire(q),
        risks=assessed,
        heat_inherent=_heat(heat_map(assessed, residual=False)),
        heat_residual=_heat(heat_map(assessed, residual=True)),
        # "unknown" is listed only when some risk has it.
        residual_counts={
            lvl: n
            for lvl in (RiskLevel.unknown, RiskLevel.low, RiskLevel.medium, RiskLevel.high)
            if (n := sum(a.residual is lvl for a in assessed)) or lvl is not RiskLevel.unknown
        },
        highest=highest,
        prior_consultation=consultation.state is Art36.required,
        art36=consultation,
        art36_deadline=_deadline(q),
        conflicts=[f for f in base.findings if f.finding.code == "decision-conflict"],
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
        open_fields=frozenset(dotted(g) for g in gaps),
        finding_questions=[question(f.finding.loc, q) for f in base.findings],
        gap_questions=[question(g, q) for g in gaps],
        subject_names={s.id: s.name or s.category for s in q.description.data_subjects},
        data_names={c.id: c.name for c in q.description.personal_data},
        purpose_names={p.id: shortened(p.description) for p in q.description.purposes},
        # Every risk at the highest level, unless that is low: seven low risks are no news.
        highest_risks=[
            a
            for a in assessed
            if highest and highest.residual is not RiskLevel.low and a.residual is highest.residual
        ],
        start_planned=q.meta.planned_start is not None,
        versions=[
            *(VersionRow(v.version, v.date, v.changes, v.by) for v in q.meta.history),
            VersionRow(q.meta.version, q.meta.assessment_date, None, None),
        ],
        dpo_overruled=bool(q.consultation.dpo_advice and not q.consultation.dpo_advice.followed),
        summary_processing=(
            q.meta.scope.assessed
            if q.meta.scope
            else shortened(q.description.proposal, 200)
            if q.description.proposal
            else None
        ),
        dpo_advice_short=(
            shortened(q.consultation.dpo_advice.advice, 200) if q.consultation.dpo_advice else None
        ),
        scopes=scopes(q.description.parties),
        ai_chapter=ai_in_scope(q),
        ai_duties=duties_by_date(q),
        ai_act_as_of=AI_ACT_AS_OF,
        start=start(q),
        derived_tier=derived_tier(q.ai) if q.ai else None,
        tier_contradiction=q.ai is not None and tier_contradicts(q.ai),
        consent=consent_lines(q),
        trajectory=chart(points) if len(points := trajectory(q)) > 1 else None,
        operations=operation_views(q),
        operations_unlinked=never_linked(q),
        special_rows=special_rows(q),
        criminal_row=kind_row(q, DataKind.criminal),
        national_id_row=kind_row(q, DataKind.national_id),
        rights_order=list(DataSubjectRight),
        party_interests=[p for p in q.description.parties if p.interests],
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


def _deadline(q: Questionnaire) -> dt.date | None:
    pc = q.consultation.prior_consultation
    if pc is None or pc.deadline is not None:
        return pc.deadline if pc else None
    return pc.filed_on + dt.timedelta(weeks=8) if pc.filed_on else None
