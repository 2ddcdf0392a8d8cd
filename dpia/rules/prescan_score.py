"""The risk score of the Rijksmodel's pre-scan (MinBZK par-dpia-form, sources/prescan.yaml,
version 2.0): points for the kinds of data, the people, the scale, frequency, retention,
transfers, base registers and a digital service used by children. A sum above 4 makes a DPIA
required, beside the AP list, two EDPB criteria and new legislation.

The pre-scan asks for the kinds of data as ticks in its own lists; here they are counted from
the questionnaire's description, which is said where it differs.
"""

from __future__ import annotations

from dataclasses import dataclass

from dpia.data.jurisdictions import outside_area
from dpia.model import Questionnaire
from dpia.model.enums import (
    BaseRegister,
    DataKind,
    DigitalService,
    Frequency,
    RetentionClass,
    TransferMechanism,
)
from dpia.model.labels import N_
from dpia.rules.transfers import NEEDS_TIA, needs_tia

# "de som van de risicoscores groter is dan 4"
THRESHOLD = 4
LARGE = 10_000  # pre-scan 1.5.1: ten thousand data subjects or more
FREQUENT = (Frequency.monthly, Frequency.more_than_monthly, Frequency.continuous)
LONG = (RetentionClass.year, RetentionClass.years)
RIJKS_DTIA = (TransferMechanism.scc, TransferMechanism.other)
# Pre-scan 5.1.2: the registers that weigh 1 (the others 0).
WEIGHTED_REGISTERS = {
    BaseRegister.bri,
    BaseRegister.brk,
    BaseRegister.brp,
    BaseRegister.brv,
    BaseRegister.woz,
    BaseRegister.hr,
}


# What each part of the score counts, as catalog messages (keys as the pre-scan names them).
PARTS = {
    "gewone_persoonsgegeven": N_("Ordinary personal data (six kinds or more)"),
    "bijzonder_persoonsgegeven": N_("Special categories of personal data"),
    "gevoelig_persoonsgegeven": N_("Sensitive personal data, criminal data, national numbers"),
    "betrokkenen": N_("Kinds of data subjects (children and vulnerable groups weigh more)"),
    "aantal_betrokkenen": N_("10,000 or more data subjects"),
    "frequentie_verwerking": N_("Processing at least monthly"),
    "bewaartermijn": N_("Data kept a year or longer"),
    "internationale_doorgifte": N_("Transfer outside the EEA (with special categories: 2)"),
    "basisregistratie": N_("Use of a base register"),
    "digitaledienst_minderjarig": N_("A digital service used by people under 18"),
}


@dataclass(frozen=True)
class RiskScore:
    parts: dict[str, int]  # the pre-scan's score keys -> points (0 where unanswered)
    # The parts whose question is not answered yet: they count 0, so the total is then only a
    # lower bound, and a total at or below the threshold does not settle the criterion.
    unanswered: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.parts.values())

    @property
    def above_threshold(self) -> bool:
        return self.total > THRESHOLD

    @property
    def lower_bound(self) -> bool:
        return bool(self.unanswered)

    @property
    def settled(self) -> bool:
        """Whether the score criterion is decided: above the threshold already, or complete."""
        return self.above_threshold or not self.unanswered


def _bands(count: int) -> int:
    """Special and sensitive data: none 0, one to six 1, more than six 2."""
    return 0 if count == 0 else 1 if count <= 6 else 2


def _subjects(q: Questionnaire) -> int:
    """Pre-scan 1.4.1: each kind of data subject once, weighted: staff 1, other adults 1,
    children under 16 3, other vulnerable groups 3; 3 points give 1, 4 or more give 2."""
    kinds: set[str] = set()
    for s in q.description.data_subjects:
        if s.staff:
            kinds.add("staff")
        elif s.minors and (s.age_range is None or s.age_range.min < 16):
            kinds.add("children")
        elif s.vulnerable:
            kinds.add("vulnerable")
        else:
            kinds.add("citizens")
    weight = {"staff": 1, "citizens": 1, "children": 3, "vulnerable": 3}
    points = sum(weight[k] for k in kinds)
    return 0 if points <= 2 else 1 if points == 3 else 2


