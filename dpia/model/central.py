"""`central`: what a school's overlay says about the central (joint) assessment it extends.

A cooperative writes one assessment; each school adopts it, adapts items of it, or marks items
that do not apply to it, and adds its own. The marks name the central items by list and id;
`dpia confirm` records the central version and a fingerprint of each item as the school
confirmed it, so that a later change to a central item, whether the school adopted, adapted or
set it aside, shows as "needs review".
"""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from dpia.model.base import Date, Name, Strict, TextValue
from dpia.model.enums import N_, Labelled

# The lists whose items have ids: an overlay merges them by id, duplicates are errors, and a
# school marks their items as `list.id` (`risks.R3`, `description.purposes.P1`).
ID_LISTS: list[tuple[str, ...]] = [
    ("risks",),
    ("measures",),
    ("description", "operations"),
    ("description", "purposes"),
    ("description", "data_subjects"),
    ("description", "personal_data"),
    ("description", "parties"),
    ("description", "locations"),
    ("lawfulness", "lawful_bases"),
    ("lawfulness", "special_categories"),
]
# Lists whose items got ids later: a questionnaire with one item may leave its id out (files
# written before stay valid); with several, each needs one, so that an overlay can merge and
# mark them one by one instead of replacing the whole list.
OPTIONAL_ID_LISTS: list[tuple[str, ...]] = [
    ("lawfulness", "lawful_bases"),
    ("lawfulness", "special_categories"),
]
ITEM_PATTERN = (
    r"^("
    + "|".join(re.escape(".".join(loc)) for loc in ID_LISTS)
    + r")\.[A-Za-z][A-Za-z0-9_.-]{0,39}$"
)
ItemRef = Annotated[
    str,
    StringConstraints(strict=True, pattern=ITEM_PATTERN),
    Field(
        description="A central item as list.id, e.g. risks.R3, description.purposes.P1 or "
        "lawfulness.lawful_bases.B1."
    ),
]
Fingerprint = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[0-9a-f]{12}$"),
    Field(description="The central item as confirmed (written by `dpia confirm`)."),
]


class Mark(Labelled):
    adopted = "adopted", N_("adopted")
    adapted = "adapted", N_("adapted")
    not_applicable = "not_applicable", N_("not applicable")


class LocalMark(Strict):
    item: ItemRef
    mark: Mark = Field(description="adopted as is, adapted (say how), or not_applicable (why).")
    reason: TextValue | None = Field(
        None, description="How it is adapted, or why it does not apply."
    )

    @model_validator(mode="after")
    def _reason_given(self) -> Self:
        if self.mark is not Mark.adopted and self.reason is None:
            raise ValueError(f"a mark '{self.mark.value}' needs a reason")
        return self


class Central(Strict):
    version: Name | None = Field(
        None, description="The central assessment's version the school last confirmed."
    )
    confirmed: Date | None = Field(None, description="When the school last confirmed it.")
    marks: list[LocalMark] = Field(
        default_factory=list,
        max_length=500,
        description="The school's decisions on central items; an item not listed is adopted.",
    )
    fingerprints: dict[ItemRef, Fingerprint] = Field(
        default_factory=dict,
        max_length=2000,
        description="Each central item as the school confirmed it (written by `dpia confirm`).",
    )
