"""Part A of the Model DPIA Rijksdienst (points 1-10): what is processed, by whom, where."""

from __future__ import annotations

from typing import Any

from pydantic import Field, StrictBool, StrictInt, model_validator

from dpia.load.problems import N_, Refusal
from dpia.model.base import PUBLIC, Country, Id, Name, Strict, TextValue, items
from dpia.model.enums import (
    DataKind,
    NationalId,
    Role,
    ServiceKind,
    SpecialCategory,
    ToolPicker,
    TransferMechanism,
)
from dpia.model.meta import Contact


class AiSystem(Strict):
    name: Name = Field(description="Product name of the AI system.")
    vendor: Name = Field(description="Who offers it.")
    model: Name | None = Field(None, description="Underlying model, e.g. a named LLM.")
    service: ServiceKind = Field(
        description="public: a consumer service anyone can use; private: a contracted instance."
    )
    inputs_train_model: StrictBool = Field(
        description="Whether inputs are used to train the model."
    )
    tool_picker: ToolPicker = Field(
        ToolPicker.unlisted, description="Status in the institution's AI tool picker."
    )
    description: TextValue | None = Field(None, description="What the system does.")


OPERATIONS_HELP = (
    "Ids of the processing operations this concerns (description.operations); leave out when "
    "it concerns every operation, or when there is one operation only."
)


def operation_ids() -> Any:
    return items(OPERATIONS_HELP)


class Operation(Strict):
    """One processing operation: the spine the Rijksmodel repeats purposes, parties, legal
    framework, retention and lawful basis along (points 3, 5, 6, 9, 10, 11)."""

    id: Id
    name: Name | None = Field(None, description="A short name of the operation.")
    description: TextValue = Field(description="A processing operation (collect, store, ...).")


class Purpose(Strict):
    id: Id
    description: TextValue = Field(description="What the processing is for.")
    public: TextValue | None = Field(
        None,
        description="For the privacy addendum: this purpose in plain words for the people"
        " concerned.",
        json_schema_extra=PUBLIC,
    )
    operations: list[Id] = operation_ids()


class ProposalImage(Strict):
    """Rijksmodel 1.2: an image of the proposal, embedded in the DPIA like the logo."""

    file: Name = Field(
        description="A PNG or SVG file, relative to this questionnaire and inside its folder."
    )
    title: Name | None = Field(None, description="The image's title.")
    description: TextValue | None = Field(None, description="What the image shows.")
    source: Name | None = Field(None, description="Where the image comes from.")


class AgeRange(Strict):
    min: StrictInt = Field(ge=0, le=120, description="Youngest age.")
    max: StrictInt = Field(ge=0, le=120, description="Oldest age.")

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.min > self.max:
            raise Refusal(N_("min is greater than max"))
        return self


class DataSubject(Strict):
    id: Id
    name: TextValue | None = Field(
        None,
        description="A short name for tables, e.g. 'Candidates'; else the category is shown.",
        json_schema_extra=PUBLIC,
    )
    category: TextValue = Field(
        description="Who they are, e.g. pupils of years 1-3.", json_schema_extra=PUBLIC
    )
    minors: StrictBool = Field(False, description="Whether they include children under 18.")
    age_range: AgeRange | None = Field(None, description="Ages, where minors are involved.")
    staff: StrictBool = Field(
        False, description="Whether they are the organisation's own staff (an employer's power)."
    )
    learners: StrictBool | None = Field(
        None,
        description="Whether they are the organisation's own pupils or students (not bystanders"
        " or relatives); left out: assumed for minors at a primary or secondary school.",
    )
    vulnerable: StrictBool = Field(False, description="Whether they form a vulnerable group.")
    vulnerability: TextValue | None = Field(None, description="In what way they are vulnerable.")
    approximate_number: StrictInt | None = Field(
        None, ge=0, le=100_000_000, description="About how many people."
    )


