"""The typed context of the pre-scan (`--doc screening`): is a DPIA needed, and what next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.load import Severity
from dpia.model import Questionnaire
from dpia.model.enums import ProhibitedPractice, Status, Verdict
from dpia.model.labels import N_
from dpia.rules.follow_up import Advice, FollowUp, Need, follow_up
from dpia.rules.parties import PROCESSOR_ROLES
from dpia.rules.prescan_score import PARTS, THRESHOLD, TransferAdvice, transfer_advice
from dpia.rules.screening import REASONS, Item, ScreeningResult, screen_questionnaire

# The findings that make a further assessment a requirement rather than advice: the pre-scan
# must not call "advised" what the DPIA made from the same answers calls an error.
_REQUIRED_BY = {
    "tia": {"transfer-without-tia"},
    "fria": {"fria-missing", "fria-incomplete"},
}

_TITLES = {
    "tia": N_("Transfer impact assessment (data outside the EEA)"),
    "fria": N_("Fundamental-rights impact assessment (AI Act Art. 27)"),
    "equality": N_("Equality impact assessment"),
}


@dataclass(frozen=True)
class AssessmentRow:
    """One further assessment as the pre-scan's table shows it."""

    title: str  # catalog message
    status: str  # catalog message; `%(date)s` where `date` is given
    date: dt.date | None
    tone: str  # bad (missing and required now), strong (needed), gap (cannot tell), "" (none)


@dataclass(frozen=True)
class PrescanContext(DocumentBase):
    screening: ScreeningResult
    follow_up: FollowUp
    # What applies, per list (title as a catalog message); the AP list only where it applies.
    applying: list[tuple[str, list[Item]]]
    required: set[str]  # the follow-ups (tia, fria) an error among the findings requires
    reasons: list[str]  # why the verdict, as catalog messages
    # The risk score per part (catalog message, points; None where its question is unanswered).
    score_parts: list[tuple[str, int | None]]
    score_total: int | None  # None where the score does not count (no Dutch controller)
    score_lower_bound: bool  # some part is unanswered: the total is "at least"
    threshold: int  # a DPIA is required above it
    # The verdict could still change: it is not "required" and unanswered screening questions
    # or score parts could make it so.
    provisional: bool
    transfer: TransferAdvice  # the Rijksmodel's DTIA advice beside this project's
    assessments: list[AssessmentRow]
    prohibited: tuple[ProhibitedPractice, ...]  # AI Act Art. 5 practices in scope
    prohibited_since: dt.date
    steps: list[str]  # the next steps that are still to do, as codes the prose fills


def _row(advice: Advice, required_by_error: bool) -> AssessmentRow:
    title, since = _TITLES[advice.key], advice.applies_from
    if required_by_error:
        return AssessmentRow(
            title, N_("Required: the assessment records it as missing"), None, "bad"
        )
    if advice.need is Need.unknown:
        return AssessmentRow(
            title, N_("Cannot tell yet: describe the processing first"), None, "gap"
        )
    if advice.need is Need.not_needed:
        return AssessmentRow(title, N_("Not needed on these answers"), None, "")
    if advice.need is Need.required_from:
        status = (
            N_("Required from %(date)s; done")
            if advice.done
            else N_("Required from %(date)s (after the planned start); advised before then")
        )
        return AssessmentRow(title, status, since, "" if advice.done else "strong")
    if advice.need is Need.required:
        status = N_("Required; done") if advice.done else N_("Required")
        return AssessmentRow(title, status, None, "" if advice.done else "strong")
    return AssessmentRow(
        title,
        N_("Advised; done") if advice.done else N_("Advised"),
        None,
        "" if advice.done else "strong",
    )


def _steps(q: Questionnaire, verdict: Verdict, advice: FollowUp) -> list[str]:
    """What is left to do, given what the questionnaire already records: a final DPIA is
    reviewed rather than carried out, recorded DPO advice is not asked again, and a further
    assessment already done is not repeated."""
    steps = ["stop_prohibited"] if advice.prohibited else []
    final = q.meta.status is Status.final
    if final:
        steps.append("review_dpia" if q.meta.review_date else "set_review")
    elif q.risks:  # a draft DPIA is under way: its risks are assessed
        steps.append("finish_dpia")
    elif verdict is Verdict.required:
        steps.append("carry_out_dpia")
    elif verdict is Verdict.recommended:
        steps.append("consider_dpia")
    else:
        steps.append("register")
    c = q.consultation
    if c.dpo_advice is None:
        steps.append("dpo")
    if c.decision is None:
        steps.append("share")
    processors = [p for p in q.description.parties if p.role in PROCESSOR_ROLES]
    if not processors or any(p.agreement is not True for p in processors):
        steps.append("agreements")
    steps += [a.key for a in advice.advice if a.open]
    return steps


def prescan_context(base: DocumentBase) -> PrescanContext:
    q = base.q
    result = screen_questionnaire(q)
    applying = [(N_("EDPB criteria that apply"), result.edpb_applying)]
    if result.national_list:
        applying.append((N_("AP-list categories that apply"), result.ap_applying))
    errors = {f.finding.code for f in base.findings if f.where.severity is Severity.error}
    required = {key for key, codes in _REQUIRED_BY.items() if codes & errors}
    score = result.score
    advice = follow_up(q)
    score_open = score is not None and not score.settled
    return PrescanContext(
        **vars(base),
        screening=result,
        follow_up=advice,
        applying=applying,
        required=required,
        reasons=[REASONS[r] for r in result.reasons],
        score_parts=[
            (PARTS[k], None if k in score.unanswered else v) for k, v in score.parts.items()
        ]
        if score
        else [],
        score_total=score.total if score else None,
        score_lower_bound=score is not None and score.lower_bound,
        threshold=THRESHOLD,
        provisional=result.verdict is not Verdict.required and (not result.complete or score_open),
        transfer=transfer_advice(q),
        assessments=[_row(a, a.key in required) for a in advice.advice],
        prohibited=advice.prohibited,
        prohibited_since=advice.prohibited_since,
        steps=_steps(q, result.verdict, advice),
    )
