"""What each question of the questionnaire is, read from the model itself: one place for the
metadata that the starter (`dpia init`), the JSON Schema and a form all show.

Each field has a short label (a question or a noun phrase, from `dpia.model.questions`) and
a help text, its pydantic description; both are English catalog messages (the Dutch comes
from locales/, where `make catalogs` puts every description). The allowed values are the
members of its enum. A field added to the model appears everywhere by itself; a test asks
for its label.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from dpia.model.base import PUBLIC, Text
from dpia.model.enums import Labelled
from dpia.model.questionnaire import Questionnaire
from dpia.model.questions import label_of

Path = tuple[str, ...]  # field names from the top; "-" stands for "an item of this list"


@dataclass(frozen=True)
class Field:
    path: Path
    help: str  # English: a catalog message
    kind: str  # text, name, id, bool, int, date, enum, section
    many: bool  # a list of `kind`
    required: bool  # the model refuses the file without it
    default: Any  # the value when left out (None: unanswered); PydanticUndefined if required
    enum: type[Labelled] | None = None
    model: type[BaseModel] | None = None  # the section's model, for kind == "section"
    low: int | None = None  # bounds of a number
    high: int | None = None
    public: bool = False  # written for the people concerned (model.base.PUBLIC)
    owner: str = ""  # the name of the model the field belongs to

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def label(self) -> str:
        """The short English label (a catalog message); a field without one yet is named
        after its key (`assessment_date` -> `Assessment date`)."""
        return label_of(self.path, self.owner) or self.name.replace("_", " ").capitalize()

    @property
    def point(self) -> int | None:
        """The point of the Model DPIA Rijksdienst the field answers, where its help text
        starts with that number ("2 Whose data are processed.")."""
        number = re.match(r"(\d+) ", self.help)
        if number is None or self.path[0] == "screening":  # there: the AP list's own numbers
            return None
        return int(number.group(1))

    @property
    def optional_section(self) -> bool:
        """A section that is left out (None) until it applies: its fields are not yet asked."""
        return self.kind == "section" and not self.many and self.default is None

    @property
    def allowed(self) -> tuple[Labelled, ...]:
        return tuple(self.enum) if self.enum else ()


def fields(model: type[BaseModel], path: Path = ()) -> list[Field]:
    """The fields of one model, in the order of the model, without the internal ones."""
    return [
        _field(info, (*path, name), model.__name__)
        for name, info in model.model_fields.items()
        if not info.exclude and not (model is Questionnaire and name == "base_only")
    ]


def walk(model: type[BaseModel] = Questionnaire, path: Path = ()) -> Iterator[Field]:
    """Every field of the questionnaire, depth first, as the starter writes them."""
    for f in fields(model, path):
        yield f
        if f.model is not None:
            yield from walk(f.model, (*f.path, "-") if f.many else f.path)


def _field(info: FieldInfo, path: Path, owner: str) -> Field:
    tp, many = _unwrap(info.annotation)
    metadata = [*info.metadata, *_annotated_metadata(info.annotation)]
    help_text = info.description or next(
        (m.description for m in metadata if isinstance(m, FieldInfo) and m.description), ""
    )
    default = info.get_default(call_default_factory=True) if not info.is_required() else None
    required = info.is_required()
    common: dict[str, Any] = {
        "path": path,
        "help": help_text,
        "many": many,
        "required": required,
        "default": PydanticUndefined if required else default,
        "public": info.json_schema_extra == PUBLIC,
        "owner": owner,
    }
    if isinstance(tp, type) and issubclass(tp, Labelled):  # every closed list has labels
        return Field(kind="enum", enum=tp, **common)
    if isinstance(tp, type) and issubclass(tp, BaseModel) and tp is not Text:
        return Field(kind="section", model=tp, **common)
    low = next((int(m.ge) for m in metadata if isinstance(m, Ge)), None)  # type: ignore[call-overload]
    high = next((int(m.le) for m in metadata if isinstance(m, Le)), None)  # type: ignore[call-overload]
    return Field(kind=_scalar_kind(tp, path, metadata), low=low, high=high, **common)


def _scalar_kind(tp: Any, path: Path, metadata: list[Any]) -> str:
    if tp is Text:
        return "text"
    if tp is bool:
        return "bool"
    if tp is int:
        return "int"
    if tp is dt.date:
        return "date"
    patterns = [getattr(m, "pattern", None) for m in metadata]
    if path[-1] == "id" or any(p and p.startswith("^[A-Za-z]") for p in patterns):
        return "id"
    return "name"


def _annotated_metadata(tp: Any) -> list[Any]:
    """Constraints written in Annotated types (Id, Country), also inside Optional or list."""
    out: list[Any] = []
    if typing.get_origin(tp) is typing.Annotated:
        out += list(tp.__metadata__)
    for arg in typing.get_args(tp):
        if typing.get_origin(tp) is not typing.Annotated:
            out += _annotated_metadata(arg)
    return out


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """The type of one answer, and whether the field is a list of them."""
    many = False
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        elif origin is list:
            tp, many = typing.get_args(tp)[0], True
        else:
            return tp, many
