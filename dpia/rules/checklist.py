"""The processor-agreement checklist: one row per requirement, and whether to sign.

The rows follow Art. 28 AVG/GDPR: the eight points of 28(3), the sub-processor rules of
28(2) and (4), breach notification (Art. 33(2)), transfers (Chapter V) and audits; where the
Dutch education sector model is used, its annexes follow. The verdict:

- do not sign: an essential item is missing. Essential are the eight points of 28(3), the
  sub-processor rules of 28(2) and (4) (without them the supplier may engage anyone) and the
  transfer safeguards; a transfers item marked "not applicable" while data go outside the EEA
  counts as missing.
- do not sign either when the agreement leaves the processor free to use the organisation's data
  for its own purposes, or when the roles are disputed: the agreement then does not describe
  what really happens. (The 2021 Dutch education assessment of an office suite: the regulator
  advised stopping where the vendor claimed such room; "sign after changes" would mislead.)
- sign after changes: any other item is missing, covered only in part, or not yet checked.
- ready to sign: every item is present or does not apply.

Separately from the verdict, every row has a legal source: the points of Art. 28(3), 28(2)/(4),
Art. 33(2) and Chapter V are required by law whatever their status (a partial item is as much
a legal requirement as a missing one); the audit practice and the sector model's documents are
requests of the organisation. The letter marks each request with one of the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dpia.model.agreement import Clause, ProcessorAgreement
from dpia.model.base import Text
from dpia.model.description import Party
from dpia.model.enums import Art28Item, ClauseStatus, Role, SectorItem, SigningAdvice
from dpia.model.labels import N_

Item = Art28Item | SectorItem

ESSENTIAL: frozenset[Item] = frozenset(
    {
        Art28Item.a_documented_instructions,
        Art28Item.b_confidentiality,
        Art28Item.c_security,
        Art28Item.d_subprocessors,
        Art28Item.e_assist_rights,
        Art28Item.f_assist_32_36,
        Art28Item.g_delete_or_return,
        Art28Item.h_audits_information,
        Art28Item.subprocessor_authorisation,
        Art28Item.transfers,
    }
)

# Where each requirement comes from: short labels, translated by the catalogs.
SOURCES: dict[Item, str] = {
    Art28Item.a_documented_instructions: N_("Art. 28(3)(a)"),
    Art28Item.b_confidentiality: N_("Art. 28(3)(b)"),
    Art28Item.c_security: N_("Art. 28(3)(c) and Art. 32"),
    Art28Item.d_subprocessors: N_("Art. 28(3)(d)"),
    Art28Item.e_assist_rights: N_("Art. 28(3)(e) and Chapter III"),
    Art28Item.f_assist_32_36: N_("Art. 28(3)(f) and Art. 32-36"),
    Art28Item.g_delete_or_return: N_("Art. 28(3)(g)"),
    Art28Item.h_audits_information: N_("Art. 28(3)(h)"),
    Art28Item.subprocessor_authorisation: N_("Art. 28(2) and (4)"),
    Art28Item.breach_notification: N_("Art. 33(2)"),
    Art28Item.transfers: N_("Chapter V (Art. 44-49)"),
    Art28Item.audits: N_("Art. 28(3)(h) and 28(5)"),
    SectorItem.model_agreement: N_("Privacyconvenant 4.0"),
    SectorItem.privacy_annex: N_("Privacyconvenant 4.0"),
    SectorItem.security_annex: N_("Privacyconvenant 4.0"),
}

# Items whose enum label already names an article: the checklist prints the source next to the
# name, so it uses these names instead ("Security measures (Art. 28(3)(c) and Art. 32)", not
# "Security measures (Art. 32) (Art. 28(3)(c) and Art. 32)").
TITLES: dict[Item, str] = {
    Art28Item.c_security: N_("security measures"),
    Art28Item.breach_notification: N_("notice of personal data breaches"),
    Art28Item.transfers: N_("transfers outside the EEA"),
}

# Requests of the organisation rather than requirements of the GDPR: the audit practice (beyond
# the right of 28(3)(h)) and the Dutch sector model's documents.
REQUESTED: frozenset[Item] = frozenset({Art28Item.audits, *SectorItem})

_SETTLED = (ClauseStatus.present, ClauseStatus.not_applicable)


@dataclass(frozen=True)
class Row:
    """One requirement and what the questionnaire says about it (status None: not checked)."""

    item: Item
    status: ClauseStatus | None
    clause: str | None = None
    note: Text | None = None
    # The transfers item is marked not applicable, yet data go outside the EEA.
    contradicted: bool = False

    @property
    def essential(self) -> bool:
        return self.item in ESSENTIAL

    @property
    def source(self) -> str:
        return SOURCES[self.item]

    @property
    def title(self) -> str | None:
        """The item's name for the checklist where its label would repeat the source."""
        return TITLES.get(self.item)

    @property
    def required_by_law(self) -> bool:
        """The GDPR requires it (Art. 28(2)-(4), 33(2), Chapter V); otherwise it is a request."""
        return self.item not in REQUESTED

    @property
    def missing(self) -> bool:
        """Missing from the agreement (or wrongly marked not applicable), not merely partial."""
        return self.status is ClauseStatus.missing or self.contradicted

    @property
    def incomplete(self) -> bool:
        return self.status is ClauseStatus.partial

    @property
    def sector(self) -> bool:
        return isinstance(self.item, SectorItem)

    @property
    def open(self) -> bool:
        """Something to ask the supplier for before signing."""
        return self.status not in _SETTLED or self.contradicted

    @property
    def clause_expected(self) -> bool:
        """Whether the agreement should name the clause: for a GDPR item it says it covers,
        fully or in part (a missing or inapplicable item has none; the sector model's
        annexes are documents, not clauses)."""
        return not self.sector and self.status in (ClauseStatus.present, ClauseStatus.partial)

    @property
    def blocking(self) -> bool:
        """Missing and essential: the agreement cannot be signed as it is."""
        return self.essential and self.missing


