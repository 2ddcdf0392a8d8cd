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


class Ai(Strict):
    human_oversight: TextValue | None = Field(
        None, description="Who reviews the outputs, and with what authority."
    )
    decisions_about_people: list[DecisionUse] = _list(
        "Decisions about people the outputs are used for (empty: none)."
    )
    act_role: ActRole = Field(ActRole.deployer, description="Role under the AI Act.")
    risk_tier: RiskTier = Field(description="AI Act risk tier.")
    annex_iii_uses: list[AnnexIIIUse] = _list("AI Act Annex III point 3 uses.")
    prohibited_practices: list[ProhibitedPractice] = _list("AI Act Art. 5 practices present.")
    fria_done: StrictBool = Field(
        False, description="Whether a fundamental-rights impact assessment (Art. 27) was done."
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
