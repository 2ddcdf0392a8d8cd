"""The form: one node per question, with the answer in the file.

What each question is comes from `dpia.model.fields` (the one place the starter, the schema
and the form read: the short label, the description as help, both catalog-translated; the
allowed values with their labels; required or not), whether it is asked from
`dpia.rules.applies`. Nothing here is written per field except which list a reference is
chosen from, which mirrors `reference_errors`.
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
from dpia.model.knowledge import KnowledgeCheck
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
# A knowledge-security check (`kind: knowledge-security`) is edited the same way, from its
# own model's field metadata: one section per part of the check, in the model's order.
KNOWLEDGE_SECTIONS: list[tuple[str, str]] = [
    ("meta", N_("General")),
    ("collaboration", N_("The collaboration")),
    ("partners", N_("Partners")),
    ("field", N_("Research field and export control")),
    ("flows", N_("What flows between the partners?")),
    ("personal_data", N_("Personal data")),
    ("funding", N_("Funding")),
    ("publication", N_("Publication")),
    ("opportunities", N_("Opportunities")),
    ("risks", N_("Risks")),
    ("measures", N_("Measures")),
    ("adviser", N_("Knowledge-security adviser")),
    ("decision", N_("Decision")),
]


@dataclass(frozen=True)
class Kind:
    """A kind of questionnaire the form edits: its model, its sections, where a file opens."""

    model: type[BaseModel]
    sections: list[tuple[str, str]]
    first: str


KINDS: dict[str, Kind] = {
    "dpia": Kind(Questionnaire, SECTIONS, "screening"),  # the pre-scan first
    "knowledge-security": Kind(KnowledgeCheck, KNOWLEDGE_SECTIONS, "collaboration"),
}
SECTION_NAMES = dict(SECTIONS)


def kind_of(data: dict[str, Any]) -> str | None:
    """The file's kind when the form edits it (a file without `kind` is a DPIA)."""
    kind = data.get("kind", "dpia")
    return kind if isinstance(kind, str) and kind in KINDS else None


NUMBERED = ("description", "lawfulness")  # the sections whose questions carry the points
# The points of the Model DPIA Rijksdienst, headed as the DPIA heads them, each with what it
# asks: the form groups a section's questions under the point they answer (Field.point).
POINTS: dict[int, tuple[str, str]] = {
    1: (N_("Proposal"), N_("What is proposed, why, and in what setting.")),
    2: (
        N_("Personal data"),
        N_("Which personal data are processed, of whom, and where they come from."),
    ),
    3: (
        N_("Processing operations"),
        N_("The steps the data go through (collect, store, analyse, share, delete)."),
    ),
    4: (N_("Techniques and methods"), N_("How the data are processed: the tools and the AI.")),
    5: (N_("Purposes"), N_("What each processing operation is for.")),
    6: (
        N_("Parties involved"),
        N_("Who takes part, in which role, and which data each party gets."),
    ),
    7: (
        N_("Interests in the processing"),
        N_("What the school, the suppliers and the people concerned have at stake."),
    ),
    8: (
        N_("Processing locations and transfers"),
        N_(
            "Where the data are stored or looked at, and how a transfer outside the EEA is covered."
        ),
    ),
    9: (
        N_("Legal and policy framework"),
        N_("Laws, regulations and policies that apply, with their articles."),
    ),
    10: (N_("Retention periods"), N_("How long the data are kept, and why no longer.")),
    11: (N_("Lawful basis"), N_("The lawful basis (Art. 6 GDPR) for each purpose.")),
    12: (
        N_("Special categories, criminal data and national identification numbers"),
        N_("The exception that allows special data, and the ground for criminal data or the BSN."),
    ),
    13: (
        N_("Purpose limitation"),
        N_("Whether data are used for another purpose than they were collected for."),
    ),
    14: (
        N_("Necessity and proportionality"),
        N_("Why the processing is needed, and whether a less intrusive way would do."),
    ),
    15: (
        N_("Rights of data subjects"),
        N_("How people are informed and how they use their rights."),
    ),
}

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
    ("risks", "-", "data"): ("description", "personal_data"),
    ("description", "parties", "-", "other_roles", "-", "data"): ("description", "personal_data"),
    ("description", "parties", "-", "other_roles", "-", "operations"): (
        "description",
        "operations",
    ),
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
    kind: str  # text name id bool int date enum ref refs choices lines texts section list
    label: str  # English catalog message: the field's short label
    help: str = ""  # English catalog message: the field's description
    point: int | None = None  # the Rijksmodel point the question answers
    required: bool = False
    value: Any = None
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    children: list[Node] = field(default_factory=list)
    low: int | None = None
    high: int | None = None
    top: bool = False  # a section of the form itself (its questions may be grouped)

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
        last = f.point or last
        keys.append(last)
    order = sorted(range(len(found)), key=lambda i: keys[i])
    return [found[i] for i in order]


