"""Machine-readable exports of an assessment (DPV JSON-LD), made from the typed contexts."""
