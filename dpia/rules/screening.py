"""Does this processing need a DPIA? The MinBZK pre-scan logic on the EDPB and AP lists."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model import Questionnaire
from dpia.model.base import Text
from dpia.model.enums import (
    ApCategory,
    DataKind,
    EdpbCriterion,
    ScreeningSignal,
    Verdict,
)
from dpia.model.labels import N_
from dpia.model.meta import Answer, Screening
from dpia.rules.prescan_score import LARGE, RiskScore, risk_score


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
    score: RiskScore | None = None  # the Rijksmodel pre-scan's risk score, from the description
    new_legislation: bool | None = None  # the processing follows from new legislation
    reasons: tuple[str, ...] = ()  # why the verdict: codes, see REASONS

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


# The reasons for a verdict, as the Rijksmodel's pre-scan names its criteria.
REASONS = {
    "new_legislation": N_("the processing follows from new legislation or regulation"),
    "risk_score": N_("the sum of the risk scores is greater than 4"),
    "ap_list": N_("at least one category of the AP list applies"),
    "edpb_two": N_("at least two EDPB criteria apply"),
    "edpb_one": N_("exactly one EDPB criterion applies"),
}


def screen(
    screening: Screening, national_list: str | None = "AP", score: RiskScore | None = None
) -> ScreeningResult:
    """The Rijksmodel pre-scan's decision: required with new legislation, a risk score above 4,
    any AP-list category or two or more EDPB criteria; recommended with exactly one EDPB
    criterion; otherwise not required. The AP list binds Dutch controllers only: for another
    country `national_list` is None and the EDPB criteria decide alone (the score too is the
    Rijksmodel's, and counts only with the AP list)."""
    edpb = [_item(c, getattr(screening.edpb, c.value)) for c in EdpbCriterion]
    ap = [_item(c, getattr(screening.ap_list, c.value)) for c in ApCategory]
    if national_list is None:
        ap, score = [], None
    count = sum(1 for i in edpb if i.applies)
    law = screening.new_legislation.applies if screening.new_legislation else None
    required = {
        "new_legislation": bool(law),
        "risk_score": score is not None and score.above_threshold,
        "ap_list": any(i.applies for i in ap),
        "edpb_two": count >= 2,
    }
    reasons = tuple(k for k, hit in required.items() if hit)
    if reasons:
        verdict = Verdict.required
    elif count == 1:
        verdict, reasons = Verdict.recommended, ("edpb_one",)
    else:
        verdict = Verdict.not_required
    return ScreeningResult(verdict, edpb, ap, national_list, score, law, reasons)


def screen_questionnaire(q: Questionnaire) -> ScreeningResult:
    """The screening with the national list of the controller's country (the AP list for NL;
    other lists are not encoded, see dpia.data.jurisdictions)."""
    return screen(q.screening, "AP" if q.meta.organisation.country == "NL" else None, risk_score(q))


def contradicting_signals(q: Questionnaire) -> tuple[ScreeningSignal, ...]:
    """What the description shows that the EDPB criteria do not: special categories, sensitive
    data, a large number of people, vulnerable people, each where its criterion is not marked
    as applying."""
    e = q.screening.edpb
    d = q.description

    def unmarked(answer: Answer | None) -> bool:
        return answer is None or not answer.applies

    kinds = {c.kind for c in d.personal_data}
    people = sum(s.approximate_number or 0 for s in d.data_subjects)
    found = {
        ScreeningSignal.special: DataKind.special in kinds,
        ScreeningSignal.sensitive: bool(
            kinds & {DataKind.sensitive, DataKind.criminal, DataKind.national_id}
        ),
        ScreeningSignal.large: people >= LARGE,
        ScreeningSignal.vulnerable: any(s.minors or s.vulnerable for s in d.data_subjects),
    }
    criterion = {
        ScreeningSignal.special: e.sensitive_highly_personal_data,
        ScreeningSignal.sensitive: e.sensitive_highly_personal_data,
        ScreeningSignal.large: e.large_scale,
        ScreeningSignal.vulnerable: e.vulnerable_data_subjects,
    }
    return tuple(k for k, hit in found.items() if hit and unmarked(criterion[k]))
