"""The form, read from the model: one node per question, with the answer in the file.

Labels and help come from the model's field descriptions (catalog messages, translated where
shown), allowed values from its enums, whether a question is asked from
`dpia.rules.applies`. Nothing here is written per field except the references between lists
(which list a measure's `risks` are chosen from), which mirror `reference_errors`.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from dpia.model import Questionnaire
from dpia.model.base import Text
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
    ("consultation", N_("Consultation and decision")),
]
SECTION_NAMES = dict(SECTIONS)

# Ids chosen from another list, never typed (as `model.questionnaire.reference_errors` checks).
REFERENCES: dict[Path, Path] = {
    ("risks", "-", "measures"): ("measures",),
    ("description", "personal_data", "-", "subjects"): ("description", "data_subjects"),
    ("lawfulness", "lawful_bases", "-", "purpose"): ("description", "purposes"),
    ("processor_agreement", "processor"): ("description", "parties"),
}


@dataclass
class Node:
    loc: Loc  # where the answer is in the file
    path: Path
    kind: str  # text name id bool int date enum ref refs choices lines section list
    label: str  # English catalog message
    required: bool = False
    value: Any = None
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label message)
    children: list[Node] = field(default_factory=list)
    low: int | None = None
    high: int | None = None
    translate_options: bool = True

    @property
    def dom_id(self) -> str:
        return "f-" + "-".join(str(p) for p in self.loc)

    @property
    def answered(self) -> bool:
        return self.value not in (None, "", [], {})


def _unwrap(tp: Any) -> tuple[Any, bool, list[Any]]:
    """The type of one answer, whether the field is a list of them, and Annotated metadata."""
    many, meta = False, []
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            meta += list(tp.__metadata__)
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        elif origin is list:
            tp, many = typing.get_args(tp)[0], True
        else:
            return tp, many, meta


def _label(info: FieldInfo, name: str, meta: list[Any]) -> str:
    text = info.description or next(
        (m.description for m in meta if isinstance(m, FieldInfo) and m.description), ""
    )
    return text or name.replace("_", " ").capitalize()


def _get(data: Any, key: str | int) -> Any:
    if isinstance(data, dict) and isinstance(key, str):
        return data.get(key)
    if isinstance(data, list) and isinstance(key, int) and key < len(data):
        return data[key]
    return None


def build(
    model: type[BaseModel], data: Any, root: dict[str, Any], loc: Loc, path: Path
) -> list[Node]:
    """The questions of `model` that apply, with their answers in `data`."""
    nodes = []
    for name, info in model.model_fields.items():
        if info.exclude or (model is Questionnaire and name == "base_only"):
            continue
        fpath, floc = (*path, name), (*loc, name)
        item = data if path and path[-1] == "-" else None
        if not applies(fpath, root, item if isinstance(item, dict) else None):
            continue
        nodes.append(node(info, name, _get(data, name), root, floc, fpath))
    return nodes


def node(
    info: FieldInfo, name: str, value: Any, root: dict[str, Any], loc: Loc, path: Path
) -> Node:
    tp, many, meta = _unwrap(info.annotation)
    meta += list(info.metadata)
    n = Node(loc, path, "name", _label(info, name, meta), info.is_required(), value)
    if path in REFERENCES:
        target = REFERENCES[path]
        n.kind = "refs" if many else "ref"
        n.options = [(i, t) for i, t in _ids(root, target)]
        n.translate_options = False
    elif isinstance(tp, type) and issubclass(tp, Enum):
        n.kind = "choices" if many else "enum"
        n.options = [(m.value, m.value) for m in tp]
    elif isinstance(tp, type) and issubclass(tp, BaseModel) and tp is not Text:
        if many:
            n.kind = "list"
            items = value if isinstance(value, list) else []
            n.children = [
                Node(
                    (*loc, i),
                    (*path, "-"),
                    "section",
                    n.label,
                    children=build(tp, item, root, (*loc, i), (*path, "-")),
                    value=item,
                )
                for i, item in enumerate(items)
            ]
        else:
            n.kind = "section"
            n.children = build(tp, value, root, loc, path)
    elif many:
        n.kind = "lines"
    elif tp is Text:
        n.kind = "text"
    elif tp is bool:
        n.kind = "bool"
    elif tp is int:
        n.kind = "int"
        n.low = next((int(m.ge) for m in meta if isinstance(m, Ge)), None)  # type: ignore[call-overload]
        n.high = next((int(m.le) for m in meta if isinstance(m, Le)), None)  # type: ignore[call-overload]
    elif tp is dt.date:
        n.kind = "date"
    elif name == "id":
        n.kind = "id"
    return n


def _ids(root: dict[str, Any], target: Path) -> list[tuple[str, str]]:
    items: Any = root
    for key in target:
        items = _get(items, key)
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
    info = Questionnaire.model_fields[name]
    return node(info, name, data.get(name), data, (name,), (name,))


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


def kind_at(loc: Loc) -> tuple[str, type[Enum] | None]:
    """The kind of answer the model expects at `loc`, to check and convert what a browser
    sends (a date from text, a number, an allowed value)."""
    model: Any = Questionnaire
    tp: Any = None
    path: list[str] = []
    for part in loc:
        if isinstance(part, int):
            path.append("-")
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise KeyError(loc)
        info = model.model_fields[part]
        if info.exclude:
            raise KeyError(loc)
        path.append(part)
        tp, _, _ = _unwrap(info.annotation)
        model = tp
    if tp is None:
        raise KeyError(loc)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "enum", tp
    if tp is Text:
        return "text", None
    for kind, t in (("bool", bool), ("int", int), ("date", dt.date)):
        if tp is t:
            return kind, None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "section", None
    return "name", None


def item_model(loc: Loc) -> type[BaseModel] | None:
    """The model of one item of the list at `loc`."""
    model: Any = Questionnaire
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        model, _, _ = _unwrap(model.model_fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None
