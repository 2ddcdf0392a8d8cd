"""Findings: what a privacy officer would flag in an assessment, each pointing at a field.

Every check is a small generator over the questionnaire, registered with @check in
checks_data.py (Parts A and B, processors) and checks_governance.py (risks, AI, consultation).
Messages are English templates marked with N_ so the gettext catalogs translate them for the
Dutch documents; the parameters are codes, enum values and the items a finding names
(`rules.naming.Named`: an id with a short description, shown in the document's language).
A message with a count has a plural form (`plural`), chosen with the catalog's ngettext.
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
from dpia.rules.naming import Named

Loc = tuple[str | int, ...]
Param = str | Labelled | Named | tuple[Labelled | Named, ...]
SCHOOLS = {Sector.primary, Sector.secondary, Sector.vocational}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    loc: Loc
    message: str  # English template with {named} parameters
    # A tuple is a list: enum values (the signals a screening overlooks) or named items.
    params: Mapping[str, Param] = field(default_factory=dict)
    # The plural of `message`, where it counts something: the "count" parameter chooses.
    plural: str | None = None

    def text(self, translate: Callable[[str], str] = str) -> str:
        """The message in the language of `translate`; enum values become their labels, named
        items show their description in the document's language.

        `translate` is a catalog's gettext, usually `Translator.gettext` of dpia.render.i18n,
        whose translator also gives the language and the plural forms; a plain function
        (the default: English) gives English plurals and English descriptions."""
        speaker = getattr(translate, "__self__", None)
        lang = getattr(speaker, "lang", None)

        def one(v: str | Labelled | Named) -> str:
            if isinstance(v, Named):
                return v.show(lang)
            return translate(english_label(v)) if isinstance(v, Labelled) else v

        def value(v: Param) -> str:
            return ", ".join(one(x) for x in v) if isinstance(v, tuple) else one(v)

        template = translate(self.message)
        if self.plural is not None:
            n = int(str(self.params.get("count", "0")))
            ngettext = getattr(speaker, "ngettext", None)
            if callable(ngettext):
                template = ngettext(self.message, self.plural, n)
            else:
                template = self.message if n == 1 else self.plural
        return template.format(**{k: value(v) for k, v in self.params.items()})


Check = Callable[[Questionnaire], Iterator[Finding]]
CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


E, W = Severity.error, Severity.warning


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form for the catalogs (pybabel extracts `ngettext`);
    the finding's text chooses the form by its "count" parameter."""
    return singular, plural


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
