"""Every field added for issue 11 is described in the JSON Schema (editors show it)."""

from __future__ import annotations

from typing import Any

from dpia.model import Questionnaire

NEW_FIELDS = {
    "Organisation": ["country"],
    "Meta": ["planned_start"],
    "BasisForPurpose": ["alternative"],
    "SpecialException": ["alternative", "biometric_need"],
    "ConsentAlternative": ["description", "without_detriment"],
    "Alternative": ["what", "less_intrusive", "outcome", "why"],
    "Lawfulness": ["alternatives"],
    "DataSubject": ["staff"],
    "DataCategory": ["retention_unknown", "service_generated", "access_answerable"],
    "Party": ["other_roles", "arrangement", "roles_disputed"],
    "RoleScope": ["role", "feature", "operations", "data", "legal_basis", "agreement"],
    "JointArrangement": ["in_place", "essence_available", "reference"],
    "ProcessorAgreement": ["own_purposes"],
    "Risk": [
        "data",
        "level",
        "level_motivation",
        "likelihood_motivation",
        "impact_motivation",
        "residual_level",
        "residual_motivation",
    ],
    "PriorConsultation": [
        "filed_on",
        "filed_by",
        "authority",
        "deadline",
        "advice",
        "advice_date",
        "outcome",
    ],
    "Ai": ["general_purpose"],
}


def test_every_new_field_has_a_description() -> None:
    defs: dict[str, Any] = Questionnaire.model_json_schema()["$defs"]
    missing = [
        f"{model}.{name}"
        for model, names in NEW_FIELDS.items()
        for name in names
        if not defs[model]["properties"][name].get("description")
    ]
    assert missing == []
