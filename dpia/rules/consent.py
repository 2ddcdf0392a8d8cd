"""When consent can hold, and who gives it.

Consent is rarely free where one side holds power over the other: a public body, a school over
its pupils and their parents, an employer over its staff (EDPB Guidelines 05/2020 on consent,
paras 16-24; recital 43). It can hold only when refusing costs nothing and a genuine
alternative is offered; the questionnaire records that alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model import Questionnaire
from dpia.model.enums import ConsentBy, LawfulBasis
from dpia.model.lawfulness import ConsentAlternative
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


def below_age(q: Questionnaire) -> bool:
    """Some of the people concerned may be below the country's age of digital consent."""
    age = seat(q).consent_age
    return any(
        s.minors and (s.age_range is None or s.age_range.min < age)
        for s in q.description.data_subjects
    )


def above_age(q: Questionnaire) -> bool:
    """Some of the people concerned are at or above the age of digital consent."""
    age = seat(q).consent_age
    return any(
        not s.minors or s.age_range is None or s.age_range.max >= age
        for s in q.description.data_subjects
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