class DataCategory(Strict):
    id: Id
    name: TextValue = Field(description="The category of personal data.", json_schema_extra=PUBLIC)
    kind: DataKind = Field(description="ordinary, sensitive, special, criminal or national_id.")
    special_category: SpecialCategory | None = Field(
        None, description="The Art. 9(1) category, when kind is special."
    )
    national_id: NationalId | None = Field(None, description="Which number, when national_id.")
    category: Name | None = Field(
        None, description="The category the data belong to, e.g. contact details."
    )
    source: TextValue | None = Field(
        None, description="Where the data come from.", json_schema_extra=PUBLIC
    )
    original_purpose: TextValue | None = Field(
        None, description="The purpose for which the data were originally collected."
    )
    provided_by: Name | None = Field(
        None,
        description="When the data come from another party: which party provides them "
        "(Rijksmodel: verstrekker).",
    )
    source_system: Name | None = Field(
        None, description="When provided by another party: the system or platform they come from."
    )
    provision_basis: TextValue | None = Field(
        None, description="When provided by another party: the legal ground for providing them."
    )
    subjects: list[Id] = items("Ids of the data subjects concerned.")
    operations: list[Id] = operation_ids()
    retention: TextValue | None = Field(None, description="How long the data are kept.")
    retention_unknown: StrictBool = Field(
        False,
        description="The retention period is not known (e.g. the vendor does not say); "
        "`retention` may explain what is known.",
    )
    service_generated: StrictBool = Field(
        False,
        description="Diagnostic, telemetry or other data the service generates about its use "
        "(not data the organisation or the people enter).",
    )
    access_answerable: StrictBool | None = Field(
        None,
        description="Whether an access request (Art. 15) for these data can be answered in full.",
    )

    @model_validator(mode="after")
    def _kind_details(self) -> DataCategory:
        if self.kind is DataKind.special and self.special_category is None:
            message = N_("kind is special: give special_category (the Art. 9(1) category)")
            raise Refusal(message)
        if self.kind is DataKind.national_id and self.national_id is None:
            raise Refusal(N_("kind is national_id: give national_id (bsn, pgn or other)"))
        return self


class RoleScope(Strict):
    """A further role of a party, for part of the processing: e.g. a processor for the core
    service that is an independent controller for a feature it runs for its own purposes."""

    role: Role = Field(description="The role it holds for this part.")
    feature: TextValue | None = Field(
        None, description="The feature or service this role concerns, e.g. web-search grounding."
    )
    operations: list[Id] = items("Ids of the operations concerned (description.operations).")
    data: list[Id] = items("Ids of the data categories concerned (description.personal_data).")
    legal_basis: TextValue | None = Field(
        None,
        description="Controllers: the legal ground on which this party uses data the "
        "organisation provides.",
    )
    agreement: StrictBool | None = Field(
        None,
        description="Processors and sub-processors: whether an agreement (Art. 28(3)) covers "
        "this part.",
    )


class JointArrangement(Strict):
    """The arrangement between joint controllers (Art. 26)."""

    in_place: StrictBool = Field(description="Whether the Art. 26 arrangement exists.")
    essence_available: StrictBool = Field(
        False, description="Whether its essence is made available to the people concerned."
    )
    reference: Name | None = Field(None, description="Where it is, e.g. its title and date.")


class Party(Strict):
    id: Id
    name: Name = Field(description="Name of the organisation.")
    role: Role = Field(description="Its role under the AVG/GDPR.")
    country: Country = Field(description="Where it is established.")
    agreement: StrictBool | None = Field(
        None,
        description="Processors: whether a processor agreement (Art. 28(3)) is in place; "
        "sub-processors: whether the processor's agreement with them is known to exist.",
    )
    description: TextValue | None = Field(None, description="What it does in the processing.")
    operations: list[Id] = operation_ids()
    functions: TextValue | None = Field(
        None, description="The functions or departments within this party that get access."
    )
    data: list[Id] = items(
        "Ids of the data categories this party gets access to (description.personal_data)."
    )
    subjects: list[Id] = items(
        "Ids of the data subjects whose data it gets access to (description.data_subjects)."
    )
    interests: TextValue | None = Field(
        None, description="This party's interests in the processing (Rijksmodel 7)."
    )
    other_roles: list[RoleScope] = items(
        "Further roles of this party, each for some operations or data (a processor can be an "
        "independent or joint controller for a feature)."
    )
    arrangement: JointArrangement | None = Field(
        None, description="Joint controllers: the arrangement with this party (Art. 26)."
    )
    roles_disputed: TextValue | None = Field(
        None,
        description="Where the roles recorded here are disputed (by the party, or in the "
        "assessment's own view): what is disputed.",
    )
    engaged_by: Id | None = Field(
        None,
        description="Sub-processors: the id of the processor that engages it "
        "(description.parties); its agreement and letter list it.",
    )
    address: Name | None = Field(None, description="Postal address (for the supplier letter).")
    contact: Contact | None = Field(
        None, description="Whom the supplier letter is addressed to at this party."
    )

    def roles(self) -> list[Role]:
        return [self.role, *(s.role for s in self.other_roles)]


