"""The typed context of the pre-scan (`--doc screening`): is a DPIA needed, and what next."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.load import Severity
from dpia.model.labels import N_
from dpia.rules.screening import (
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


def prescan_context(base: DocumentBase) -> PrescanContext:
    result = screen_questionnaire(base.q)
    applying = [(N_("EDPB criteria that apply"), result.edpb_applying)]
    if result.national_list:
        applying.append((N_("AP-list categories that apply"), result.ap_applying))
    errors = {f.finding.code for f in base.findings if f.where.severity is Severity.error}
    return PrescanContext(
        **vars(base),
        screening=result,
        follow_up=follow_up(base.q),
        applying=applying,
        required={key for key, codes in _REQUIRED_BY.items() if codes & errors},
    )
