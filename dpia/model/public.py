"""The public text of the privacy addendum: written for the people concerned, never copied from
the assessment. The assessment's own answers are written for a privacy officer and a board; the
addendum prints only fields marked public (see `PUBLIC` and dpia.model.fields.Field.public), so
nothing internal reaches a parent or a pupil by accident."""

from __future__ import annotations

from pydantic import Field

from dpia.model.base import PUBLIC, Strict, TextValue


def _public(description: str):  # type: ignore[no-untyped-def]
    return Field(None, description=description, json_schema_extra=PUBLIC)


class PublicInformation(Strict):
    title: TextValue | None = _public(
        "What the processing is called for the public, e.g. 'Online supervision of exams'."
    )
    summary: TextValue | None = _public(
        "For the privacy addendum: in a few plain sentences, what happens and why."
    )
    ai: TextValue | None = _public(
        "For the privacy addendum: what the AI system does, how people notice that they deal"
        " with it, and who checks its results."
    )
    must_provide: TextValue | None = _public(
        "For the privacy addendum: whether people must give their data (by law or agreement),"
        " and what happens if they do not."
    )
    interests: TextValue | None = _public(
        "For the privacy addendum: the legitimate interests relied on, in plain words."
    )
    retention: TextValue | None = _public(
        "For the privacy addendum: how long the data are kept, in plain words."
    )
    decisions: TextValue | None = _public(
        "For the privacy addendum: how decisions that use the AI's results are made, and what"
        " protects people."
    )
    for_children: TextValue | None = _public(
        "For the children's version of the privacy addendum: what happens, what they can do"
        " and whom to ask, in short sentences."
    )
