"""Every rule: screening verdicts, risk levels and each finding, triggered and not."""

from __future__ import annotations

import datetime as dt

import pytest

from dpia.model.ai import DeployerDuties
from dpia.model.enums import Level, RiskLevel, Verdict
from dpia.rules.finding import Finding
from dpia.rules.findings import findings
from dpia.rules.risk import assess, heat_map, level, prior_consultation_needed
from dpia.rules.screening import screen
from tests.factory import data, questionnaire
from tests.judged import JUDGED


def codes(**changes: object) -> set[str]:
    return {f.code for f in findings(questionnaire(**changes))}


def findings_of(**changes: object) -> list[Finding]:
    return findings(questionnaire(**changes))


def test_the_base_questionnaire_has_no_findings() -> None:
    # Only that its answers are English while a Dutch school publishes the addendum in Dutch.
    assert codes() == {"public-text-language-missing"}
    assert codes(**{"meta.organisation.country": "BE"}) == set()


@pytest.mark.parametrize(
    ("edpb", "ap", "verdict"),
    [
        ([], [], Verdict.not_required),
        (["large_scale"], [], Verdict.recommended),
        (["large_scale", "innovative_technology"], [], Verdict.required),
        ([], ["profiling"], Verdict.required),
    ],
)
def test_screening_verdict(edpb: list[str], ap: list[str], verdict: Verdict) -> None:
    d = data()
    for key, answer in d["screening"]["edpb"].items():
        answer["applies"] = key in edpb
    for key, answer in d["screening"]["ap_list"].items():
        answer["applies"] = key in ap
    from dpia.model import Questionnaire

    result = screen(Questionnaire.model_validate(d).screening)
    assert result.verdict is verdict
    assert [i.key.value for i in result.edpb_applying] == edpb
    assert result.complete


def test_screening_with_unanswered_questions_is_incomplete() -> None:
    q = questionnaire(screening={"edpb": {"large_scale": {"applies": True}}})
    result = screen(q.screening)
    assert result.verdict is Verdict.recommended
    assert len(result.unanswered) == 8 + 17
    assert "screening-incomplete" in {f.code for f in findings(q)}


@pytest.mark.parametrize(
    ("likelihood", "severity", "expected"),
    [
        ("negligible", "negligible", RiskLevel.low),
        ("maximum", "negligible", RiskLevel.low),
        ("limited", "limited", RiskLevel.low),
        ("significant", "limited", RiskLevel.medium),
        ("negligible", "maximum", RiskLevel.medium),
        ("limited", "significant", RiskLevel.medium),
        ("significant", "significant", RiskLevel.high),
        ("limited", "maximum", RiskLevel.high),
        ("maximum", "maximum", RiskLevel.high),
    ],
)
def test_risk_level(likelihood: str, severity: str, expected: RiskLevel) -> None:
    assert level(Level(likelihood), Level(severity)) is expected


def test_inherent_residual_heat_map_and_prior_consultation() -> None:
    q = questionnaire(**{"risks.0.residual_likelihood": "significant"})
    [a] = assess(q.risks)
    assert (a.inherent, a.residual) == (RiskLevel.medium, RiskLevel.high)
    assert prior_consultation_needed([a])
    assert heat_map([a], residual=False)[2][1] == ["R1"]
    assert heat_map([a], residual=True)[2][2] == ["R1"]


