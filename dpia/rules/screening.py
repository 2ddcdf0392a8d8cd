"""Does this processing need a DPIA? The MinBZK pre-scan logic on the EDPB and AP lists."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model import Questionnaire
from dpia.model.base import Text
from dpia.model.enums import ApCategory, EdpbCriterion, TransferMechanism, Verdict
from dpia.model.meta import Answer, Screening
from dpia.rules.transfers import NEEDS_TIA, needs_safeguards


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
    ap_list: list[Item]  # empty where no national list applies (national_list is None)
    # The national Art. 35(4) list screened on (the AP list for NL); None: none is encoded for
    # the controller's country, so only the EDPB criteria count.
    national_list: str | None = "AP"

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


def screen(screening: Screening, national_list: str | None = "AP") -> ScreeningResult:
    """Required when any AP-list category applies or two or more EDPB criteria do;
    recommended with exactly one EDPB criterion; otherwise not required. The AP list binds
    Dutch controllers only: for another country `national_list` is None and the EDPB criteria
    decide alone."""
    edpb = [_item(c, getattr(screening.edpb, c.value)) for c in EdpbCriterion]
    ap = [_item(c, getattr(screening.ap_list, c.value)) for c in ApCategory]
    if national_list is None:
        ap = []
    count = sum(1 for i in edpb if i.applies)
    if any(i.applies for i in ap) or count >= 2:
        verdict = Verdict.required
    elif count == 1:
        verdict = Verdict.recommended
    else:
        verdict = Verdict.not_required
    return ScreeningResult(verdict, edpb, ap, national_list)


@dataclass(frozen=True)
class FollowUp:
    """Which further assessments the pre-scan advises; None where the answers cannot tell yet."""

    tia: bool | None  # transfer impact assessment (Schrems II, EDPB Recommendations 01/2020)
    fria: bool | None  # fundamental-rights impact assessment (AI Act Art. 27)
    equality: bool  # equality impact assessment


def follow_up(q: Questionnaire) -> FollowUp:
    edpb = q.screening.edpb
    country = q.meta.organisation.country
    tia = (
        any(
            needs_safeguards(country, loc)
            and (loc.mechanism in NEEDS_TIA or loc.mechanism is TransferMechanism.none)
            for loc in q.description.locations
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


def screen_questionnaire(q: Questionnaire) -> ScreeningResult:
    """The screening with the national list of the controller's country (the AP list for NL;
    other lists are not encoded, see dpia.data.jurisdictions)."""
    return screen(q.screening, "AP" if q.meta.organisation.country == "NL" else None)
