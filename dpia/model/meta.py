"""Who assesses what, and the screening questions that decide whether a DPIA is needed."""

from __future__ import annotations

from pydantic import Field, StrictBool

from dpia.model.base import Country, Date, Email, Name, Strict, TextValue, optional
from dpia.model.enums import (
    BaseRegister,
    Classification,
    DigitalService,
    Frequency,
    Lang,
    Register,
    RetentionClass,
    Sector,
    Status,
)
from dpia.model.history import Version


class Contact(Strict):
    name: Name | None = Field(None, description="Name or role of the contact.")
    email: Email | None = Field(None, description="E-mail address.")
    phone: Name | None = Field(None, description="Telephone number.")


class Organisation(Strict):
    name: Name = Field(description="The controller (verwerkingsverantwoordelijke).")
    sector: Sector = Field(description="Education sector of the organisation.")
    public_body: StrictBool = Field(
        True,
        description="Whether the organisation carries out a public task (most Dutch schools, "
        "universities and colleges do); legitimate interests is then not available for it.",
    )
    country: Country = Field(
        "NL",
        description="Where the controller is established (ISO 3166-1 alpha-2, GB for the UK). "
        "It decides the supervisory authority, the age of digital consent, which countries "
        "need transfer safeguards, and which national DPIA list applies.",
    )
    address: Name | None = Field(None, description="Postal address.")
    dpo: Contact | None = Field(
        None, description="The data protection officer (functionaris gegevensbescherming, FG)."
    )
    contact: Contact | None = Field(None, description="Contact for questions about privacy.")


class Scope(Strict):
    """What the assessment covers: the reader knows what it does not answer."""

    assessed: TextValue = Field(description="What is assessed: the processing, tool and users.")
    not_assessed: TextValue | None = Field(
        None, description="What is deliberately left out, and where it is assessed instead."
    )
    documents: list[Name] = Field(
        default_factory=list,
        max_length=100,
        description="Documents examined, e.g. the processor agreement, the vendor's terms.",
    )


class Meta(Strict):
    title: TextValue = Field(description="Title of the assessment.")
    organisation: Organisation = Field(description="The controller organisation.")
    version: Name = Field(description="Version of this assessment, e.g. 1.0.")
    status: Status = Field(description="draft or final.")
    assessment_date: Date = Field(description="Date of this version; dates the documents.")
    review_date: Date | None = Field(None, description="When the assessment is reviewed next.")
    planned_start: Date | None = Field(
        None,
        description="When the processing is to start; AI Act duties are compared with it "
        "(without it, with the assessment date).",
    )
    classification: Classification = Field(
        description="Information classification label of the documents."
    )
    languages: list[Lang] = Field(
        min_length=1,
        max_length=2,
        description="The language(s) the answers are written in; plain text is in the first.",
    )
    authors: list[Name] = Field(
        default_factory=list, max_length=50, description="Who wrote the assessment."
    )
    logo: Name | None = Field(
        None, description="A PNG or SVG logo, relative to this file and inside its folder."
    )
    subject: TextValue | None = Field(None, description="One line on what is assessed.")
    form_of_address: Register | None = Field(
        None,
        description="How the Dutch privacy addendum addresses its readers: formal ('u') or "
        "informal ('je'). Default: informal in vocational and higher education (students of 16 "
        "and over), formal elsewhere (parents of pupils, staff).",
    )
    scope: Scope | None = Field(None, description="What the assessment covers and what not.")
    history: list[Version] = Field(
        default_factory=list,
        max_length=100,
        description="Earlier versions, oldest first: what changed, and the risks as rated then.",
    )


class Answer(Strict):
    applies: StrictBool = Field(description="Whether this applies to the processing.")
    reason: TextValue | None = Field(None, description="Why it does or does not apply.")


class EdpbCriteria(Strict):
    """EDPB guidelines WP248 rev.01: nine criteria pointing to a likely high risk."""

    evaluation_scoring: Answer | None = optional("Evaluation or scoring, incl. profiling.")
    automated_decision_legal_effect: Answer | None = optional(
        "Automated decisions with legal or similarly significant effect."
    )
    systematic_monitoring: Answer | None = optional("Systematic monitoring.")
    sensitive_highly_personal_data: Answer | None = optional("Sensitive or highly personal data.")
    large_scale: Answer | None = optional("Processing on a large scale.")
    matching_combining_datasets: Answer | None = optional("Matching or combining datasets.")
    vulnerable_data_subjects: Answer | None = optional(
        "Vulnerable data subjects (children, employees, patients)."
    )
    innovative_technology: Answer | None = optional("Innovative use of new technology.")
    prevents_right_or_service: Answer | None = optional(
        "The processing prevents exercising a right or using a service or contract."
    )


class ApList(Strict):
    """AP list: processing that always needs a DPIA (Stcrt. 2019, 64418)."""

    covert_investigation: Answer | None = optional("1 Covert investigation.")
    blacklists: Answer | None = optional("2 Blacklists or warning lists.")
    fraud_prevention: Answer | None = optional("3 Fraud prevention.")
    credit_scores: Answer | None = optional("4 Credit scores.")
    financial_situation: Answer | None = optional("5 Financial situation.")
    genetic_data: Answer | None = optional("6 Genetic data.")
    health_data: Answer | None = optional("7 Health data.")
    partnerships: Answer | None = optional("8 Data-sharing partnerships.")
    camera_surveillance: Answer | None = optional("9 Camera surveillance.")
    flexible_camera_surveillance: Answer | None = optional("10 Flexible camera surveillance.")
    employee_monitoring: Answer | None = optional("11 Monitoring of employees.")
    location_data: Answer | None = optional("12 Location data.")
    communication_data: Answer | None = optional("13 Communication data.")
    internet_of_things: Answer | None = optional("14 Internet of things.")
    profiling: Answer | None = optional("15 Profiling.")
    behaviour_observation_influence: Answer | None = optional(
        "16 Observing or influencing behaviour."
    )
    biometric_data: Answer | None = optional("17 Biometric data for identification.")


class Screening(Strict):
    edpb: EdpbCriteria = Field(default_factory=EdpbCriteria, description="The nine EDPB criteria.")
    ap_list: ApList = Field(default_factory=ApList, description="The 17 AP-list categories.")
    new_legislation: Answer | None = optional(
        "The processing follows from new legislation or regulation (the Rijksmodel's pre-scan "
        "then requires a DPIA)."
    )
    frequency: Frequency | None = Field(
        None, description="How often the processing takes place (for the pre-scan's risk score)."
    )
    retention_class: RetentionClass | None = Field(
        None, description="How long the data are kept, in the pre-scan's classes (risk score)."
    )
    base_registers: list[BaseRegister] = Field(
        default_factory=list,
        max_length=10,
        description="Dutch base registers the processing uses (risk score).",
    )
    digital_service: DigitalService | None = Field(
        None, description="Whether a digital service is offered or used, and by children."
    )
