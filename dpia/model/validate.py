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
from dpia.load.problems import N_, Params, Phrase, Refusal, display_path, params
from dpia.model.base import Text
from dpia.model.knowledge import KnowledgeCheck, knowledge_reference_errors
from dpia.model.knowledge_enums import CheckKind
from dpia.model.questionnaire import Loc, Questionnaire, Reference, reference_errors


@dataclass
class Validated:
    path: Path
    loaded: Loaded | None
    questionnaire: Questionnaire | None
    problems: list[Problem] = field(default_factory=list)
    knowledge: KnowledgeCheck | None = None  # set instead of `questionnaire` for that kind

    @property
    def ok(self) -> bool:
        return self.questionnaire is not None or self.knowledge is not None

    @property
    def warnings(self) -> list[Problem]:
        """The loader's warnings: the file is valid with them, but something looks unmeant."""
        return self.loaded.warnings if self.loaded is not None else []


def validate_file(path: Path) -> Validated:
    """Load and validate one questionnaire; never raises for bad input."""
    try:
        return _validate(path)
    except Exception as e:  # a bug, not bad input: still a located line, never a traceback
        message = N_("internal error while checking this file ({error}); please report it")
        where = Pos(display_path(path))
        problem = Problem(
            where, "", message, code="internal", params=params(error=type(e).__name__)
        )
        return Validated(path, None, None, [problem])


def _validate(path: Path) -> Validated:
    try:
        loaded = load(path, partial=True)
    except LoadError as e:
        return Validated(path, None, None, sorted(e.problems, key=lambda p: p.pos))
    kind = loaded.data.get("kind", CheckKind.dpia.value)
    if kind not in [k.value for k in CheckKind]:  # the rest cannot be checked against a kind
        return Validated(path, loaded, None, [_kind_problem(kind, loaded)])
    root: type[BaseModel] = Questionnaire
    if kind == CheckKind.knowledge_security:
        root = KnowledgeCheck
    data = loaded.data
    if root is Questionnaire and "kind" in data:  # `kind: dpia` says what a DPIA is anyway
        data = {k: v for k, v in data.items() if k != "kind"}
    problems = list(loaded.problems)
    problems += [
        Problem(loaded.locate(loc), field_path(loc), msg, code="reference", params=values)
        for loc, msg, values in _reference_errors(data, root)
    ]
    model: BaseModel | None = None
    try:
        model = root.model_validate(data)
    except ValidationError as e:
        for err in e.errors(include_url=False):
            loc: Loc = tuple(p for p in err["loc"] if isinstance(p, int | str))
            repeats = any(loc[: len(bad)] == bad for bad in loaded.invalid)
            if err["type"] == "extra_forbidden" or not repeats:
                problems.append(_problem(err, loc, loaded, root))
    problems.sort(key=lambda p: p.pos)
    if problems:
        return Validated(path, loaded, None, problems)
    if isinstance(model, KnowledgeCheck):
        return Validated(path, loaded, None, problems, knowledge=model)
    assert isinstance(model, Questionnaire)
    return Validated(path, loaded, model, problems)


