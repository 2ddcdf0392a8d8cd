"""The typed context of the pre-scan (`--doc screening`): is a DPIA needed, and what next."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.rules.screening import FollowUp, ScreeningResult, follow_up, screen_questionnaire


@dataclass(frozen=True)
class PrescanContext(DocumentBase):
    screening: ScreeningResult
    follow_up: FollowUp


def prescan_context(base: DocumentBase) -> PrescanContext:
    return PrescanContext(
        **vars(base), screening=screen_questionnaire(base.q), follow_up=follow_up(base.q)
    )
