"""The typed context of the processor-agreement checklist (`--doc processor-checklist`)."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.data.jurisdictions import adequate
from dpia.model.description import Location, Party
from dpia.model.enums import Role, SigningAdvice
from dpia.rules.checklist import Row, rows, signing_advice, stoppers
from dpia.rules.transfers import NEEDS_TIA, needs_safeguards, outside


@dataclass(frozen=True)
class ProcessorChecklistContext(DocumentBase):
    processor: Party | None  # processor_agreement.processor, looked up in description.parties
    sub_processors: list[Party]
    other_processors: list[Party]  # processors with agreements of their own
    transfers: list[Location]  # locations outside the EEA (for a UK controller: the UK and EEA)
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


def processor_checklist_context(base: DocumentBase) -> ProcessorChecklistContext:
    q = base.q
    agreement = q.processor_agreement
    parties = q.description.parties
    processor = next((p for p in parties if p.id == agreement.processor), None)
    country = q.meta.organisation.country
    transfers = outside(country, q.description.locations)
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
    advice = signing_advice(checklist, stoppers(agreement, processor))
    return ProcessorChecklistContext(
        **vars(base),
        processor=processor,
        sub_processors=[p for p in parties if p.role is Role.sub_processor],
        other_processors=[p for p in parties if p.role is Role.processor and p is not processor],
        transfers=transfers,
        adequacy=adequacy,
        checklist=checklist,
        advice=advice,
        stoppers=stoppers(agreement, processor),
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
    )
