"""The typed context of the privacy-statement addendum (`--doc privacy-addendum`): what
Art. 13 and 14 AVG/GDPR and Art. 50 of the AI Act require people to be told.

The addendum is a public document: it is made only from answers written for the people
concerned (the `public` section, each purpose's `public` text, and the fields marked public in
the model), from names and codes, and from facts derived from the answers. The assessment's
own prose never reaches it; where public text is missing, a finding says so
(dpia.rules.checks_public) and the section shows a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.context.roles import ScopeView, scopes
from dpia.data.jurisdictions import adequate
from dpia.load import Severity
from dpia.model import Text
from dpia.model.description import DataCategory, Location, Party
from dpia.model.enums import (
    DataKind,
    DecisionUse,
    Labelled,
    LawfulBasis,
    Register,
    Role,
    Sector,
)
from dpia.model.lawfulness import BasisForPurpose
from dpia.model.meta import Contact
from dpia.model.public import PublicInformation
from dpia.rules.ai_act import ai_in_scope
from dpia.rules.checks_public import addendum_applies, young_children
from dpia.rules.parties import PROCESSOR_ROLES
from dpia.rules.transfers import needs_safeguards, outside

# The parties that are the organisation itself: everyone else receives the data.
_OURSELVES = (Role.controller,)

# Whom the addendum speaks to, by sector: parents (and their children) at primary and secondary
# schools, students in vocational and higher education, staff and others elsewhere.
_AUDIENCE = {
    Sector.primary: "pupils",
    Sector.secondary: "pupils",
    Sector.vocational: "students",
    Sector.higher: "students",
}

# The register of the Dutch text, unless meta.form_of_address chooses one: students in
# vocational and higher education (16 and over) are addressed as "je", as Dutch institutions
# write to their students; parents of pupils, and staff, as "u".
_INFORMAL = frozenset({Sector.vocational, Sector.higher})


@dataclass(frozen=True)
class PurposeWithBases:
    id: str
    public: Text | None  # the purpose in words for the people concerned; None: a gap
    bases: list[BasisForPurpose]  # empty: no lawful basis recorded, shown as a gap


@dataclass(frozen=True)
class DataItem:
    category: DataCategory
    # What makes the data extra protected (Art. 9, 10, 87): the special category, or the kind
    # (criminal-offence data, a national identification number); None for other data.
    protected: Labelled | None


@dataclass(frozen=True)
class RecordEntry:
    """A legal reference for the 'for the record' block: a lawful basis and its provision."""

    basis: LawfulBasis
    provision: Text | None
    purposes: list[int]  # the numbers (from 1) of the purposes it is the basis for


@dataclass(frozen=True)
class PrivacyAddendumContext(DocumentBase):
    proceeds: bool  # False: the decision is not to proceed; the addendum says so and stops
    # A draft, or an assessment with errors: marked CONCEPT on every page, not for publication.
    concept: bool
    open_errors: int
    audience: str  # "pupils" (parents addressed), "students" or "staff"
    register: Register  # formal ("u") or informal ("je") Dutch: meta.form_of_address, or by sector
    # The language template's variant the engine renders, if any: `nl/privacy-addendum.
    # informal.html.j2` holds the Dutch prose in "je" (English has one register).
    template_variant: str | None
    for_children: bool  # people under the age of digital consent: a part for the children
    public: PublicInformation
    system_name: str | None  # the AI system's product name, if an AI system is used
    ai_block: bool  # an AI system within the AI Act: otherwise the AI block is left out
    privacy_contact: Contact | None  # where people send questions and requests
    purposes: list[PurposeWithBases]
    bases: list[LawfulBasis]  # the kinds of lawful basis relied on, in order of first use
    legitimate_interests: bool  # some purpose relies on Art. 6(1)(f)
    consent: bool  # consent is a basis for some purpose: people may withdraw it
    children: bool  # some of the people concerned are under 18
    subjects: list[Text]  # whose data, in the questionnaire's own public words
    data: list[DataItem]
    recipients: list[Party]  # processors, sub-processors, joint controllers, third parties
    scopes: dict[str, list[ScopeView]]  # party id -> its further roles
    own_task_recipients: list[Party]  # recipients that are not our processors
    # Every processor and sub-processor has a processor agreement on record: only then does
    # the addendum say that agreements are in place.
    agreements_in_place: bool
    transfers: list[Location]  # locations outside the EEA (for a UK controller: the UK and EEA)
    adequacy: dict[str, str]  # location id -> the adequacy decision that covers it
    decisions: list[DecisionUse]  # decisions about people the AI's outputs are used for
    record: list[RecordEntry]  # the legal references, printed at the end


def privacy_addendum_context(base: DocumentBase) -> PrivacyAddendumContext:
    q = base.q
    d = q.description
    bases = q.lawfulness.lawful_bases
    purposes = [
        PurposeWithBases(p.id, p.public, [b for b in bases if b.purpose == p.id])
        for p in d.purposes
    ]
    org = q.meta.organisation
    recipients = [p for p in d.parties if p.role not in _OURSELVES]
    processors = [p for p in recipients if p.role in PROCESSOR_ROLES]
    reachable = org.contact and (org.contact.email or org.contact.phone)
    errors = sum(f.where.severity is Severity.error for f in base.findings)
    register = q.meta.form_of_address or (
        Register.informal if org.sector in _INFORMAL else Register.formal
    )
    return PrivacyAddendumContext(
        **vars(base),
        proceeds=addendum_applies(q),
        concept=q.meta.status.value == "draft" or errors > 0,
        open_errors=errors,
        audience=_AUDIENCE.get(org.sector, "staff"),
        register=register,
        template_variant=register.value if register is Register.informal else None,
        for_children=young_children(q),
        public=q.public,
        system_name=d.ai_system.name if d.ai_system else None,
        ai_block=ai_in_scope(q),
        privacy_contact=org.contact if reachable else org.dpo,
        purposes=purposes,
        bases=list(dict.fromkeys(b.basis for b in bases)),
        legitimate_interests=any(b.basis is LawfulBasis.legitimate_interests for b in bases),
        consent=any(b.basis is LawfulBasis.consent for b in bases),
        children=any(s.minors for s in d.data_subjects),
        subjects=[s.category for s in d.data_subjects],
        data=[DataItem(c, _protected(c)) for c in d.personal_data],
        recipients=recipients,
        scopes=scopes(d.parties),
        own_task_recipients=[p for p in recipients if p.role not in PROCESSOR_ROLES],
        agreements_in_place=bool(processors) and all(p.agreement for p in processors),
        transfers=outside(org.country, d.locations),
        adequacy={
            loc.id: decision.decision
            for loc in outside(org.country, d.locations)
            if (decision := adequate(org.country, loc.country))
            and not needs_safeguards(org.country, loc)
        },
        decisions=q.ai.decisions_about_people if q.ai else [],
        record=_record(bases, [p.id for p in d.purposes]),
    )


def _record(bases: list[BasisForPurpose], order: list[str]) -> list[RecordEntry]:
    """One entry per lawful basis and provision, with the numbers of the purposes that rely on
    it as the addendum lists them (ids are the questionnaire's, not the reader's)."""
    grouped: dict[tuple[LawfulBasis, Text | None], list[int]] = {}
    for b in bases:
        number = order.index(b.purpose) + 1 if b.purpose in order else 0
        grouped.setdefault((b.basis, b.legal_provision), []).append(number)
    return [RecordEntry(basis, provision, ids) for (basis, provision), ids in grouped.items()]


def _protected(c: DataCategory) -> Labelled | None:
    if c.kind is DataKind.special:
        return c.special_category  # None when the category is not named: nothing to say
    if c.kind in (DataKind.criminal, DataKind.national_id):
        return c.kind
    return None
