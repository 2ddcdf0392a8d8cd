"""Parts C and D (points 16-17): the risk register and the measures, plus security."""

from __future__ import annotations

from pydantic import Field

from dpia.model.base import Date, Id, Name, Strict, TextValue, items
from dpia.model.enums import ControlStatus, FearedEvent, Level, MeasureKind, MeasureStatus, Rating


class Risk(Strict):
    id: Id
    title: TextValue = Field(description="Short name of the risk.")
    description: TextValue | None = Field(None, description="What could happen, and to whom.")
    feared_event: FearedEvent = Field(description="The kind of harm.")
    source: TextValue | None = Field(None, description="Where the risk comes from.")
    affected_rights: list[TextValue] = items("Rights and freedoms affected.")
    likelihood: Level = Field(description="Inherent likelihood (CNIL four-level scale).")
    severity: Level = Field(description="Inherent severity (CNIL four-level scale).")
    measures: list[Id] = items("Ids of the measures that address it.")
    residual_likelihood: Level = Field(description="Likelihood once the measures are in place.")
    residual_severity: Level = Field(description="Severity once the measures are in place.")


class Measure(Strict):
    id: Id
    title: TextValue = Field(description="Short name of the measure.")
    description: TextValue | None = Field(None, description="What is done.")
    kind: MeasureKind = Field(description="technical, organisational, legal or contractual.")
    status: MeasureStatus = Field(description="planned, in_progress or implemented.")
    owner: TextValue | None = Field(None, description="Role responsible for it.")
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
