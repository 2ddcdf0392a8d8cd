"""Extra notes per point, where the Model DPIA Rijksdienst has an "Aanvullende informatie"
field (2.3, 3.2, 5.2 ... 17.2): free text the DPIA prints at the end of that point."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from dpia.model.base import Strict, TextValue


def note(point: str) -> Any:
    return Field(None, description=f"{point}: extra notes, printed at the end of that point.")


class Notes(Strict):
    personal_data: TextValue | None = note("2 Personal data")
    operations: TextValue | None = note("3 Processing operations")
    purposes: TextValue | None = note("5 Purposes")
    parties: TextValue | None = note("6 Parties involved")
    interests: TextValue | None = note("7 Interests")
    locations: TextValue | None = note("8 Processing locations")
    legal_framework: TextValue | None = note("9 Legal and policy framework")
    retention: TextValue | None = note("10 Retention periods")
    lawful_basis: TextValue | None = note("11 Lawful basis")
    special_categories: TextValue | None = note(
        "12 Special categories, criminal data and national identification numbers"
    )
    purpose_limitation: TextValue | None = note("13 Purpose limitation")
    risks: TextValue | None = note("16 Risks")
    measures: TextValue | None = note("17 Measures")
