"""The languages documents are written in: one entry per language.

Everything language-specific derives from this table: the CLI's `--lang` choices, the batch
run, output file names, Babel's formatting of dates and country names, the names shown beside
an answer written in another language, and the tests. A third language is one entry here,
its catalog in `locales/<code>/` and its prose in `templates/<code>/`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as in file names, `--lang` and `meta.languages`
    locale: str  # Babel locale for dates and country names; never the machine's own locale
    name: str  # the English name, a catalog message translated where it is shown


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("nl", "nl_NL", "Dutch"),
        Language("en", "en_GB", "English"),
    )
}
