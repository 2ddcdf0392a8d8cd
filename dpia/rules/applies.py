"""When a question applies: the conditional questions of the questionnaire, in one place.

A form asks a conditional question only when its predicate holds (the Art. 9(2) exception
only for special-category data, the transfer impact assessment only for data leaving the EEA,
the fundamental-rights impact assessment only for a high-risk system). The predicates use the
same tables and tests as the findings and the pre-scan's follow-up (`EEA`, `tia_required`,
`follow_up`), and a test checks they agree with `follow_up` on every sample.

They read the plain data of a file (dicts and lists, as `dpia.load` gives them), not the
validated model: a form shows its questions while the file is still incomplete or invalid.
Paths name fields from the top, with "-" for "an item of this list", as `dpia.model.fields`
does; an item's predicate also receives the item.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dpia.model.enums import (
    ActRole,
    DataKind,
    FurtherUse,
    LawfulBasis,
    Outcome,
    RiskTier,
    Role,
    TransferMechanism,
)
from dpia.model.meta import Organisation
from dpia.rules.transfers import EEA, tia_required

Path = tuple[str, ...]
_DEFAULT_COUNTRY = Organisation.model_fields["country"].default  # the model's, "NL"
Predicate = Callable[[dict[str, Any], dict[str, Any]], bool]


def _get(node: Any, *keys: str) -> Any:
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _items(data: dict[str, Any], *keys: str) -> list[dict[str, Any]]:
    node = _get(data, *keys)
    return [i for i in node if isinstance(i, dict)] if isinstance(node, list) else []


def _kinds(data: dict[str, Any]) -> set[Any]:
    return {i.get("kind") for i in _items(data, "description", "personal_data")}


def _roles(party: dict[str, Any]) -> set[Any]:
    """A party's role and the roles it holds for some operations or data."""
    others = party.get("other_roles")
    scopes = others if isinstance(others, list) else []
    return {party.get("role"), *(r.get("role") for r in scopes if isinstance(r, dict))}


def _outside_eea(item: dict[str, Any]) -> bool:
    country = item.get("country")
    return isinstance(country, str) and len(country) == 2 and country not in EEA


def _needs_tia(data: dict[str, Any], item: dict[str, Any]) -> bool:
    """As the DPIA's finding and the pre-scan (`rules.transfers.tia_required`): a transfer to a
    country without adequacy on a tool that rests on the exporter's own assessment (Schrems II),
    or on no tool at all."""
    controller = _get(data, "meta", "organisation", "country") or _DEFAULT_COUNTRY
    country = item.get("country")
    try:
        mechanism = TransferMechanism(item.get("mechanism", TransferMechanism.none.value))
    except ValueError:
        return False
    if not (isinstance(controller, str) and isinstance(country, str)):
        return False
    return tia_required(controller, country, mechanism)


def needs_fria(data: dict[str, Any]) -> bool:
    """As `follow_up`: an Annex III use makes the system high-risk and asks for a FRIA."""
    return bool(_get(data, "ai", "annex_iii_uses"))


def deployer_of_high_risk(data: dict[str, Any]) -> bool:
    """As the Art. 26 finding (`checks_governance`): a deployer of a system whose tier is
    high-risk."""
    ai = _get(data, "ai")
    role = _get(ai, "act_role") or ActRole.deployer.value  # the model's default
    return _get(ai, "risk_tier") == RiskTier.high_risk.value and role == ActRole.deployer.value


def significant_decision(data: dict[str, Any]) -> bool:
    """As the Art. 22 finding: the screening marks automated decisions with legal or similarly
    significant effect as applying."""
    return _get(data, "screening", "edpb", "automated_decision_legal_effect", "applies") is True


def uses_ai(data: dict[str, Any]) -> bool:
    return _get(data, "description", "ai_system") is not None or _get(data, "ai") is not None


