"""The register of assessments: one row per questionnaire, what needs attention first.

This is the overview a privacy officer keeps next to the register of processing activities
(Art. 30): which assessments are overdue for review, which keep a high residual risk, which
have findings or measures past their due date. Levels and findings come from dpia.rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dpia.load import Severity
from dpia.model import Questionnaire
from dpia.model.enums import N_, Labelled, MeasureStatus, RiskLevel, Status
from dpia.model.knowledge import KnowledgeCheck
from dpia.model.knowledge_enums import KsMeasureStatus, Weight
from dpia.review.central import Review
from dpia.review.trajectory import counts
from dpia.rules.finding import Finding
from dpia.rules.risk import assess


class Attention(Labelled):
    """Why a row needs attention, most urgent first (the order sorts the register)."""

    invalid = "invalid", N_("does not validate")
    review_overdue = "review_overdue", N_("review overdue")
    needs_review = "needs_review", N_("central items changed since confirmed")
    high_residual = "high_residual", N_("high residual risk")
    errors = "errors", N_("findings of severity error")
    measures_overdue = "measures_overdue", N_("measures past their due date")
    no_decision = "no_decision", N_("no decision recorded")
    draft = "draft", N_("still a draft")
    no_review_date = "no_review_date", N_("no review date")


URGENCY = list(Attention)


@dataclass(frozen=True)
class Row:
    file: str
    title: str | None = None
    organisation: str | None = None
    status: Status | None = None
    decision: Labelled | None = None  # a DPIA's outcome, or a knowledge check's final verdict
    residual: dict[RiskLevel, int] = field(default_factory=dict)
    open_measures: int = 0
    overdue_measures: int = 0
    review_date: dt.date | None = None
    review_overdue: bool = False
    errors: int = 0  # problems that make the file invalid, or findings of severity error
    warnings: int = 0
    base_only: bool = False
    needs_review: tuple[Review, ...] = ()  # a school's marks on central items that changed
    attention: tuple[Attention, ...] = ()

    def sort_key(self) -> tuple[object, ...]:
        """Rows with the most urgent reason first; among equals, more high risks, more
        errors and the oldest review date first; then by file name."""
        first = min((URGENCY.index(a) for a in self.attention), default=len(URGENCY))
        review = self.review_date or dt.date.max
        high = self.residual.get(RiskLevel.high, 0)
        return (first, -len(self.attention), -high, -self.errors, review, self.file)


def invalid_row(file: str, problems: int) -> Row:
    return Row(file, errors=problems, attention=(Attention.invalid,))


def row(
    file: str,
    q: Questionnaire,
    found: list[Finding],
    today: dt.date,
    reviews: tuple[Review, ...] = (),
) -> Row:
    """The register line of a valid questionnaire, judged on `today`."""
    meta = q.meta
    open_measures = [m for m in q.measures if m.status is not MeasureStatus.implemented]
    overdue = [m for m in open_measures if m.due is not None and m.due < today]
    residual = counts(assess(q.risks))
    decision = q.consultation.decision.outcome if q.consultation.decision else None
    review_overdue = meta.review_date is not None and meta.review_date < today
    errors = sum(f.severity is Severity.error for f in found)
    reasons = {
        Attention.review_overdue: review_overdue,
        Attention.needs_review: bool(reviews),
        Attention.high_residual: residual[RiskLevel.high] > 0,
        Attention.errors: errors > 0,
        Attention.measures_overdue: bool(overdue),
        Attention.no_decision: decision is None,
        Attention.draft: meta.status is Status.draft,
        Attention.no_review_date: meta.review_date is None,
    }
    return Row(
        file=file,
        title=meta.title.get(meta.languages[0].value, meta.languages[0].value)[0],
        organisation=meta.organisation.name,
        status=meta.status,
        decision=decision,
        residual=residual,
        open_measures=len(open_measures),
        overdue_measures=len(overdue),
        review_date=meta.review_date,
        review_overdue=review_overdue,
        errors=errors,
        warnings=sum(f.severity is Severity.warning for f in found),
        base_only=q.base_only,
        needs_review=reviews,
        attention=tuple(a for a, applies in reasons.items() if applies),
    )


def knowledge_row(file: str, c: KnowledgeCheck, found: list[Finding], today: dt.date) -> Row:
    """The register line of a knowledge-security check: its weighing's residual risks, open
    measures and the verdict that stands (the committee's when the case was referred)."""
    meta = c.meta
    open_measures = [m for m in c.measures if m.status is not KsMeasureStatus.in_place]
    residual = {level: 0 for level in RiskLevel}
    for r in c.risks:
        residual[_LEVEL[r.residual]] += 1
    committee = c.decision.committee
    decision = committee.verdict if committee and committee.verdict else c.decision.verdict
    review_overdue = meta.review_date is not None and meta.review_date < today
    errors = sum(f.severity is Severity.error for f in found)
    reasons = {
        Attention.review_overdue: review_overdue,
        Attention.high_residual: residual[RiskLevel.high] > 0,
        Attention.errors: errors > 0,
        Attention.draft: meta.status is Status.draft,
        Attention.no_review_date: meta.review_date is None,
    }
    return Row(
        file=file,
        title=meta.title.get(meta.languages[0].value, meta.languages[0].value)[0],
        organisation=meta.organisation.name,
        status=meta.status,
        decision=decision,
        residual=residual,
        open_measures=len(open_measures),
        review_date=meta.review_date,
        review_overdue=review_overdue,
        errors=errors,
        warnings=sum(f.severity is Severity.warning for f in found),
        attention=tuple(a for a, applies in reasons.items() if applies),
    )


_LEVEL = {Weight.low: RiskLevel.low, Weight.medium: RiskLevel.medium, Weight.high: RiskLevel.high}


def register(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=Row.sort_key)
