"""Checks on what is processed and on what grounds: Parts A and B, transfers, processors."""

from __future__ import annotations

from collections.abc import Iterator

from dpia.data.jurisdictions import AS_OF, adequate, outside_area
from dpia.model import Questionnaire
from dpia.model.agreement import ProcessorAgreement
from dpia.model.enums import (
    Art28Item,
    Classification,
    ClauseStatus,
    ConsentBy,
    DataKind,
    LawfulBasis,
    TransferMechanism,
)
from dpia.model.labels import N_
from dpia.rules.consent import above_age, asked, below_age, genuine, imbalance
from dpia.rules.finding import E, Finding, Loc, W, check
from dpia.rules.jurisdiction import seat
from dpia.rules.naming import named, named_all
from dpia.rules.parties import PROCESSOR_ROLES
from dpia.rules.transfers import needs_safeguards, needs_tia


@check
def _special_categories(q: Questionnaire) -> Iterator[Finding]:
    covered = {s.category for s in q.lawfulness.special_categories}
    for i, cat in enumerate(q.description.personal_data):
        loc: Loc = ("description", "personal_data", i)
        if cat.kind is DataKind.special and cat.special_category not in covered:
            yield Finding(
                "special-without-exception",
                E,
                (*loc, "special_category"),
                N_(
                    "special-category data ({category}) has no Art. 9(2) exception "
                    "in lawfulness.special_categories"
                ),
                {"category": cat.special_category or ""},
            )
        if cat.kind is DataKind.criminal and q.lawfulness.criminal_data is None:
            yield Finding(
                "criminal-data-unjustified",
                E,
                (*loc, "kind"),
                N_(
                    "criminal-offence data (Art. 10) without lawfulness.criminal_data "
                    "explaining the legal ground"
                ),
            )
        if cat.kind is DataKind.national_id and q.lawfulness.national_identifiers is None:
            yield Finding(
                "national-id-unjustified",
                E,
                (*loc, "national_id"),
                N_(
                    "a national identification number ({number}) is used without "
                    "lawfulness.national_identifiers naming the law that allows it"
                ),
                {"number": cat.national_id or ""},
            )
        if cat.retention is None and not cat.retention_unknown:
            yield Finding(
                "retention-missing",
                W,
                loc,
                N_("no retention period for data category {id}"),
                {"id": named(q, "data", cat.id)},
            )
        if cat.kind is DataKind.special and q.meta.classification in (
            Classification.public,
            Classification.internal,
        ):
            yield Finding(
                "special-data-classification",
                W,
                ("meta", "classification"),
                N_(
                    "special-category data are processed but the documents are classified "
                    "'{label}'; confidential is usual"
                ),
                {"label": q.meta.classification},
            )


@check
def _lawful_bases(q: Questionnaire) -> Iterator[Finding]:
    place = seat(q)
    unequal = imbalance(q)
    ages = {"age": str(place.consent_age), "source": place.consent_age_source}
    for i, lb in enumerate(q.lawfulness.lawful_bases):
        loc: Loc = ("lawfulness", "lawful_bases", i)
        consent = lb.basis is LawfulBasis.consent
        purpose = named(q, "purpose", lb.purpose)
        if consent and unequal and not genuine(lb.alternative):
            yield Finding(
                "consent-not-free",
                E,
                (*loc, "alternative"),
                N_(
                    "consent for {purpose} is not freely given: the organisation holds power "
                    "over the people asked (a public body, a school or an employer) and no "
                    "genuine alternative without detriment is recorded (EDPB 05/2020)"
                ),
                {"purpose": purpose},
            )
        # Only the people asked for consent count: bystanders in a recording are not asked,
        # so their being children does not make a parent's consent due (the voc sample).
        people = asked(q, lb) if consent else []
        young = below_age(q, people)
        if young and lb.consent_by not in (ConsentBy.parent, ConsentBy.both):
            group = named_all(q, "subject", [s.id for s in young])
            yield Finding(
                "child-consent-without-parent",
                E,
                (*loc, "consent_by"),
                # UAVG art. 5(1): below 16 the holder of parental responsibility consents, for
                # any consent; elsewhere this tool knows only the Art. 8 GDPR age, which covers
                # information-society services offered directly to a child (domain notes 2, 15).
                N_(
                    "consent for {purpose} is asked of {group}, some of them under {age}, "
                    "without a parent or guardian: under {age} the holder of parental "
                    "responsibility consents ({source})"
                )
                if q.meta.organisation.country == "NL"
                else N_(
                    "consent for {purpose} is asked of {group}, some of them under {age}, "
                    "without a parent or guardian: for an online service offered to a child, "
                    "a parent consents under {age} (Art. 8 GDPR; {source})"
                ),
                {"purpose": purpose, "group": group, **ages},
            )
        if consent and above_age(q, people) and lb.consent_by is ConsentBy.parent:
            yield Finding(
                "consent-by-parent-over-age",
                W,
                (*loc, "consent_by"),
                N_(
                    "from {age} people give consent themselves ({source}), yet only a parent "
                    "is asked; use both"
                ),
                ages,
            )
        if lb.basis is LawfulBasis.legitimate_interests and q.meta.organisation.public_body:
            yield Finding(
                "legitimate-interests-public-body",
                E,
                (*loc, "basis"),
                N_(
                    "a public body cannot rely on legitimate interests for its public task "
                    "(Art. 6(1), second subparagraph)"
                ),
            )
        if (
            lb.basis in (LawfulBasis.legal_obligation, LawfulBasis.public_task)
            and lb.legal_provision is None
        ):
            yield Finding(
                "legal-provision-missing",
                E,
                (*loc, "legal_provision"),
                N_("{basis} for {purpose} needs the statutory provision it rests on (Art. 6(3))"),
                {"basis": lb.basis, "purpose": purpose},
            )
    based = {lb.purpose for lb in q.lawfulness.lawful_bases}
    for i, p in enumerate(q.description.purposes):
        if p.id not in based:
            yield Finding(
                "purpose-without-basis",
                E,
                ("description", "purposes", i),
                N_("purpose {id} has no lawful basis in lawfulness.lawful_bases"),
                {"id": named(q, "purpose", p.id)},
            )


