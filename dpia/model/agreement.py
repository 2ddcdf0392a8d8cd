"""The processor agreement (Art. 28) and the consultation and decision."""

from __future__ import annotations

from pydantic import Field, StrictBool

from dpia.model.base import Date, Id, Name, Strict, TextValue, optional
from dpia.model.enums import ClauseStatus, ConsultationOutcome, Outcome, Representative


class Clause(Strict):
    status: ClauseStatus = Field(description="present, partial, missing or not_applicable.")
    clause: Name | None = Field(None, description="Where it is in the agreement, e.g. art. 7.2.")
    note: TextValue | None = Field(None, description="Remarks, or what is lacking.")


class Clauses(Strict):
    a_documented_instructions: Clause | None = optional("28(3)(a) documented instructions.")
    b_confidentiality: Clause | None = optional("28(3)(b) confidentiality of staff.")
    c_security: Clause | None = optional("28(3)(c) Art. 32 security measures.")
    d_subprocessors: Clause | None = optional("28(3)(d) conditions for sub-processors.")
    e_assist_rights: Clause | None = optional("28(3)(e) help with data-subject rights.")
    f_assist_32_36: Clause | None = optional("28(3)(f) help with Art. 32-36.")
    g_delete_or_return: Clause | None = optional("28(3)(g) delete or return at the end.")
    h_audits_information: Clause | None = optional("28(3)(h) information and audits.")
    subprocessor_authorisation: Clause | None = optional(
        "28(2) and (4) authorisation of, and flow-down to, sub-processors."
    )
    breach_notification: Clause | None = optional("Art. 33 notice of data breaches.")
    transfers: Clause | None = optional("Chapter V transfers outside the EEA.")
    audits: Clause | None = optional("Audit rights and certifications in practice.")


class ProcessorAgreement(Strict):
    processor: Id | None = Field(None, description="Id of the processor (description.parties).")
    reference: Name | None = Field(
        None,
        description="The agreement's version or date as the supplier names it (e.g. DPA v3.2, "
        "1 March 2025); the supplier letter's subject quotes it.",
    )
    sector_model: StrictBool = Field(
        False,
        description="Whether the Model Verwerkersovereenkomst 4.0 (Privacyconvenant) is used.",
    )
    privacy_annex: StrictBool = Field(False, description="Whether a privacybijsluiter is annexed.")
    security_annex: StrictBool = Field(
        False, description="Whether a beveiligingsbijlage is annexed."
    )
    clauses: Clauses = Field(default_factory=Clauses, description="The Art. 28 items.")
    own_purposes: StrictBool = Field(
        False,
        description="Whether the agreement leaves the processor free to use the organisation's "
        "data for purposes of its own (analytics, product improvement, training).",
    )


class FurtherAgreement(ProcessorAgreement):
    """The agreement with another processor: checked like the first, so it must say whose."""

    processor: Id = Field(description="Id of the processor (description.parties).")


class DpoAdvice(Strict):
    advice: TextValue = Field(description="The DPO's advice.")
    date: Date = Field(description="Date of the advice.")
    followed: StrictBool = Field(description="Whether the advice is followed.")
    why_not: TextValue | None = Field(None, description="Why not, where it is not followed.")
    overruled_by: Name | None = Field(
        None, description="Where it is not followed: who decided so (name and role)."
    )


class Views(Strict):
    asked: StrictBool = Field(description="Whether data subjects or representatives were asked.")
    who: list[Representative] = Field(
        default_factory=list, max_length=10, description="Who was asked."
    )
    summary: TextValue | None = Field(None, description="What they said.")
    why_not: TextValue | None = Field(None, description="Why they were not asked.")


class PriorConsultation(Strict):
    """The prior consultation of the supervisory authority (Art. 36), planned and as it goes."""

    planned: StrictBool = Field(description="Whether the supervisory authority will be consulted.")
    date: Date | None = Field(None, description="When it was or will be requested.")
    filed_on: Date | None = Field(None, description="The date the request was filed.")
    filed_by: Name | None = Field(None, description="Who filed it (role or name).")
    authority: Name | None = Field(None, description="The authority consulted.")
    deadline: Date | None = Field(
        None, description="When the authority's written advice is due (Art. 36(2): 8 weeks, +6)."
    )
    advice: TextValue | None = Field(None, description="The authority's advice.")
    advice_date: Date | None = Field(None, description="The date of the authority's advice.")
    outcome: ConsultationOutcome | None = Field(
        None,
        description="pending, no_objection, advice_with_conditions or advised_against.",
    )


class Decision(Strict):
    outcome: Outcome = Field(description="proceed, proceed_with_conditions or stop.")
    conditions: TextValue | None = Field(None, description="Conditions, if any.")
    rationale: TextValue | None = Field(None, description="Why.")
    accepted_by: Name | None = Field(
        None, description="Who accepted the residual risk on behalf of the organisation."
    )


class SignOff(Strict):
    role: TextValue = Field(description="Role of the signatory.")
    name: Name | None = Field(None, description="Name of the signatory.")
    date: Date | None = Field(None, description="Date signed.")


class Consultation(Strict):
    dpo_advice: DpoAdvice | None = Field(None, description="Advice of the DPO (Art. 35(2)).")
    views: Views | None = Field(None, description="Views of data subjects (Art. 35(9)).")
    prior_consultation: PriorConsultation | None = Field(
        None, description="Prior consultation of the supervisory authority (Art. 36)."
    )
    decision: Decision | None = Field(None, description="The decision on the processing.")
    sign_off: list[SignOff] = Field(
        default_factory=list, max_length=20, description="Who signs off."
    )
