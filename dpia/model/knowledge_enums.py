"""Closed lists of the knowledge-security check, and their English labels (catalog messages).

The codes of the reference tables (critical technology areas, dual-use categories) are
enums here too, so that validation names the allowed values; a test keeps them equal to the
tables in dpia.data.knowledge_security, which also give their labels.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from dpia.data.knowledge_security import CRITICAL_TECHNOLOGIES, DUAL_USE_CATEGORIES


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is shown."""
    return message


class CheckKind(StrEnum):
    """The top-level `kind:` of a questionnaire file; a file without it is a DPIA."""

    dpia = "dpia"
    knowledge_security = "knowledge-security"


class CollaborationType(StrEnum):
    research_project = "research_project"
    exchange = "exchange"
    phd = "phd"
    contract_research = "contract_research"
    donation = "donation"
    mou = "mou"


class PartnerType(StrEnum):
    university = "university"
    research_institute = "research_institute"
    company = "company"
    government = "government"
    non_profit = "non_profit"
    other = "other"


class Ties(StrEnum):
    """What is known of a partner's ties to military or state-security bodies."""

    none_found = "none_found"
    indirect = "indirect"
    direct = "direct"
    unknown = "unknown"


class CriticalArea(StrEnum):
    semiconductors = "semiconductors"
    artificial_intelligence = "artificial_intelligence"
    quantum = "quantum"
    biotechnologies = "biotechnologies"
    connectivity = "connectivity"
    sensing = "sensing"
    space_propulsion = "space_propulsion"
    energy = "energy"
    robotics_autonomous = "robotics_autonomous"
    materials_manufacturing = "materials_manufacturing"


class DualUseCategory(StrEnum):
    cat0 = "cat0"
    cat1 = "cat1"
    cat2 = "cat2"
    cat3 = "cat3"
    cat4 = "cat4"
    cat5p1 = "cat5p1"
    cat5p2 = "cat5p2"
    cat6 = "cat6"
    cat7 = "cat7"
    cat8 = "cat8"
    cat9 = "cat9"


class ExportOutcome(StrEnum):
    """What the export-control check concluded (Reg. (EU) 2021/821)."""

    not_listed = "not_listed"
    exempt = "exempt"  # basic scientific research or information in the public domain
    licence_needed = "licence_needed"
    licence_granted = "licence_granted"


class FlowKind(StrEnum):
    knowledge = "knowledge"
    data = "data"
    samples = "samples"
    software = "software"
    equipment = "equipment"
    people = "people"
    access = "access"


class Direction(StrEnum):
    outgoing = "outgoing"
    incoming = "incoming"
    both = "both"


class FunderType(StrEnum):
    own = "own"
    public = "public"
    partner = "partner"
    private = "private"
    foreign_state = "foreign_state"
    military_or_security = "military_or_security"


class OpportunityKind(StrEnum):
    scientific = "scientific"
    societal = "societal"
    financial = "financial"


class RiskCategory(StrEnum):
    """The three risks of the Nationale Leidraad Kennisveiligheid (2022)."""

    unwanted_transfer = "unwanted_transfer"
    covert_influence = "covert_influence"
    ethical = "ethical"


