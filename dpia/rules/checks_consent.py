"""Checks on explicit consent, biometrics and the alternatives considered (Art. 9, 35(7)(b))."""

from __future__ import annotations

from collections.abc import Iterator

from dpia.model import Questionnaire
from dpia.model.enums import Art9Exception, BiometricNeed, DataKind, Sector, SpecialCategory
from dpia.model.labels import N_
from dpia.rules.consent import genuine, imbalance
from dpia.rules.finding import SCHOOLS, E, Finding, Loc, W, check

_NEEDED = (BiometricNeed.authentication, BiometricNeed.security)


@check
def _special_grounds(q: Questionnaire) -> Iterator[Finding]:
    unequal = imbalance(q)
    dutch = q.meta.organisation.country == "NL"
    # England and Wales: the Protection of Freedoms Act 2012 ss. 26-28 makes a parent's written
    # consent plus a reasonable alternative the route for a school (domain notes, section 15).
    british_school = q.meta.organisation.country == "GB" and q.meta.organisation.sector in SCHOOLS
    for i, s in enumerate(q.lawfulness.special_categories):
        loc: Loc = ("lawfulness", "special_categories", i)
        consent = s.exception is Art9Exception.a_explicit_consent
        biometric = s.category is SpecialCategory.biometric_unique_id
        if biometric and consent and british_school:
            if not genuine(s.alternative):
                # Learners in vocational education are students, not pupils (the Act's
                # consent rule concerns children under 18, at a school or a college).
                yield Finding(
                    "biometric-ground-unfit",
                    E,
                    (*loc, "alternative"),
                    N_(
                        "a college in England or Wales may process the biometric data of a "
                        "student under 18 only with a parent's written consent, never against "
                        "the student's refusal, and with a reasonable alternative (Protection of "
                        "Freedoms Act 2012 ss. 26-28); no alternative is recorded"
                    )
                    if q.meta.organisation.sector is Sector.vocational
                    else N_(
                        "a school in England or Wales may process a pupil's biometric data only "
                        "with a parent's written consent, never against the pupil's refusal, and "
                        "with a reasonable alternative (Protection of Freedoms Act 2012 "
                        "ss. 26-28); no alternative is recorded"
                    ),
                )
        elif biometric and consent and unequal:
            # The UK regulator stopped canteen face recognition for this reason (2021); the AP
            # reads explicit consent the same way where pupils or staff cannot refuse freely.
            yield Finding(
                "biometric-ground-unfit",
                E,
                (*loc, "exception"),
                N_(
                    "biometric identification rests on explicit consent given under a power "
                    "imbalance, which does not fit Art. 9(2)(a)"
                ),
            )
        elif biometric and not consent and s.biometric_need not in _NEEDED:
            yield Finding(
                "biometric-ground-unfit",
                E,
                (*loc, "biometric_need"),
                N_(
                    "biometric identification is allowed only where necessary for "
                    "authentication or security (UAVG art. 29); convenience never qualifies"
                )
                if dutch
                else N_(
                    "biometric identification needs a ground showing that identifying people "
                    "is necessary (authentication or security); convenience does not qualify"
                ),
            )
        elif consent and unequal and not genuine(s.alternative):
            yield Finding(
                "explicit-consent-not-free",
                E,
                (*loc, "alternative"),
                N_(
                    "explicit consent for {category} is not freely given under a power "
                    "imbalance without a genuine alternative (Art. 9(2)(a), EDPB 05/2020)"
                ),
                {"category": s.category},
            )


@check
def _alternatives(q: Questionnaire) -> Iterator[Finding]:
    d = q.description
    sensitive = any(c.kind is DataKind.special for c in d.personal_data)
    children = any(s.minors for s in d.data_subjects)
    if (sensitive or children) and not q.lawfulness.alternatives:
        yield Finding(
            "alternatives-missing",
            W,
            ("lawfulness", "alternatives"),
            N_(
                "special-category or children's data are processed, but no less intrusive "
                "alternatives are recorded (Art. 35(7)(b))"
            ),
        )