FINDINGS = [
    # (changes to the base questionnaire, the finding code that must appear)
    ({}, "public-text-language-missing"),  # English answers, a Dutch organisation
    (
        {
            "description.personal_data.0.kind": "special",
            "description.personal_data.0.special_category": "health_data",
        },
        "special-without-exception",
    ),
    ({"description.personal_data.0.kind": "criminal"}, "criminal-data-unjustified"),
    (
        {
            "description.personal_data.0.kind": "national_id",
            "description.personal_data.0.national_id": "bsn",
        },
        "national-id-unjustified",
    ),
    ({"description.personal_data.0.retention": None}, "retention-missing"),
    (
        {
            "description.personal_data.0.kind": "special",
            "description.personal_data.0.special_category": "health_data",
        },
        "special-data-classification",
    ),
    ({"lawfulness.lawful_bases.0.basis": "consent"}, "child-consent-without-parent"),
    (
        {"lawfulness.lawful_bases.0.basis": "legitimate_interests"},
        "legitimate-interests-public-body",
    ),
    ({"lawfulness.lawful_bases.0.legal_provision": None}, "legal-provision-missing"),
    ({"lawfulness.lawful_bases": []}, "purpose-without-basis"),
    ({"description.locations.0.country": "US"}, "transfer-without-mechanism"),
    (
        {"description.locations.0.country": "IN", "description.locations.0.mechanism": "eu_us_dpf"},
        "dpf-outside-us",
    ),
    (
        {"description.locations.0.country": "IN", "description.locations.0.mechanism": "scc"},
        "transfer-without-tia",
    ),
    (
        {
            "description.parties.1": {
                "id": "V",
                "name": "Vendor",
                "role": "processor",
                "country": "NL",
                "agreement": False,
            }
        },
        "processor-without-agreement",
    ),
    (
        {
            "description.parties.1": {
                "id": "V",
                "name": "Vendor",
                "role": "processor",
                "country": "NL",
                "agreement": True,
            },
            "processor_agreement.clauses.b_confidentiality": {"status": "missing"},
        },
        "art28-item-missing",
    ),
    (
        {
            "description.parties.1": {
                "id": "V",
                "name": "Vendor",
                "role": "processor",
                "country": "NL",
                "agreement": True,
            },
            "processor_agreement.clauses.b_confidentiality": {"status": "partial"},
        },
        "art28-item-partial",
    ),
    (
        {
            "description.parties.1": {
                "id": "V",
                "name": "Vendor",
                "role": "processor",
                "country": "NL",
                "agreement": True,
            }
        },
        "art28-item-unanswered",
    ),
    ({"risks.0.measures": [], "measures": []}, "risk-without-measures"),
    ({"risks.0.residual_severity": "maximum"}, "residual-above-inherent"),
    (
        {"risks.0.residual_likelihood": "significant", "risks.0.residual_severity": "significant"},
        "prior-consultation-needed",
    ),
    (
        {"measures.0.status": "planned", "measures.0.due": dt.date(2026, 1, 1)},
        "measure-overdue",
    ),
    (
        {
            "description.ai_system": {
                "name": "Bot",
                "vendor": "V",
                "service": "public",
                "inputs_train_model": True,
                "tool_picker": "red",
            }
        },
        "tool-picker-red",
    ),
    (
        {
            "description.ai_system": {
                "name": "Bot",
                "vendor": "V",
                "service": "private",
                "inputs_train_model": False,
                "tool_picker": "orange",
            },
            "ai": {"risk_tier": "minimal"},
        },
        "tool-picker-orange",
    ),
    (
        {
            "meta.classification": "confidential",
            "description.ai_system": {
                "name": "Bot",
                "vendor": "V",
                "service": "public",
                "inputs_train_model": True,
            },
        },
        "confidential-into-public-ai",
    ),
    (
        {
            "description.ai_system": {
                "name": "Bot",
                "vendor": "V",
                "service": "private",
                "inputs_train_model": True,
            }
        },
        "children-data-train-model",
    ),
    (
        {
            "description.ai_system": {
                "name": "Bot",
                "vendor": "V",
                "service": "private",
                "inputs_train_model": False,
            }
        },
        "ai-unanswered",
    ),
    (
        {
            "ai": {
                "risk_tier": "high_risk",
                "decisions_about_people": ["learning_outcomes"],
                "annex_iii_uses": ["edu_evaluate_learning_outcomes"],
                "fria_done": True,
            }
        },
        "ai-decisions-without-oversight",
    ),
    (
        {"ai": {"risk_tier": "prohibited", "prohibited_practices": ["emotion_recognition_edu"]}},
        "prohibited-ai-practice",
    ),
    (
        {"ai": {"risk_tier": "high_risk", "annex_iii_uses": ["edu_proctoring"]}},
        "fria-missing",
    ),
    (
        {"ai": {"risk_tier": "high_risk", "deployer_duties": {"logs": "Kept for a year."}}},
        "deployer-duty-unanswered",
    ),
    ({"ai": {"risk_tier": "minimal", "fria": {"processes": "Exams"}}}, "fria-incomplete"),
    ({"consultation.dpo_advice": None}, "final-without-dpo-advice"),
    (
        {
            "consultation.dpo_advice": {
                "advice": "No",
                "date": dt.date(2026, 10, 1),
                "followed": False,
            }
        },
        "dpo-advice-ignored",
    ),
    ({"consultation.views": None}, "views-not-recorded"),
    ({"consultation.decision": None}, "decision-missing"),
    ({"meta.review_date": None}, "review-date-missing"),
    ({"meta.review_date": dt.date(2026, 1, 1)}, "review-date-past"),
    ({"lawfulness.transparency.privacy_statement_updated": False}, "privacy-statement-not-updated"),
    ({"meta.languages": ["nl", "en"]}, "missing-translation"),
    ({"screening": {}}, "screening-incomplete"),
    (
        {"screening.edpb.automated_decision_legal_effect": {"applies": True, "reason": "Hold"}},
        "automated-decision-unanswered",
    ),
    (
        {
            "screening.edpb.automated_decision_legal_effect": {"applies": True, "reason": "Hold"},
            "lawfulness.automated_decision": {"human_involvement": False},
        },
        "automated-decision-barred",
    ),
    (
        {
            "screening.edpb.automated_decision_legal_effect": {"applies": True, "reason": "Hold"},
            "lawfulness.automated_decision": {"human_involvement": False, "exception": "law"},
        },
        "automated-decision-safeguards-missing",
    ),
    (
        {
            "screening.edpb.vulnerable_data_subjects": {"applies": False, "reason": "No"},
            "description.data_subjects.0.approximate_number": 20000,
        },
        "screening-contradicted",
    ),
    (
        {"equality.characteristics.disability": {"impact": "negative"}},
        "negative-impact-unmitigated",
    ),
    *JUDGED,  # the rules of issue 11, with their silent cases in the test_judge_* files
]


