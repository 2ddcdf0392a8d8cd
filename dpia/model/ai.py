"""AI and the AI Act, and the equality impact of the processing."""

from __future__ import annotations

from pydantic import Field, StrictBool

from dpia.model.base import Strict, TextValue
from dpia.model.enums import (
    ActRole,
    AnnexIIIUse,
    Characteristic,
    DecisionUse,
    Impact,
    ProhibitedPractice,
    RiskTier,
)


def _list(description: str):  # type: ignore[no-untyped-def]
    return Field(default_factory=list, max_length=20, description=description)


def _answer(description: str):  # type: ignore[no-untyped-def]
    return Field(None, description=description)


class DeployerDuties(Strict):
    """How a deployer of a high-risk system meets AI Act Art. 26, one answer per duty."""

    use_per_instructions: TextValue | None = _answer(
        "26(1) The system is used according to the provider's instructions for use."
    )
    oversight_people: TextValue | None = _answer(
        "26(2) Oversight by people who are competent, trained and have the authority to act."
    )
    input_data: TextValue | None = _answer(
        "26(4) Input data under the deployer's control are relevant and representative."
    )
    monitoring: TextValue | None = _answer(
        "26(5) Monitoring; suspending use and informing the provider and the authority when"
        " there is a risk; reporting serious incidents."
    )
    logs: TextValue | None = _answer("26(6) The system's logs are kept for at least six months.")
    inform_workers: TextValue | None = _answer(
        "26(7) Workers and their representatives are told before the system is used."
    )
    registration: TextValue | None = _answer(
        "26(8) Public bodies: the use is registered in the EU database."
    )
    provider_information: TextValue | None = _answer(
        "26(9) The provider's information (Art. 13) is used for this DPIA."
    )
    inform_affected: TextValue | None = _answer(
        "26(11) People are told that a high-risk system is used in decisions about them."
    )


class Fria(Strict):
    """The fundamental-rights impact assessment, element by element (AI Act Art. 27(1))."""

    processes: TextValue | None = _answer(
        "27(1)(a) The deployer's processes in which the system is used."
    )
    period_frequency: TextValue | None = _answer("27(1)(b) Period and frequency of use.")
    affected_groups: TextValue | None = _answer(
        "27(1)(c) Categories of people and groups likely to be affected."
    )
    risks_of_harm: TextValue | None = _answer(
        "27(1)(d) Specific risks of harm to them, using the provider's information."
    )
    oversight: TextValue | None = _answer("27(1)(e) How human oversight is carried out.")
    measures: TextValue | None = _answer(
        "27(1)(f) What is done when the risks materialise, including governance and complaints."
    )
    authority_notified: StrictBool = Field(
        False, description="27(3) The market-surveillance authority was told of the results."
    )


class Ai(Strict):
    human_oversight: TextValue | None = Field(
        None, description="Who reviews the outputs, and with what authority."
    )
    decisions_about_people: list[DecisionUse] = _list(
        "Decisions about people the outputs are used for (empty: none)."
    )
    act_role: ActRole = Field(ActRole.deployer, description="Role under the AI Act.")
    risk_tier: RiskTier = Field(
        description="AI Act risk tier as the assessors see it; out_of_scope when the tool is no "
        "AI system under Art. 3(1). The documents also derive it from the answers below."
    )
    general_purpose: StrictBool = Field(
        False,
        description="Whether the tool is a general-purpose AI system (e.g. a chatbot on a "
        "general-purpose model) that the organisation uses as deployer.",
    )
    annex_iii_uses: list[AnnexIIIUse] = _list("AI Act Annex III point 3 uses.")
    prohibited_practices: list[ProhibitedPractice] = _list("AI Act Art. 5 practices present.")
    fria_done: StrictBool = Field(
        False, description="Whether a fundamental-rights impact assessment (Art. 27) was done."
    )
    fria: Fria | None = Field(
        None, description="The fundamental-rights impact assessment's elements (Art. 27(1))."
    )
    deployer_duties: DeployerDuties = Field(
        default_factory=DeployerDuties,
        description="How the deployer duties of Art. 26 are met (for high-risk systems).",
    )
    transparency: TextValue | None = Field(
        None, description="How users learn they deal with AI (Art. 50)."
    )
    literacy: TextValue | None = Field(None, description="AI literacy of staff (Art. 4).")
    sustainability: TextValue | None = Field(None, description="Energy use and sustainability.")
    skills_retained: TextValue | None = Field(
        None, description="How staff keep the skills to work without the tool."
    )


class CharacteristicImpact(Strict):
    impact: Impact = Field(description="positive, neutral, negative or unknown.")
    evidence: TextValue | None = Field(None, description="What the expectation rests on.")
    mitigation: TextValue | None = Field(None, description="What is done about a negative impact.")


def _impact() -> CharacteristicImpact | None:
    return Field(None, description="Expected impact on people with this characteristic.")


class Characteristics(Strict):
    age: CharacteristicImpact | None = _impact()
    disability: CharacteristicImpact | None = _impact()
    gender_reassignment: CharacteristicImpact | None = Field(
        None, description="Impact on: gender_reassignment."
    )
    marriage_civil_partnership: CharacteristicImpact | None = Field(
        None, description="Impact on: marriage_civil_partnership."
    )
    pregnancy_maternity: CharacteristicImpact | None = Field(
        None, description="Impact on: pregnancy_maternity."
    )
    race: CharacteristicImpact | None = _impact()
    religion_or_belief: CharacteristicImpact | None = Field(
        None, description="Impact on: religion_or_belief."
    )
    sex: CharacteristicImpact | None = _impact()
    sexual_orientation: CharacteristicImpact | None = Field(
        None, description="Impact on: sexual_orientation."
    )

    def get(self, c: Characteristic) -> CharacteristicImpact | None:
        return getattr(self, c.value)  # type: ignore[no-any-return]


class Psed(Strict):
    """The three aims of the public-sector equality duty (Equality Act 2010 s.149)."""

    eliminate_discrimination: TextValue | None = Field(None, description="Aim 1.")
    advance_equality_of_opportunity: TextValue | None = Field(None, description="Aim 2.")
    foster_good_relations: TextValue | None = Field(None, description="Aim 3.")


class Equality(Strict):
    characteristics: Characteristics = Field(
        default_factory=Characteristics, description="Impact per protected characteristic."
    )
    bias: TextValue | None = Field(None, description="Bias in the tool and how it is tested.")
    accessibility: TextValue | None = Field(None, description="Accessibility of the tool.")
    psed: Psed = Field(default_factory=Psed, description="The public-sector equality duty.")
    conclusion: TextValue | None = Field(None, description="Overall conclusion.")
    actions: list[TextValue] = _list("Actions that follow.")
