"""Part B of the Model DPIA Rijksdienst (points 11-15): is the processing lawful."""

from __future__ import annotations

from pydantic import Field, StrictBool

from dpia.model.base import PUBLIC, Id, Strict, TextValue, items
from dpia.model.enums import (
    AlternativeOutcome,
    Art9Exception,
    Art22Exception,
    Art22Safeguard,
    BiometricNeed,
    ConsentBy,
    DataSubjectRight,
    FurtherUse,
    LawfulBasis,
    SpecialCategory,
)


class ConsentAlternative(Strict):
    """What someone who does not consent gets instead: consent is free only if refusing costs
    nothing (EDPB Guidelines 05/2020, paras 16-24)."""

    description: TextValue = Field(description="What is offered to those who do not consent.")
    without_detriment: StrictBool = Field(
        description="Whether refusing has no disadvantage at all (no delay, queue, cost or "
        "lesser service)."
    )


class Alternative(Strict):
    what: TextValue = Field(description="The less intrusive alternative considered.")
    less_intrusive: TextValue | None = Field(
        None, description="In what way it intrudes less on the people concerned."
    )
    outcome: AlternativeOutcome = Field(
        description="rejected, offered_alongside (people may choose it) or chosen."
    )
    why: TextValue | None = Field(None, description="Why it was rejected, or how it is offered.")


class BasisForPurpose(Strict):
    id: Id | None = Field(
        None,
        description="A short identifier, unique in its list; needed when there are several, so "
        "that an overlay can merge and mark them one by one.",
    )
    purpose: Id = Field(description="Id of the purpose (description.purposes).")
    operations: list[Id] = items(
        "Ids of the operations this basis covers (description.operations); leave out to cover "
        "the operations of its purpose."
    )
    basis: LawfulBasis = Field(description="The Art. 6(1) lawful basis.")
    justification: TextValue | None = Field(None, description="Why this basis applies.")
    balancing: TextValue | None = Field(
        None,
        description="For legitimate interests: how they were weighed against the interests and"
        " rights of the people concerned (the balancing test); left out: not yet weighed.",
    )
    legal_provision: TextValue | None = Field(
        None,
        description="The statutory provision, for legal_obligation and public_task; in each"
        " language where the documents are bilingual.",
        # A legal reference, named in the privacy addendum's "for the record" block.
        json_schema_extra=PUBLIC,
    )
    consent_by: ConsentBy | None = Field(
        None,
        description="For consent: who gives it: data_subject, parent, or both (a parent below "
        "the country's age of digital consent, the person from that age).",
    )
    subjects: list[Id] = items(
        "For consent: ids of the data subjects asked for it (description.data_subjects), e.g. "
        "the candidates but not bystanders in a recording; leave out when it is everyone "
        "whose data the purpose's operations process."
    )
    alternative: ConsentAlternative | None = Field(
        None,
        description="For consent: the genuine alternative offered to those who do not consent.",
    )


class SpecialException(Strict):
    id: Id | None = Field(
        None,
        description="A short identifier, unique in its list; needed when there are several, so "
        "that an overlay can merge and mark them one by one.",
    )
    category: SpecialCategory = Field(description="The Art. 9(1) category.")
    operations: list[Id] = items(
        "Ids of the operations that process this category (description.operations); leave out "
        "for the operations of its data categories."
    )
    exception: Art9Exception = Field(description="The Art. 9(2) exception relied on.")
    justification: TextValue | None = Field(None, description="Why the exception applies.")
    legal_provision: TextValue | None = Field(
        None,
        description="The national provision that applies, e.g. UAVG art. 30; in each language"
        " where the documents are bilingual.",
        # A legal reference, named in the privacy addendum's "for the record" block.
        json_schema_extra=PUBLIC,
    )
    alternative: ConsentAlternative | None = Field(
        None,
        description="For explicit consent: the genuine alternative offered to those who refuse.",
    )
    biometric_need: BiometricNeed | None = Field(
        None,
        description="For biometric data to identify people: why identification is needed "
        "(authentication, security or convenience).",
    )


class FurtherProcessing(Strict):
    """Rijksmodel 13: data used for another purpose than the one they were collected for."""

    purpose: TextValue = Field(description="The purpose the data are now used for.")
    original_purpose: TextValue | None = Field(
        None, description="The purpose for which the data were originally collected."
    )
    assessment: FurtherUse = Field(
        description="permitted_by_law, compatible (Art. 6(4)), incompatible or not_applicable."
    )
    legal_provision: TextValue | None = Field(
        None, description="For permitted_by_law: the statutory provision."
    )
    operations: list[Id] = items(
        "Ids of the operations concerned (description.operations); leave out for all."
    )
    data: list[Id] = items("Ids of the data categories concerned (description.personal_data).")
    subjects: list[Id] = items("Ids of the data subjects concerned (description.data_subjects).")


