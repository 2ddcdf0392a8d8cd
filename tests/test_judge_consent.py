"""Consent that holds, who consents by the country's age, biometrics and alternatives."""

from __future__ import annotations

from pathlib import Path

from dpia.rules.findings import findings
from tests.factory import questionnaire
from tests.judged import found, page_text

CONSENT = {
    "lawfulness.lawful_bases.0": {"purpose": "P1", "basis": "consent", "consent_by": "both"},
}
ALTERNATIVE = {"description": "Paper worksheets", "without_detriment": True}
PRIVATE_UNIVERSITY = {
    "meta.organisation.public_body": False,
    "meta.organisation.sector": "higher",
    "description.data_subjects.0": {"id": "S1", "category": "Students"},
}
FINGERPRINTS = {
    "description.personal_data.0": {
        "id": "D1",
        "name": "Fingerprint template",
        "kind": "special",
        "special_category": "biometric_unique_id",
        "retention": "Until leaving school",
    },
    "lawfulness.special_categories": [
        {"category": "biometric_unique_id", "exception": "a_explicit_consent"}
    ],
}


def test_consent_at_a_school_without_an_alternative_is_an_error() -> None:
    f = found(**CONSENT)["consent-not-free"]
    assert f.severity.value == "error" and f.loc[-1] == "alternative"


def test_consent_with_a_genuine_alternative_holds() -> None:
    with_alt = {**CONSENT, "lawfulness.lawful_bases.0.alternative": ALTERNATIVE}
    assert "consent-not-free" not in found(**with_alt)
    detriment = {**ALTERNATIVE, "without_detriment": False}
    assert "consent-not-free" in found(
        **{**CONSENT, "lawfulness.lawful_bases.0.alternative": detriment}
    )


def test_consent_without_a_power_imbalance_is_silent() -> None:
    assert "consent-not-free" not in found(**CONSENT, **PRIVATE_UNIVERSITY)
    staff = {**PRIVATE_UNIVERSITY, "description.data_subjects.0.staff": True}
    assert "consent-not-free" in found(**CONSENT, **staff)


def test_who_consents_follows_the_countrys_age() -> None:
    pupils_13_15 = {"description.data_subjects.0.age_range": {"min": 13, "max": 15}}
    alone = {**CONSENT, "lawfulness.lawful_bases.0.consent_by": "data_subject", **pupils_13_15}
    nl = [f for f in findings(questionnaire(**alone)) if f.code == "child-consent-without-parent"]
    assert nl and "under 16" in nl[0].text() and "UAVG art. 5" in nl[0].text()
    be = found(**alone, **{"meta.organisation.country": "BE"})
    assert "child-consent-without-parent" not in be


def test_parent_only_for_people_past_the_age_is_a_warning() -> None:
    parent = {**CONSENT, "lawfulness.lawful_bases.0.consent_by": "parent"}
    assert "consent-by-parent-over-age" in found(**parent, **{"meta.organisation.country": "BE"})
    young = {"description.data_subjects.0.age_range": {"min": 8, "max": 12}}
    assert "consent-by-parent-over-age" not in found(**parent, **young)


def test_both_renders_as_parent_below_the_age_and_person_above(tmp_path: Path) -> None:
    be = {**CONSENT, "meta.organisation.country": "BE"}
    # The addendum explains a basis only while no open error puts it in doubt: with a genuine
    # alternative the consent holds; without one the addendum says it is not yet decided.
    held = {**be, "lawfulness.lawful_bases.0.alternative": ALTERNATIVE}
    en = page_text(tmp_path, "privacy-addendum", "en", **held)
    assert "a parent or guardian while you are under 13, and from you yourself" in en
    nl = page_text(tmp_path, "privacy-addendum", "nl", **held)
    assert "zolang u jonger bent dan 13 jaar" in nl
    doubtful = page_text(tmp_path, "privacy-addendum", "en", **be)
    assert "Lawful basis: not yet decided." in doubtful and "while you are under" not in doubtful
    summary = page_text(tmp_path, "dpia", "en", **be)
    assert "P1 (Homework help): a parent below 13, the person from 13" in summary
    assert "not freely given: no genuine alternative" in summary