def _kind_problem(kind: object, loaded: Loaded) -> Problem:
    allowed = [k.value for k in CheckKind]
    close = difflib.get_close_matches(str(kind), allowed, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    message = f"'{str(kind)[:40]}' is not one of: {', '.join(allowed)}{hint}"
    return Problem(loaded.locate(("kind",)), "kind", message, code="enum")


def _reference_errors(data: dict[str, Any], root: type[BaseModel]) -> list[Reference]:
    """The reference checks, which see raw data: when odd data trips them, the model's own
    errors describe what is wrong."""
    try:
        if root is KnowledgeCheck:
            return [(loc, msg, ()) for loc, msg in knowledge_reference_errors(data)]
        return list(reference_errors(data))
    except Exception:  # e.g. an id that is a list; the model reports it as not text
        return []


_TYPE_WORDS = {
    "string_type": N_("text"),
    "bool_type": N_("true or false"),
    "int_type": N_("a whole number"),
    "date_type": N_("a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": N_("a date (YYYY-MM-DD)"),
    "date_parsing": N_("a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": N_("a date (YYYY-MM-DD)"),
    "model_type": N_("a mapping of fields"),
    "model_attributes_type": N_("a mapping of fields"),
    "dict_type": N_("a mapping of fields"),
    "list_type": N_("a list"),
}
_DATE_KINDS = {"date_type", "date_from_datetime_parsing", "date_parsing"}

# A message and its parameters: the English template is translated when it is printed.
Message = tuple[str, Params]


def _problem(err: Any, loc: Loc, loaded: Loaded, root: type[BaseModel]) -> Problem:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    path = field_path(loc)
    pos = loaded.locate(loc)
    if kind == "extra_forbidden":
        allowed = _fields_at(loc[:-1], root)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        if close:
            msg: Message = N_("unknown field; did you mean '{name}'?"), params(name=close[0])
        elif allowed:
            msg = N_("unknown field; allowed: {names}"), params(names=", ".join(allowed))
        else:
            msg = N_("unknown field"), ()
        return Problem(loaded.locate(loc, key=True), path, msg[0], code=kind, params=msg[1])
    if kind == "missing":
        parent = loaded.key_pos.get(loc[:-1]) or loaded.locate(loc[:-1])
        return Problem(parent, path, N_("required field is missing"), code=kind)
    if kind == "enum":
        msg = _enum_message(loc, value, ctx, root)
    else:
        msg = _type_message(kind, loc, value, ctx, err["msg"], root)
    return Problem(pos, path, msg[0], code=kind, params=msg[1])


def _type_message(
    kind: str, loc: Loc, value: Any, ctx: dict[str, Any], raw: str, root: type[BaseModel]
) -> Message:
    text_model = (
        kind in ("model_type", "model_attributes_type") and _annotation_at(loc, root) is Text
    )
    if kind == "string_type" or text_model:
        if isinstance(value, bool | int | float | dt.date):  # YAML read it as something else
            return N_("expected text, got {got}; put it in quotes"), params(got=_describe(value))
        return N_("expected text, got {got}"), params(got=_describe(value))
    if kind == "bool_type" and isinstance(value, str):
        return N_("expected true or false, not the text '{value}'"), params(value=value[:20])
    if kind == "int_type" and isinstance(value, float):
        return N_("expected a whole number, got a decimal number"), ()
    if kind in _DATE_KINDS and isinstance(value, str):
        return N_("'{value}' is not a valid date; expected YYYY-MM-DD"), params(value=value[:40])
    if kind == "date_from_datetime_inexact" and isinstance(value, dt.datetime):
        return N_("expected a date (YYYY-MM-DD), not a date and time"), ()
    if kind in _TYPE_WORDS:
        what = Phrase(_TYPE_WORDS[kind])
        return N_("expected {what}, got {got}"), params(what=what, got=_describe(value))
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc), ()
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        error = ctx["error"]
        if isinstance(error, Refusal):  # the model's own message, with its parameters
            return error.message, error.params
        return str(error), ()
    if kind in _LIMITS:
        return _LIMITS[kind], tuple((k, str(v)) for k, v in ctx.items())
    return raw[0].lower() + raw[1:], ()


_LIMITS = {
    "string_too_short": N_("must not be empty"),
    "string_too_long": N_("text is longer than {max_length} characters"),
    "too_short": N_("needs at least {min_length} item(s)"),
    "too_long": N_("has more than {max_length} items"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than_equal": N_("must be at most {le}"),
}


def _enum_message(loc: Loc, value: Any, ctx: dict[str, Any], root: type[BaseModel]) -> Message:
    enum = _annotation_at(loc, root)
    if isinstance(enum, type) and issubclass(enum, Enum):
        allowed = [str(m.value) for m in enum]
    else:  # not expected; pydantic's own list of values
        allowed = [str(ctx.get("expected", "")).replace("'", "")]
    names = ", ".join(allowed)
    if not isinstance(value, str):
        got = _describe(value)
        return N_("expected one of: {names}; got {got}"), params(names=names, got=got)
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    if close:
        return N_("'{value}' is not one of: {names} (did you mean '{close}'?)"), params(
            value=value[:40], names=names, close=close[0]
        )
    return N_("'{value}' is not one of: {names}"), params(value=value[:40], names=names)


def _describe(value: Any) -> Phrase:
    if value is None:
        return Phrase(N_("nothing (empty value)"))
    if isinstance(value, dt.datetime):
        return Phrase(N_("a date and time"))
    if isinstance(value, dt.date):
        return Phrase(N_("a date"))
    names = {bool: N_("true/false"), int: N_("a number"), float: N_("a number"), str: N_("text")}
    names |= {dict: N_("a mapping"), list: N_("a list")}
    return Phrase(names.get(type(value), type(value).__name__))


def _pattern_message(loc: Loc) -> str:
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    if name == "country":
        return N_("expected a two-letter country code in capitals, such as NL or US")
    if name == "email":
        return N_("expected an e-mail address")
    return N_("expected an id: a letter, then letters, digits, '_', '.' or '-' (at most 40)")


def _annotation_at(loc: Loc, root: type[BaseModel] = Questionnaire) -> Any:
    """The (unwrapped) type the model expects at `loc`."""
    current: Any = root
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


def _fields_at(loc: Loc, root: type[BaseModel]) -> list[str]:
    model = _annotation_at(loc, root)
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
