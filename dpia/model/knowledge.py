"""The knowledge-security check of an international collaboration (`kind: knowledge-security`).

A questionnaire of its own kind, beside the DPIA: the same file format, `extends`, strict
validation and `meta` block, other questions. It follows the Nationale Leidraad
Kennisveiligheid (2022) and the procedure of Leiden University and LUMC (from 1 March 2025):
weigh risks and opportunities with the institute director, consult the faculty's adviser,
refer unclear cases to the Knowledge Security Committee, whose verdict binds.

It judges partners, fields and contexts, never people's origin: no question asks for
anyone's nationality, and the strict model refuses such a field as unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field, StrictBool

from dpia.model.base import Country, Date, Id, Name, Strict, TextValue, items, optional
from dpia.model.knowledge_enums import (
    CollaborationType,
    CommitteeVerdict,
    CriticalArea,
    Direction,
    DualUseCategory,
    ExportOutcome,
    FlowKind,
    FunderType,
    KsMeasureKind,
    KsMeasureStatus,
    OpportunityKind,
    PartnerType,
    RiskCategory,
    Ties,
    Verdict,
    Weight,
)
from dpia.model.meta import Meta

Loc = tuple[str | int, ...]


class Collaboration(Strict):
    title: TextValue = Field(description="Name of the collaboration.")
    type: CollaborationType = Field(
        description="research_project, exchange, phd, contract_research, donation or mou."
    )
    description: TextValue = Field(description="What the collaboration is for and what it does.")
    institute: Name = Field(description="The institute (and faculty) that starts it.")
    lead: Name | None = optional("The lead researcher on our side (name or role).")
    start: Date | None = optional("When the collaboration starts.")
    end: Date | None = optional("When it ends, if it has an end date.")


class Partner(Strict):
    id: Id
    name: Name = Field(description="The partner organisation.")
    country: Country = Field(description="Country where the partner organisation is based.")
    type: PartnerType = Field(description="What kind of organisation the partner is.")
    ties: Ties = Field(
        description="Ties to military or state-security bodies: none_found, indirect, direct "
        "or unknown (e.g. a university under a defence ministry is direct)."
    )
    ties_explained: TextValue | None = optional(
        "What the ties are and how they were checked (sources, registers, trackers)."
    )
    sanctioned: StrictBool = Field(
        False,
        description="Whether the organisation itself is on an EU sanctions list "
        "(asset freeze) or an export-control end-user list.",
    )


class ExportCheck(Strict):
    outcome: ExportOutcome = Field(
        description="not_listed, exempt (basic research, public domain), licence_needed or "
        "licence_granted."
    )
    by: Name = Field(description="Who checked it (e.g. the export-control officer).")
    date: Date | None = optional("When it was checked.")
    note: TextValue | None = optional("What was checked and why it came out so.")


class ResearchField(Strict):
    description: TextValue = Field(description="The field and the technologies involved.")
    critical_areas: list[CriticalArea] = items(
        "EU critical technology areas involved (Commission Recommendation (EU) 2023/2113)."
    )
    dual_use: StrictBool = Field(
        description="Whether an item of the EU dual-use control list may be involved "
        "(goods, software or technology, Reg. (EU) 2021/821 Annex I)."
    )
    dual_use_categories: list[DualUseCategory] = items(
        "Which Annex I categories, when a dual-use item may be involved."
    )
    military_end_use: StrictBool = Field(
        description="Whether the results could have a military end use."
    )
    export_check: ExportCheck | None = optional(
        "The export-control check, when a dual-use item or a military end use may be involved."
    )


class Flow(Strict):
    what: FlowKind = Field(
        description="knowledge, data, samples, software, equipment, people or access."
    )
    direction: Direction = Field(description="outgoing (to the partner), incoming or both.")
    description: TextValue = Field(
        description="What exactly flows; for people, their role and what they get access to."
    )
    sensitive: StrictBool = Field(
        False, description="Whether what flows is sensitive (unpublished, controlled, critical)."
    )


class Funder(Strict):
    name: Name = Field(description="Who pays.")
    type: FunderType = Field(description="What kind of funder it is.")
    country: Country | None = optional("Country of the funder.")


class Funding(Strict):
    funders: list[Funder] = items("Who funds the collaboration.")
    conditions: TextValue | None = optional(
        "Conditions attached: intellectual property, confidentiality, reporting, approval."
    )


class Publication(Strict):
    free: StrictBool = Field(
        description="Whether our researchers may publish the results without the partner's "
        "or funder's approval (a short review for patents or personal data is still free)."
    )
    restrictions: TextValue | None = optional("What approval or delay the partner may impose.")


class PersonalData(Strict):
    exchanged: StrictBool = Field(description="Whether personal data are exchanged.")
    description: TextValue | None = optional("Which personal data, of whom, which way.")
    dpia_file: Name | None = optional(
        "The DPIA questionnaire of this exchange, relative to this file and inside its "
        "folder; its transfer analysis is shown in the document."
    )
    transfer_analysis: TextValue | None = optional(
        "Where the transfer outside the EEA is assessed, when there is no DPIA file."
    )


class Opportunity(Strict):
    id: Id
    kind: OpportunityKind = Field(description="scientific, societal or financial.")
    description: TextValue = Field(description="What the collaboration brings.")
    weight: Weight = Field(description="How much it weighs: low, medium or high.")


class KsRisk(Strict):
    id: Id
    category: RiskCategory = Field(
        description="unwanted_transfer, covert_influence or ethical (Nationale Leidraad)."
    )
    description: TextValue = Field(description="What could happen, and how.")
    level: Weight = Field(description="The risk before measures: low, medium or high.")
    measures: list[Id] = items("Ids of the measures that address it.")
    residual: Weight = Field(description="The risk left after the measures.")


class KsMeasure(Strict):
    id: Id
    kind: KsMeasureKind = Field(description="What kind of measure it is.")
    description: TextValue = Field(description="The measure itself.")
    owner: Name | None = optional("Who sees to it.")
    status: KsMeasureStatus = Field(description="planned or in_place.")


class Adviser(Strict):
    consulted: StrictBool = Field(
        description="Whether the faculty's knowledge-security adviser was consulted."
    )
    name: Name | None = optional("The adviser (name or role).")
    date: Date | None = optional("When.")
    advice: TextValue | None = optional("What the adviser advised.")


class SignOff(Strict):
    name: Name = Field(description="The institute director who signs.")
    date: Date = Field(description="Date of signing.")


class Committee(Strict):
    referred: Date = Field(description="When the case went to the Knowledge Security Committee.")
    verdict: CommitteeVerdict | None = optional(
        "The committee's binding verdict, once given: proceed, proceed_with_measures or "
        "do_not_proceed."
    )
    date: Date | None = optional("Date of the committee's verdict.")
    reference: Name | None = optional("The committee's case number.")
    conditions: TextValue | None = optional("Conditions the committee set.")


class Decision(Strict):
    verdict: Verdict = Field(
        description="The weighing by researcher and director: proceed, proceed_with_measures, "
        "refer (to the committee) or do_not_proceed."
    )
    reasons: TextValue = Field(description="Why: how opportunities and risks were weighed.")
    committee: Committee | None = optional("The referral, when the case went to the committee.")
    signed: SignOff | None = optional("Sign-off by the institute director.")


class KnowledgeCheck(Strict):
    """One knowledge-security check of a new international collaboration."""

    kind: Literal["knowledge-security"] = Field(
        description="Marks this file as a knowledge-security check (not a DPIA)."
    )
    base_only: StrictBool = Field(
        False, description="A base for `extends` only: batch runs do not render it by itself."
    )
    meta: Meta = Field(description="Title, organisation, version, dates, classification.")
    collaboration: Collaboration = Field(description="The collaboration.")
    partners: list[Partner] = Field(
        min_length=1, max_length=50, description="The partner organisation(s)."
    )
    field: ResearchField = Field(description="Field, technologies and export control.")
    flows: list[Flow] = items("What flows which way between us and the partners.")
    funding: Funding = Field(default_factory=Funding, description="Funding and its conditions.")
    publication: Publication = Field(description="Freedom to publish.")
    personal_data: PersonalData = Field(description="Personal data exchanged, if any.")
    opportunities: list[Opportunity] = items("What the collaboration brings.")
    risks: list[KsRisk] = items("The risks, in the three national categories.")
    measures: list[KsMeasure] = items("Measures that limit the risks.")
    adviser: Adviser | None = optional("Consultation of the knowledge-security adviser.")
    decision: Decision = Field(description="The verdict, the referral and the sign-off.")


KNOWLEDGE_ID_LISTS: list[tuple[str, ...]] = [
    ("partners",),
    ("opportunities",),
    ("risks",),
    ("measures",),
]


def knowledge_reference_errors(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """Duplicate ids, and measure ids in risks that point at nothing (on the raw data)."""
    for (key,) in KNOWLEDGE_ID_LISTS:
        seen: set[str] = set()
        for i, entry in enumerate(_entries(data, key)):
            ident = entry.get("id")
            if isinstance(ident, str) and ident in seen:
                yield (key, i, "id"), f"duplicate id '{ident}'"
            if isinstance(ident, str):
                seen.add(ident)
    known = [e["id"] for e in _entries(data, "measures") if isinstance(e.get("id"), str)]
    listed = ", ".join(known) if known else "none yet (add them under measures)"
    for i, risk in enumerate(_entries(data, "risks")):
        refs = risk.get("measures")
        for j, ref in enumerate(refs if isinstance(refs, list) else []):
            if isinstance(ref, str) and ref not in known:
                yield ("risks", i, "measures", j), f"unknown id '{ref}'; known: {listed}"


def _entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    node = data.get(key)
    return [e for e in node if isinstance(e, dict)] if isinstance(node, list) else []
