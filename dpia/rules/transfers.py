"""Where data may go: the EEA, and the transfer tools that need the exporter's own assessment."""

from __future__ import annotations

from dpia.model.enums import TransferMechanism

# EU member states plus Iceland, Liechtenstein and Norway.
EEA = frozenset(
    {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT"}
    | {"LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"}
)
# Mechanisms that rest on the exporter's own assessment of the third country (Schrems II).
NEEDS_TIA = frozenset(
    {
        TransferMechanism.scc,
        TransferMechanism.bcr,
        TransferMechanism.code_of_conduct,
        TransferMechanism.certification,
        TransferMechanism.legally_binding_instrument,
    }
)
