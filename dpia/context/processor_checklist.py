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
from dpia.rules.checklist import Row, rows, signing_advice, stoppers
from dpia.rules.transfers import NEEDS_TIA, needs_safeguards, outside


@dataclass(frozen=True)
class AgreementCheck:
    """One processor agreement measured against Art. 28."""

    processor: Party | None  # the agreement's processor, looked up in description.parties
    agreement: ProcessorAgreement
    where: str  # its place in the questionnaire: `processor_agreement`, `further_agreements.1`
    sub_processors: list[Party]
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

    @property
    def anchor(self) -> str:
        """An id for the agreement's part of the checklist."""
        return f"agreement-{self.processor.id if self.processor else 'unnamed'}"


@dataclass(frozen=True, kw_only=True)
class ProcessorChecklistContext(DocumentBase, AgreementCheck):
    # The fields of AgreementCheck are those of the selected agreement: the first by default,
    # or the one `--processor` names (the letter is made for it).
    agreements: list[AgreementCheck] = field(default_factory=list)  # every agreement, in order
    several: bool = False  # more than one agreement: a part with its own heading each
    # Processors (role processor) with no agreement of their own in the questionnaire: the
    # checklist says they are not checked here.
    other_processors: list[Party] = field(default_factory=list)


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
    return ProcessorChecklistContext(
        **vars(base),
        **vars(selected),
        agreements=checks,
        several=len(checks) > 1,
        other_processors=[
            p
            for p in base.q.description.parties
            if p.role is Role.processor and p.id not in covered
        ],
    )


def _check(
    q: Questionnaire, where: tuple[str | int, ...], agreement: ProcessorAgreement
) -> AgreementCheck:
    parties = q.description.parties
    processor = next((p for p in parties if p.id and p.id == agreement.processor), None)
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
    reasons = stoppers(agreement, processor)
    advice = signing_advice(checklist, reasons)
    return AgreementCheck(
        processor=processor,
        agreement=agreement,
        where=".".join(str(part) for part in where),
        sub_processors=[p for p in parties if p.role is Role.sub_processor],
        transfers=transfers,
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
    )
