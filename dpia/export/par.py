"""The assessment as the JSON that MinBZK's assessment tool reads and writes
(`dpia export FILE --format par-json`).

The tool ("PAR", repository MinBZK/par-dpia-form) encodes the Model DPIA Rijksdienst 3.0 in
`sources/dpia.yaml`; a file it exports follows `schemas/assessment-output.v2.schema.json`:
`answers` keyed by task id ("2.1.3"), each `{"value", "lastEditedAt"}`, and the answers of a
repeatable group as an array under the group's id with an `_index` per element. This module
writes what `packages/assessment-core/src/utils/groupedAnswers.ts` (commit 56b7cb8) writes:
an answer sits under its nearest repeatable ancestor, and a nested repeatable item (a party of
one operation) gets the index the tool would give it: the operation's own index for the first,
the next free one after the last for the others.

Which of our fields answers which task follows docs/rijksmodel.yaml (the cross-walk, keyed by
these same task ids); tests/test_export_par.py keeps the two in step. Values of the tool's
closed lists are its Dutch option values whatever the language; free text is in one language.
Timestamps are the assessment date, so the same questionnaire gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from babel import Locale

from dpia.context.dpia import DpiaContext
from dpia.context.operations import KindRow
from dpia.export.par_values import (
    BASIS,
    FURTHER,
    KIND,
    LEVEL,
    MECHANISM,
    PER_OPERATION,
    RASTER,
    RIGHTS,
    ROLE,
    ROLE_ORDER,
    SCHEMA,
    SPECIAL,
    STATUS,
    STEP,
    URN,
)
from dpia.languages import LANGUAGES
from dpia.model import Text
from dpia.model.description import DataCategory, DataSubject, Location, Party, RetentionPeriod
from dpia.model.enums import DataSubjectRight, FurtherUse
from dpia.model.lawfulness import FurtherProcessing


class _Answers:
    """The `answers` object being built: plain answers and repeatable groups."""

    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        self.plain: dict[str, Any] = {}
        self.groups: dict[str, dict[int, dict[str, Any]]] = {}
        self.next_free: dict[str, int] = {}

    def _answer(self, value: Any) -> dict[str, Any] | None:
        if value is None or value == "" or value == []:
            return None
        return {"value": value, "lastEditedAt": self.stamp}

    def put(self, task: str, value: Any) -> None:
        answer = self._answer(value)
        if answer is not None:
            self.plain[task] = answer

    def element(self, group: str, index: int) -> dict[str, Any]:
        element = self.groups.setdefault(group, {}).setdefault(index, {"_index": index})
        self.next_free[group] = max(self.next_free.get(group, 0), index + 1)
        return element

    def item(self, group: str, index: int, task: str, value: Any) -> None:
        element = self.element(group, index)
        answer = self._answer(value)
        if answer is not None:
            element[task] = answer

    def nested(self, group: str, parent_index: int, count: int, parents: int) -> list[int]:
        """Indices for `count` items of a nested group inside its parent's element
        `parent_index`, as the tool numbers them: the parent's own index for the first (the
        tool creates that one with the parent), the next free index after all `parents`
        for the others."""
        if count == 0:
            return []
        start = max(self.next_free.get(group, 0), parents)
        self.next_free[group] = start + count - 1
        return [parent_index, *range(start, start + count - 1)]

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.plain)
        for group, elements in self.groups.items():
            out[group] = [elements[i] for i in sorted(elements)]
        return out


class _Writer:
    def __init__(self, ctx: DpiaContext, lang: str) -> None:
        self.ctx, self.lang, self.q = ctx, lang, ctx.q
        self.a = _Answers(f"{ctx.q.meta.assessment_date.isoformat()}T00:00:00.000Z")
        self.locale = Locale.parse(LANGUAGES[lang].locale)
        d = self.q.description
        self.data_names = {c.id: self.text(c.name) for c in d.personal_data}
        self.subject_names = {s.id: self.subject(s) for s in d.data_subjects}
        self.purposes = {p.id: self.text(p.description) for p in d.purposes}

    def text(self, value: Text | None) -> str | None:
        return None if value is None else value.get(self.lang, self.ctx.first_lang)[0]

    def join(self, *values: Text | str | None, sep: str = "\n\n") -> str | None:
        parts = [self.text(v) if isinstance(v, Text) else v for v in values]
        return sep.join(p for p in parts if p) or None

    def subject(self, s: DataSubject) -> str:
        return self.text(s.name or s.category) or s.id

    def names(self, data: list[DataCategory]) -> list[str]:
        return [n for c in data if (n := self.data_names[c.id])]

    def country(self, code: str) -> str:
        return str(self.locale.territories.get(code, code))

    # --------------------------------------------------------------- points 1-4
    def description(self) -> None:
        d, a = self.q.description, self.a
        a.put("1.1", self.text(d.proposal))
        for i, image in enumerate(d.proposal_images):
            url = self.ctx.images.get(i)
            if url is None or not RASTER.match(url):
                continue
            value = {"data": url, "title": image.title, "source": image.source,
                     "description": self.text(image.description)}  # fmt: skip
            a.item("1.2", i, "1.2.1", {k: v for k, v in value.items() if v})
        for i, c in enumerate(d.personal_data):
            a.item("2.1", i, "2.1.1", self.data_names[c.id])
            a.item("2.1", i, "2.1.2", ", ".join(self.subject_names[s] for s in c.subjects))
            a.item("2.1", i, "2.1.3", c.category)
            a.item("2.1", i, "2.1.4", KIND[c.kind])
            a.item("2.1", i, "2.1.5", self.text(c.original_purpose))
            if c.provided_by:  # the tool shows 2.1.7-2.1.9 only under 'yes'
                a.item("2.1", i, "2.1.6", "true")
                a.item("2.1", i, "2.1.7", c.provided_by)
                a.item("2.1", i, "2.1.8", c.source_system)
                a.item("2.1", i, "2.1.9", self.text(c.provision_basis))
        a.put("2.3", self.text(self.q.notes.personal_data))
        for j, view in enumerate(self.ctx.operations):
            op = view.operation
            a.item("3.1", j, "3.1.1", self.operation_name(j))
            a.item("3.1", j, "3.1.2", self.text(op.description))
            a.item("3.1", j, "3.1.3", self.names(view.data))
        if not self.ctx.operations:  # one implicit operation: all the data
            a.item("3.1", 0, "3.1.3", self.names(d.personal_data))
        a.put("3.2", self.text(self.q.notes.operations))
        if d.data_flow_diagram:
            a.item("3.3", 0, "3.3.1", d.data_flow_diagram)
        system = d.ai_system
        ai = None
        if system is not None:
            ai = self.join(f"{system.name} ({system.vendor})", system.model, system.description,
                           sep="\n")  # fmt: skip
        a.put("4", self.join(d.techniques, ai))

    def operation_name(self, j: int) -> str:
        op = self.ctx.operations[j].operation
        return f"{op.id} {op.name}" if op.name else op.id

    # ----------------------------------------------------- points 5-11 and 13
    def per_operation(self) -> None:
        """The groups the tool repeats per operation: one element per operation (index 0 for
        one implicit operation), each with its nested items."""
        q, a, d = self.q, self.a, self.q.description
        views = self.ctx.operations
        count = max(len(views), 1)
        for group in PER_OPERATION:
            for j in range(count):
                a.element(group, j)
        first_instance: dict[str, int] = {}  # party id -> its first 6.1.1 index (for 7.1)
        for j in range(count):
            view = views[j] if views else None
            purposes = view.purposes if view else d.purposes
            a.item("5.1", j, "5.1.1", self.join(*(p.description for p in purposes)))
            parties = view.parties if view else d.parties
            for k, party in zip(a.nested("6.1.1", j, len(parties), count), parties, strict=True):
                self.party(k, party)
                first_instance.setdefault(party.id, k)
        for party in d.parties:
            if party.id in first_instance:
                a.item("7.1", first_instance[party.id], "7.1.1", self.text(party.interests))
        for j in range(count):
            view = views[j] if views else None
            locations = view.locations if view else d.locations
            for k, loc in zip(a.nested("8.1.1", j, len(locations), count), locations, strict=True):
                self.location(k, loc)
            frameworks = view.frameworks if view else d.legal_frameworks
            for k, law in zip(
                a.nested("9.1.1", j, len(frameworks), count), frameworks, strict=True
            ):
                a.item("9.1.1", k, "9.1.1.1", self.text(law.name))
                a.item("9.1.1", k, "9.1.1.2", law.articles)
            periods = view.retention if view else d.retention_periods
            for k, period in zip(a.nested("10.1.1", j, len(periods), count), periods, strict=True):
                self.retention(k, period)
            bases = view.bases if view else q.lawfulness.lawful_bases
            for k, basis in zip(a.nested("11.1.1", j, len(bases), count), bases, strict=True):
                a.item("11.1.1", k, "11.1.1.1", BASIS[basis.basis])
                a.item(
                    "11.1.1", k, "11.1.1.2", self.join(basis.justification, basis.legal_provision)
                )
            further = view.further if view else q.lawfulness.further_processing
            for k, use in zip(a.nested("13.1.1", j, len(further), count), further, strict=True):
                self.further(k, use)
        n = self.q.notes
        views_of = q.consultation.views
        a.put("5.2", self.text(n.purposes))
        a.put("6.2", self.text(n.parties))
        a.put("7.2", self.join(n.interests, d.interests,
                               views_of.summary if views_of else None,
                               views_of.why_not if views_of else None))  # fmt: skip
        a.put("8.2", self.text(n.locations))
        a.put("9.2", self.join(n.legal_framework, d.legal_framework))
        a.put("10.2", self.join(n.retention, d.retention))
        a.put("11.2", self.text(n.lawful_basis))
        a.put("13.2", self.join(n.purpose_limitation, q.lawfulness.purpose_limitation))

    def party(self, k: int, p: Party) -> None:
        a, roles = self.a, {ROLE[r] for r in p.roles()}
        a.item("6.1.1", k, "6.1.1.1", p.name)
        a.item("6.1.1", k, "6.1.1.2", [r for r in ROLE_ORDER if r in roles])
        a.item("6.1.1", k, "6.1.1.3", self.text(p.functions))
        a.item("6.1.1", k, "6.1.1.4", [self.data_names[i] for i in p.data])
        a.item("6.1.1", k, "6.1.1.5", [self.subject_names[i] for i in p.subjects])
        a.element("7.1", k)  # the tool keeps one 7.1 per 6.1.1 (instance_mapping)

    def location(self, k: int, loc: Location) -> None:
        place = self.join(self.country(loc.country), loc.description, sep=": ")
        self.a.item("8.1.1", k, "8.1.1.1", place)
        self.a.item("8.1.1", k, "8.1.1.2", MECHANISM.get(loc.mechanism))
        self.a.item("8.1.1", k, "8.1.1.3", self.text(loc.measures))

    def retention(self, k: int, r: RetentionPeriod) -> None:
        a = self.a
        purposes = "; ".join(p for i in r.purposes if (p := self.purposes[i]))
        a.item("10.1.1", k, "10.1.1.1", purposes)
        a.item("10.1.1", k, "10.1.1.2", [self.subject_names[i] for i in r.subjects])
        a.item("10.1.1", k, "10.1.1.3", [self.data_names[i] for i in r.data])
        # 10.1.1.4 is a closed list of period classes; our period is free text, so it opens
        # the motivation rather than being forced into a class.
        a.item("10.1.1", k, "10.1.1.5", self.join(r.period, r.motivation))

    def further(self, k: int, f: FurtherProcessing) -> None:
        a = self.a
        a.item("13.1.1", k, "13.1.1.1", [self.subject_names[i] for i in f.subjects])
        a.item("13.1.1", k, "13.1.1.2", [self.data_names[i] for i in f.data])
        a.item("13.1.1", k, "13.1.1.3", self.text(f.purpose))
        a.item("13.1.1", k, "13.1.1.4", self.text(f.original_purpose))
        a.item("13.1.1", k, "13.1.1.5", FURTHER.get(f.assessment))
        if f.assessment is FurtherUse.permitted_by_law:  # the tool asks for the law only then
            a.item("13.1.1", k, "13.1.1.6", self.text(f.legal_provision))

    # ------------------------------------------------------------ points 12, 14, 15
    def lawfulness(self) -> None:
        q, a, ctx = self.q, self.a, self.ctx
        law = q.lawfulness
        ops = {v.operation.id: self.operation_name(j) for j, v in enumerate(ctx.operations)}

        def op_names(ids: list[str]) -> list[str]:
            return [ops[i] for i in ids if i in ops] or list(ops.values())

        a.put("12.1.1", "true" if law.special_categories else "false")
        for i, (sc, row) in enumerate(zip(law.special_categories, ctx.special_rows, strict=True)):
            a.item("12.1.2", i, "12.1.2.1", op_names(row.operations))
            a.item("12.1.2", i, "12.1.2.2", [self.subject(s) for s in row.subjects])
            a.item("12.1.2", i, "12.1.2.3", self.names(row.data))
            a.item("12.1.2", i, "12.1.2.4", SPECIAL[sc.category])
            # The exception's own article reference ("9(2)(a) ...") leads the justification.
            article = "Art. " + sc.exception.label.split(" ", 1)[0]
            a.item("12.1.2", i, "12.1.2.5", self.join(article, sc.justification, sep=": "))
        kinds: list[tuple[str, KindRow | None, Text | None]] = [
            ("12.2", ctx.criminal_row, law.criminal_data),
            ("12.3", ctx.national_id_row, law.national_identifiers),
        ]
        for point, kind, why in kinds:
            a.put(f"{point}.1", "true" if kind is not None else "false")
            if kind is not None:
                group = f"{point}.2"
                a.item(group, 0, f"{group}.1", op_names(kind.operations))
                a.item(group, 0, f"{group}.2", [self.subject(s) for s in kind.subjects])
                a.item(group, 0, f"{group}.3", self.names(kind.data))
                a.item(group, 0, f"{group}.4", self.text(why))
        a.put("12.4", self.text(q.notes.special_categories))
        a.put("14.1", self.text(law.subsidiarity))
        a.put("14.2", self.text(law.proportionality))
        restricted = {r.right: r.basis for r in law.rights.restrictions}
        for right, task in RIGHTS.items():
            how: Text | None = getattr(law.rights, right.value)
            if right is DataSubjectRight.information and how is None:
                how = law.transparency.how_informed
            if how is not None:
                a.put(f"{task}.1", "true")
                a.put(f"{task}.2", self.text(how))
            if right in restricted:
                a.put(f"{task}.3", "true")
                a.put(f"{task}.4", self.text(restricted[right]))

    # ------------------------------------------------------------- points 16-17
    def risks(self) -> None:
        a, q = self.a, self.q
        prior = q.consultation.prior_consultation
        for i, assessed in enumerate(self.ctx.risks):
            r = assessed.risk
            # 17.1.1 offers the texts of 16.1.1 as its options: the same string in both.
            name = self.join(r.title, r.description, sep=": ")
            a.item("16.1", i, "16.1.1", name)
            a.item("16.1", i, "16.1.2", self.text(r.source))
            a.item("16.1", i, "16.1.3", STEP.get(r.likelihood) if r.likelihood else None)
            a.item("16.1", i, "16.1.4", self.text(r.likelihood_motivation))
            a.item("16.1", i, "16.1.5", STEP.get(r.severity) if r.severity else None)
            a.item("16.1", i, "16.1.6", self.text(r.impact_motivation))
            a.item("16.1", i, "16.1.7", LEVEL.get(assessed.inherent))
            a.item("16.1", i, "16.1.8", self.text(r.level_motivation))
            measures = [self.ctx.measures[m] for m in r.measures if m in self.ctx.measures]
            a.item("17.1", i, "17.1.1", [name] if name else [])
            a.item("17.1", i, "17.1.2", self.text(r.source))
            titles = "; ".join(t for m in measures if (t := self.text(m.title)))
            a.item("17.1", i, "17.1.3", titles)
            residual = LEVEL.get(assessed.residual)  # unknown: left open
            a.item("17.1", i, "17.1.4", residual)
            if residual == "hoog":  # the tool asks for the AP's advice and the country only then
                a.item("17.1", i, "17.1.5", self.text(prior.advice) if prior else None)
                countries = sorted({m.monitored_in for m in measures if m.monitored_in})
                a.item("17.1", i, "17.1.6", ", ".join(self.country(c) for c in countries))
            owners = dict.fromkeys(t for m in measures if (t := self.text(m.owner)))
            a.item("17.1", i, "17.1.7", "; ".join(owners))
        a.put("16.2", self.text(q.notes.risks))
        a.put("17.2", self.text(q.notes.measures))
        decision = q.consultation.decision
        a.put("17.3", self.text(decision.rationale) if decision else None)

    # ------------------------------------------------------------ points 19-20
    def administration(self) -> None:
        a, q = self.a, self.q
        for i, v in enumerate(self.ctx.versions):
            a.item("19.1", i, "19.1.1", v.version)
            a.item("19.1", i, "19.1.2", v.date.isoformat())
            a.item("19.1", i, "19.1.3", self.text(v.changes))
        a.put("19.2", STATUS[q.meta.status])
        dpo = q.meta.organisation.dpo
        a.put("19.5.4", dpo.name if dpo else None)
        advice = q.consultation.dpo_advice
        a.put("19.5.6", advice.date.isoformat() if advice else None)
        for i, s in enumerate(q.consultation.sign_off):
            a.item("20.1", i, "20.1.1", q.meta.organisation.name)
            a.item("20.1", i, "20.1.4", s.name)
            a.item("20.1", i, "20.1.5", self.text(s.role))
            a.item("20.1", i, "20.1.6", s.date.isoformat() if s.date else None)


def document(ctx: DpiaContext, lang: str) -> dict[str, Any]:
    """The export as a JSON value: free text in `lang` (another language where an answer is
    not written in it)."""
    w = _Writer(ctx, lang)
    w.description()
    w.per_operation()
    w.lawfulness()
    w.risks()
    w.administration()
    return {
        "$schema": SCHEMA,
        "metadata": {"urn": URN, "createdAt": w.a.stamp},
        "answers": w.a.json(),
    }


def to_json(ctx: DpiaContext, lang: str) -> bytes:
    """UTF-8 JSON, keys sorted the way the tool sorts task ids (numerically), arrays in index
    order: the same bytes every run."""
    text = json.dumps(_sorted(document(ctx, lang)), indent=2, ensure_ascii=False)
    return (text + "\n").encode()


def _key(k: str) -> tuple[int, tuple[int, ...], str]:
    if k and k[0].isdigit():
        return (1, tuple(int(p) for p in k.split(".")), k)
    return (0, (), k)  # $schema, _index, metadata, value ... before the task ids


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value, key=_key)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value
