"""The starter questionnaires of `dpia init` and of `dpia serve`'s "new assessment".

The full starter (`--preset dpia`) is written from the model.

Every field of the model is in it, each with its help text and allowed values as a comment in
the chosen language (from dpia.model.fields and the catalogs). It validates as written:
questions the user must answer are empty (null or []), and sections that apply only in some
cases are written with their fields behind "# ", ready to be switched on. Only the few fields
without which no file is valid get a starting value (see STARTING_VALUES).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from enum import Enum
from typing import Any

from dpia.load.problems import N_
from dpia.model.enums import Labelled
from dpia.model.fields import Field, Path, fields
from dpia.model.questionnaire import Questionnaire
from dpia.render.i18n import Translator
from dpia.resources import TEMPLATES

WIDTH = 96  # comments are wrapped to this width

# Required fields without a default: the starter must validate, so these get a value. Texts in
# brackets are placeholders the documents show as they are, so they are hard to miss.
STARTING_VALUES: dict[Path, Any] = {
    ("meta", "title"): N_("[title of the assessment]"),
    ("meta", "organisation", "name"): N_("[name of the organisation]"),
    ("meta", "organisation", "sector"): "secondary",
    ("meta", "version"): "0.1",
    ("meta", "status"): "draft",
    ("meta", "classification"): "internal",
}

HEADER = [
    N_("A complete DPIA questionnaire, written by `dpia init`."),
    N_(
        "Every question is here, with what it asks and the values it allows. Write an answer "
        "after the colon; leave a question empty until you know the answer: the documents mark "
        "it as open, and `dpia validate --open` lists every open question."
    ),
    N_(
        "A part that applies only in some cases is left empty; its fields follow below it, "
        'behind "# ". To fill it in, remove the "# " at the start of those lines. In a list, '
        'replace [] by entries that each start with "- ", like the example behind "# ".'
    ),
    N_(
        "Long text: write >- after the colon and the text on the following lines, indented. "
        "Codes such as secondary or public_task stay English; the comments explain them."
    ),
]


class Starter:
    def __init__(self, lang: str, today: dt.date) -> None:
        self.t, self.lang, self.today = Translator(lang), lang, today
        self.lines: list[str] = []
        self.paths: list[Path] = []  # every field written, for the tests

    def write(self) -> str:
        self.lines = ["# yaml-language-server: $schema=dpia.schema.json"]
        for paragraph in HEADER:
            self._comment(0, self.t.gettext(paragraph))
        self._fields(Questionnaire, (), 0, None)
        return "\n".join(self.lines) + "\n"

    def _fields(self, model: Any, path: Path, indent: int, hidden: int | None) -> None:
        """Write a model's fields with their keys at `indent`, behind "# " placed at column
        `hidden` if set. The fields of a list item start with "- " two columns to the left."""
        item = path[-1:] == ("-",)
        for i, f in enumerate(fields(model, path)):
            self.paths.append(f.path)
            self._field(f, indent, hidden, dash=item and i == 0)

    def _field(self, f: Field, indent: int, hidden: int | None, dash: bool) -> None:
        self._comment(indent, self._help(f), hidden)
        key_indent, key = (indent - 2, f"- {f.name}:") if dash else (indent, f"{f.name}:")
        if f.kind != "section":
            value = self._value(f, hidden is not None)
            self._line(key_indent, f"{key} {value}".rstrip(), hidden)
            return
        assert f.model is not None
        path = (*f.path, "-") if f.many else f.path
        child = indent + 4 if f.many else indent + 2  # list items: "- " then the keys
        if hidden is None and (f.many or f.optional_section):
            # Empty until it applies ([] or null); its fields behind "# " as the example.
            self._line(key_indent, f"{key} []" if f.many else key, None)
            self._fields(f.model, path, child, indent)
        else:
            self._line(key_indent, key, hidden)
            self._fields(f.model, path, child, hidden)

    def _value(self, f: Field, hidden: bool) -> str:
        if f.required and not hidden:
            return self._starting_value(f)
        if f.many:
            return "[]"
        if f.default is None or f.required:
            return ""
        return _yaml(f.default)

    def _starting_value(self, f: Field) -> str:
        if f.path == ("meta", "languages"):
            return f"[{self.lang}]"
        if f.path == ("meta", "assessment_date"):
            return self.today.isoformat()
        value = STARTING_VALUES.get(f.path)
        if value is None:  # a required field added later: still a valid starter
            value = _fallback(f, self.today)
        elif str(value).startswith("["):  # a placeholder text, in the starter's language
            value = self.t.gettext(value)
        return _yaml(value)

    def _help(self, f: Field) -> str:
        """The question's short label, then its help text and the values it allows."""
        label = self.t.gettext(f.label)
        text = self.t.gettext(f.help) if f.help else ""
        allowed = self._allowed(f)
        if text.rstrip(".").lower() != label.rstrip("?").lower():
            text = f"{label} — {text}" if text else label
        return f"{text} {allowed}".strip()

    def _allowed(self, f: Field) -> str:
        t = self.t
        if f.enum is not None and all(str(m.value) in f.help for m in f.allowed):
            return ""  # the help text already names every value
        if f.enum is not None:
            members = ", ".join(self._member(m) for m in f.allowed)
            template = (
                t.gettext("A list of: {values}.") if f.many else t.gettext("One of: {values}.")
            )
            return template.format(values=members)
        if f.kind == "bool":
            return t.gettext("true or false.")
        if f.kind == "int" and f.low is not None and f.high is not None:
            return t.gettext("A whole number from {low} to {high}.").format(low=f.low, high=f.high)
        if f.kind == "date" and "YYYY" not in f.help:
            return t.gettext("A date, YYYY-MM-DD.")
        if f.many and f.kind in ("text", "name"):
            return t.gettext("A list of texts.")
        return ""

    def _member(self, m: Labelled) -> str:
        """`code (label)`, or the code alone where the label only repeats it."""
        label = self.t.label(m)
        same = label.lower() == str(m.value).replace("_", " ")
        return str(m.value) if same else f"{m.value} ({label})"

    def _comment(self, indent: int, text: str, hidden: int | None = None) -> None:
        if not text:
            return
        for line in textwrap.wrap(text, WIDTH - indent - 2, break_on_hyphens=False):
            self._line(indent, f"# {line}", hidden)

    def _line(self, indent: int, text: str, hidden: int | None) -> None:
        if hidden is None:
            self.lines.append(" " * indent + text)
        else:  # removing the "# " at column `hidden` gives the line at its own indent
            self.lines.append(" " * hidden + "# " + " " * (indent - hidden) + text)