class Weight(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class KsMeasureKind(StrEnum):
    access_control = "access_control"
    publication_review = "publication_review"
    export_licence = "export_licence"
    contract_clauses = "contract_clauses"
    data_management = "data_management"
    due_diligence = "due_diligence"
    training = "training"
    other = "other"


class KsMeasureStatus(StrEnum):
    planned = "planned"
    in_place = "in_place"


class Verdict(StrEnum):
    """From least to most restrictive: the order the rules compare verdicts in."""

    proceed = "proceed"
    proceed_with_measures = "proceed_with_measures"
    refer = "refer"
    do_not_proceed = "do_not_proceed"


class CommitteeVerdict(StrEnum):
    proceed = "proceed"
    proceed_with_measures = "proceed_with_measures"
    do_not_proceed = "do_not_proceed"


ENTRIES: list[tuple[Enum, str]] = [
    (CheckKind.dpia, N_("data protection impact assessment")),
    (CheckKind.knowledge_security, N_("knowledge-security check")),
    (CollaborationType.research_project, N_("research project")),
    (CollaborationType.exchange, N_("exchange")),
    (CollaborationType.phd, N_("PhD position")),
    (CollaborationType.contract_research, N_("contract research")),
    (CollaborationType.donation, N_("donation or gift")),
    (CollaborationType.mou, N_("memorandum of understanding")),
    (PartnerType.university, N_("university")),
    (PartnerType.research_institute, N_("research institute")),
    (PartnerType.company, N_("company")),
    (PartnerType.government, N_("government body")),
    (PartnerType.non_profit, N_("non-profit organisation")),
    (PartnerType.other, N_("other organisation")),
    (Ties.none_found, N_("none found")),
    (Ties.indirect, N_("indirect ties")),
    (Ties.direct, N_("direct ties")),
    (Ties.unknown, N_("not known")),
    (ExportOutcome.not_listed, N_("no listed item involved")),
    (ExportOutcome.exempt, N_("exempt: basic research or public domain")),
    (ExportOutcome.licence_needed, N_("export licence needed")),
    (ExportOutcome.licence_granted, N_("export licence granted")),
    (FlowKind.knowledge, N_("knowledge and technology")),
    (FlowKind.data, N_("data")),
    (FlowKind.samples, N_("samples and materials")),
    (FlowKind.software, N_("software")),
    (FlowKind.equipment, N_("equipment")),
    (FlowKind.people, N_("people (visits, secondments)")),
    (FlowKind.access, N_("access to labs, systems or data")),
    (Direction.outgoing, N_("to the partner")),
    (Direction.incoming, N_("from the partner")),
    (Direction.both, N_("both ways")),
    (FunderType.own, N_("own funds")),
    (FunderType.public, N_("public research funder")),
    (FunderType.partner, N_("the partner")),
    (FunderType.private, N_("private funder")),
    (FunderType.foreign_state, N_("foreign state body")),
    (FunderType.military_or_security, N_("military or security body")),
    (OpportunityKind.scientific, N_("scientific")),
    (OpportunityKind.societal, N_("societal")),
    (OpportunityKind.financial, N_("financial")),
    (RiskCategory.unwanted_transfer, N_("unwanted transfer of knowledge and technology")),
    (RiskCategory.covert_influence, N_("covert influence on academic freedom")),
    (RiskCategory.ethical, N_("ethical issues")),
    (Weight.low, N_("low")),
    (Weight.medium, N_("medium")),
    (Weight.high, N_("high")),
    (KsMeasureKind.access_control, N_("access control")),
    (KsMeasureKind.publication_review, N_("publication review")),
    (KsMeasureKind.export_licence, N_("export licence")),
    (KsMeasureKind.contract_clauses, N_("contract clauses")),
    (KsMeasureKind.data_management, N_("data management")),
    (KsMeasureKind.due_diligence, N_("due diligence on the partner")),
    (KsMeasureKind.training, N_("briefing and training")),
    (KsMeasureKind.other, N_("other measure")),
    (KsMeasureStatus.planned, N_("planned")),
    (KsMeasureStatus.in_place, N_("in place")),
    (Verdict.proceed, N_("proceed")),
    (Verdict.proceed_with_measures, N_("proceed with measures")),
    (Verdict.refer, N_("refer to the committee")),
    (Verdict.do_not_proceed, N_("do not proceed")),
    (CommitteeVerdict.proceed, N_("proceed")),
    (CommitteeVerdict.proceed_with_measures, N_("proceed with measures")),
    (CommitteeVerdict.do_not_proceed, N_("do not proceed")),
    *[(CriticalArea(e.code), e.name) for e in CRITICAL_TECHNOLOGIES.entries],
    *[(DualUseCategory(e.code), e.name) for e in DUAL_USE_CATEGORIES.entries],
]
