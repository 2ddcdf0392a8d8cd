"""Validate a loaded file against the model; every problem is reported with its position."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dpia.load import Loaded, LoadError, Problem, field_path, load
from dpia.model.base import Text
from dpia.model.questionnaire import Loc, Questionnaire, reference_errors


@dataclass
class Validated:
    path: Path
    loaded: Loaded | None
    questionnaire: Questionnaire | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.questionnaire is not None


def validate_file(path: Path) -> Validated:
    """Load and validate one questionnaire; never raises for bad input."""
    try:
        loaded = load(path)
    except LoadError as e:
        return Validated(path, None, None, e.problems)
    problems = [
        Problem(loaded.locate(loc), field_path(loc), msg, code="reference")
        for loc, msg in reference_errors(loaded.data)
    ]
    q: Questionnaire | None = None
    try:
        q = Questionnaire.model_validate(loaded.data)
    except ValidationError as e:
        problems += [_problem(err, loaded) for err in e.errors(include_url=False)]
    problems.sort(key=lambda p: p.pos)
    return Validated(path, loaded, None if problems else q, problems)


_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "date_type": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "list_type": "a list",
    "enum": "one of the allowed values",
}


def _problem(err: Any, loaded: Loaded) -> Problem:
    loc: Loc = tuple(p for p in err["loc"] if isinstance(p, int | str))
    kind, value = err["type"], err.get("input")
    path = field_path(loc)
    if kind == "extra_forbidden":
        allowed = _fields_at(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
        return Problem(loaded.locate(loc, key=True), path, f"unknown field; {hint}", code=kind)
    if kind == "missing":
        parent = loaded.key_pos.get(loc[:-1]) or loaded.locate(loc[:-1])
        return Problem(parent, path, "required field is missing", code=kind)
    if kind == "enum":
        allowed = [str(m.value) for m in _annotation_at(loc)]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        msg = f"'{value}' is not one of: {', '.join(allowed)}{hint}"
        return Problem(loaded.locate(loc), path, msg, code=kind)
    if kind == "bool_type" and isinstance(value, str):
        msg = f"expected true or false, not the text '{value[:20]}'"
    elif kind in _TYPE_WORDS:
        msg = f"expected {_TYPE_WORDS[kind]}, got {_describe(value)}"
    elif kind == "string_pattern_mismatch":
        msg = _pattern_message(loc)
    elif kind in ("value_error", "assertion_error"):
        msg = str(err["ctx"]["error"])
    else:
        msg = err["msg"][0].lower() + err["msg"][1:]
    return Problem(loaded.locate(loc), path, msg, code=kind)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    names |= {dict: "a mapping", list: "a list"}
    return names.get(type(value), type(value).__name__)


def _pattern_message(loc: Loc) -> str:
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    if name == "country":
        return "expected a two-letter country code in capitals, such as NL or US"
    if name == "email":
        return "expected an e-mail address"
    return "expected an id: a letter, then letters, digits, '_', '.' or '-' (at most 40)"


def _annotation_at(loc: Loc) -> Any:
    """The (unwrapped) type the model expects at `loc`."""
    current: Any = Questionnaire
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                return None
            current = info.annotation
    return _unwrap(current)


def _fields_at(loc: Loc) -> list[str]:
    model = _annotation_at(loc)
    if model is Text:
        return ["nl", "en"]
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [n for n, f in model.model_fields.items() if not f.exclude]
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Optional and Annotated, keeping list[...] so an index can step into it."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp
