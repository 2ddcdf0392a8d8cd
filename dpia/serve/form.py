"""The form: one node per question, with the answer in the file.

What each question is comes from `dpia.model.fields` (the one place the starter, the schema
and the form read: the description as label, catalog-translated; the allowed values with
their labels; required or not), whether it is asked from `dpia.rules.applies`. Nothing here
is written per field except which list a reference is chosen from, which mirrors
`reference_errors`.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel

from dpia.model import Questionnaire
from dpia.model.fields import Field
from dpia.model.fields import fields as _fields
from dpia.model.labels import N_
from dpia.rules.applies import applies

Loc = tuple[str | int, ...]
Path = tuple[str, ...]  # field names from the top, "-" for an item of a list

# The Rijksmodel's order, with the part letters people know.
SECTIONS: list[tuple[str, str]] = [
    ("meta", N_("General")),
    ("screening", N_("Pre-scan")),
    ("description", N_("A. Description of the processing")),
    ("lawfulness", N_("B. Lawfulness")),
    ("risks", N_("C. Risks")),
    ("measures", N_("D. Measures")),
    ("ai", N_("AI and the AI Act")),
    ("equality", N_("Equality")),
    ("security", N_("Security")),
    ("processor_agreement", N_("Processor agreement")),
    ("further_agreements", N_("Further processor agreements")),
    ("consultation", N_("Consultation and decision")),
    ("notes", N_("Extra notes per point")),  # the Rijksmodel's 'aanvullende informatie'
    ("public", N_("Text for the privacy addendum")),  # written for the people concerned
    ("central", N_("Central assessment")),  # a member's overlay: what it does with the base
]
SECTION_NAMES = dict(SECTIONS)

# Ids chosen from another list, never typed (as `model.questionnaire.reference_errors` checks).
REFERENCES: dict[Path, Path] = {
    ("risks", "-", "measures"): ("measures",),
    ("description", "personal_data", "-", "subjects"): ("description", "data_subjects"),
    ("lawfulness", "lawful_bases", "-", "purpose"): ("description", "purposes"),
    ("processor_agreement", "processor"): ("description", "parties"),
    ("further_agreements", "-", "processor"): ("description", "parties"),
    # The Rijksmodel's details per party, retention period and further use.
    ("description", "parties", "-", "data"): ("description", "personal_data"),
    ("description", "parties", "-", "subjects"): ("description", "data_subjects"),
    ("description", "retention_periods", "-", "purposes"): ("description", "purposes"),
    ("description", "retention_periods", "-", "data"): ("description", "personal_data"),
    ("description", "retention_periods", "-", "subjects"): ("description", "data_subjects"),
    ("lawfulness", "further_processing", "-", "data"): ("description", "personal_data"),
    ("lawfulness", "further_processing", "-", "subjects"): ("description", "data_subjects"),
}
# Processing operations are the spine (Rijksmodel 3): these lists name the ones they belong to.
REFERENCES.update(
    {
        (*at, "-", "operations"): ("description", "operations")
        for at in [
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
    }
)


# The model does not change while the server runs: read each part of it once.
fields = cache(_fields)


@dataclass
class Node:
    loc: Loc  # where the answer is in the file
    path: Path
    kind: str  # text name id bool int date enum ref refs choices lines section list
    label: str  # English catalog message: the field's description
    required: bool = False
    value: Any = None
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    children: list[Node] = field(default_factory=list)
    low: int | None = None
    high: int | None = None

    @property
    def dom_id(self) -> str:
        return "f-" + "-".join(str(p) for p in self.loc)

    @property
    def answered(self) -> bool:
        return self.value not in (None, "", [], {})


def child(data: Any, key: str | int) -> Any:
    """data[key] in plain data (dicts and lists), or None where there is none."""
    if isinstance(data, dict) and isinstance(key, str):
        return data.get(key)
    if isinstance(data, list) and isinstance(key, int) and key < len(data):
        return data[key]
    return None


def build(
    model: type[BaseModel], data: Any, root: dict[str, Any], loc: Loc, path: Path
) -> list[Node]:
    """The questions of `model` that apply, with their answers in `data`."""
    item = data if path and path[-1] == "-" and isinstance(data, dict) else None
    return [
        node(f, child(data, f.name), root, (*loc, f.name))
        for f in rijksmodel_order(fields(model, path))
        if applies(f.path, root, item)
    ]


def rijksmodel_order(found: list[Field]) -> list[Field]:
    """Questions numbered after the Model DPIA Rijksdienst's points ("2 Whose data are
    processed.") in the order of those points; an unnumbered one stays after the question
    before it."""
    keys, last = [], 0
    for f in found:
        number = re.match(r"(\d+) ", f.help)
        last = int(number.group(1)) if number else last
        keys.append(last)
    order = sorted(range(len(found)), key=lambda i: keys[i])
    return [found[i] for i in order]


def node(f: Field, value: Any, root: dict[str, Any], loc: Loc) -> Node:
    n = Node(loc, f.path, f.kind, f.help or f.label, f.required, value, low=f.low, high=f.high)
    if f.path in REFERENCES:
        n.kind = "refs" if f.many else "ref"
        n.options = _ids(root, REFERENCES[f.path])
    elif f.kind == "enum" and f.enum is not None:
        n.kind = "choices" if f.many else "enum"
        n.options = [(m.value, m.label) for m in f.enum]
    elif f.kind == "section" and f.model is not None:
        if f.many:
            n.kind = "list"
            items = value if isinstance(value, list) else []
            n.children = [
                Node(
                    (*loc, i),
                    (*f.path, "-"),
                    "section",
                    n.label,
                    value=item,
                    children=build(f.model, item, root, (*loc, i), (*f.path, "-")),
                )
                for i, item in enumerate(items)
            ]
        else:
            n.children = build(f.model, value, root, loc, f.path)
    elif f.many:
        n.kind = "lines"
    return n


def _ids(root: dict[str, Any], target: Path) -> list[tuple[str, str]]:
    items: Any = root
    for key in target:
        items = child(items, key)
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            out.append((item["id"], _summary(item)))
    return out


def _summary(item: dict[str, Any]) -> str:
    """A short name for a list item: its id and title, name or description."""
    for key in ("title", "name", "category", "description"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("nl") or value.get("en")
        if isinstance(value, str) and value.strip():
            short = value.strip().splitlines()[0]
            return f"{item['id']}: {short[:60]}{'…' if len(short) > 60 else ''}"
    return str(item["id"])


def section(name: str, data: dict[str, Any]) -> Node:
    """The form of one top-level section."""
    top = next(f for f in fields(Questionnaire) if f.name == name)
    return node(top, data.get(name), data, (name,))


def available(data: dict[str, Any]) -> list[str]:
    """The sections that apply (the AI section only when an AI system is used)."""
    return [name for name, _ in SECTIONS if applies((name,), data)]


def count(n: Node) -> tuple[int, int]:
    """(answered, asked) questions below `n`: progress per section."""
    if n.kind == "section":
        done = total = 0
        for c in n.children:
            d, t = count(c)
            done, total = done + d, total + t
        return done, total
    if n.kind == "list":
        return (1 if n.children else 0), 1
    return (1 if n.answered else 0), 1


def propose_id(items: Any, list_name: str) -> str:
    """The next free id of a list: the prefix of its ids, numbered on (R1, R2 -> R3)."""
    found = [i.get("id") for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    ids: list[str] = [i for i in found if isinstance(i, str)]
    prefix = list_name[:1].upper() or "X"
    numbers = [0]
    for ident in ids:
        m = re.fullmatch(r"([A-Za-z][A-Za-z_.-]*?)(\d+)", ident)
        if m:
            prefix = m.group(1)
            numbers.append(int(m.group(2)))
    candidate = f"{prefix}{max(numbers) + 1}"
    while candidate in ids:
        candidate += "b"
    return candidate


def walk_nodes(n: Node) -> typing.Iterator[Node]:
    yield n
    for c in n.children:
        yield from walk_nodes(c)


def field_at(loc: Loc) -> Field:
    """The question at `loc` (list indexes skipped), to check and convert what a browser
    sends; KeyError when the model has no such field."""
    model: type[BaseModel] | None = Questionnaire
    path: Path = ()
    found: Field | None = None
    for part in loc:
        if isinstance(part, int):
            if found is None or not found.many:
                raise KeyError(loc)
            path = (*path, "-")
            continue
        if model is None:
            raise KeyError(loc)
        found = next((f for f in fields(model, path) if f.name == part), None)
        if found is None:
            raise KeyError(loc)
        path, model = found.path, found.model
    if found is None:
        raise KeyError(loc)
    return found