def _yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date | int):
        return str(value)
    text = str(value)
    plain = text.replace("_", "").isalnum() and not text.replace(".", "").isdigit()
    return text if plain else json.dumps(text, ensure_ascii=False)


def _fallback(f: Field, today: dt.date) -> Any:
    if f.enum is not None:
        return next(iter(f.enum))
    return {"bool": False, "int": f.low or 0, "date": today}.get(f.kind, f"[{f.label}]")


def starter(lang: str, today: dt.date) -> str:
    return Starter(lang, today).write()


PRESETS = ("screening", "dpia", "knowledge-security")


def new_questionnaire(preset: str, lang: str, today: dt.date) -> str:
    """The text of a new questionnaire: every question (preset dpia, written from the model)
    or a short, hand-written example (the pre-scan, the knowledge-security check); dated
    today, with the start a month and the review a year later."""
    if preset == "dpia":
        return starter(lang, today)
    short = (TEMPLATES / lang / f"starter-{preset}.yaml").read_text(encoding="utf-8")
    text = short.replace("2000-01-01", today.isoformat())
    # The processing is planned to start a month on: a date to correct, never one long past.
    text = text.replace("2000-02-01", (today + dt.timedelta(days=31)).isoformat())
    return text.replace("2001-01-01", (today + dt.timedelta(days=365)).isoformat())