class RightRestriction(Strict):
    """A right restricted by a statutory exception (Rijksmodel 15)."""

    right: DataSubjectRight = Field(description="The right that is restricted.")
    basis: TextValue = Field(
        description="The statutory ground: Art. 23 GDPR with the national provision (UAVG "
        "art. 41) or a sector law, and how far the restriction goes."
    )


class Rights(Strict):
    access: TextValue | None = Field(None, description="Right of access (Art. 15).")
    rectification: TextValue | None = Field(None, description="Rectification (Art. 16).")
    erasure: TextValue | None = Field(None, description="Erasure (Art. 17).")
    restriction: TextValue | None = Field(None, description="Restriction (Art. 18).")
    portability: TextValue | None = Field(None, description="Data portability (Art. 20).")
    objection: TextValue | None = Field(None, description="Objection (Art. 21).")
    automated_decisions: TextValue | None = Field(
        None, description="Safeguards on automated decisions (Art. 22)."
    )
    information: TextValue | None = Field(
        None,
        description="How people get clear information (Art. 12-14), beside how_informed: e.g. "
        "in language children understand.",
    )
    restrictions: list[RightRestriction] = items(
        "Rights restricted by a statutory exception, each with its ground."
    )


class Transparency(Strict):
    how_informed: TextValue | None = Field(None, description="How people are informed.")
    privacy_statement_updated: StrictBool = Field(
        False, description="Whether the privacy statement covers this processing."
    )
    must_provide: TextValue | None = Field(
        None,
        description="Art. 13(2)(e): whether people must give the data (by law, by contract, or to"
        " enter into a contract), and what happens if they do not. The assessor's answer:"
        " the privacy addendum prints public.must_provide instead.",
    )
    further_purposes: TextValue | None = Field(
        None,
        description="Art. 13(3) and 14(4): a use for another purpose that is planned, and how"
        " people are told before it starts. Leave out when there is none.",
        json_schema_extra=PUBLIC,
    )


class AutomatedDecision(Strict):
    """Art. 22 GDPR: a decision with legal or similarly significant effect (the screening's
    criterion) taken without a person weighing it is barred, unless an exception of
    Art. 22(2) applies, and then only with the safeguards of Art. 22(3)."""

    human_involvement: StrictBool = Field(
        description="Whether a person with the authority and competence to change the outcome "
        "weighs each decision before it takes effect (a routine confirmation does not count)."
    )
    exception: Art22Exception | None = Field(
        None,
        description="Without human involvement: the Art. 22(2) exception relied on (contract, "
        "law, explicit_consent); leave out when there is none.",
    )
    safeguards: list[Art22Safeguard] = items(
        "The Art. 22(3) safeguards in place: human_intervention, express_view, contest."
    )


class Lawfulness(Strict):
    lawful_bases: list[BasisForPurpose] = items("11 A lawful basis for each purpose.")
    special_categories: list[SpecialException] = items("12 Art. 9(2) exception per category.")
    criminal_data: TextValue | None = Field(None, description="12 Criminal-offence data.")
    national_identifiers: TextValue | None = Field(
        None, description="12 Use of BSN, PGN or other national numbers, and its legal ground."
    )
    purpose_limitation: TextValue | None = Field(None, description="13 Purpose limitation.")
    further_processing: list[FurtherProcessing] = items(
        "13 Each use for another purpose than the original one, and how it is justified."
    )
    necessity: TextValue | None = Field(None, description="14 Why the processing is necessary.")
    proportionality: TextValue | None = Field(None, description="14 Proportionality.")
    subsidiarity: TextValue | None = Field(
        None, description="14 Less intrusive alternatives considered, and why not chosen."
    )
    alternatives: list[Alternative] = items(
        "14 Less intrusive alternatives considered, each with what became of it."
    )
    minimisation: TextValue | None = Field(None, description="Data minimisation measures.")
    accuracy: TextValue | None = Field(None, description="How data are kept accurate.")
    automated_decision: AutomatedDecision | None = Field(
        None,
        description="15 For a decision with legal or similarly significant effect (Art. 22): "
        "whether a person weighs it, and else on what exception and with what safeguards.",
    )
    rights: Rights = Field(default_factory=Rights, description="15 Data-subject rights.")
    transparency: Transparency = Field(
        default_factory=Transparency, description="How people are informed."
    )
