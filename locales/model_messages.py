"""Add the model's field descriptions to locales/dpia.pot (run by `make catalogs`).

The help text of each question is its pydantic description (dpia/model/fields.py), which
pybabel cannot find in the source: this puts every one of them (of the DPIA and of the
knowledge-security check) in the template, so that the Dutch starter and form read them from
the catalog like any other message.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from dpia.model.fields import walk  # noqa: E402 - after the checkout is on the path
from dpia.model.knowledge import KnowledgeCheck  # noqa: E402

pot = HERE / "dpia.pot"
with pot.open("rb") as f:
    catalog = read_po(f)
added = 0
for field in [*walk(), *walk(KnowledgeCheck)]:  # the form asks both kinds' questions
    if field.help and field.help not in catalog:
        catalog.add(field.help)
        added += 1
with pot.open("wb") as f:
    write_po(f, catalog, width=100, sort_output=True, omit_header=False, no_location=True)
print(f"{pot.relative_to(HERE.parent)}: {added} field descriptions added")
