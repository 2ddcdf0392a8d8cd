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
from dpia.data.ai_act import transparency_references
from dpia.data.jurisdictions import adequate
from dpia.load import Severity
from dpia.model import Text
from dpia.model.description import DataCategory, Location, Party
from dpia.model.enums import (
    Art9Exception,
    DataKind,
    DecisionUse,
    Labelled,
    LawfulBasis,
    Register,
    Role,
    Sector,
    SpecialCategory,
)
from dpia.model.lawfulness import BasisForPurpose, SpecialException
from dpia.model.meta import Contact
from dpia.model.public import PublicInformation
from dpia.rules.ai_act import ai_in_scope
from dpia.rules.checks_public import addendum_applies, other_minors, young_children
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


# Findings that make a purpose's lawful basis (or a special category's exception) doubtful:
# while one is open, the addendum does not present the basis as settled but says it is not yet
# decided. Other errors (a missing agreement, a missing FRIA) do not touch the basis itself.
# A prohibited AI practice (ai.prohibited_practices) names no purpose in the model, so it cannot
# unsettle one basis: it keeps the whole text a draft (an open error) instead.
_UNSETTLING = frozenset(
    {
        "legitimate-interests-public-body",
        "consent-not-free",
        "child-consent-without-parent",
        "explicit-consent-not-free",
        "biometric-ground-unfit",
    }
)


@dataclass(frozen=True)
class PurposeWithBases:
    id: str
    public: Text | None  # the purpose in words for the people concerned; None: a gap
    bases: list[BasisForPurpose]  # empty: no lawful basis recorded, shown as a gap
    # An open error puts its basis in doubt (_UNSETTLING): shown as not yet decided.
    unsettled: bool = False


@dataclass(frozen=True)
class SpecialEntry:
    """A special category of data with its Art. 9(2) exception, for the record block."""

    category: SpecialCategory
    exception: Art9Exception
    provision: Text | None  # the national provision (UAVG art. 30), where recorded
    unsettled: bool  # an open error puts the exception in doubt: "not yet decided"


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
    unsettled: bool = False  # an open error puts the basis in doubt: "not yet decided"


@dataclass(frozen=True)
class PrivacyAddendumContext(DocumentBase):
    proceeds: bool  # False: the decision is not to proceed; the addendum says so and stops
    # A draft, an assessment with errors, or a language the answers are not written in:
    # marked CONCEPT on every page, not for publication.
    concept: bool
    open_errors: int
    # The document's language is not in meta.languages: the public texts print in another
    # language, so the text cannot be published in this one (checks_public warns about it).
    language_missing: bool
    audience: str  # "pupils" (parents addressed), "students" or "staff"
    register: Register  # formal ("u") or informal ("je") Dutch: meta.form_of_address, or by sector
    # The language template's variant the engine renders, if any: `nl/privacy-addendum.
    # informal.html.j2` holds the Dutch prose in "je" (English has one register).
    template_variant: str | None
    # The organisation's own learners under its country's age of digital consent: a part
    # written for them (checks_public.young_children).
    for_children: bool
    # Children who are not the organisation's learners (a sibling in the room): one line.
    bystander_children: bool
    public: PublicInformation
    system_name: str | None  # the AI system's product name, if an AI system is used
    ai_block: bool  # an AI system within the AI Act: otherwise the AI block is left out
    privacy_contact: Contact | None  # where people send questions and requests
    purposes: list[PurposeWithBases]
    bases: list[LawfulBasis]  # the kinds of lawful basis relied on, in order of first use
    legitimate_interests: bool  # some purpose relies on Art. 6(1)(f)
    # Every legitimate interest relied on has its balancing test recorded: only then does the
    # addendum say the interests were weighed against the reader's.
    interests_weighed: bool
    # Consent (Art. 6(1)(a)) or explicit consent (Art. 9(2)(a)) is relied on: it may be withdrawn.
    consent: bool
    explicit_consent: list[SpecialCategory]  # categories that rest on explicit consent
    # Art. 20 applies only to processing based on consent or a contract.
    portability: bool
    special: list[SpecialEntry]  # each special category with its Art. 9(2) exception
    children: bool  # parents are addressed for their children (the same as for_children)
    subjects: list[Text]  # whose data, in the questionnaire's own public words
    data: list[DataItem]
    recipients: list[Party]  # processors, sub-processors, joint controllers, third parties
    scopes: dict[str, list[ScopeView]]  # party id -> its further roles
    own_task_recipients: list[Party]  # recipients that are not our processors
    # The AI vendor, when the system's inputs train its models (ai_system.inputs_train_model):
    # a purpose of its own, which the addendum names beside the rule that processors use data
    # only for ours. (A party with a further role of its own says so in the list of recipients.)
    trains_vendor: str | None
    # Sub-processors are bound by the processor, not by us (Art. 28(4)): the agreement sentence
    # says so when there are any.
    sub_processors: bool
    # Every processor and sub-processor has a processor agreement on record: only then does
    # the addendum say that agreements are in place.
    agreements_in_place: bool
    transfers: list[Location]  # locations outside the EEA (for a UK controller: the UK and EEA)
    adequacy: dict[str, str]  # location id -> the adequacy decision that covers it
    decisions: list[DecisionUse]  # decisions about people the AI's outputs are used for
    record: list[RecordEntry]  # the legal references, printed at the end
    # The AI Act provisions behind the AI block, by risk tier and practice (dpia.data.ai_act).
    ai_references: list[str]


