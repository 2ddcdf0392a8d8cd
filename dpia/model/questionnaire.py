"""The whole questionnaire, and the checks of ids that point from one section to another."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field, StrictBool

from dpia.load.problems import N_, Params, params
from dpia.model.agreement import Consultation, FurtherAgreement, ProcessorAgreement
from dpia.model.ai import Ai, Equality
from dpia.model.base import Strict, items
from dpia.model.central import ID_LISTS, OPTIONAL_ID_LISTS, Central
from dpia.model.description import Description
from dpia.model.lawfulness import Lawfulness
from dpia.model.meta import Meta, Screening
from dpia.model.notes import Notes
from dpia.model.public import PublicInformation
from dpia.model.risks import Measure, Risk, Security

Loc = tuple[str | int, ...]


class Questionnaire(Strict):
    """One assessment: the answers every dpia document is made from."""

    base_only: StrictBool = Field(
        False, description="A base for `extends` only: batch runs do not render it by itself."
    )
    meta: Meta = Field(description="Title, organisation, version, dates, classification.")
    screening: Screening = Field(default_factory=Screening, description="Is a DPIA needed.")
    description: Description = Field(
        default_factory=Description, description="Part A: description of the processing."
    )
    lawfulness: Lawfulness = Field(
        default_factory=Lawfulness, description="Part B: assessment of lawfulness."
    )
    risks: list[Risk] = items("Part C: the risk register.")
    measures: list[Measure] = items("Part D: the measures.")
    security: Security = Field(default_factory=Security, description="Security measures.")
    ai: Ai | None = Field(None, description="AI and the AI Act, when an AI system is used.")
    equality: Equality = Field(default_factory=Equality, description="Equality impact.")
    processor_agreement: ProcessorAgreement = Field(
        default_factory=ProcessorAgreement, description="The processor agreement (Art. 28)."
    )
    further_agreements: list[FurtherAgreement] = items(
        "The agreements with further processors, one each, checked like processor_agreement."
    )
    consultation: Consultation = Field(
        default_factory=Consultation, description="DPO advice, views, decision, sign-off."
    )
    notes: Notes = Field(
        default_factory=Notes,
        description="Extra notes per point of the Model DPIA Rijksdienst (its 'aanvullende "
        "informatie').",
    )
    central: Central | None = Field(
        None, description="In a school's overlay: what it does with the central assessment."
    )
    public: PublicInformation = Field(
        default_factory=PublicInformation,
        description="Text for the people concerned, printed in the privacy addendum.",
    )

    def agreements(self) -> list[tuple[Loc, ProcessorAgreement]]:
        """Every processor agreement to check, with where it is in the questionnaire:
        processor_agreement first (always, as before further agreements existed), then
        further_agreements in their order."""
        first: list[tuple[Loc, ProcessorAgreement]] = [
            (("processor_agreement",), self.processor_agreement)
        ]
        return first + [
            (("further_agreements", i), a) for i, a in enumerate(self.further_agreements)
        ]


Reference = tuple[Loc, str, Params]  # where, an English catalog message, its parameters


def reference_errors(data: dict[str, Any]) -> Iterator[Reference]:
    """Duplicate ids, and ids that point at nothing.

    Works on the raw data, so these are reported together with the model's own errors.
    """

    def entries(*loc: str) -> list[dict[str, Any]]:
        node: Any = data
        for part in loc:
            node = node.get(part) if isinstance(node, dict) else None
        return [e for e in node if isinstance(e, dict)] if isinstance(node, list) else []

    def ids(*loc: str) -> list[str]:
        return [e["id"] for e in entries(*loc) if isinstance(e.get("id"), str)]

    for loc in ID_LISTS:
        seen: set[str] = set()
        for i, entry in enumerate(entries(*loc)):
            ident = entry.get("id")
            if not isinstance(ident, str):
                continue  # the model reports ids that are not text
            if ident in seen:
                yield (*loc, i, "id"), N_("duplicate id '{id}'"), params(id=ident)
            seen.add(ident)
    for loc in OPTIONAL_ID_LISTS:
        several = entries(*loc)
        for i, entry in enumerate(several if len(several) > 1 else []):
            if "id" not in entry:
                message = N_("give each item an id when there are several (e.g. id: {example})")
                yield (*loc, i), message, params(example=f"{_EXAMPLE[loc[-1]]}{i + 1}")

    def unknown(value: str, known: list[str], target: tuple[str, ...]) -> tuple[str, Params]:
        if known:
            return N_("unknown id '{id}'; known: {known}"), params(id=value, known=", ".join(known))
        return N_("unknown id '{id}'; known: none yet (add them under {where})"), params(
            id=value, where=".".join(target)
        )

    def refs(source: Loc, key: str, target: tuple[str, ...]) -> Iterator[Reference]:
        known = ids(*target)
        for i, entry in enumerate(entries(*source)):  # type: ignore[arg-type]
            values = entry.get(key)
            for j, value in enumerate(values) if isinstance(values, list) else [(None, values)]:
                if isinstance(value, str) and value not in known:
                    loc = (*source, i, key) if j is None else (*source, i, key, j)
                    yield loc, *unknown(value, known, target)

    yield from refs(("risks",), "measures", ("measures",))
    yield from refs(("risks",), "data", ("description", "personal_data"))
    yield from refs(("lawfulness", "lawful_bases"), "purpose", ("description", "purposes"))
    yield from refs(("description", "personal_data"), "subjects", ("description", "data_subjects"))
    yield from refs(("lawfulness", "lawful_bases"), "subjects", ("description", "data_subjects"))
    operation_links: list[tuple[str, ...]] = [
        ("description", "purposes"),
        ("description", "personal_data"),
        ("description", "parties"),
        ("description", "locations"),
        ("description", "legal_frameworks"),
        ("description", "retention_periods"),
        ("lawfulness", "lawful_bases"),
        ("lawfulness", "special_categories"),
        ("lawfulness", "further_processing"),
    ]
    for source in operation_links:
        yield from refs(source, "operations", ("description", "operations"))
    yield from refs(("description", "parties"), "data", ("description", "personal_data"))
    yield from refs(("description", "parties"), "subjects", ("description", "data_subjects"))
    yield from refs(("description", "parties"), "engaged_by", ("description", "parties"))
    for key, target in (
        ("purposes", ("description", "purposes")),
        ("data", ("description", "personal_data")),
        ("subjects", ("description", "data_subjects")),
    ):
        yield from refs(("description", "retention_periods"), key, target)
    yield from refs(("lawfulness", "further_processing"), "data", ("description", "personal_data"))
    yield from refs(
        ("lawfulness", "further_processing"), "subjects", ("description", "data_subjects")
    )
    operations, categories = ids("description", "operations"), ids("description", "personal_data")
    for i, party in enumerate(entries("description", "parties")):
        scopes = party.get("other_roles")
        for j, scope in enumerate(scopes if isinstance(scopes, list) else []):
            if not isinstance(scope, dict):
                continue
            for key, valid, target in (
                ("operations", operations, ("description", "operations")),
                ("data", categories, ("description", "personal_data")),
            ):
                values = scope.get(key)
                for k, value in enumerate(values if isinstance(values, list) else []):
                    if isinstance(value, str) and value not in valid:
                        where = ("description", "parties", i, "other_roles", j, key, k)
                        yield where, *unknown(value, valid, target)
    parties = ids("description", "parties")
    further = data.get("further_agreements")
    further = further if isinstance(further, list) else []  # the model reports a non-list
    agreements: list[tuple[Loc, Any]] = [
        (("processor_agreement",), data.get("processor_agreement"))
    ]
    agreements += [(("further_agreements", i), a) for i, a in enumerate(further)]
    checked: set[str] = set()
    for place, agreement in agreements:
        processor = agreement.get("processor") if isinstance(agreement, dict) else None
        if not isinstance(processor, str):
            continue
        if processor not in parties:
            yield (*place, "processor"), *unknown(processor, parties, ("description", "parties"))
        elif processor in checked:
            message = N_("a second agreement for '{id}': record one agreement per processor")
            yield (*place, "processor"), message, params(id=processor)
        checked.add(processor)


_EXAMPLE = {"lawful_bases": "B", "special_categories": "S"}  # an id to suggest, per list
