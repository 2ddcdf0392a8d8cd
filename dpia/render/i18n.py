"""gettext catalogs (locales/<lang>/LC_MESSAGES/dpia.po) and Babel formatting of dates."""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from dpia.languages import LANGUAGES
from dpia.model.enums import Labelled
from dpia.model.labels import english_label
from dpia.resources import LOCALES

DOMAIN = "dpia"


class CatalogMissing(RuntimeError):
    pass


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for `lang`; a missing catalog is an error, never a silent fallback."""
    po = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as f:
            return Translations(f, domain=DOMAIN)
    if not po.is_file():
        raise CatalogMissing(f"no message catalog for '{lang}' in {LOCALES}")
    # A checkout whose .mo is missing or older than its .po: compile in memory.
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


class Translator:
    """Everything language-specific a document needs: gettext, enum labels, dates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalog = translations(lang)
        # Explicit locales: the machine's own locale never leaks into a document.
        self.locale = Locale.parse(LANGUAGES[lang].locale)

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.catalog.ngettext(singular, plural, n)

    def label(self, member: Labelled) -> str:
        return self.gettext(english_label(member))

    def country(self, code: str) -> str:
        """The name of a country (ISO 3166-1 alpha-2) in the document's language."""
        return str(self.locale.territories.get(code, code))

    def month(self, value: dt.date) -> str:
        """Month and year, as under a bar of the risk trajectory: "May 2026"."""
        return format_date(value, format="MMM yyyy", locale=self.locale)

    def number(self, value: int) -> str:
        """A whole number with the language's digit grouping (1.234 in Dutch, 1,234 in English)."""
        return format_decimal(value, locale=self.locale)

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return "—"
        return format_date(value, format="long", locale=self.locale)
