"""The typed context of the pre-scan (`--doc screening`): is a DPIA needed, and what next."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.load import Severity
from dpia.rules.screening import FollowUp, ScreeningResult, follow_up, screen

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
    required: set[str]  # the follow-ups (tia, fria) an error among the findings requires


def prescan_context(base: DocumentBase) -> PrescanContext:
    errors = {f.finding.code for f in base.findings if f.where.severity is Severity.error}
    return PrescanContext(
        **vars(base),
        screening=screen(base.q.screening),
        follow_up=follow_up(base.q),
        required={key for key, codes in _REQUIRED_BY.items() if codes & errors},
    )
