"""Closed lists of the knowledge-security check, each value with its English label.

The codes of the reference tables (critical technology areas, dual-use categories) are
enums here too, so that validation names the allowed values; their labels are the tables'
names (dpia.data.knowledge_security), and a test keeps the codes equal to the tables'.
"""

from __future__ import annotations

from dpia.data.knowledge_security import CRITICAL_TECHNOLOGIES, DUAL_USE_CATEGORIES, Table
from dpia.model.enums import N_, Labelled


def _table_entry(table: Table, code: str) -> tuple[str, str]:
    """A member made from a reference table's entry: its code, and its name as the label."""
    return code, table.get(code).name


class CheckKind(Labelled):
    """The top-level `kind:` of a questionnaire file; a file without it is a DPIA."""

    dpia = "dpia", N_("data protection impact assessment")
    knowledge_security = "knowledge-security", N_("knowledge-security check")


class CollaborationType(Labelled):
    research_project = "research_project", N_("research project")
    exchange = "exchange", N_("exchange")
    phd = "phd", N_("PhD position")
    contract_research = "contract_research", N_("contract research")
    donation = "donation", N_("donation or gift")
    mou = "mou", N_("memorandum of understanding")


class PartnerType(Labelled):
    university = "university", N_("university")
    research_institute = "research_institute", N_("research institute")
    company = "company", N_("company")
    government = "government", N_("government body")
    non_profit = "non_profit", N_("non-profit organisation")
    other = "other", N_("other organisation")


class Ties(Labelled):
    """What is known of a partner's ties to military or state-security bodies."""

    none_found = "none_found", N_("none found")
    indirect = "indirect", N_("indirect ties")
    direct = "direct", N_("direct ties")
    unknown = "unknown", N_("not known")


class CriticalArea(Labelled):
    semiconductors = _table_entry(CRITICAL_TECHNOLOGIES, "semiconductors")
    artificial_intelligence = _table_entry(CRITICAL_TECHNOLOGIES, "artificial_intelligence")
    quantum = _table_entry(CRITICAL_TECHNOLOGIES, "quantum")
    biotechnologies = _table_entry(CRITICAL_TECHNOLOGIES, "biotechnologies")
    connectivity = _table_entry(CRITICAL_TECHNOLOGIES, "connectivity")
    sensing = _table_entry(CRITICAL_TECHNOLOGIES, "sensing")
    space_propulsion = _table_entry(CRITICAL_TECHNOLOGIES, "space_propulsion")
    energy = _table_entry(CRITICAL_TECHNOLOGIES, "energy")
    robotics_autonomous = _table_entry(CRITICAL_TECHNOLOGIES, "robotics_autonomous")
    materials_manufacturing = _table_entry(CRITICAL_TECHNOLOGIES, "materials_manufacturing")


class DualUseCategory(Labelled):
    cat0 = _table_entry(DUAL_USE_CATEGORIES, "cat0")
    cat1 = _table_entry(DUAL_USE_CATEGORIES, "cat1")
    cat2 = _table_entry(DUAL_USE_CATEGORIES, "cat2")
    cat3 = _table_entry(DUAL_USE_CATEGORIES, "cat3")
    cat4 = _table_entry(DUAL_USE_CATEGORIES, "cat4")
    cat5p1 = _table_entry(DUAL_USE_CATEGORIES, "cat5p1")
    cat5p2 = _table_entry(DUAL_USE_CATEGORIES, "cat5p2")
    cat6 = _table_entry(DUAL_USE_CATEGORIES, "cat6")
    cat7 = _table_entry(DUAL_USE_CATEGORIES, "cat7")
    cat8 = _table_entry(DUAL_USE_CATEGORIES, "cat8")
    cat9 = _table_entry(DUAL_USE_CATEGORIES, "cat9")


class ExportOutcome(Labelled):
    """What the export-control check concluded (Reg. (EU) 2021/821)."""

    not_listed = "not_listed", N_("no listed item involved")
    exempt = (
        "exempt",
        N_("exempt: basic research or public domain"),
    )  # basic scientific research or information in the public domain
    licence_needed = "licence_needed", N_("export licence needed")
    licence_granted = "licence_granted", N_("export licence granted")


class FlowKind(Labelled):
    knowledge = "knowledge", N_("knowledge and technology")
    data = "data", N_("data")
    samples = "samples", N_("samples and materials")
    software = "software", N_("software")
    equipment = "equipment", N_("equipment")
    people = "people", N_("people (visits, secondments)")
    access = "access", N_("access to labs, systems or data")


class Direction(Labelled):
    outgoing = "outgoing", N_("to the partner")
    incoming = "incoming", N_("from the partner")
    both = "both", N_("both ways")


class FunderType(Labelled):
    own = "own", N_("own funds")
    public = "public", N_("public research funder")
    partner = "partner", N_("the partner")
    private = "private", N_("private funder")
    foreign_state = "foreign_state", N_("foreign state body")
    military_or_security = "military_or_security", N_("military or security body")


class OpportunityKind(Labelled):
    scientific = "scientific", N_("scientific")
    societal = "societal", N_("societal")
    financial = "financial", N_("financial")


class RiskCategory(Labelled):
    """The three risks of the Nationale Leidraad Kennisveiligheid (2022)."""

    unwanted_transfer = "unwanted_transfer", N_("unwanted transfer of knowledge and technology")
    covert_influence = "covert_influence", N_("covert influence on academic freedom")
    ethical = "ethical", N_("ethical issues")


class Weight(Labelled):
    low = "low", N_("low")
    medium = "medium", N_("medium")
    high = "high", N_("high")


class KsMeasureKind(Labelled):
    access_control = "access_control", N_("access control")
    publication_review = "publication_review", N_("publication review")
    export_licence = "export_licence", N_("export licence")
    contract_clauses = "contract_clauses", N_("contract clauses")
    data_management = "data_management", N_("data management")
    due_diligence = "due_diligence", N_("due diligence on the partner")
    training = "training", N_("briefing and training")
    other = "other", N_("other measure")


class KsMeasureStatus(Labelled):
    planned = "planned", N_("planned")
    in_place = "in_place", N_("in place")


class Verdict(Labelled):
    """From least to most restrictive: the order the rules compare verdicts in."""

    proceed = "proceed", N_("proceed")
    proceed_with_measures = "proceed_with_measures", N_("proceed with measures")
    refer = "refer", N_("refer to the committee")
    do_not_proceed = "do_not_proceed", N_("do not proceed")


class CommitteeVerdict(Labelled):
    proceed = "proceed", N_("proceed")
    proceed_with_measures = "proceed_with_measures", N_("proceed with measures")
    do_not_proceed = "do_not_proceed", N_("do not proceed")
