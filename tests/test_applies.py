"""When a question applies (dpia.rules.applies): the same answers as the rules the documents
use, on every sample, and each condition branch by branch."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia.model import validate_file
from dpia.model.enums import RiskTier
from dpia.model.fields import walk
from dpia.model.knowledge import KnowledgeCheck
from dpia.rules.applies import WHEN, applies, transfer_needs_tia
from dpia.rules.follow_up import follow_up

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").rglob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_form_asks_what_the_pre_scan_advises(path: Path) -> None:
    v = validate_file(path)
    if v.knowledge is not None:
        pytest.skip("a knowledge-security check asks no DPIA questions")
    assert v.ok and v.questionnaire is not None and v.loaded is not None
    q, data = v.questionnaire, v.loaded.data
    advice = follow_up(q)
    assert transfer_needs_tia(data) == advice.tia
    if advice.fria is not None:
        assert applies(("ai", "fria"), data) == advice.fria
    special = any(c.kind.value == "special" for c in q.description.personal_data)
    assert applies(("lawfulness", "special_categories"), data) == special
    if q.ai is not None:
        assert applies(("ai", "deployer_duties"), data) == (q.ai.risk_tier is RiskTier.high_risk)


def test_every_condition_names_a_field_of_the_model() -> None:
    # Of the DPIA or of the knowledge-security check; a path names a field of one only.
    dpia, check = {f.path for f in walk()}, {f.path for f in walk(KnowledgeCheck)}
    assert set(WHEN) <= dpia | check, set(WHEN) - dpia - check
    assert not {p for p in WHEN if p in dpia and p in check}


@pytest.mark.parametrize(
    ("path", "data", "item", "expected"),
    [
        (("lawfulness", "special_categories"), {}, None, False),
        (
            ("lawfulness", "special_categories"),
            {"description": {"personal_data": [{"kind": "special"}]}},
            None,
            True,
        ),
        (
            ("description", "personal_data", "-", "special_category"),
            {},
            {"kind": "ordinary"},
            False,
        ),
        (("description", "personal_data", "-", "special_category"), {}, {"kind": "special"}, True),
        (("description", "locations", "-", "tia_done"), {}, {"country": "NL"}, False),
        (("description", "locations", "-", "tia_done"), {}, {"country": "US"}, True),
        (
            ("description", "locations", "-", "tia_done"),
            {},
            {"country": "US", "mechanism": "adequacy"},
            False,
        ),
        (
            ("description", "locations", "-", "tia_done"),
            {},
            {"country": "US", "mechanism": "scc"},
            True,
        ),
        (("description", "locations", "-", "mechanism"), {}, {"country": "IE"}, False),
        (("ai",), {}, None, False),
        (("ai",), {"description": {"ai_system": {"name": "x"}}}, None, True),
        (("ai", "fria"), {"ai": {"annex_iii_uses": ["edu_proctoring"]}}, None, True),
        (("ai", "fria"), {"ai": {"annex_iii_uses": []}}, None, False),
        (("ai", "deployer_duties"), {"ai": {"risk_tier": "high_risk"}}, None, True),
        (
            ("ai", "deployer_duties"),
            {"ai": {"risk_tier": "high_risk", "act_role": "provider"}},
            None,
            False,
        ),
        (("consultation", "dpo_advice", "why_not"), {}, None, False),
        (
            ("consultation", "dpo_advice", "why_not"),
            {"consultation": {"dpo_advice": {"followed": False}}},
            None,
            True,
        ),
        (("lawfulness", "lawful_bases", "-", "consent_by"), {}, {"basis": "consent"}, True),
        (("lawfulness", "lawful_bases", "-", "consent_by"), {}, {"basis": "public_task"}, False),
        (("meta", "title"), {}, None, True),  # unconditional
        # Odd data while a file is being written never breaks the form.
        (("lawfulness", "special_categories"), {"description": "text"}, None, False),
        (("description", "locations", "-", "tia_done"), {}, {"country": ["US"]}, False),
    ],
)
def test_conditions_branch_by_branch(
    path: tuple[str, ...], data: dict[str, object], item: dict[str, object] | None, expected: bool
) -> None:
    assert applies(path, data, item) is expected


def test_every_part_of_the_questionnaire_has_a_place_in_the_form() -> None:
    from dpia.model import Questionnaire
    from dpia.serve.form import SECTION_NAMES

    assert set(Questionnaire.model_fields) - set(SECTION_NAMES) == {"base_only"}


def test_a_party_is_asked_for_the_agreement_its_roles_call_for() -> None:
    agreement = ("description", "parties", "-", "agreement")
    arrangement = ("description", "parties", "-", "arrangement")
    school, vendor = {"role": "controller"}, {"role": "processor"}
    both = {"role": "processor", "other_roles": [{"role": "joint_controller"}]}
    assert not applies(agreement, {}, school) and not applies(arrangement, {}, school)
    assert applies(agreement, {}, vendor) and not applies(arrangement, {}, vendor)
    assert applies(agreement, {}, both) and applies(arrangement, {}, both)
    assert applies(arrangement, {}, {"role": "controller", "arrangement": {}})  # kept in sight
