"""When consent can hold, and who gives it.

Consent is rarely free where one side holds power over the other: a public body, a school over
its pupils and their parents, an employer over its staff (EDPB Guidelines 05/2020 on consent,
paras 16-24; recital 43). It can hold only when refusing costs nothing and a genuine
alternative is offered; the questionnaire records that alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model import Questionnaire
from dpia.model.description import DataSubject
from dpia.model.enums import ConsentBy, LawfulBasis
from dpia.model.lawfulness import BasisForPurpose, ConsentAlternative
from dpia.rules.finding import SCHOOLS
from dpia.rules.jurisdiction import seat


def imbalance(q: Questionnaire) -> bool:
    """A public body, a school, or an employer towards its staff."""
    return (
        q.meta.organisation.public_body
        or q.meta.organisation.sector in SCHOOLS
        or any(s.staff for s in q.description.data_subjects)
    )


def genuine(alternative: ConsentAlternative | None) -> bool:
    return alternative is not None and alternative.without_detriment


def asked(q: Questionnaire, lb: BasisForPurpose) -> list[DataSubject]:
    """The data subjects asked for consent on `lb`: those it names, else those whose data the
    operations of its purpose process (a basis's own operations where it gives them), else
    everyone. Bystanders in a recording are not asked, so a basis can leave them out."""
    everyone = q.description.data_subjects
    if lb.subjects:
        return [s for s in everyone if s.id in lb.subjects]
    purpose = next((p for p in q.description.purposes if p.id == lb.purpose), None)
    operations = set(lb.operations or (purpose.operations if purpose else []))
    ids = {
        sid
        for c in q.description.personal_data
        if operations and set(c.operations) & operations
        for sid in c.subjects
    }
    return [s for s in everyone if s.id in ids] or everyone


def below_age(q: Questionnaire, people: list[DataSubject] | None = None) -> list[DataSubject]:
    """Those of `people` (default: everyone concerned) who may be below the country's age of
    digital consent."""
    age = seat(q).consent_age
    return [
        s
        for s in (q.description.data_subjects if people is None else people)
        if s.minors and (s.age_range is None or s.age_range.min < age)
    ]


def above_age(q: Questionnaire, people: list[DataSubject] | None = None) -> bool:
    """Some of `people` (default: everyone concerned) are at or above the age of digital
    consent."""
    age = seat(q).consent_age
    return any(
        not s.minors or s.age_range is None or s.age_range.max >= age
        for s in (q.description.data_subjects if people is None else people)
    )


@dataclass(frozen=True)
class ConsentLine:
    """One purpose relying on consent, as the summary shows it."""

    purpose: str
    by: ConsentBy | None
    age: int  # the age of digital consent that decides who gives it
    holds: bool  # no power imbalance, or a genuine alternative without detriment


def consent_lines(q: Questionnaire) -> list[ConsentLine]:
    age, unequal = seat(q).consent_age, imbalance(q)
    return [
        ConsentLine(lb.purpose, lb.consent_by, age, not unequal or genuine(lb.alternative))
        for lb in q.lawfulness.lawful_bases
        if lb.basis is LawfulBasis.consent
    ]
