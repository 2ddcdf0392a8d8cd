"""Parts C and D (points 16-17): the risk register and the measures, plus security."""

from __future__ import annotations

from pydantic import Field, model_validator

from dpia.load.problems import N_, Refusal
from dpia.model.base import Country, Date, Id, Name, Strict, TextValue, items
from dpia.model.enums import (
    ControlStatus,
    FearedEvent,
    Level,
    MeasureKind,
    MeasureStatus,
    Rating,
    RiskLevel,
)


class Risk(Strict):
    """A risk rated on the CNIL 4x4 scale (likelihood x severity), or directly as low, medium
    or high with a motivation, as national assessments publish them."""

    id: Id
    title: TextValue = Field(description="Short name of the risk.")
    description: TextValue | None = Field(None, description="What could happen, and to whom.")
    feared_event: FearedEvent = Field(description="The kind of harm.")
    source: TextValue | None = Field(None, description="Where the risk comes from.")
    affected_rights: list[TextValue] = items("Rights and freedoms affected.")
    data: list[Id] = items("Ids of the data categories the risk concerns.")
    likelihood: Level | None = Field(
        None, description="Inherent likelihood (CNIL four-level scale); or give `level`."
    )
    severity: Level | None = Field(
        None, description="Inherent severity (CNIL four-level scale); or give `level`."
    )
    level: RiskLevel | None = Field(
        None, description="The inherent level given directly (low, medium, high) instead."
    )
    level_motivation: TextValue | None = Field(
        None, description="Why the level given directly is right (required with `level`)."
    )
    likelihood_motivation: TextValue | None = Field(
        None, description="Why the likelihood is what it is (Rijksmodel: kans)."
    )
    impact_motivation: TextValue | None = Field(
        None, description="Why the impact is what it is (Rijksmodel: impact)."
    )
    measures: list[Id] = items("Ids of the measures that address it.")
    residual_likelihood: Level | None = Field(
        None, description="Likelihood once the measures are in place; or give `residual_level`."
    )
    residual_severity: Level | None = Field(
        None, description="Severity once the measures are in place; or give `residual_level`."
    )
    residual_level: RiskLevel | None = Field(
        None,
        description="The residual level given directly: low, medium, high, or unknown when it "
        "cannot be rated yet.",
    )
    residual_motivation: TextValue | None = Field(
        None, description="Why the residual level is what it is."
    )

    @model_validator(mode="after")
    def _rated(self) -> Risk:
        if self.level is None and (self.likelihood is None or self.severity is None):
            raise Refusal(N_("give likelihood and severity, or a direct level with its motivation"))
        if self.level is RiskLevel.unknown:
            raise Refusal(N_("the inherent level cannot be unknown; rate it, and motivate it"))
        if self.level is not None and self.level_motivation is None:
            raise Refusal(N_("a direct level needs level_motivation"))
        if self.residual_level is None and (
            self.residual_likelihood is None or self.residual_severity is None
        ):
            raise Refusal(
                N_(
                    "give residual_likelihood and residual_severity, or residual_level "
                    "(low, medium, high or unknown)"
                )
            )
        return self


class Measure(Strict):
    id: Id
    title: TextValue = Field(description="Short name of the measure.")
    description: TextValue | None = Field(None, description="What is done.")
    kind: MeasureKind = Field(description="technical, organisational, legal or contractual.")
    status: MeasureStatus = Field(description="planned, in_progress or implemented.")
    owner: TextValue | None = Field(None, description="Role responsible for it.")
    monitored_in: Country | None = Field(
        None,
        description="The country where the measure is monitored and evaluated (the Rijksmodel "
        "asks this where a high residual risk remains).",
    )
    due: Date | None = Field(None, description="When it is to be in place.")


class Control(Strict):
    status: ControlStatus = Field(description="in_place, partial, absent or unknown.")
    note: TextValue | None = Field(None, description="How, or what is missing.")


class Controls(Strict):
    encryption_in_transit: Control | None = Field(None, description="Encryption in transit.")
    encryption_at_rest: Control | None = Field(None, description="Encryption at rest.")
    access_control: Control | None = Field(None, description="Role-based access control.")
    mfa: Control | None = Field(None, description="Multi-factor authentication.")
    logging: Control | None = Field(None, description="Logging and monitoring of access.")
    pseudonymisation: Control | None = Field(None, description="Pseudonymisation.")
    backups: Control | None = Field(None, description="Backups and restore tests.")
    breach_procedure: Control | None = Field(None, description="Data-breach procedure.")


class Biv(Strict):
    """BIV: beschikbaarheid, integriteit, vertrouwelijkheid."""

    availability: Rating = Field(description="Availability need.")
    integrity: Rating = Field(description="Integrity need.")
    confidentiality: Rating = Field(description="Confidentiality need.")


class Security(Strict):
    controls: Controls = Field(default_factory=Controls, description="Security measures.")
    biv: Biv | None = Field(None, description="The BIV (CIA) rating.")
    certifications: list[Name] = Field(
        default_factory=list, max_length=50, description="Supplier certifications."
    )
    notes: TextValue | None = Field(None, description="Anything else about security.")
