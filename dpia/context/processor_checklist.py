"""The typed context of the processor-agreement checklist (`--doc processor-checklist`) and of
the letter to one supplier (`--doc supplier-letter`).

Every agreement the questionnaire records (processor_agreement, then further_agreements) is
checked on its own (`AgreementCheck`). The checklist shows them all, one part each; the letter
goes to one supplier and shows only its own agreement, so that no vendor reads another's gaps.
The fields of the selected agreement are also the context's own top-level fields (as when there
was only one agreement), so a renderer of one agreement reads them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dpia.context.common import DocumentBase
from dpia.data.jurisdictions import adequate
from dpia.model import Questionnaire
from dpia.model.agreement import ProcessorAgreement
from dpia.model.description import Location, Party
from dpia.model.enums import Role, SigningAdvice
from dpia.model.labels import N_
from dpia.rules.checklist import Row, rows, signing_advice, stoppers
from dpia.rules.transfers import NEEDS_TIA, needs_safeguards, outside


@dataclass(frozen=True)
class AgreementCheck:
    """One processor agreement measured against Art. 28."""

    processor: Party | None  # the agreement's processor, looked up in description.parties
    agreement: ProcessorAgreement
    where: str  # its place in the questionnaire: `processor_agreement`, `further_agreements.1`
    sub_processors: list[Party]  # the sub-processors it engages (`engaged_by`)
    # Locations outside the EEA (for a UK controller: the UK and EEA) this processor's work may
    # reach: those sharing an operation with it or its sub-processors, and those where either
    # side names no operation (the link is then assumed, not known: `transfers_unlinked`).
    transfers: list[Location]
    transfers_unlinked: list[Location]
    adequacy: dict[str, str]  # location id -> the adequacy decision that covers it
    checklist: list[Row]
    advice: SigningAdvice
    requests: list[Row]  # the gap list: every open row, in checklist order
    blocking: list[Row]  # essential items that are missing
    stoppers: list[str]  # reasons not to sign beyond the clauses (English, for the catalogs)
    to_change: int  # open items that do not block signing
    unchecked: list[Row]  # open items not checked against the agreement yet
    settled: int  # items present or not applicable
    transfers_needing_tia: list[Location]  # their tool rests on a transfer impact assessment
    # The agreement is already signed and falls short: the advice is to renegotiate it, since
    # "do not sign" no longer applies.
    renegotiate: bool
    signed: bool  # the processor's party records an agreement in place
    # The processor may use, or uses, our data for its own purposes (the agreement allows it,
    # or it trains its own models on the AI system's inputs): the letter asks it to stop.
    own_use: bool
    # The product the letter's subject names: the AI system's name, when this processor is its
    # vendor (`of_product`); for another processor the letter says what it is connected with.
    product: str | None
    of_product: bool

    @property
    def verdict(self) -> str:
        """The verdict's words (English, for the catalogs): a signed agreement is renegotiated
        or in order, never "do not sign" or "ready to sign"."""
        if self.renegotiate:
            return N_("renegotiate the signed agreement")
        if self.signed and self.advice is SigningAdvice.ready:
            return N_("in order (signed)")
        return ""

    @property
    def contradiction_known(self) -> bool:
        """A transfers item marked not applicable is contradicted by a transfer known to come
        from this processor's work, not only by one whose link is not recorded."""
        return any(loc not in self.transfers_unlinked for loc in self.transfers)

    @property
    def anchor(self) -> str:
        """An id for the agreement's part of the checklist."""
        return f"agreement-{self.processor.id if self.processor else 'unnamed'}"


@dataclass(frozen=True, kw_only=True)
class ProcessorChecklistContext(DocumentBase, AgreementCheck):
    # The fields of AgreementCheck are those of the selected agreement: the first by default,
    # or the one `--processor` names (the letter is made for it).
    agreements: list[AgreementCheck] = field(default_factory=list)  # every agreement, in order
    selected: AgreementCheck | None = None  # the selected agreement itself (for its properties)
    several: bool = False  # more than one agreement: a part with its own heading each
    # Processors (role processor) with no agreement of their own in the questionnaire: the
    # checklist says they are not checked here.
    other_processors: list[Party] = field(default_factory=list)
    # Sub-processors whose processor is not recorded (no `engaged_by`, or one not checked here).
    unassigned_sub_processors: list[Party] = field(default_factory=list)


class UnknownProcessor(ValueError):
    """A processor was asked for that has no agreement in the questionnaire."""


def agreement_checks(q: Questionnaire) -> list[AgreementCheck]:
    """Every agreement, checked: processor_agreement first, then further_agreements."""
    return [_check(q, where, agreement) for where, agreement in q.agreements()]


