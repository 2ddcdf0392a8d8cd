"""The typed context of the privacy-statement addendum (`--doc privacy-addendum`): what
Art. 13 and 14 AVG/GDPR and Art. 50 of the AI Act require people to be told."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.context.roles import ScopeView, scopes
from dpia.data.jurisdictions import adequate
from dpia.model.description import AiSystem, DataCategory, Location, Party, Purpose
from dpia.model.enums import DataKind, DecisionUse, Labelled, LawfulBasis, Role
from dpia.model.lawfulness import BasisForPurpose
from dpia.model.meta import Contact
from dpia.rules.ai_act import ai_in_scope
from dpia.rules.parties import PROCESSOR_ROLES
from dpia.rules.transfers import needs_safeguards, outside

# The parties that are the organisation itself: everyone else receives the data.
_OURSELVES = (Role.controller,)


@dataclass(frozen=True)
class PurposeWithBases:
    purpose: Purpose
    bases: list[BasisForPurpose]  # empty: no lawful basis recorded, shown as a gap


@dataclass(frozen=True)
class DataItem:
    category: DataCategory
    # What makes the data extra protected (Art. 9, 10, 87): the special category, or the kind
    # (criminal-offence data, a national identification number); None for other data.
    protected: Labelled | None


@dataclass(frozen=True)
class PrivacyAddendumContext(DocumentBase):
    privacy_contact: Contact | None  # where people send questions and requests
    ai_system: AiSystem | None
    ai_block: bool  # an AI system within the AI Act: otherwise the AI block is left out
    purposes: list[PurposeWithBases]
    legitimate_interests: list[PurposeWithBases]  # purposes that rely on Art. 6(1)(f)
    consent: bool  # consent is a basis for some purpose: people may withdraw it
    children: bool  # some of the people concerned are under 18
    data: list[DataItem]
    recipients: list[Party]  # processors, sub-processors, joint controllers, third parties
    scopes: dict[str, list[ScopeView]]  # party id -> its further roles
    own_task_recipients: list[Party]  # recipients that are not our processors
    transfers: list[Location]  # locations outside the EEA (for a UK controller: the UK and EEA)
    adequacy: dict[str, str]  # location id -> the adequacy decision that covers it
    decisions: list[DecisionUse]  # decisions about people the AI's outputs are used for


def privacy_addendum_context(base: DocumentBase) -> PrivacyAddendumContext:
    q = base.q
    d = q.description
    purposes = [
        PurposeWithBases(p, [b for b in q.lawfulness.lawful_bases if b.purpose == p.id])
        for p in d.purposes
    ]
    relying = [
        PurposeWithBases(
            p.purpose, [b for b in p.bases if b.basis is LawfulBasis.legitimate_interests]
        )
        for p in purposes
    ]
    org = q.meta.organisation
    recipients = [p for p in d.parties if p.role not in _OURSELVES]
    reachable = org.contact and (org.contact.email or org.contact.phone)
    return PrivacyAddendumContext(
        **vars(base),
        privacy_contact=org.contact if reachable else org.dpo,
        ai_system=d.ai_system,
        ai_block=ai_in_scope(q),
        purposes=purposes,
        legitimate_interests=[p for p in relying if p.bases],
        consent=any(b.basis is LawfulBasis.consent for b in q.lawfulness.lawful_bases),
        children=any(s.minors for s in d.data_subjects),
        data=[DataItem(c, _protected(c)) for c in d.personal_data],
        recipients=recipients,
        scopes=scopes(d.parties),
        own_task_recipients=[p for p in recipients if p.role not in PROCESSOR_ROLES],
        transfers=outside(org.country, d.locations),
        adequacy={
            loc.id: decision.decision
            for loc in outside(org.country, d.locations)
            if (decision := adequate(org.country, loc.country))
            and not needs_safeguards(org.country, loc)
        },
        decisions=q.ai.decisions_about_people if q.ai else [],
    )


def _protected(c: DataCategory) -> Labelled | None:
    if c.kind is DataKind.special:
        return c.special_category  # None when the category is not named: nothing to say
    if c.kind in (DataKind.criminal, DataKind.national_id):
        return c.kind
    return None
