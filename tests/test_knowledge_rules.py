"""The knowledge-security check's questionnaire and rules: every rule fires when it should
and stays silent when it should not."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from dpia.data.knowledge_security import (
    CRITICAL_TECHNOLOGIES,
    DUAL_USE_CATEGORIES,
    RESTRICTED_COUNTRIES,
)
from dpia.load import load
from dpia.model import validate_file
from dpia.model.knowledge import KnowledgeCheck
from dpia.model.knowledge_enums import CriticalArea, DualUseCategory, Verdict
from dpia.rules.knowledge import knowledge_findings, requirements, screen

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "samples" / "knowledge-security"
EXCHANGE = FOLDER / "exchange-oslo.yaml"
REFERRAL = FOLDER / "quantum-sensing-collaboration.yaml"


def clean() -> dict[str, Any]:
    """The low-risk exchange: no reasons, no findings."""
    return copy.deepcopy(load(EXCHANGE).data)


def check(data: dict[str, Any]) -> KnowledgeCheck:
    return KnowledgeCheck.model_validate(data)


def codes(data: dict[str, Any]) -> dict[str, str]:
    return {f.code: f.severity.value for f in knowledge_findings(check(data))}


def write(tmp_path: Path, data: dict[str, Any], name: str = "check.yaml") -> Path:
    path = tmp_path / name
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data, f)
    return path


# ---------------------------------------------------------------- the questionnaire


def test_both_samples_are_valid_knowledge_checks() -> None:
    for sample in (EXCHANGE, REFERRAL):
        v = validate_file(sample)
        assert v.problems == [] and v.knowledge is not None and v.questionnaire is None


def test_a_dpia_may_say_kind_dpia_and_still_is_one(tmp_path: Path) -> None:
    data = load(ROOT / "samples" / "university-writing-assistant.yaml").data
    v = validate_file(write(tmp_path, {"kind": "dpia", **data}))
    assert v.problems == [] and v.questionnaire is not None and v.knowledge is None


def test_an_unknown_kind_is_a_located_error_with_a_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, {**clean(), "kind": "knowledge-securty"})
    [problem] = validate_file(path).problems
    assert problem.field == "kind"
    assert path.read_text().splitlines()[problem.pos.line - 1].startswith("kind: knowledge-securty")
    assert "did you mean 'knowledge-security'" in problem.message


def test_errors_are_located_against_the_knowledge_model(tmp_path: Path) -> None:
    data = clean()
    data["partners"][0]["tie"] = "direct"  # typo of `ties`
    data["decision"]["verdict"] = "refer_to_committee"
    messages = {p.field: p.text() for p in validate_file(write(tmp_path, data)).problems}
    assert "did you mean 'ties'" in messages["partners[0].tie"]
    assert (
        "is not one of: proceed, proceed_with_measures, refer, do_not_proceed"
        in (messages["decision.verdict"])
    )


def test_no_question_asks_for_a_nationality(tmp_path: Path) -> None:
    schema = json.dumps(KnowledgeCheck.model_json_schema()).lower()
    for word in ("nationality", "citizenship", "passport", "place of birth", "ethnic"):
        assert word not in schema
    data = clean()
    data["partners"][0]["nationality"] = "NO"
    [problem] = validate_file(write(tmp_path, data)).problems
    assert problem.field == "partners[0].nationality" and "unknown field" in problem.message


def test_every_field_has_a_description() -> None:
    seen: set[type] = set()

    def walk(model: Any) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if name != "id":
                assert info.description, f"{model.__name__}.{name}"
            for sub in _models(info.annotation):
                walk(sub)

    walk(KnowledgeCheck)
    assert len(seen) > 15


def _models(tp: object) -> list[type]:
    import typing

    from pydantic import BaseModel

    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for a in typing.get_args(tp) for m in _models(a)]


def test_dangling_and_duplicate_ids_are_located(tmp_path: Path) -> None:
    data = load(REFERRAL).data
    data["risks"][0]["measures"] = ["M1", "M9"]
    data["partners"].append(dict(data["partners"][0]))
    problems = {p.field: p.message for p in validate_file(write(tmp_path, data)).problems}
    assert problems["risks[0].measures[1]"].startswith("unknown id 'M9'; known: M1, M2, M3, M4")
    assert problems["partners[1].id"] == "duplicate id 'npit'"


def test_an_overlay_inherits_the_kind_of_its_base(tmp_path: Path) -> None:
    write(tmp_path, {**clean(), "base_only": True}, "base.yaml")
    path = tmp_path / "faculty.yaml"
    path.write_text("extends: base.yaml\nmeta:\n  version: '2.0'\n")
    v = validate_file(path)
    assert v.problems == [] and v.knowledge is not None
    assert v.knowledge.meta.version == "2.0" and not v.knowledge.base_only


def test_reference_tables_are_dated_sourced_and_match_the_enums() -> None:
    assert [e.value for e in CriticalArea] == list(CRITICAL_TECHNOLOGIES.codes())
    assert [e.value for e in DualUseCategory] == list(DUAL_USE_CATEGORIES.codes())
    assert len(CRITICAL_TECHNOLOGIES.entries) == 10
    assert "2023/2113" in CRITICAL_TECHNOLOGIES.source
    assert "2021/821" in DUAL_USE_CATEGORIES.source
    assert {"RU", "BY", "IR", "KP"} <= set(RESTRICTED_COUNTRIES.codes())
    for table in (CRITICAL_TECHNOLOGIES, DUAL_USE_CATEGORIES, RESTRICTED_COUNTRIES):
        assert table.as_of.year >= 2023 and table.source


# ---------------------------------------------------------------- rules


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node: Any = data
    for p in parents:
        node = node[p]
    node[last] = value


CRITICAL = {"field.critical_areas": ["artificial_intelligence"]}
CHECKED = {"field.export_check": {"outcome": "not_listed", "by": "Export-control officer"}}
# code: (what triggers it, the least verdict it asks for, a near miss that stays silent)
REASONS: dict[str, tuple[dict[str, Any], Verdict, dict[str, Any]]] = {
    "ks-sanctioned-partner": (
        {"partners.0.sanctioned": True},
        Verdict.do_not_proceed,
        {"partners.0.sanctioned": False},
    ),
    "ks-restricted-country": (
        {"partners.0.country": "BY"},
        Verdict.refer,
        {"partners.0.country": "CN"},  # not under EU restrictive measures for research
    ),
    "ks-critical-technology-security-ties": (
        {**CRITICAL, "partners.0.ties": "direct"},
        Verdict.refer,
        {**CRITICAL, "partners.0.ties": "none_found"},
    ),
    "ks-dual-use-unchecked": (
        {"field.dual_use": True, "field.dual_use_categories": ["cat4"]},
        Verdict.refer,
        {"field.dual_use": True, "field.dual_use_categories": ["cat4"], **CHECKED},
    ),
    "ks-military-end-use": (
        {"field.military_end_use": True, **CHECKED},
        Verdict.refer,
        {"field.military_end_use": False},
    ),
    "ks-security-funder": (
        {"funding.funders.0.type": "military_or_security"},
        Verdict.refer,
        {"funding.funders.0.type": "foreign_state"},
    ),
    "ks-high-residual-risk": (
        {
            "risks.0.level": "high",
            "risks.0.residual": "high",
            "measures": [],
            "risks.0.measures": [],
        },
        Verdict.refer,
        {"risks.0.level": "high", "risks.0.residual": "low"},
    ),
    "ks-risk-needs-measures": (
        {"risks.0.level": "medium", "risks.0.residual": "low"},
        Verdict.proceed_with_measures,
        {"risks.0.level": "low", "risks.0.residual": "low"},
    ),
    "ks-export-licence-needed": (
        {
            "field.dual_use": True,
            "field.dual_use_categories": ["cat3"],
            "field.export_check": {"outcome": "licence_needed", "by": "Export-control officer"},
        },
        Verdict.proceed_with_measures,
        {
            "field.dual_use": True,
            "field.dual_use_categories": ["cat3"],
            "field.export_check": {"outcome": "licence_granted", "by": "Export-control officer"},
        },
    ),
    "ks-publication-restricted": (
        {"publication.free": False},
        Verdict.proceed_with_measures,
        {"publication.free": True},
    ),
}


def _apply(changes: dict[str, Any]) -> dict[str, Any]:
    data = clean()
    for path, value in changes.items():
        _set(data, path, copy.deepcopy(value))
    return data


def test_the_low_risk_exchange_proceeds_without_reasons_or_findings() -> None:
    c = check(clean())
    assert screen(c).required is Verdict.proceed and requirements(c) == []
    assert knowledge_findings(c) == []


def test_the_referral_sample_must_go_to_the_committee_and_does() -> None:
    c = check(load(REFERRAL).data)
    result = screen(c)
    assert result.required is Verdict.refer and not result.too_weak
    assert result.final is Verdict.do_not_proceed  # the committee's binding verdict
    found = {r.reason.code for r in result.reasons}
    assert {"ks-critical-technology-security-ties", "ks-military-end-use"} <= found
    assert knowledge_findings(c) == []


@pytest.mark.parametrize("code", REASONS)
def test_each_reason_sets_the_least_verdict_and_a_weaker_one_is_an_error(code: str) -> None:
    trigger, minimum, _ = REASONS[code]
    data = _apply(trigger)
    result = screen(check(data))
    assert code in {r.reason.code for r in result.reasons}
    assert max(ORDER.index(r.minimum) for r in result.reasons if r.reason.code == code) == (
        ORDER.index(minimum)
    )
    assert codes(data)[code] == "error"  # the exchange's verdict is 'proceed'
    _set(data, "decision.verdict", minimum.value)
    if minimum is Verdict.refer:
        _set(data, "decision.committee", {"referred": "2026-09-10", "verdict": "proceed"})
    assert code not in codes(data)  # the verdict now is strict enough


@pytest.mark.parametrize("code", REASONS)
def test_each_reason_stays_silent_on_a_near_miss(code: str) -> None:
    data = _apply(REASONS[code][2])
    assert code not in {r.reason.code for r in requirements(check(data))}
    assert code not in codes(data)


ORDER = list(Verdict)


def test_the_too_weak_verdict_names_reason_minimum_and_verdict() -> None:
    found = knowledge_findings(check(_apply({"partners.0.country": "RU"})))
    [finding] = [f for f in found if f.code == "ks-restricted-country"]
    assert finding.loc == ("partners", 0, "country")
    assert finding.text() == (
        "partner uio (University of Oslo) is based in a country under EU restrictive measures "
        "(RU: Regulation "
        "(EU) No 833/2014): this requires at least 'refer to the committee', but the verdict "
        "is 'proceed'"
    )


# code: (what triggers it, a near miss that stays silent, its severity)
FINDINGS: dict[str, tuple[dict[str, Any], dict[str, Any], str]] = {
    "ks-committee-verdict-pending": (
        {"decision.verdict": "refer"},
        {
            "decision.verdict": "refer",
            "decision.committee": {"referred": "2026-09-10", "verdict": "proceed"},
        },
        "warning",
    ),
    "ks-committee-without-referral": (
        {"decision.committee": {"referred": "2026-09-10"}},
        {"decision.committee": None},
        "warning",
    ),
    "ks-transfer-without-dpia": (
        {"partners.0.country": "CH"},  # outside the EEA, adequate or not
        {"partners.0.country": "CH", "personal_data.dpia_file": "dpia.yaml"},
        "error",
    ),
    "ks-adviser-not-consulted": (
        {"field.military_end_use": True, **CHECKED, "decision.verdict": "refer"},
        {
            "field.military_end_use": True,
            **CHECKED,
            "decision.verdict": "refer",
            "adviser": {"consulted": True, "name": "Faculty adviser"},
        },
        "warning",
    ),
    "ks-risk-without-measures": (
        {"risks.0.level": "medium", "decision.verdict": "proceed_with_measures"},
        {"risks.0.level": "low"},
        "warning",
    ),
    "ks-residual-above-level": (
        {"risks.0.residual": "medium", "decision.verdict": "proceed_with_measures"},
        {"risks.0.residual": "low"},
        "warning",
    ),
    "ks-no-opportunities": ({"opportunities": []}, {}, "warning"),
    "ks-ties-unknown": ({"partners.0.ties": "unknown"}, {"partners.0.ties": "indirect"}, "warning"),
    "ks-dual-use-without-category": (
        {"field.dual_use": True, **CHECKED},
        {"field.dual_use": True, "field.dual_use_categories": ["cat5p2"], **CHECKED},
        "warning",
    ),
    "ks-licence-not-planned": (
        {
            "field.dual_use": True,
            "field.dual_use_categories": ["cat3"],
            "field.export_check": {"outcome": "licence_needed", "by": "Officer"},
            "decision.verdict": "proceed_with_measures",
        },
        {
            "field.dual_use": True,
            "field.dual_use_categories": ["cat3"],
            "field.export_check": {"outcome": "licence_needed", "by": "Officer"},
            "decision.verdict": "proceed_with_measures",
            "measures": [
                {
                    "id": "M1",
                    "kind": "export_licence",
                    "description": "Apply for it.",
                    "status": "planned",
                }
            ],
        },
        "warning",
    ),
    "ks-not-signed": (
        {"decision.signed": None},
        {"meta.status": "draft", "decision.signed": None},
        "warning",
    ),
    "ks-no-review-date": ({"meta.review_date": None}, {}, "warning"),
}


def _apply_all(changes: dict[str, Any]) -> dict[str, Any]:
    data = _apply({k: v for k, v in changes.items() if v is not None})
    for path, value in changes.items():
        if value is None:  # remove the field
            *parents, last = path.split(".")
            node = data
            for p in parents:
                node = node[p]
            node.pop(last, None)
    return data


@pytest.mark.parametrize("code", FINDINGS)
def test_each_finding_fires(code: str) -> None:
    trigger, _, severity = FINDINGS[code]
    assert codes(_apply_all(trigger)).get(code) == severity


@pytest.mark.parametrize("code", FINDINGS)
def test_each_finding_stays_silent_on_a_near_miss(code: str) -> None:
    assert code not in codes(_apply_all(FINDINGS[code][1]))
