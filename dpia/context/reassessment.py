"""The typed context of the re-assessment: what changed since an earlier version, the risk
trajectory, and what remains open."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.chart import Chart, chart
from dpia.context.common import DocumentBase, Loc, LocatedFinding
from dpia.load import Severity
from dpia.model import Questionnaire
from dpia.model.enums import N_, Outcome, Verdict
from dpia.model.history import Version
from dpia.model.meta import Meta
from dpia.review.compare import AnswerChange, Change, Comparison, FindingChange, compare
from dpia.review.trajectory import Point, trajectory


@dataclass(frozen=True)
class ReassessmentContext(DocumentBase):
    old: Meta  # the earlier version's meta; `q` is the new version
    comparison: Comparison
    points: list[Point]
    chart: Chart
    changelog: list[Version]  # meta.history of the new version, newest first
    answers: list[tuple[Loc, list[AnswerChange]]]  # by section (its loc), in questionnaire order
    appeared: list[FindingChange]
    resolved: list[FindingChange]
    open_findings: list[LocatedFinding]  # the new version's findings of severity error first
    counts: dict[Change, int]  # risks added, removed, re-rated
    implemented: int  # measures implemented since the earlier version
    verdict_before: Verdict
    verdict_after: Verdict
    decision_before: Outcome | None
    decision_after: Outcome | None
    risk_words: dict[Change, str]  # what happened to a risk, a catalog message


RISK_WORDS = {
    Change.added: N_("added"),
    Change.removed: N_("removed"),
    Change.changed: N_("re-rated"),
    Change.unchanged: N_("unchanged"),
}


def reassessment_context(base: DocumentBase, old: Questionnaire) -> ReassessmentContext:
    c = compare(old, base.q)
    points = trajectory(old, base.q)
    sections: dict[Loc, list[AnswerChange]] = {}
    for a in c.answers:
        sections.setdefault(a.loc[:1], []).append(a)
    return ReassessmentContext(
        **vars(base),
        old=old.meta,
        comparison=c,
        points=points,
        chart=chart(points),
        changelog=sorted(base.q.meta.history, key=lambda v: v.date, reverse=True),
        answers=list(sections.items()),
        appeared=[f for f in c.findings if f.appeared],
        resolved=[f for f in c.findings if not f.appeared],
        open_findings=sorted(base.findings, key=lambda f: f.where.severity is not Severity.error),
        counts={change: c.count(change) for change in Change},
        implemented=sum(m.implemented for m in c.measures),
        verdict_before=c.verdict[0],
        verdict_after=c.verdict[1],
        decision_before=c.decision[0],
        decision_after=c.decision[1],
        risk_words=RISK_WORDS,
    )
