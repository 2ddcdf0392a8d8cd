"""Helpers for the judgement tests: findings of a varied questionnaire, documents as text."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from dpia.context.assessment import assess_file
from dpia.produce import prepare
from dpia.rules.finding import Finding
from dpia.rules.findings import findings
from tests.factory import data, questionnaire


def found(**changes: Any) -> dict[str, Finding]:
    """Findings by code (the first of each code)."""
    out: dict[str, Finding] = {}
    for f in findings(questionnaire(**changes)):
        out.setdefault(f.code, f)
    return out


def page_text(tmp_path: Path, doc: str, lang: str, **changes: Any) -> str:
    """The document rendered as HTML, tags stripped and whitespace collapsed."""
    path = tmp_path / "q.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**changes), f)
    return text_of(prepare(assess_file(path), doc, lang).html)


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


HIGH_RESIDUAL = {"risks.0.residual_likelihood": "maximum", "risks.0.residual_severity": "maximum"}

# (changes to the base questionnaire, the finding code that must appear): one case per rule of
# issue 11, run by tests/test_rules.py::test_finding with every other rule.
JUDGED: list[tuple[dict[str, Any], str]] = [
    (
        {"description.locations.0": {"id": "L1", "country": "IN", "mechanism": "adequacy"}},
        "adequacy-not-in-force",
    ),
    ({"meta.organisation.country": "CH"}, "jurisdiction-not-encoded"),
    (
        {"lawfulness.lawful_bases.0": {"purpose": "P1", "basis": "consent", "consent_by": "both"}},
        "consent-not-free",
    ),
    (
        {
            "meta.organisation.country": "BE",
            "lawfulness.lawful_bases.0": {
                "purpose": "P1",
                "basis": "consent",
                "consent_by": "parent",
                "alternative": {"description": "Paper", "without_detriment": True},
            },
        },
        "consent-by-parent-over-age",
    ),
    (
        {
            "description.personal_data.0.kind": "special",
            "description.personal_data.0.special_category": "biometric_unique_id",
            "lawfulness.special_categories": [
                {"category": "biometric_unique_id", "exception": "a_explicit_consent"}
            ],
        },
        "biometric-ground-unfit",
    ),
    (
        {
            "description.personal_data.0.kind": "special",
            "description.personal_data.0.special_category": "health_data",
            "lawfulness.special_categories": [
                {"category": "health_data", "exception": "a_explicit_consent"}
            ],
        },
        "explicit-consent-not-free",
    ),
    ({"lawfulness.alternatives": []}, "alternatives-missing"),
    ({"description.parties.0.role": "joint_controller"}, "joint-control-without-arrangement"),
    (
        {
            "description.parties.0.role": "joint_controller",
            "description.parties.0.arrangement": {"in_place": True},
        },
        "joint-arrangement-not-public",
    ),
    (
        {"description.parties.0.other_roles": [{"role": "independent_controller"}]},
        "controller-without-basis",
    ),
    (
        {"description.parties.0.other_roles": [{"role": "processor", "agreement": False}]},
        "scope-without-agreement",
    ),
    ({"description.parties.0.roles_disputed": "Disputed"}, "roles-disputed"),
    ({"processor_agreement.own_purposes": True}, "processor-own-purposes"),
    ({"description.personal_data.0.retention_unknown": True}, "retention-unknown"),
    ({"description.personal_data.0.access_answerable": False}, "access-not-answerable"),
    ({"description.personal_data.0.service_generated": True}, "service-data-access-unknown"),
    ({"risks.0.impact_motivation": None}, "risk-motivation-missing"),
    ({"risks.0.residual_level": "unknown"}, "residual-unknown"),
    (
        {**HIGH_RESIDUAL, "consultation.decision.outcome": "stop"},
        "prior-consultation-if-proceeding",
    ),
    (HIGH_RESIDUAL, "decision-conflict"),
    (
        {"ai": {"risk_tier": "minimal", "annex_iii_uses": ["edu_proctoring"]}},
        "ai-tier-contradiction",
    ),
    ({"ai": {"risk_tier": "transparency", "general_purpose": True}}, "ai-transparency-missing"),
    ({"ai": {"risk_tier": "minimal"}}, "ai-literacy-missing"),
]