def processor_checklist_context(
    base: DocumentBase, processor: str | None = None
) -> ProcessorChecklistContext:
    """The checklist of every agreement; the top-level fields are those of `processor`'s
    agreement (a processor id), or of the first agreement when none is named."""
    checks = agreement_checks(base.q)
    selected = checks[0]
    if processor is not None:
        chosen = [c for c in checks if c.processor and c.processor.id == processor]
        if not chosen:
            known = ", ".join(c.processor.id for c in checks if c.processor and c.processor.id)
            raise UnknownProcessor(
                f"no processor agreement for '{processor}'; known: {known or 'none'}"
            )
        selected = chosen[0]
    covered = {c.processor.id for c in checks if c.processor}
    subs = [p for p in base.q.description.parties if p.role is Role.sub_processor]
    return ProcessorChecklistContext(
        **vars(base),
        **vars(selected),
        agreements=checks,
        selected=selected,
        several=len(checks) > 1,
        other_processors=[
            p
            for p in base.q.description.parties
            if p.role is Role.processor and p.id not in covered
        ],
        unassigned_sub_processors=[p for p in subs if p.engaged_by not in covered],
    )


def _check(
    q: Questionnaire, where: tuple[str | int, ...], agreement: ProcessorAgreement
) -> AgreementCheck:
    parties = q.description.parties
    processor = next((p for p in parties if p.id and p.id == agreement.processor), None)
    subs = [
        p
        for p in parties
        if p.role is Role.sub_processor and processor and p.engaged_by == processor.id
    ]
    country = q.meta.organisation.country
    transfers, unlinked = _transfers(q, processor, subs)
    adequacy = {
        loc.id: decision.decision
        for loc in transfers
        if (decision := adequate(country, loc.country)) and not needs_safeguards(country, loc)
    }
    # Transfers to an adequate country need no SCCs or TIA: only the others make a transfers
    # item marked "not applicable" a contradiction.
    checklist = rows(agreement, outside_eea=any(needs_safeguards(country, t) for t in transfers))
    requests = [r for r in checklist if r.open]
    blocking = [r for r in checklist if r.blocking]
    vendor = _is_ai_vendor(q, processor)
    ai = q.description.ai_system
    trains = vendor and ai is not None and ai.inputs_train_model
    reasons = stoppers(agreement, processor, trains)
    advice = signing_advice(checklist, reasons)
    return AgreementCheck(
        processor=processor,
        agreement=agreement,
        where=".".join(str(part) for part in where),
        sub_processors=subs,
        transfers=transfers,
        transfers_unlinked=unlinked,
        adequacy=adequacy,
        checklist=checklist,
        advice=advice,
        stoppers=reasons,
        requests=requests,
        blocking=blocking,
        to_change=len(requests) - len(blocking),
        unchecked=[r for r in requests if r.status is None],
        settled=len(checklist) - len(requests),
        transfers_needing_tia=[
            loc
            for loc in transfers
            if loc.mechanism in NEEDS_TIA and needs_safeguards(country, loc)
        ],
        renegotiate=bool(processor and processor.agreement) and advice is not SigningAdvice.ready,
        signed=bool(processor and processor.agreement),
        own_use=agreement.own_purposes or trains,
        product=ai.name if ai else None,
        of_product=vendor,
    )


def _transfers(
    q: Questionnaire, processor: Party | None, subs: list[Party]
) -> tuple[list[Location], list[Location]]:
    """The locations outside the EEA this processor's work reaches, and of those the ones whose
    link is assumed. A location belongs to a processor when it shares an operation with the
    processor or a sub-processor it engages; where the processor or the location names no
    operation, nothing tells them apart and the location is kept, as an assumed link (a letter
    then asks rather than states)."""
    every = outside(q.meta.organisation.country, q.description.locations)
    if processor is None or not processor.operations:
        return every, every
    ours = set(processor.operations).union(*(s.operations for s in subs))
    linked = [loc for loc in every if set(loc.operations) & ours]
    unlinked = [loc for loc in every if not loc.operations]
    return [loc for loc in every if loc in linked or loc in unlinked], unlinked


def _is_ai_vendor(q: Questionnaire, processor: Party | None) -> bool:
    """Whether the processor is the AI system's vendor. Where the system's inputs train its
    model, that vendor uses the organisation's data for a purpose of its own. The model names
    the vendor as text, so the party is matched by name (ignoring case and outer spaces)."""
    ai = q.description.ai_system
    if processor is None or ai is None:
        return False
    return processor.name.strip().casefold() == ai.vendor.strip().casefold()
