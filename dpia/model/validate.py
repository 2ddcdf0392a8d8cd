"""Validate a loaded file against the model; every problem is reported with its position."""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dpia.load import Loaded, LoadError, Pos, Problem, field_path, load
from dpia.load.problems import display_path
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


def validate_file(path: Path, root: Path | None = None) -> Validated:
    """Load and validate one questionnaire; never raises for bad input. Files it extends must
    lie inside `root` (the batch root), by default inside the questionnaire's folder."""
    try:
        return _validate(path, root)
    except Exception as e:  # a bug, not bad input: still a located line, never a traceback
        message = f"internal error while checking this file ({type(e).__name__}); please report it"
        return Validated(
            path, None, None, [Problem(Pos(display_path(path)), "", message, code="internal")]
        )


def _validate(path: Path, root: Path | None) -> Validated:
    try:
        loaded = load(path, partial=True, root=root)
    except LoadError as e:
        return Validated(path, None, None, sorted(e.problems, key=lambda p: p.pos))
    problems = list(loaded.problems)
    problems += [
        Problem(loaded.locate(loc), field_path(loc), msg, code="reference")
        for loc, msg in _reference_errors(loaded.data)
    ]
    q: Questionnaire | None = None
    try:
        q = Questionnaire.model_validate(loaded.data)
    except ValidationError as e:
        for err in e.errors(include_url=False):
            loc: Loc = tuple(p for p in err["loc"] if isinstance(p, int | str))
            repeats = any(loc[: len(bad)] == bad for bad in loaded.invalid)
            if err["type"] == "extra_forbidden" or not repeats:
                problems.append(_problem(err, loc, loaded))
    problems.sort(key=lambda p: p.pos)
    return Validated(path, loaded, None if problems else q, problems)


def _reference_errors(data: dict[str, Any]) -> list[tuple[Loc, str]]:
    """The reference checks, which see raw data: when odd data trips them, the model's own
    errors describe what is wrong."""
    try:
        return list(reference_errors(data))
    except Exception:  # e.g. an id that is a list; the model reports it as not text
        return []


_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "date_type": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "list_type": "a list",
}
_DATE_KINDS = {"date_type", "date_from_datetime_parsing", "date_parsing"}


def _problem(err: Any, loc: Loc, loaded: Loaded) -> Problem:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    path = field_path(loc)
    pos = loaded.locate(loc)
    if kind == "extra_forbidden":
        allowed = _fields_at(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        hint = hint or ("; allowed: " + ", ".join(allowed) if allowed else "")
        return Problem(loaded.locate(loc, key=True), path, f"unknown field{hint}", code=kind)
    if kind == "missing":
        parent = loaded.key_pos.get(loc[:-1]) or loaded.locate(loc[:-1])
        return Problem(parent, path, "required field is missing", code=kind)
    if kind == "enum":
        return Problem(pos, path, _enum_message(loc, value, ctx), code=kind)
    text_model = kind in ("model_type", "model_attributes_type") and _annotation_at(loc) is Text
    if kind == "string_type" or text_model:
        msg = f"expected text, got {_describe(value)}{_quote_hint(value)}"
    elif kind == "bool_type" and isinstance(value, str):
        msg = f"expected true or false, not the text '{value[:20]}'"
    elif kind == "int_type" and isinstance(value, float):
        msg = "expected a whole number, got a decimal number"
    elif kind in _DATE_KINDS and isinstance(value, str):
        msg = f"'{value[:40]}' is not a valid date; expected YYYY-MM-DD"
    elif kind == "date_from_datetime_inexact" and isinstance(value, dt.datetime):
        msg = "expected a date (YYYY-MM-DD), not a date and time"
    elif kind in _TYPE_WORDS:
        msg = f"expected {_TYPE_WORDS[kind]}, got {_describe(value)}"
    elif kind == "string_pattern_mismatch":
        msg = _pattern_message(loc)
    elif kind in ("value_error", "assertion_error") and "error" in ctx:
        msg = str(ctx["error"])
    elif kind in _LIMITS:
        msg = _LIMITS[kind].format(**ctx)
    else:
        msg = err["msg"][0].lower() + err["msg"][1:]
    return Problem(pos, path, msg, code=kind)


_LIMITS = {
    "string_too_short": "must not be empty",
    "string_too_long": "text is longer than {max_length} characters",
    "too_short": "needs at least {min_length} item(s)",
    "too_long": "has more than {max_length} items",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
}


def _enum_message(loc: Loc, value: Any, ctx: dict[str, Any]) -> str:
    enum = _annotation_at(loc)
    if isinstance(enum, type) and issubclass(enum, Enum):
        allowed = [str(m.value) for m in enum]
    else:  # not expected; pydantic's own list of values
        allowed = [str(ctx.get("expected", "")).replace("'", "")]
    if not isinstance(value, str):
        return f"expected one of: {', '.join(allowed)}; got {_describe(value)}"
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"'{value[:40]}' is not one of: {', '.join(allowed)}{hint}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    names |= {dict: "a mapping", list: "a list"}
    return names.get(type(value), type(value).__name__)


def _quote_hint(value: Any) -> str:
    """YAML read it as something else: quotes make it text."""
    if isinstance(value, bool | int | float | dt.date):
        return "; put it in quotes"
    return ""


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
