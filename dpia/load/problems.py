"""Problems found in a questionnaire, each located in the file that caused it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a source file; line and column are 1-based, as editors show them."""

    file: str
    line: int = 1
    col: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", printable(self.file))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class Phrase(str):
    """A parameter of a message that is itself a catalog message ("a number", "text"), so it
    is translated with the message; any other parameter is a value quoted from the file."""


Params = tuple[tuple[str, str], ...]


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is printed."""
    return message


def params(**values: str) -> Params:
    return tuple(values.items())


class Refusal(ValueError):
    """A value the model refuses, raised in a validator: an English catalog message and its
    parameters, so the located problem is translated when it is printed."""

    def __init__(self, message: str, **values: str) -> None:
        super().__init__(message.format(**values) if values else message)
        self.message, self.params = message, params(**values)


def _same(message: str) -> str:
    return message


@dataclass(frozen=True)
class Problem:
    """A located problem. `message` is an English catalog message, with `{name}` placeholders
    filled from `params` when there are any: it is translated when it is printed."""

    pos: Pos
    field: str
    message: str
    severity: Severity = Severity.error
    code: str = "invalid"
    params: Params = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", printable(self.field))
        object.__setattr__(self, "message", printable(self.message))
        clean = tuple((k, type(v)(printable(v))) for k, v in self.params)
        object.__setattr__(self, "params", clean)

    def text(self, translate: Callable[[str], str] = _same) -> str:
        """The message in the language of `translate` (a catalog's gettext)."""
        template = translate(self.message)
        if not self.params:
            return template
        values = {k: translate(v) if isinstance(v, Phrase) else v for k, v in self.params}
        return template.format(**values)

    def line(self, translate: Callable[[str], str] = _same) -> str:
        where = f"{self.field}: " if self.field else ""
        tag = "" if self.severity is Severity.error else f"{translate('warning')}[{self.code}]: "
        return f"{self.pos}: {tag}{where}{self.text(translate)}"

    def __str__(self) -> str:
        return self.line()

    def as_dict(self, translate: Callable[[str], str] = _same) -> dict[str, object]:
        return {
            "file": self.pos.file,
            "line": self.pos.line,
            "col": self.pos.col,
            "field": self.field,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.text(translate),
        }


class LoadError(Exception):
    """Loading could not produce data to validate; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def printable(text: str) -> str:
    """`text` with control, format and surrogate characters escaped.

    Problems quote keys and values from the file; written raw, an escape sequence could drive
    the terminal and a lone surrogate would crash the output.
    """
    if text.isprintable():
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # controls, bidi and other format marks, surrogates


def _escape(ch: str) -> str:
    code = ord(ch)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside it, or a symlink loop
        return str(path)


def field_path(loc: tuple[str | int, ...]) -> str:
    """`('risks', 0, 'measures')` -> `risks[0].measures`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