class Location(Strict):
    id: Id
    country: Country = Field(description="Where data are stored or accessed from.")
    description: TextValue | None = Field(None, description="What happens there, and by whom.")
    mechanism: TransferMechanism = Field(
        TransferMechanism.none, description="Transfer mechanism when outside the EEA."
    )
    mechanism_other: Name | None = Field(
        None, description="For mechanism other: which mechanism is relied on."
    )
    measures: TextValue | None = Field(
        None,
        description="Supplementary measures for this transfer (e.g. encryption with keys kept "
        "in the EEA), as EDPB Recommendations 01/2020 describe them.",
    )
    tia_done: StrictBool = Field(
        False, description="Whether a transfer impact assessment was done."
    )
    operations: list[Id] = operation_ids()


class LegalFramework(Strict):
    """Rijksmodel 9: a law, regulation or policy that bears on the processing."""

    name: TextValue = Field(description="The law, regulation or policy.")
    articles: Name | None = Field(None, description="The articles that concern the processing.")
    operations: list[Id] = operation_ids()


class RetentionPeriod(Strict):
    """Rijksmodel 10: how long data are kept, per operation and purpose."""

    period: TextValue = Field(description="How long the data are kept, or archived.")
    motivation: TextValue | None = Field(
        None,
        description="Why this is no longer than strictly necessary for the purposes, and who "
        "oversees deletion or archiving at the end.",
    )
    operations: list[Id] = operation_ids()
    purposes: list[Id] = items("Ids of the purposes concerned (description.purposes).")
    subjects: list[Id] = items("Ids of the data subjects concerned (description.data_subjects).")
    data: list[Id] = items("Ids of the data categories concerned (description.personal_data).")


class Description(Strict):
    proposal: TextValue | None = Field(None, description="1 The proposal and its context.")
    proposal_images: list[ProposalImage] = items(
        "1 Images of the proposal (local PNG or SVG files), each with a title, description and "
        "source."
    )
    operations: list[Operation] = items("3 Processing operations.")
    data_flow_diagram: Name | None = Field(
        None,
        description="3 Where the diagram of the data flows is kept (a link or the name of a "
        "shared folder; it is shown as text, never fetched).",
    )
    techniques: TextValue | None = Field(None, description="4 Techniques and methods.")
    ai_system: AiSystem | None = Field(None, description="4 The AI system, if one is used.")
    purposes: list[Purpose] = items("5 Purposes of the processing.")
    data_subjects: list[DataSubject] = items("2 Whose data are processed.")
    personal_data: list[DataCategory] = items("2 Categories of personal data.")
    parties: list[Party] = items("6 Parties involved and their roles.")
    interests: TextValue | None = Field(None, description="7 Interests in the processing.")
    locations: list[Location] = items("8 Processing locations and transfers.")
    legal_framework: TextValue | None = Field(None, description="9 Legal and policy framework.")
    legal_frameworks: list[LegalFramework] = items(
        "9 Each law, regulation or policy with its articles, per operation."
    )
    retention: TextValue | None = Field(None, description="10 Retention periods in general.")
    retention_periods: list[RetentionPeriod] = items(
        "10 Retention periods per operation, purpose, data and data subjects, with their "
        "motivation."
    )
