"""Judgement fixes from a supervisor-style review of the samples: findings name items with a
short description, consent by children counts only the people asked, Art. 22, plurals and
English terms (CIA, GDPR)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia.context.assessment import assess_file
from dpia.render.i18n import Translator
from dpia.rules.findings import findings
from dpia.rules.naming import Named, shorten
from tests.factory import questionnaire
from tests.judged import found

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
VOC = SAMPLES / "vocational-exam-proctoring.yaml"
SIGNIFICANT = {"screening.edpb.automated_decision_legal_effect": {"applies": True, "reason": "x"}}


@pytest.fixture(scope="module")
def voc() -> dict[str, list[str]]:
    """The vocational sample's findings as text per code, in both languages."""
    a = assess_file(VOC)
    out: dict[str, list[str]] = {}
    for lang in ("en", "nl"):
        t = Translator(lang)
        for lf in a.findings:
            out.setdefault(f"{lang}:{lf.finding.code}", []).append(lf.finding.text(t.gettext))
    return out


def test_shorten_cuts_on_a_word_boundary() -> None:
    long = "Supporting candidates' wellbeing during the exam with stress alerts to invigilators"
    short = shorten(long)
    assert len(short) <= 60 and short.endswith("…")
    assert short == "Supporting candidates' wellbeing during the exam with…"
    # One line, and no terminal escape reaches the CLI's output.
    assert shorten("Two\n  lines") == "Two lines"
    assert "\x1b" not in shorten("Evil \x1b[31m red")


def test_named_shows_the_description_in_the_document_language() -> None:
    q = questionnaire(
        **{"description.purposes.0.description": {"nl": "Huiswerkhulp", "en": "Homework help"}}
    )
    f = found(
        **{
            "description.purposes.0.description": {"nl": "Huiswerkhulp", "en": "Homework help"},
            "lawfulness.lawful_bases": [],
        }
    )["purpose-without-basis"]
    assert q.description.purposes[0].id == "P1"
    assert f.text() == "purpose P1 (Homework help) has no lawful basis in lawfulness.lawful_bases"
    assert "doel P1 (Huiswerkhulp) heeft geen rechtsgrond" in f.text(Translator("nl").gettext)
    # An id that says the same as its name is not repeated: "Candidates", not "candidates (…)".
    assert Named("candidates", "Candidates").show("en") == "Candidates"


def test_voc_consent_findings_name_the_purpose(voc: dict[str, list[str]]) -> None:
    [en] = voc["en:consent-not-free"]
    assert "consent for P4 (Supporting candidates' wellbeing during the exam with…)" in en
    [nl] = voc["nl:consent-not-free"]
    assert nl.startswith("toestemming voor P4 (Supporting candidates' wellbeing")
    assert "'P4'" not in nl


def test_voc_risk_lists_name_each_risk(voc: dict[str, list[str]]) -> None:
    [art36] = voc["en:prior-consultation-needed"]
    assert "R1 (Prohibited emotion recognition)" in art36
    assert "R7 (Vendor uses recordings for its own…)" in art36


def test_voc_bystanders_do_not_make_a_parents_consent_due(voc: dict[str, list[str]]) -> None:
    # Candidates (16-64) are asked; bystanders, some of them children, are not asked at all.
    assert "en:child-consent-without-parent" not in voc


def test_child_consent_names_the_group_asked_and_cites_uavg_art_5() -> None:
    changes = {
        "lawfulness.lawful_bases.0": {
            "purpose": "P1",
            "basis": "consent",
            "consent_by": "data_subject",
            "alternative": {"description": "Paper", "without_detriment": True},
        },
        "description.data_subjects.0.age_range": {"min": 12, "max": 15},
        "description.data_subjects.0.name": "Pupils of years 1-3",
    }
    f = found(**changes)["child-consent-without-parent"]
    text = f.text()
    assert "consent for P1 (Homework help) is asked of S1 (Pupils of years 1-3)" in text
    assert "under 16 the holder of parental responsibility consents (UAVG art. 5)" in text
    assert "Art. 8" not in text  # Art. 8 GDPR is about online services offered to a child
    nl = f.text(Translator("nl").gettext)
    assert "onder de 16 geeft de wettelijk vertegenwoordiger toestemming (UAVG art. 5)" in nl


