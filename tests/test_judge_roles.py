"""Roles per party and per feature, joint control, and the checklist's 'do not sign'."""

from __future__ import annotations

from pathlib import Path

from dpia.model.enums import SigningAdvice
from dpia.rules.checklist import rows, signing_advice, stoppers
from tests.factory import questionnaire
from tests.judged import found, page_text

VENDOR = {
    "id": "V",
    "name": "LeerVendor BV",
    "role": "processor",
    "country": "NL",
    "agreement": True,
    "other_roles": [
        {"role": "independent_controller", "feature": "Usage analytics", "data": ["D1"]}
    ],
}
CLAUSES = {
    name: {"status": "present"}
    for name in [
        "a_documented_instructions",
        "b_confidentiality",
        "c_security",
        "d_subprocessors",
        "e_assist_rights",
        "f_assist_32_36",
        "g_delete_or_return",
        "h_audits_information",
        "subprocessor_authorisation",
        "breach_notification",
        "transfers",
        "audits",
    ]
}
WITH_VENDOR = {
    "description.parties.1": VENDOR,
    "processor_agreement.processor": "V",
    "processor_agreement.clauses": CLAUSES,
}


def test_independent_controller_is_its_own_role_not_joint() -> None:
    q = questionnaire(**WITH_VENDOR)
    assert [r.value for r in q.description.parties[1].roles()] == [
        "processor",
        "independent_controller",
    ]


def test_vendor_as_controller_without_basis() -> None:
    assert "controller-without-basis" in found(**WITH_VENDOR)
    based = {**WITH_VENDOR, "description.parties.1.other_roles.0.legal_basis": "Its own contract"}
    assert "controller-without-basis" not in found(**based)


def test_joint_control_needs_an_arrangement() -> None:
    joint = {"description.parties.1": {**VENDOR, "role": "joint_controller", "other_roles": []}}
    assert "joint-control-without-arrangement" in found(**joint)
    arranged = {**joint, "description.parties.1.arrangement": {"in_place": True}}
    assert "joint-control-without-arrangement" not in found(**arranged)
    assert "joint-arrangement-not-public" in found(**arranged)
    public = {
        **joint,
        "description.parties.1.arrangement": {"in_place": True, "essence_available": True},
    }
    assert not {"joint-control-without-arrangement", "joint-arrangement-not-public"} & set(
        found(**public)
    )


def test_operation_without_an_agreement() -> None:
    scope = {"role": "sub_processor", "operations": [], "agreement": False}
    part = {**WITH_VENDOR, "description.parties.1.other_roles": [scope]}
    assert found(**part)["scope-without-agreement"].severity.value == "error"
    scope["agreement"] = True
    covered = {**WITH_VENDOR, "description.parties.1.other_roles": [scope]}
    assert "scope-without-agreement" not in found(**covered)


def test_unknown_ids_in_a_role_scope_are_refused(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    from dpia.model import validate_file
    from tests.factory import data

    path = tmp_path / "q.yaml"
    bad = {**WITH_VENDOR, "description.parties.1.other_roles.0.data": ["NOPE"]}
    YAML(typ="safe", pure=True).dump(data(**bad), path)
    [problem] = validate_file(path).problems
    assert problem.field == "description.parties[1].other_roles[0].data[0]"
    assert "unknown id 'NOPE'" in problem.text()


def _advice(**changes: object) -> SigningAdvice:
    q = questionnaire(**changes)
    processor = q.description.parties[1]
    return signing_advice(
        rows(q.processor_agreement, False), stoppers(q.processor_agreement, processor)
    )


def test_checklist_do_not_sign_for_own_purposes_or_disputed_roles(tmp_path: Path) -> None:
    based = {**WITH_VENDOR, "description.parties.1.other_roles.0.legal_basis": "Own contract"}
    assert _advice(**based) is SigningAdvice.ready
    assert (
        _advice(**based, **{"processor_agreement.own_purposes": True}) is SigningAdvice.do_not_sign
    )
    disputed = {**based, "description.parties.1.roles_disputed": "Vendor says it is controller"}
    assert _advice(**disputed) is SigningAdvice.do_not_sign
    assert "roles-disputed" in found(**disputed)
    assert "processor-own-purposes" in found(**based, **{"processor_agreement.own_purposes": True})
    assert not {"roles-disputed", "processor-own-purposes"} & set(found(**based))
    # the agreement is signed: the reasons are to settle, not a reason "not to sign"
    en = page_text(tmp_path, "processor-checklist", "en", **disputed)
    assert (
        "To settle first, whatever the clauses say" in en
        and "The roles of the processor are disputed." in en
    )
    nl = page_text(tmp_path, "processor-checklist", "nl", **disputed)
    assert "Eerst te regelen, wat de bepalingen ook zeggen" in nl
    unsigned = {**disputed, "description.parties.1.agreement": False}
    en = page_text(tmp_path, "processor-checklist", "en", **unsigned)
    assert "Do not sign, whatever the clauses say" in en


def test_roles_are_rendered(tmp_path: Path) -> None:
    en = page_text(tmp_path, "dpia", "en", **WITH_VENDOR)
    assert (
        "also independent controller: Usage analytics (D1)" in en
        and "no legal ground recorded" in en
    )
    addendum = page_text(tmp_path, "privacy-addendum", "nl", **WITH_VENDOR)
    # The public addendum names the role; the feature's own description is internal text.
    assert "Ook zelfstandig verwerkingsverantwoordelijke." in addendum


def test_learning_platform_sample_says_do_not_sign() -> None:
    from dpia.context.assessment import assess_file
    from dpia.produce import prepare
    from tests.golden import ROOT

    a = assess_file(ROOT / "samples" / "learning-platform-vendor-analytics.yaml")
    ctx = prepare(a, "processor-checklist", "en").context
    assert ctx.advice is SigningAdvice.do_not_sign  # type: ignore[attr-defined]
    assert not ctx.blocking  # type: ignore[attr-defined]  # the clauses alone would not say so
    codes = {f.finding.code for f in a.findings}
    assert {"controller-without-basis", "processor-own-purposes", "retention-unknown"} <= codes