def privacy_addendum_context(base: DocumentBase) -> PrivacyAddendumContext:
    q = base.q
    d = q.description
    bases = q.lawfulness.lawful_bases
    doubtful = _doubtful(base)
    unsettled = {b.purpose for i, b in enumerate(bases) if ("lawful_bases", i) in doubtful}
    purposes = [
        PurposeWithBases(p.id, p.public, [b for b in bases if b.purpose == p.id], p.id in unsettled)
        for p in d.purposes
    ]
    specials = q.lawfulness.special_categories
    interests = [b for b in bases if b.basis is LawfulBasis.legitimate_interests]
    explicit = [s.category for s in specials if s.exception is Art9Exception.a_explicit_consent]
    org = q.meta.organisation
    recipients = [p for p in d.parties if p.role not in _OURSELVES]
    processors = [p for p in recipients if p.role in PROCESSOR_ROLES]
    reachable = org.contact and (org.contact.email or org.contact.phone)
    errors = sum(f.where.severity is Severity.error for f in base.findings)
    language_missing = not base.translated
    register = q.meta.form_of_address or (
        Register.informal if org.sector in _INFORMAL else Register.formal
    )
    return PrivacyAddendumContext(
        **vars(base),
        proceeds=addendum_applies(q),
        concept=q.meta.status.value == "draft" or errors > 0 or language_missing,
        open_errors=errors,
        language_missing=language_missing,
        audience=_AUDIENCE.get(org.sector, "staff"),
        register=register,
        template_variant=register.value if register is Register.informal else None,
        for_children=young_children(q),
        bystander_children=other_minors(q),
        public=q.public,
        system_name=d.ai_system.name if d.ai_system else None,
        ai_block=ai_in_scope(q),
        privacy_contact=org.contact if reachable else org.dpo,
        purposes=purposes,
        bases=list(dict.fromkeys(b.basis for b in bases)),
        legitimate_interests=bool(interests),
        interests_weighed=bool(interests) and all(b.balancing for b in interests),
        consent=bool(explicit) or any(b.basis is LawfulBasis.consent for b in bases),
        explicit_consent=explicit,
        portability=any(b.basis in (LawfulBasis.consent, LawfulBasis.contract) for b in bases),
        special=[
            _special(s, ("special_categories", i) in doubtful) for i, s in enumerate(specials)
        ],
        # Parents read along (and act for their child) where the children part is written:
        # for the organisation's own learners under the age of digital consent.
        children=young_children(q),
        subjects=[s.category for s in d.data_subjects],
        data=[DataItem(c, _protected(c)) for c in d.personal_data],
        recipients=recipients,
        scopes=scopes(d.parties),
        own_task_recipients=[p for p in recipients if p.role not in PROCESSOR_ROLES],
        trains_vendor=d.ai_system.vendor
        if d.ai_system and d.ai_system.inputs_train_model
        else None,
        sub_processors=any(p.role is Role.sub_processor for p in processors),
        agreements_in_place=bool(processors) and all(p.agreement for p in processors),
        transfers=outside(org.country, d.locations),
        adequacy={
            loc.id: decision.decision
            for loc in outside(org.country, d.locations)
            if (decision := adequate(org.country, loc.country))
            and not needs_safeguards(org.country, loc)
        },
        decisions=q.ai.decisions_about_people if q.ai else [],
        record=_record(bases, [p.id for p in d.purposes], unsettled),
        ai_references=transparency_references(
            q.ai.risk_tier.value if q.ai and q.ai.risk_tier else None,
            [p.value for p in q.ai.prohibited_practices] if q.ai else [],
        ),
    )


def _doubtful(base: DocumentBase) -> set[tuple[str, int]]:
    """The lawful bases and special-category exceptions (by list and index) an open finding
    puts in doubt (_UNSETTLING)."""
    out = set()
    for f in base.findings:
        loc = f.finding.loc
        if f.finding.code in _UNSETTLING and len(loc) >= 3 and loc[0] == "lawfulness":
            out.add((str(loc[1]), int(loc[2])))
    return out


def _special(s: SpecialException, unsettled: bool) -> SpecialEntry:
    return SpecialEntry(s.category, s.exception, s.legal_provision, unsettled)


def _record(
    bases: list[BasisForPurpose], order: list[str], unsettled: set[str]
) -> list[RecordEntry]:
    """One entry per lawful basis and provision, with the numbers of the purposes that rely on
    it as the addendum lists them (ids are the questionnaire's, not the reader's); a basis an
    open error puts in doubt is an entry of its own, marked not yet decided."""
    grouped: dict[tuple[LawfulBasis, Text | None, bool], list[int]] = {}
    for b in bases:
        number = order.index(b.purpose) + 1 if b.purpose in order else 0
        key = (b.basis, b.legal_provision, b.purpose in unsettled)
        grouped.setdefault(key, []).append(number)
    return [RecordEntry(basis, prov, ids, doubt) for (basis, prov, doubt), ids in grouped.items()]


def _protected(c: DataCategory) -> Labelled | None:
    if c.kind is DataKind.special:
        return c.special_category  # None when the category is not named: nothing to say
    if c.kind in (DataKind.criminal, DataKind.national_id):
        return c.kind
    return None