def _transfer(q: Questionnaire) -> int:
    """Pre-scan 2.1.8: a transfer outside the EEA 1, with special categories 2. (Its expression
    also names a question "0.4.1" that the pre-scan does not ask; that term never counts there,
    so it is left out here.)"""
    country = q.meta.organisation.country
    abroad = [loc for loc in q.description.locations if outside_area(country, loc.country)]
    if not abroad:
        return 0
    special = [c for c in q.description.personal_data if c.kind is DataKind.special]
    for loc in abroad:
        ops = set(loc.operations)
        if any(not ops or not c.operations or ops & set(c.operations) for c in special):
            return 2
    return 1


def _unanswered(q: Questionnaire, people: int) -> tuple[str, ...]:
    """The parts whose answers are missing: a screening question left empty, or no data,
    people or locations described yet. A list of base registers left empty reads as none."""
    d, s = q.description, q.screening
    missing = {
        "gewone_persoonsgegeven": not d.personal_data,
        "bijzonder_persoonsgegeven": not d.personal_data,
        "gevoelig_persoonsgegeven": not d.personal_data,
        "betrokkenen": not d.data_subjects,
        "aantal_betrokkenen": people < LARGE
        and (not d.data_subjects or any(x.approximate_number is None for x in d.data_subjects)),
        "frequentie_verwerking": s.frequency is None,
        "bewaartermijn": s.retention_class is None,
        "internationale_doorgifte": not d.locations,
        "digitaledienst_minderjarig": s.digital_service is None,
    }
    return tuple(k for k in PARTS if missing.get(k, False))


def risk_score(q: Questionnaire) -> RiskScore:
    d, s = q.description, q.screening
    kinds = [c.kind for c in d.personal_data]
    special = {c.special_category for c in d.personal_data if c.kind is DataKind.special}
    # The pre-scan lists criminal data and national numbers among its "sensitive" kinds.
    sensitive = sum(
        k in (DataKind.sensitive, DataKind.criminal, DataKind.national_id) for k in kinds
    )
    people = sum(x.approximate_number or 0 for x in d.data_subjects)
    service = {DigitalService.for_minors: 2, DigitalService.minors_not_excluded: 1}
    return RiskScore(
        {
            "gewone_persoonsgegeven": int(kinds.count(DataKind.ordinary) >= 6),
            "bijzonder_persoonsgegeven": _bands(len(special)),
            "gevoelig_persoonsgegeven": _bands(sensitive),
            "betrokkenen": _subjects(q),
            "aantal_betrokkenen": int(people >= LARGE),
            "frequentie_verwerking": int(s.frequency in FREQUENT),
            "bewaartermijn": int(s.retention_class in LONG),
            "internationale_doorgifte": _transfer(q),
            "basisregistratie": int(bool(set(s.base_registers) & WEIGHTED_REGISTERS)),
            "digitaledienst_minderjarig": service.get(s.digital_service, 0)
            if s.digital_service
            else 0,
        },
        _unanswered(q, people),
    )


@dataclass(frozen=True)
class TransferAdvice:
    """Whether a transfer impact assessment (DTIA) is advised: by the Rijksmodel's pre-scan
    (a transfer outside the EEA on SCCs or an 'other' mechanism), and by this project, which
    follows EDPB Recommendations 01/2020: every Art. 46 tool needs the assessment, BCRs,
    codes of conduct and certifications included. None where no location is recorded."""

    rijksmodel: bool | None
    advised: bool | None
    beyond_rijksmodel: list[TransferMechanism]  # mechanisms only this project flags


def transfer_advice(q: Questionnaire) -> TransferAdvice:
    if not q.description.locations:
        return TransferAdvice(None, None, [])
    country = q.meta.organisation.country
    abroad = [loc for loc in q.description.locations if outside_area(country, loc.country)]
    rijks = [loc for loc in abroad if loc.mechanism in RIJKS_DTIA]
    # As the DPIA's finding and the pre-scan's follow-up (dpia.rules.transfers.tia_required).
    ours = [loc for loc in abroad if needs_tia(country, loc)]
    beyond = sorted(
        {loc.mechanism for loc in ours if loc not in rijks and loc.mechanism in NEEDS_TIA},
        key=list(TransferMechanism).index,
    )
    return TransferAdvice(bool(rijks), bool(ours), beyond)