@check
def _transfers(q: Questionnaire) -> Iterator[Finding]:
    controller = q.meta.organisation.country
    for i, where in enumerate(q.description.locations):
        loc: Loc = ("description", "locations", i)
        params = {"country": where.country}
        outside_area_without_decision = outside_area(controller, where.country) and (
            adequate(controller, where.country) is None
        )
        if where.mechanism is TransferMechanism.adequacy and outside_area_without_decision:
            yield Finding(
                "adequacy-not-in-force",
                E,
                (*loc, "mechanism"),
                N_(
                    "no adequacy decision covers {country} (list as of {as_of}); choose "
                    "another transfer mechanism"
                ),
                {**params, "as_of": AS_OF.isoformat()},
            )
            continue
        if not needs_safeguards(controller, where):
            continue  # inside the area, or an adequate country: no SCCs or TIA needed
        if where.mechanism is TransferMechanism.none:
            yield Finding(
                "transfer-without-mechanism",
                E,
                (*loc, "mechanism"),
                N_(
                    "data go to {country}, outside the EEA and without an adequacy decision, "
                    "with no transfer mechanism (Chapter V)"
                ),
                params,
            )
        elif where.mechanism is TransferMechanism.eu_us_dpf and where.country != "US":
            yield Finding(
                "dpf-outside-us",
                E,
                (*loc, "mechanism"),
                N_(
                    "the EU-US Data Privacy Framework covers certified US organisations "
                    "only, not {country}"
                ),
                params,
            )
        elif needs_tia(controller, where) and not where.tia_done:
            yield Finding(
                "transfer-without-tia",
                W,
                (*loc, "tia_done"),
                N_(
                    "transfer to {country} relies on {mechanism} without a transfer impact "
                    "assessment (EDPB Recommendations 01/2020)"
                ),
                {**params, "mechanism": where.mechanism},
            )


@check
def _processors(q: Questionnaire) -> Iterator[Finding]:
    processors = [(i, p) for i, p in enumerate(q.description.parties) if p.role in PROCESSOR_ROLES]
    for i, party in processors:
        if party.agreement is not True:
            yield Finding(
                "processor-without-agreement",
                E if party.agreement is False else W,
                ("description", "parties", i, "agreement"),
                N_("no processor agreement (Art. 28(3)) is recorded for '{name}'"),
                {"name": party.name},
            )
    names = {p.id: p.name for p in q.description.parties if p.id}
    for where, agreement in q.agreements():
        # The first agreement is checked once there is a processor at all (as before several
        # could be recorded); a further agreement names its processor, so always.
        if where == ("processor_agreement",) and not processors:
            continue
        yield from _clauses(where, agreement, names.get(agreement.processor or ""))


def _clauses(where: Loc, agreement: ProcessorAgreement, name: str | None) -> Iterator[Finding]:
    """The Art. 28 items one agreement leaves open; the finding names the processor when the
    agreement says whose it is, so that findings on several agreements can be told apart."""
    named = {"name": name} if name else {}
    for item in type(agreement.clauses).model_fields:
        clause = getattr(agreement.clauses, item)
        loc: Loc = (*where, "clauses", item)
        params = {**named, "item": Art28Item(item)}
        if clause is None:
            yield Finding(
                "art28-item-unanswered",
                W,
                (*where, "clauses"),
                N_("not yet checked in the processor agreement with '{name}': {item}")
                if name
                else N_("not yet checked in the processor agreement: {item}"),
                params,
            )
        elif clause.status is ClauseStatus.missing:
            yield Finding(
                "art28-item-missing",
                E,
                (*loc, "status"),
                N_("the processor agreement with '{name}' does not cover: {item}")
                if name
                else N_("the processor agreement does not cover: {item}"),
                params,
            )
        elif clause.status is ClauseStatus.partial:
            yield Finding(
                "art28-item-partial",
                W,
                (*loc, "status"),
                N_("the processor agreement with '{name}' covers only in part: {item}")
                if name
                else N_("the processor agreement covers only in part: {item}"),
                params,
            )
