"""Every question has a short label, in Dutch and English, from the one place of the field
metadata (`dpia.model.fields` reading `dpia.model.questions`); the form, the starter and the
schema show it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from dpia.cli.schema import json_schema
from dpia.model.fields import Field, walk
from dpia.model.knowledge import KnowledgeCheck
from dpia.model.questions import label_of
from dpia.produce.starter import starter
from dpia.render.i18n import Translator

ROOT = Path(__file__).resolve().parent.parent
EVERY = [*walk(), *walk(KnowledgeCheck)]


@pytest.mark.parametrize("kind", ["dpia", "knowledge-security"])
def test_every_field_has_a_short_label_in_both_languages(kind: str) -> None:
    found: list[Field] = list(walk()) if kind == "dpia" else list(walk(KnowledgeCheck))
    with (ROOT / "locales" / "nl" / "LC_MESSAGES" / "dpia.po").open("rb") as po:
        dutch = {m.id: m.string for m in read_po(po) if m.id}
    for f in found:
        where = ".".join(f.path)
        assert label_of(f.path, f.owner), f"no label for {where} (dpia/model/questions.py)"
        assert len(f.label) <= 60, where  # a label, not the help text
        assert "_" not in f.label and "`" not in f.label, where  # no codes or keys
        assert dutch.get(f.label), f"no Dutch label for {where}"


def test_labels_replace_the_descriptions_that_read_oddly() -> None:
    by_path = {".".join(f.path): f for f in EVERY}
    assert by_path["public.title"].label == "What is the processing called?"
    assert by_path["description.ai_system.service"].label == "Public or contracted service?"
    assert by_path["description.data_subjects"].label == "Data subjects"
    assert by_path["description.data_subjects"].point == 2  # the Rijksmodel's point
    assert by_path["screening.ap_list.covert_investigation"].point is None  # AP numbering
    dutch = Translator("nl")
    assert dutch.gettext(by_path["lawfulness.lawful_bases.-.basis"].label) == (
        "Grondslag (art. 6 lid 1)"
    )


def test_the_starter_and_the_schema_read_the_same_labels() -> None:
    text = starter("nl", dt.date(2026, 1, 5))
    assert "# Is er een verwerkersovereenkomst? — " in text
    assert "# Van wie zijn de gegevens? — " in text
    schema = json_schema()
    risk = schema["$defs"]["Risk"]["properties"]  # type: ignore[index]
    assert risk["title"]["title"] == "Short name of the risk"
    assert risk["likelihood"]["title"] == "Likelihood"
    ks = json.dumps(json_schema("knowledge-security"))
    assert '"title": "May our researchers publish freely?"' in ks
