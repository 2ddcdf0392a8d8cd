"""The typed context of the pre-scan (`--doc screening`): is a DPIA needed, and what next."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.load import Severity
from dpia.model.labels import N_
from dpia.rules.prescan_score import PARTS, THRESHOLD, TransferAdvice, transfer_advice
from dpia.rules.screening import (
    REASONS,
    FollowUp,
    Item,
    ScreeningResult,
    follow_up,
    screen_questionnaire,
)

# The findings that make a further assessment a requirement rather than advice: the pre-scan
# must not call "advised" what the DPIA made from the same answers calls an error.
_REQUIRED_BY = {
    "tia": {"transfer-without-tia"},
    "fria": {"fria-missing", "fria-incomplete"},
}


@dataclass(frozen=True)
class PrescanContext(DocumentBase):
    screening: ScreeningResult
    follow_up: FollowUp
    # What applies, per list (title as a catalog message); the AP list only where it applies.
    applying: list[tuple[str, list[Item]]]
    required: set[str]  # the follow-ups (tia, fria) an error among the findings requires
    reasons: list[str]  # why the verdict, as catalog messages
    score_parts: list[tuple[str, int]]  # the risk score per part (catalog message, points)
    score_total: int | None  # None where the score does not count (no Dutch controller)
    threshold: int  # a DPIA is required above it
    transfer: TransferAdvice  # the Rijksmodel's DTIA advice beside this project's


def prescan_context(base: DocumentBase) -> PrescanContext:
    result = screen_questionnaire(base.q)
    applying = [(N_("EDPB criteria that apply"), result.edpb_applying)]
    if result.national_list:
        applying.append((N_("AP-list categories that apply"), result.ap_applying))
    errors = {f.finding.code for f in base.findings if f.where.severity is Severity.error}
    score = result.score
    return PrescanContext(
        **vars(base),
        screening=result,
        follow_up=follow_up(base.q),
        applying=applying,
        required={key for key, codes in _REQUIRED_BY.items() if codes & errors},
        reasons=[REASONS[r] for r in result.reasons],
        score_parts=[(PARTS[k], v) for k, v in score.parts.items()] if score else [],
        score_total=score.total if score else None,
        threshold=THRESHOLD,
        transfer=transfer_advice(base.q),
    )
