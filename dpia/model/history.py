"""meta.history: the earlier versions of an assessment, as a review cycle records them.

A DPIA is re-assessed (every half year for the national education assessments); each version
says when, what changed and who did it, and may record the residual risks it found, so the
documents can draw the risk trajectory without the old files. Levels are never typed in
directly: a version records either counts by level (as a report states them) or the ratings of
each risk on the CNIL scales, from which dpia.rules.risk derives the level as it does today.
"""

from __future__ import annotations

from pydantic import Field, NonNegativeInt

from dpia.model.base import Date, Id, Name, Strict, TextValue
from dpia.model.enums import Level


class RiskCounts(Strict):
    """How many risks remained at each level after the measures, at that version."""

    high: NonNegativeInt = Field(0, description="Residual risks rated high.")
    medium: NonNegativeInt = Field(0, description="Residual risks rated medium.")
    low: NonNegativeInt = Field(0, description="Residual risks rated low.")


class RiskRating(Strict):
    """One risk as it was rated at that version."""

    id: Id = Field(description="Id of the risk (as in `risks`, or a risk since removed).")
    likelihood: Level | None = Field(None, description="Inherent likelihood then.")
    severity: Level | None = Field(None, description="Inherent severity then.")
    residual_likelihood: Level = Field(description="Residual likelihood then.")
    residual_severity: Level = Field(description="Residual severity then.")


class Version(Strict):
    version: Name = Field(description="The version number, e.g. 1.0.")
    date: Date = Field(description="Date of that version.")
    changes: TextValue = Field(description="What changed in that version, and why.")
    by: Name | None = Field(None, description="Who made or approved the change.")
    residual: RiskCounts | None = Field(
        None, description="Residual risks by level at that version (when the ratings are lost)."
    )
    ratings: list[RiskRating] = Field(
        default_factory=list,
        max_length=500,
        description="Each risk's ratings at that version; the levels follow from them.",
    )
