"""Where data may go: the EEA, and the transfer tools that need the exporter's own assessment."""

from __future__ import annotations

from dpia.data.jurisdictions import EEA, adequate, outside_area
from dpia.model.description import Location
from dpia.model.enums import TransferMechanism

__all__ = ["EEA", "NEEDS_TIA", "needs_safeguards", "needs_tia", "outside", "tia_required"]

# Mechanisms that rest on the exporter's own assessment of the third country (Schrems II).
NEEDS_TIA = frozenset(
    {
        TransferMechanism.scc,
        TransferMechanism.bcr,
        TransferMechanism.code_of_conduct,
        TransferMechanism.certification,
        TransferMechanism.legally_binding_instrument,
        # The Rijksmodel's pre-scan: "Overig mechanisme" requires a DTIA.
        TransferMechanism.other,
    }
)


def outside(controller: str, locations: list[Location]) -> list[Location]:
    """Locations outside the controller's protection area (the EEA; for GB, the UK and EEA)."""
    return [loc for loc in locations if outside_area(controller, loc.country)]


def needs_safeguards(controller: str, loc: Location) -> bool:
    """A transfer that needs a mechanism of Art. 46-49: outside the area and not to a country
    with an adequacy decision (for the US: only under the Data Privacy Framework)."""
    return _needs_safeguards(controller, loc.country, loc.mechanism)


def _needs_safeguards(controller: str, country: str, mechanism: TransferMechanism) -> bool:
    if not outside_area(controller, country):
        return False
    decision = adequate(controller, country)
    if decision is None:
        return True
    return decision.dpf_only and mechanism is not TransferMechanism.eu_us_dpf


def tia_required(controller: str, country: str, mechanism: TransferMechanism) -> bool:
    """Whether a transfer needs a transfer impact assessment: to a country without adequacy, on
    an Art. 46 tool (or on none yet). Schrems II (C-311/18) and EDPB Recommendations 01/2020
    make the exporter verify the third country's law for every such tool, so the assessment is
    required, not advised; the Rijksmodel's pre-scan asks it for SCCs and "other" only. The
    DPIA's finding (transfer-without-tia), the pre-scan's advice and the form's question all
    use this one test."""
    return _needs_safeguards(controller, country, mechanism) and (
        mechanism in NEEDS_TIA or mechanism is TransferMechanism.none
    )


def needs_tia(controller: str, loc: Location) -> bool:
    return tia_required(controller, loc.country, loc.mechanism)