def rows(agreement: ProcessorAgreement, outside_eea: bool) -> list[Row]:
    """The checklist in legal order; the sector items only where the sector model is used."""
    out = []
    for item in Art28Item:
        clause: Clause | None = getattr(agreement.clauses, item.value)
        if clause is None:
            out.append(Row(item, None))
            continue
        contradicted = (
            item is Art28Item.transfers
            and outside_eea
            and clause.status is ClauseStatus.not_applicable
        )
        out.append(Row(item, clause.status, clause.clause, clause.note, contradicted))
    if agreement.sector_model:
        annexed = {
            SectorItem.model_agreement: True,
            SectorItem.privacy_annex: agreement.privacy_annex,
            SectorItem.security_annex: agreement.security_annex,
        }
        for sector_item, present in annexed.items():
            status = ClauseStatus.present if present else ClauseStatus.missing
            out.append(Row(sector_item, status))
    return out


def stoppers(
    agreement: ProcessorAgreement, processor: Party | None, trains_models: bool = False
) -> list[str]:
    """Reasons not to sign that no single clause can show (translated where shown).
    `trains_models`: the processor is the AI system's vendor and uses its inputs to train its
    own models; that is a purpose of its own whatever the agreement says (Art. 28(10))."""
    out = []
    if agreement.own_purposes:
        out.append(N_("The agreement lets the processor use our data for purposes of its own."))
    if trains_models:
        out.append(N_("The processor uses our data to train its own models."))
    if processor is not None and processor.roles_disputed is not None:
        out.append(N_("The roles of the processor are disputed."))
    if processor is not None and any(
        s.role is Role.independent_controller and s.legal_basis is None
        for s in processor.other_roles
    ):
        out.append(N_("The processor acts as a controller over our data without a legal ground."))
    return out


def signing_advice(checklist: Sequence[Row], reasons: Sequence[str] = ()) -> SigningAdvice:
    """Do not sign with an essential item missing or a stopper; sign after changes while
    anything else is open (missing, partial or not checked); otherwise ready to sign."""
    if reasons or any(r.blocking for r in checklist):
        return SigningAdvice.do_not_sign
    if any(r.open for r in checklist):
        return SigningAdvice.after_changes
    return SigningAdvice.ready
