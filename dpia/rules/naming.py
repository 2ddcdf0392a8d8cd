"""How a finding names an item of the questionnaire: "P4 (Stress alerts to invigilators…)".

An id alone ("P4", "R7") means nothing to a board member reading the summary, so a finding
that names a purpose, risk, measure, data category, group of people or party gives its id with
a short description or name in the document's language. The text is cut on a word boundary
so that messages stay one line in a summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from dpia.load.problems import printable
from dpia.model import Questionnaire, Text

SHORT = 60  # characters of description beside one id
SHORTER = 40  # beside each id of a list, which can name many


@dataclass(frozen=True)
class Named:
    """An id with the text that describes it (None: the id alone)."""

    id: str
    text: Text | str | None = None
    limit: int = SHORT

    def show(self, lang: str | None = None) -> str:
        if self.text is None:
            return self.id
        if isinstance(self.text, str):
            words = self.text
        else:
            words = self.text.get(lang or "en", lang or "en")[0] or ""
        short = shorten(words, self.limit)
        if not short or _same(short, self.id):
            return short or self.id  # "Candidates", not "candidates (Candidates)"
        return f"{self.id} ({short})"


def shorten(text: str, limit: int = SHORT) -> str:
    """`text` on one line, cut before `limit` characters on a word boundary, with an
    ellipsis where it was cut; control characters escaped (the CLI prints findings)."""
    flat = printable(" ".join(text.split()))
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-(") + "…"


def _same(text: str, ident: str) -> bool:
    def key(s: str) -> str:
        return "".join(ch for ch in s.lower() if ch.isalnum())

    return key(text) == key(ident)


Kind = Literal["purpose", "risk", "measure", "data", "subject", "party"]

# Each kind: the list it is an item of, and the text that describes an item.
_LISTS: dict[Kind, tuple[Callable[[Questionnaire], Iterable[object]], Callable[[object], object]]]
_LISTS = {
    "purpose": (lambda q: q.description.purposes, lambda i: getattr(i, "description", None)),
    "risk": (lambda q: q.risks, lambda i: getattr(i, "title", None)),
    "measure": (lambda q: q.measures, lambda i: getattr(i, "title", None)),
    "data": (lambda q: q.description.personal_data, lambda i: getattr(i, "name", None)),
    "subject": (
        lambda q: q.description.data_subjects,
        lambda i: getattr(i, "name", None) or getattr(i, "category", None),
    ),
    "party": (lambda q: q.description.parties, lambda i: getattr(i, "name", None)),
}


def named(q: Questionnaire, kind: Kind, ident: str, limit: int = SHORT) -> Named:
    """The item `ident` of the list `kind`, as a finding names it."""
    items, describe = _LISTS[kind]
    for item in items(q):
        if getattr(item, "id", None) == ident:
            text = describe(item)
            return Named(ident, text if isinstance(text, (Text, str)) else None, limit)
    return Named(ident)


def named_all(q: Questionnaire, kind: Kind, idents: Iterable[str]) -> tuple[Named, ...]:
    """Several items of one list, each with a shorter description."""
    return tuple(named(q, kind, i, SHORTER) for i in idents)