WHEN: dict[Path, Predicate] = {
    # Part A: details asked per item
    ("description", "personal_data", "-", "special_category"): lambda d, i: (
        i.get("kind") == DataKind.special.value
    ),
    ("description", "personal_data", "-", "national_id"): lambda d, i: (
        i.get("kind") == DataKind.national_id.value
    ),
    ("description", "data_subjects", "-", "age_range"): lambda d, i: i.get("minors") is True,
    ("description", "data_subjects", "-", "vulnerability"): lambda d, i: (
        i.get("vulnerable") is True
    ),
    ("description", "locations", "-", "mechanism"): lambda d, i: _outside_eea(i),
    ("description", "locations", "-", "tia_done"): lambda d, i: _needs_tia(d, i),
    ("description", "locations", "-", "mechanism_other"): lambda d, i: (
        i.get("mechanism") == TransferMechanism.other.value
    ),
    ("description", "locations", "-", "measures"): lambda d, i: _outside_eea(i),
    # Part B: Art. 9(2) and the national numbers only when such data are processed
    ("lawfulness", "special_categories"): lambda d, i: DataKind.special.value in _kinds(d),
    ("lawfulness", "criminal_data"): lambda d, i: DataKind.criminal.value in _kinds(d),
    ("lawfulness", "national_identifiers"): lambda d, i: DataKind.national_id.value in _kinds(d),
    ("lawfulness", "lawful_bases", "-", "consent_by"): lambda d, i: (
        i.get("basis") == LawfulBasis.consent.value
    ),
    ("lawfulness", "lawful_bases", "-", "legal_provision"): lambda d, i: (
        i.get("basis") in (LawfulBasis.legal_obligation.value, LawfulBasis.public_task.value)
    ),
    ("lawfulness", "lawful_bases", "-", "subjects"): lambda d, i: (
        i.get("basis") == LawfulBasis.consent.value
    ),
    # Art. 22: asked where the screening finds a decision with legal or similar effect
    ("lawfulness", "automated_decision"): lambda d, i: significant_decision(d),
    ("lawfulness", "automated_decision", "exception"): lambda d, i: (
        _get(d, "lawfulness", "automated_decision", "human_involvement") is False
    ),
    ("lawfulness", "automated_decision", "safeguards"): lambda d, i: (
        _get(d, "lawfulness", "automated_decision", "human_involvement") is False
    ),
    ("lawfulness", "further_processing", "-", "legal_provision"): lambda d, i: (
        i.get("assessment") == FurtherUse.permitted_by_law.value
    ),
    # AI: the AI Act section when an AI system is used; Art. 26 and 27 for high-risk systems
    ("ai",): lambda d, i: uses_ai(d),
    ("ai", "fria_done"): lambda d, i: needs_fria(d),
    ("ai", "fria"): lambda d, i: needs_fria(d),
    ("ai", "deployer_duties"): lambda d, i: deployer_of_high_risk(d),
    # A member's marks on a central assessment: asked in an overlay that has begun them
    ("central",): lambda d, i: "central" in d,
    # Consultation: the follow-up questions of an answer
    ("consultation", "dpo_advice", "why_not"): lambda d, i: (
        _get(d, "consultation", "dpo_advice", "followed") is False
    ),
    ("consultation", "views", "why_not"): lambda d, i: (
        _get(d, "consultation", "views", "asked") is False
    ),
    ("consultation", "views", "who"): lambda d, i: (
        _get(d, "consultation", "views", "asked") is not False
    ),
    ("consultation", "views", "summary"): lambda d, i: (
        _get(d, "consultation", "views", "asked") is not False
    ),
    ("consultation", "decision", "conditions"): lambda d, i: (
        _get(d, "consultation", "decision", "outcome") == Outcome.proceed_with_conditions.value
    ),
    # A party's Art. 26 arrangement for a joint controller, its Art. 28 agreement for a
    # processor (in any of its roles); an answer already given stays shown.
    ("description", "parties", "-", "arrangement"): lambda d, i: (
        Role.joint_controller.value in _roles(i) or "arrangement" in i
    ),
    ("description", "parties", "-", "agreement"): lambda d, i: (
        bool(_roles(i) & {Role.processor.value, Role.sub_processor.value}) or "agreement" in i
    ),
    # The knowledge-security check (its paths do not meet a DPIA's). An answer already given
    # is always shown, so that nothing in the file is hidden.
    ("field", "dual_use_categories"): lambda d, i: (
        _get(d, "field", "dual_use") is True or bool(_get(d, "field", "dual_use_categories"))
    ),
    ("field", "export_check"): lambda d, i: (
        _get(d, "field", "dual_use") is True
        or _get(d, "field", "military_end_use") is True
        or _get(d, "field", "export_check") is not None
    ),
    ("partners", "-", "ties_explained"): lambda d, i: (
        i.get("ties") not in (None, "none_found") or "ties_explained" in i
    ),
    ("decision", "committee"): lambda d, i: (
        _get(d, "decision", "verdict") == "refer" or _get(d, "decision", "committee") is not None
    ),
}


def _when_exchanged(key: str) -> Predicate:
    return lambda d, i: (
        _get(d, "personal_data", "exchanged") is True or _get(d, "personal_data", key) is not None
    )


for _answer in ("description", "dpia_file", "transfer_analysis"):
    WHEN[("personal_data", _answer)] = _when_exchanged(_answer)


def applies(path: Path, data: dict[str, Any], item: dict[str, Any] | None = None) -> bool:
    """Whether the question at `path` is asked, given the answers so far."""
    predicate = WHEN.get(path)
    return True if predicate is None else predicate(data, item or {})


def transfer_needs_tia(data: dict[str, Any]) -> bool | None:
    """The pre-scan's TIA advice from plain data (None: no locations given yet)."""
    locations = _items(data, "description", "locations")
    return any(_needs_tia(data, loc) for loc in locations) if locations else None