def node(f: Field, value: Any, root: dict[str, Any], loc: Loc) -> Node:
    n = Node(
        loc, f.path, f.kind, f.label, f.help, f.point, f.required, value, low=f.low, high=f.high
    )
    names_key = "_" in f.name and f.name in n.help
    if repeats(n.help, n.label) or f.name in _SAID_BY_LABEL or names_key:
        n.help = ""  # it repeats the label, or names the file's key ("Impact on: sex_...")
    if f.path in REFERENCES:
        n.kind = "refs" if f.many else "ref"
        n.options = _ids(root, REFERENCES[f.path])
    elif f.kind == "enum" and f.enum is not None:
        n.kind = "choices" if f.many else "enum"
        n.options = [(m.value, m.label) for m in f.enum]
        if all(str(m.value) in f.help for m in f.enum):
            n.help = ""  # a list of the codes, which the form shows by their labels
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
        n.kind = "texts" if f.kind == "text" else "lines"  # texts: one per line, per language
    return n


# Asked in each of the pre-scan's 26 items: the label says it all, the help only repeats.
_SAID_BY_LABEL = {"applies", "reason"}


def _plain(text: str) -> str:
    text = re.sub(r"^\d+ |\([^)]*\)", "", text).strip().rstrip(".?").lower()
    return re.sub(r"^(the|a|an) ", "", text).strip()


def repeats(help_text: str, label: str) -> bool:
    """Whether the help text only says the label again ("E-mail address." under "E-mail",
    "Who was asked." under "Who was asked?", the same words in another order)."""
    shown, asked = _plain(help_text), _plain(label)
    if shown == asked or (shown.startswith(asked) and len(shown) < len(asked) + 12):
        return True
    words, asking = _words(shown), _words(asked)
    return words == asking or (len(words) <= 4 and words <= asking)


# Words a question and its help sentence differ in without saying more ("Whether ...").
_GLUE = {"the", "a", "an", "of", "whether", "if", "is", "are", "de", "het", "een", "van", "om"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text)) - _GLUE


def _ids(root: dict[str, Any], target: Path) -> list[tuple[str, str]]:
    items: Any = root
    for key in target:
        items = child(items, key)
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            out.append((item["id"], summary(item)))
    return out


def summary(item: dict[str, Any]) -> str:
    """A short name for a list item: its id and title, name or description."""
    for key in ("title", "name", "category", "description"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("nl") or value.get("en")
        if isinstance(value, str) and value.strip():
            short = value.strip().splitlines()[0]
            return f"{item['id']}: {short[:60]}{'…' if len(short) > 60 else ''}"
    return str(item["id"])


def section(name: str, data: dict[str, Any], kind: str = "dpia") -> Node:
    """The form of one top-level section."""
    first = next(f for f in fields(KINDS[kind].model) if f.name == name)
    root = node(first, data.get(name), data, (name,))
    root.top = True
    return root


def available(data: dict[str, Any], kind: str = "dpia") -> list[str]:
    """The sections that apply (the AI section only when an AI system is used)."""
    return [name for name, _ in KINDS[kind].sections if applies((name,), data)]


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


def field_at(loc: Loc, kind: str = "dpia") -> Field:
    """The question at `loc` (list indexes skipped), to check and convert what a browser
    sends; KeyError when the model has no such field."""
    model: type[BaseModel] | None = KINDS[kind].model
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
