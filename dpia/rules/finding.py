"""Findings: what a privacy officer would flag in an assessment, each pointing at a field.

Every check is a small generator over the questionnaire, registered with @check in
checks_data.py (Parts A and B, processors) and checks_governance.py (risks, AI, consultation).
Messages are English templates marked with N_ so the gettext catalogs translate them for the
Dutch documents; the parameters are ids and codes from the file, never free text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel

from dpia.load import Severity
from dpia.model import Questionnaire, Text
from dpia.model.enums import (
    Labelled,
    Sector,
)
from dpia.model.labels import english_label

Loc = tuple[str | int, ...]
SCHOOLS = {Sector.primary, Sector.secondary, Sector.vocational}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    loc: Loc
    message: str  # English template with {named} parameters
    # A tuple of enum values is a list of them, e.g. the signals a screening overlooks.
    params: Mapping[str, str | Labelled | tuple[Labelled, ...]] = field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = str) -> str:
        """The message in the language of `translate`; enum values become their labels."""

        def value(v: str | Labelled | tuple[Labelled, ...]) -> str:
            if isinstance(v, tuple):
                return ", ".join(translate(english_label(x)) for x in v)
            return translate(english_label(v)) if isinstance(v, Labelled) else v

        return translate(self.message).format(**{k: value(v) for k, v in self.params.items()})


Check = Callable[[Questionnaire], Iterator[Finding]]
CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


E, W = Severity.error, Severity.warning


def walk_texts(node: object, loc: Loc = ()) -> Iterator[tuple[Loc, Text]]:
    """Every free-text answer in the questionnaire, with its location."""
    if isinstance(node, Text):
        yield loc, node
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from walk_texts(item, (*loc, i))
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from walk_texts(getattr(node, name), (*loc, name))
