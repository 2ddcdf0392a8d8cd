"""Keep the catalogs in step with the sources (run by `make catalogs`).

English message ids are the English text, so en.po's translations are copies of the ids:
both languages then have a complete catalog of their own, and a test checks that they do.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent


def _english(string: str) -> str:
    """English names the regulation GDPR, never by its Dutch abbreviation AVG (UAVG, the Dutch
    implementation act, keeps its name)."""
    string = re.sub(r"\bAVG ?/ ?GDPR\b|\bGDPR ?/ ?AVG\b", "GDPR", string)
    return re.sub(r"\bAVG\b", "GDPR", string)


def _translated(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


# Every language with a catalog (the languages of dpia/languages.py).
for lang in sorted(p.parent.parent.name for p in HERE.glob("*/LC_MESSAGES/dpia.po")):
    po = HERE / lang / "LC_MESSAGES" / "dpia.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang)
    if lang == "en":
        for message in catalog:
            if message.id and not _translated(message.string):
                message.string = message.id  # a plural's (singular, plural) pair too
            if isinstance(message.string, tuple):
                message.string = tuple(_english(s) for s in message.string)
            elif message.string:
                message.string = _english(message.string)
    with po.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=True, ignore_obsolete=True)
    missing = [m.id for m in catalog if m.id and not _translated(m.string)]
    name = po.relative_to(HERE.parent)
    print(f"{name}: {len(catalog) - 1} messages, {len(missing)} untranslated")