def test_biometrics_on_explicit_consent_under_imbalance() -> None:
    assert "biometric-ground-unfit" in found(**FINGERPRINTS)
    free = {**FINGERPRINTS, **PRIVATE_UNIVERSITY}
    assert "biometric-ground-unfit" not in found(**free)


def test_biometrics_under_uavg_29_need_authentication_or_security() -> None:
    uavg = {
        "lawfulness.special_categories": [
            {
                "category": "biometric_unique_id",
                "exception": "g_substantial_public_interest",
                "biometric_need": "convenience",
            }
        ]
    }
    [f] = [
        f for f in findings(questionnaire(**{**FINGERPRINTS, **uavg})) if f.code.startswith("bio")
    ]
    assert "UAVG art. 29" in f.text() and f.loc[-1] == "biometric_need"
    uavg["lawfulness.special_categories"][0]["biometric_need"] = "security"
    assert "biometric-ground-unfit" not in found(**{**FINGERPRINTS, **uavg})


def test_explicit_consent_for_health_data_needs_an_alternative() -> None:
    health = {
        "description.personal_data.0.kind": "special",
        "description.personal_data.0.special_category": "health_data",
        "lawfulness.special_categories": [
            {"category": "health_data", "exception": "a_explicit_consent"}
        ],
    }
    assert "explicit-consent-not-free" in found(**health)
    health["lawfulness.special_categories"][0]["alternative"] = ALTERNATIVE
    assert "explicit-consent-not-free" not in found(**health)


def test_alternatives_missing_for_childrens_data(tmp_path: Path) -> None:
    none: dict[str, object] = {"lawfulness.alternatives": []}
    assert "alternatives-missing" in found(**none)
    alt = {"lawfulness.alternatives": [{"what": "Paper", "outcome": "offered_alongside"}]}
    assert "alternatives-missing" not in found(**alt)
    adults = {**none, "description.data_subjects.0": {"id": "S1", "category": "Staff"}}
    assert "alternatives-missing" not in found(**adults)
    nl = page_text(tmp_path, "dpia", "nl", **alt)
    assert "Overwogen alternatieven" in nl and "naast het voorstel aangeboden" in nl


def test_belgian_fingerprint_sample() -> None:
    from dpia.context.assessment import assess_file
    from tests.golden import ROOT

    a = assess_file(ROOT / "samples" / "belgian-library-fingerprints.yaml")
    codes = {f.finding.code for f in a.findings if f.where.severity.value == "error"}
    assert {"consent-not-free", "biometric-ground-unfit"} <= codes
    text = " ".join(f.finding.text() for f in a.findings)
    assert "Gegevensbeschermingsautoriteit" in text and "Autoriteit Persoonsgegevens" not in text
    assert a.document_base("en", False).seat.consent_age == 13


def test_uk_school_biometrics_follow_the_protection_of_freedoms_act() -> None:
    uk = {**FINGERPRINTS, "meta.organisation.country": "GB"}
    [f] = [f for f in findings(questionnaire(**uk)) if f.code == "biometric-ground-unfit"]
    assert "Protection of Freedoms Act 2012" in f.text()
    uk["lawfulness.special_categories"] = [
        {
            "category": "biometric_unique_id",
            "exception": "a_explicit_consent",
            "alternative": ALTERNATIVE,
        }
    ]
    assert "biometric-ground-unfit" not in found(**uk)
    nl_with_alternative = {**uk, "meta.organisation.country": "NL"}
    assert "biometric-ground-unfit" in found(**nl_with_alternative)


def test_a_uk_college_speaks_of_students_not_pupils() -> None:
    college = {
        **FINGERPRINTS,
        "meta.organisation.country": "GB",
        "meta.organisation.sector": "vocational",
    }
    [f] = [f for f in findings(questionnaire(**college)) if f.code == "biometric-ground-unfit"]
    assert "student under 18" in f.text() and "pupil" not in f.text()
    school = {**college, "meta.organisation.sector": "secondary"}
    [f] = [f for f in findings(questionnaire(**school)) if f.code == "biometric-ground-unfit"]
    assert "pupil" in f.text()
