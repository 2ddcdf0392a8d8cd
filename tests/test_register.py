"""The Dutch privacy addendum addresses its readers in one register: "u" for parents of pupils
(primary, secondary) and staff, "je" for students of 16 and over (vocational, higher), unless
meta.form_of_address chooses one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from dpia.context.assessment import assess_file
from dpia.context.privacy_addendum import PrivacyAddendumContext
from dpia.model.enums import Register
from dpia.produce import make_document, prepare
from tests.factory import data

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMAL = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
INFORMAL = re.compile(r"\b(je|jouw|jij)\b", re.IGNORECASE)


def body(stem_or_path: str | Path) -> str:
    """The Dutch addendum's own prose as Markdown, without the children's part (which speaks
    to the children as "je" in every register) and without answers quoted in English."""
    path = SAMPLES / f"{stem_or_path}.yaml" if isinstance(stem_or_path, str) else stem_or_path
    md = make_document(assess_file(path), "privacy-addendum", "nl", "md").decode()
    assert "> ## Voor kinderen" in md or "Voor kinderen" not in md  # the part is a quote
    return "\n".join(
        line for line in md.splitlines() if "(EN)" not in line and not line.startswith(">")
    )


@pytest.mark.parametrize("stem", ["vocational-exam-proctoring", "university-writing-assistant"])
def test_students_read_je(stem: str) -> None:
    text = body(stem)
    assert not FORMAL.findall(text), FORMAL.findall(text)
    assert len(INFORMAL.findall(text)) > 15
    assert "Welke rechten heb je?" in text and "Wie is verantwoordelijk voor jouw gegevens?" in text


def test_parents_of_pupils_read_u() -> None:
    text = body("primary-learning-analytics")
    assert len(FORMAL.findall(text)) > 15
    assert "Welke rechten heeft u?" in text
    assert not INFORMAL.findall(text.split("Waar wij \u2018u\u2019 schrijven")[1].split("\n", 1)[1])


def test_the_english_text_has_one_register() -> None:
    a = assess_file(SAMPLES / "vocational-exam-proctoring.yaml")
    context = prepare(a, "privacy-addendum", "en", "md").context
    assert isinstance(context, PrivacyAddendumContext) and context.register is Register.informal
    assert "What are your rights?" in make_document(a, "privacy-addendum", "en", "md").decode()


@pytest.mark.parametrize(("chosen", "expected"), [("informal", INFORMAL), ("formal", FORMAL)])
def test_meta_chooses_the_register(tmp_path: Path, chosen: str, expected: re.Pattern) -> None:
    other = FORMAL if expected is INFORMAL else INFORMAL
    sector = "secondary" if chosen == "informal" else "vocational"  # against the default
    path = tmp_path / "q.yaml"
    changes = {"meta.form_of_address": chosen, "meta.organisation.sector": sector}
    YAML(typ="safe", pure=True).dump(data(**changes), path)
    text = body(path)
    assert len(expected.findall(text)) > 10 and not other.findall(text.split("\n## ", 1)[1])