@pytest.mark.parametrize(("changes", "code"), FINDINGS, ids=[c for _, c in FINDINGS])
def test_finding(changes: dict[str, object], code: str) -> None:
    assert code in codes(**changes)


def test_every_registered_finding_code_is_tested() -> None:
    import inspect
    import re

    from dpia.rules import checks_central
    from dpia.rules.findings import _MODULES

    # The central-assessment checks have their own tests (tests/test_central.py).
    source = "".join(inspect.getsource(m) for m in _MODULES if m is not checks_central)
    declared = set(re.findall(r'^\s+"([a-z0-9]+(?:-[a-z0-9]+)+)",$', source, re.MULTILINE))
    assert declared == {code for _, code in FINDINGS}


def test_deployer_duties_name_the_open_articles() -> None:
    duties = {"use_per_instructions": "Yes", "logs": "Kept for a year."}
    for public, registration in ((True, True), (False, False)):
        found = findings_of(
            **{
                "meta.organisation.public_body": public,
                "ai": {"risk_tier": "high_risk", "deployer_duties": duties},
            }
        )
        [f] = [f for f in found if f.code == "deployer-duty-unanswered"]
        articles = str(f.params["articles"]).split(", ")
        assert articles[:2] == ["26(2)", "26(4)"] and "26(1)" not in articles
        assert "26(6)" not in articles and ("26(8)" in articles) is registration
    every = {name: "Done." for name in DeployerDuties.model_fields}
    found = findings_of(ai={"risk_tier": "high_risk", "deployer_duties": every})
    assert "deployer-duty-unanswered" not in {f.code for f in found}
    found = findings_of(ai={"risk_tier": "high_risk", "act_role": "provider"})
    assert "deployer-duty-unanswered" not in {f.code for f in found}


def test_a_fria_names_its_missing_elements() -> None:
    fria = {"processes": "Online exams", "oversight": "The board reviews every flag."}
    [f] = [
        f
        for f in findings_of(ai={"risk_tier": "minimal", "fria": fria})
        if f.code == "fria-incomplete"
    ]
    assert f.params["articles"] == "27(1)(b), 27(1)(c), 27(1)(d), 27(1)(f)"


def test_consent_by_a_parent_is_accepted_for_children() -> None:
    found = codes(
        **{
            "lawfulness.lawful_bases.0.basis": "consent",
            "lawfulness.lawful_bases.0.consent_by": "parent",
        }
    )
    assert "child-consent-without-parent" not in found


def test_adequacy_needs_no_transfer_impact_assessment() -> None:
    found = codes(
        **{
            "description.locations.0.country": "US",
            "description.locations.0.mechanism": "eu_us_dpf",
        }
    )
    assert not found & {"transfer-without-tia", "transfer-without-mechanism", "dpf-outside-us"}


def test_finding_messages_carry_their_parameters() -> None:
    q = questionnaire(**{"description.locations.0.country": "US"})
    [f] = [f for f in findings(q) if f.code == "transfer-without-mechanism"]
    assert f.text() == (
        "data go to US, outside the EEA and without an adequacy decision, with no transfer "
        "mechanism (Chapter V)"
    )
    assert f.loc == ("description", "locations", 0, "mechanism")
