"""Does this processing need a DPIA? The MinBZK pre-scan logic on the EDPB and AP lists."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model import Questionnaire
from dpia.model.base import Text
from dpia.model.enums import ApCategory, EdpbCriterion, TransferMechanism, Verdict
from dpia.model.meta import Answer, Screening
from dpia.rules.transfers import EEA, NEEDS_TIA


@dataclass(frozen=True)
class Item:
    """One screening question with its answer (None when unanswered)."""

    key: EdpbCriterion | ApCategory
    applies: bool | None
    reason: Text | None


@dataclass(frozen=True)
class ScreeningResult:
    verdict: Verdict
    edpb: list[Item]
    ap_list: list[Item]

    @property
    def edpb_applying(self) -> list[Item]:
        return [i for i in self.edpb if i.applies]

    @property
    def ap_applying(self) -> list[Item]:
        return [i for i in self.ap_list if i.applies]

    @property
    def unanswered(self) -> list[Item]:
        return [i for i in (*self.edpb, *self.ap_list) if i.applies is None]

    @property
    def complete(self) -> bool:
        return not self.unanswered


def _item(key: EdpbCriterion | ApCategory, answer: Answer | None) -> Item:
    return Item(key, answer.applies if answer else None, answer.reason if answer else None)


def screen(screening: Screening) -> ScreeningResult:
    """Required when any AP-list category applies or two or more EDPB criteria do;
    recommended with exactly one EDPB criterion; otherwise not required."""
    edpb = [_item(c, getattr(screening.edpb, c.value)) for c in EdpbCriterion]
    ap = [_item(c, getattr(screening.ap_list, c.value)) for c in ApCategory]
    count = sum(1 for i in edpb if i.applies)
    if any(i.applies for i in ap) or count >= 2:
        verdict = Verdict.required
    elif count == 1:
        verdict = Verdict.recommended
    else:
        verdict = Verdict.not_required
    return ScreeningResult(verdict, edpb, ap)


@dataclass(frozen=True)
class FollowUp:
    """Which further assessments the pre-scan advises; None where the answers cannot tell yet."""

    tia: bool | None  # transfer impact assessment (Schrems II, EDPB Recommendations 01/2020)
    fria: bool | None  # fundamental-rights impact assessment (AI Act Art. 27)
    equality: bool  # equality impact assessment


def follow_up(q: Questionnaire) -> FollowUp:
    edpb = q.screening.edpb
    outside = [loc for loc in q.description.locations if loc.country not in EEA]
    tia = (
        any(
            loc.mechanism in NEEDS_TIA or loc.mechanism is TransferMechanism.none for loc in outside
        )
        if q.description.locations
        else None
    )
    fria = bool(q.ai.annex_iii_uses) if q.ai else None
    scoring = any(
        a is not None and a.applies
        for a in (edpb.evaluation_scoring, edpb.automated_decision_legal_effect)
    )
    equality = q.description.ai_system is not None or q.ai is not None or scoring
    return FollowUp(tia, fria, equality)
