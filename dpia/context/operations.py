"""Each processing operation with what belongs to it, as the Rijksmodel repeats points 5, 6,
8, 9, 10, 11 and 13 per operation.

An item that names no operation belongs to every operation: a questionnaire with one implicit
operation needs no ids at all, and one with several lists only what differs.
"""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model import Questionnaire
from dpia.model.description import (
    DataCategory,
    DataSubject,
    LegalFramework,
    Location,
    Operation,
    Party,
    Purpose,
    RetentionPeriod,
)
from dpia.model.enums import DataKind, LawfulBasis
from dpia.model.lawfulness import BasisForPurpose, FurtherProcessing


@dataclass(frozen=True)
class OperationView:
    operation: Operation
    purposes: list[Purpose]
    data: list[DataCategory]
    subjects: list[DataSubject]  # of the data processed in it
    parties: list[Party]
    bases: list[BasisForPurpose]
    frameworks: list[LegalFramework]
    retention: list[RetentionPeriod]
    locations: list[Location]
    further: list[FurtherProcessing]
    basis_groups: list[BasisGroup]  # `bases` by legal ground: one line per ground


@dataclass(frozen=True)
class BasisGroup:
    basis: LawfulBasis
    purposes: list[str]  # ids of the purposes that rest on it in this operation


def _in(op: str, ids: list[str]) -> bool:
    return not ids or op in ids


def operation_views(q: Questionnaire) -> list[OperationView]:
    d, b = q.description, q.lawfulness
    views = []
    for op in d.operations:
        purposes = [p for p in d.purposes if _in(op.id, p.operations)]
        purpose_ids = {p.id for p in purposes}
        data = [c for c in d.personal_data if _in(op.id, c.operations)]
        subject_ids = {s for c in data for s in c.subjects}
        # A basis names its operations, or covers those of its purpose.
        bases = [
            lb
            for lb in b.lawful_bases
            if (op.id in lb.operations) or (not lb.operations and lb.purpose in purpose_ids)
        ]
        views.append(
            OperationView(
                operation=op,
                purposes=purposes,
                data=data,
                subjects=[s for s in d.data_subjects if s.id in subject_ids],
                parties=[p for p in d.parties if _in(op.id, p.operations)],
                bases=bases,
                frameworks=[f for f in d.legal_frameworks if _in(op.id, f.operations)],
                retention=[r for r in d.retention_periods if _in(op.id, r.operations)],
                locations=[loc for loc in d.locations if _in(op.id, loc.operations)],
                further=[f for f in b.further_processing if _in(op.id, f.operations)],
                basis_groups=_grouped(bases),
            )
        )
    return views


def _grouped(bases: list[BasisForPurpose]) -> list[BasisGroup]:
    """The grounds in the order they first appear, each with its purposes."""
    groups: dict[LawfulBasis, list[str]] = {}
    for lb in bases:
        purposes = groups.setdefault(lb.basis, [])
        if lb.purpose not in purposes:
            purposes.append(lb.purpose)
    return [BasisGroup(basis, purposes) for basis, purposes in groups.items()]


@dataclass(frozen=True)
class KindRow:
    """Rijksmodel 12: special, criminal or national-id data with where they are processed."""

    data: list[DataCategory]
    subjects: list[DataSubject]
    operations: list[str]  # ids; empty: every operation (or the one implicit operation)


def _row(q: Questionnaire, data: list[DataCategory], operations: list[str]) -> KindRow:
    subject_ids = {s for c in data for s in c.subjects}
    if not operations and all(c.operations for c in data):
        operations = sorted({o for c in data for o in c.operations})
    return KindRow(
        data=data,
        subjects=[s for s in q.description.data_subjects if s.id in subject_ids],
        operations=operations,
    )


def special_rows(q: Questionnaire) -> list[KindRow]:
    """One row per Art. 9(2) exception recorded, in the order of lawfulness.special_categories."""
    return [
        _row(
            q,
            [c for c in q.description.personal_data if c.special_category is s.category],
            s.operations,
        )
        for s in q.lawfulness.special_categories
    ]


def kind_row(q: Questionnaire, kind: DataKind) -> KindRow | None:
    """The criminal or national-id data, when there are any."""
    data = [c for c in q.description.personal_data if c.kind is kind]
    return _row(q, data, []) if data else None