def test_child_consent_counts_only_the_people_asked() -> None:
    base = {
        "lawfulness.lawful_bases.0": {
            "purpose": "P1",
            "basis": "consent",
            "consent_by": "data_subject",
            "alternative": {"description": "Paper", "without_detriment": True},
        },
        "description.data_subjects": [
            {"id": "adults", "category": "Adult learners"},
            {"id": "bystanders", "category": "People in view", "minors": True},
        ],
        "description.personal_data.0.subjects": ["adults", "bystanders"],
    }
    # Without saying who is asked: everyone whose data the purpose's operations touch.
    assert "child-consent-without-parent" in found(**base)
    asked = {**base, "lawfulness.lawful_bases.0.subjects": ["adults"]}
    assert "child-consent-without-parent" not in found(**asked)


def test_art22_without_exception_is_an_error_naming_22_1() -> None:
    f = found(**SIGNIFICANT, **{"lawfulness.automated_decision": {"human_involvement": False}})
    barred = f["automated-decision-barred"]
    assert barred.severity.value == "error" and barred.loc[-1] == "exception"
    assert "no exception of Art. 22(2)" in barred.text()
    assert "art. 22 lid 1 verbiedt ze" in barred.text(Translator("nl").gettext)


def test_art22_safeguards_missing_is_a_warning_listing_them() -> None:
    answer = {
        "human_involvement": False,
        "exception": "explicit_consent",
        "safeguards": ["contest"],
    }
    f = found(**SIGNIFICANT, **{"lawfulness.automated_decision": answer})
    w = f["automated-decision-safeguards-missing"]
    assert w.severity.value == "warning"
    assert w.text() == (
        "a solely automated decision relies on explicit consent (Art. 22(2)(c)) but lacks "
        "safeguards of Art. 22(3): a person can be asked to intervene, the person can give "
        "their point of view"
    )
    complete = {**answer, "safeguards": ["human_intervention", "express_view", "contest"]}
    assert not {
        c
        for c in found(**SIGNIFICANT, **{"lawfulness.automated_decision": complete})
        if c.startswith("automated-decision")
    }


def test_art22_human_involvement_or_no_significant_effect_is_silent() -> None:
    human = found(**SIGNIFICANT, **{"lawfulness.automated_decision": {"human_involvement": True}})
    assert not {c for c in human if c.startswith("automated-decision")}
    assert not {c for c in found() if c.startswith("automated-decision")}


def test_voc_automatic_hold_is_an_art22_error(voc: dict[str, list[str]]) -> None:
    assert voc["en:automated-decision-barred"]


def test_remaining_errors_use_plural_forms(voc: dict[str, list[str]]) -> None:
    en = [t for t in voc["en:decision-conflict"] if "remain" in t]
    nl = [t for t in voc["nl:decision-conflict"] if "openst" in t]
    assert en == ["the decision is to proceed while 10 errors remain in this assessment"]
    assert nl == [
        "het besluit is om door te gaan terwijl er in deze beoordeling nog 10 fouten openstaan"
    ]
    one = [f for f in findings(questionnaire()) if f.code == "decision-conflict"]
    for f in one:
        assert "(s)" not in f.text() and "(en)" not in f.text(Translator("nl").gettext)


def test_english_terms() -> None:
    en = Translator("en").gettext
    assert en("BIV rating (availability, integrity, confidentiality)").startswith("CIA rating")
    assert "GDPR" in en(
        "AI outputs are used for decisions about people without human oversight "
        "(Art. 22 GDPR, Art. 14 and 26(2) AI Act)"
    )
    nl = Translator("nl").gettext
    assert "art. 22 AVG" in nl(
        "AI outputs are used for decisions about people without human oversight "
        "(Art. 22 GDPR, Art. 14 and 26(2) AI Act)"
    )
