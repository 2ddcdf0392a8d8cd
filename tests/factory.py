"""A complete, valid questionnaire as plain data, for tests to vary one thing at a time."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from dpia.model import Questionnaire

BASE: dict[str, Any] = {
    "meta": {
        "title": "Pilot",
        "organisation": {"name": "Example School", "sector": "secondary"},
        "version": "1.0",
        "status": "final",
        "assessment_date": dt.date(2026, 11, 1),
        "review_date": dt.date(2027, 11, 1),
        "classification": "internal",
        "languages": ["en"],
    },
    "description": {
        "purposes": [
            {"id": "P1", "description": "Homework help", "public": "Helping with homework."}
        ],
        "data_subjects": [
            {"id": "S1", "category": "Pupils", "minors": True, "age_range": {"min": 12, "max": 18}}
        ],
        "personal_data": [
            {"id": "D1", "name": "Name", "kind": "ordinary", "retention": "One year"}
        ],
        "parties": [
            {"id": "SCHOOL", "name": "Example School", "role": "controller", "country": "NL"}
        ],
        "locations": [{"id": "L1", "country": "NL"}],
    },
    "lawfulness": {
        "lawful_bases": [
            {
                "id": "B1",
                "purpose": "P1",
                "basis": "public_task",
                "legal_provision": "WVO 2020 art. 2.1",
            }
        ],
        "transparency": {"privacy_statement_updated": True},
        "alternatives": [{"what": "Paper homework", "outcome": "offered_alongside"}],
    },
    "risks": [
        {
            "id": "R1",
            "title": "Leak",
            "feared_event": "illegitimate_access",
            "likelihood": "limited",
            "severity": "significant",
            "measures": ["M1"],
            "residual_likelihood": "negligible",
            "residual_severity": "significant",
            "likelihood_motivation": "Access is limited to teachers",
            "impact_motivation": "Names and marks of children",
        }
    ],
    "measures": [
        {"id": "M1", "title": "Access control", "kind": "technical", "status": "implemented"}
    ],
    "consultation": {
        "dpo_advice": {"advice": "Go ahead", "date": dt.date(2026, 10, 1), "followed": True},
        "views": {"asked": True, "who": ["parents_council"], "summary": "Agreed"},
        "decision": {"outcome": "proceed"},
    },
    "public": {
        "summary": "Pupils get help with homework.",
        "retention": "We keep your name for one year.",
        "for_children": "A computer helps you with homework.",
        "must_provide": "You need a school account to use it.",
    },
    "screening": {
        "edpb": {
            c: {"applies": c == "vulnerable_data_subjects", "reason": "Because"}
            for c in Questionnaire.model_fields["screening"]
            .annotation.model_fields["edpb"]  # type: ignore[union-attr]
            .annotation.model_fields  # type: ignore[union-attr]
        },
        "ap_list": {
            c: {"applies": False, "reason": "Not so"}
            for c in Questionnaire.model_fields["screening"]
            .annotation.model_fields["ap_list"]  # type: ignore[union-attr]
            .annotation.model_fields  # type: ignore[union-attr]
        },
    },
}


def data(**changes: Any) -> dict[str, Any]:
    """A copy of BASE with changes given as dotted paths: data(**{"meta.status": "draft"})."""
    out = copy.deepcopy(BASE)
    for path, value in changes.items():
        value = copy.deepcopy(value)  # a later change must not edit the caller's dict
        node = out
        *parents, last = path.split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
        if last.isdigit() and int(last) == len(node):
            node.append(value)
        elif last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value
    return out


def questionnaire(**changes: Any) -> Questionnaire:
    return Questionnaire.model_validate(data(**changes))
