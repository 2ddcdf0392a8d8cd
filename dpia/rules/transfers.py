"""Where data may go: the EEA, and the transfer tools that need the exporter's own assessment."""

from __future__ import annotations

from dpia.data.jurisdictions import EEA, adequate, outside_area
from dpia.model.description import Location
from dpia.model.enums import TransferMechanism

__all__ = ["EEA", "NEEDS_TIA", "needs_safeguards", "outside"]

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
    if not outside_area(controller, loc.country):
        return False
    decision = adequate(controller, loc.country)
    if decision is None:
        return True
    return decision.dpf_only and loc.mechanism is not TransferMechanism.eu_us_dpf
