"""The pre-scan and the equality impact assessment, in both languages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.produce import prepare
from tests.factory import data

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, content: dict[str, object], name: str = "q.yaml") -> Path:
    path = tmp_path / name
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(content, f)
    return path


def html(path: Path, doc: str, lang: str) -> str:
    page = prepare(assess_file(path), doc, lang).html
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_prescan_works_with_only_meta_and_screening(tmp_path: Path) -> None:
    d = data()
    path = write(tmp_path, {"meta": d["meta"], "screening": d["screening"]})
    r = CliRunner().invoke(cli, ["render", str(path), "--doc", "screening", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    nl = " ".join(p.extract_text() for p in PdfReader(tmp_path / "q.screening.nl.pdf").pages)
    en = " ".join(p.extract_text() for p in PdfReader(tmp_path / "q.screening.en.pdf").pages)
    assert "DPIA aanbevolen" in nl and "DPIA recommended" in en
    assert "Kwetsbare betrokkenen" in nl and "Vulnerable data subjects" in en
    assert len(PdfReader(tmp_path / "q.screening.en.pdf").pages) <= 3
    # Without a description the follow-up questions cannot be answered yet, and it says so.
    assert "Cannot tell yet" in en and "Nog niet te zeggen" in nl


@pytest.mark.parametrize(
    ("changes", "tia", "fria"),
    [
        ({}, "Not needed on these answers", "Cannot tell yet"),
        (
            {"description.locations.0.country": "US", "description.locations.0.mechanism": "scc"},
            # SCCs to a country without adequacy: required (Schrems II), as transfer-without-tia
            "Required",
            "Cannot tell yet",
        ),
        (
            {
                "ai": {"risk_tier": "high_risk", "annex_iii_uses": ["edu_proctoring"]},
                # started once the Art. 27 duty applies: a missing FRIA is an error then
                "meta.planned_start": dt.date(2028, 1, 5),
            },
            "Not needed on these answers",
            # advised by the screening answers, and an error in the DPIA: required
            "Required: the assessment records it as missing",
        ),
    ],
)
def test_prescan_advises_further_assessments(
    tmp_path: Path, changes: dict[str, object], tia: str, fria: str
) -> None:
    text = html(write(tmp_path, data(**changes)), "screening", "en")
    assert f"Transfer impact assessment (data outside the EEA) {tia}" in text
    assert f"Fundamental-rights impact assessment (AI Act Art. 27) {fria}" in text


def test_prescan_lists_what_applies_with_reasons(tmp_path: Path) -> None:
    d = data(**{"screening.ap_list.profiling": {"applies": True, "reason": "Builds profiles"}})
    text = html(write(tmp_path, d), "screening", "nl")
    assert "DPIA verplicht" in text
    # an English-only file: its answers are quoted untranslated, without a marker each
    assert "Profilering Builds profiles" in text
    # The factory's DPIA is final: the next step is its review, not a DPIA to carry out.
    assert "De DPIA is definitief. Herbeoordeel hem uiterlijk" in text
    assert "Voer een volledige DPIA uit" not in text


CHARACTERISTICS = {
    "en": [
        "age",
        "disability",
        "gender reassignment",
        "marriage and civil partnership",
        "pregnancy and maternity",
        "race",
        "religion or belief",
        "sex",
        "sexual orientation",
    ],
    "nl": [
        "leeftijd",
        "handicap",
        "burgerlijke staat",
        "zwangerschap",
        "ras",
        "godsdienst of levensovertuiging",
        "geslacht",
        "seksuele gerichtheid",
    ],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_equality_shows_every_characteristic_with_the_dutch_grounds(lang: str) -> None:
    text = html(ROOT / "samples" / "primary-learning-analytics.yaml", "equality", lang).lower()
    for word in CHARACTERISTICS[lang]:
        assert word in text, word
    assert "awgb" in text and "wgbh/cz" in text
    for aim in {
        "en": ["eliminating discrimination", "equality of opportunity", "good relations"],
        "nl": ["discriminatie", "gelijke kansen", "goede verhoudingen"],
    }[lang]:
        assert aim in text


def test_equality_shows_unanswered_characteristics_as_gaps(tmp_path: Path) -> None:
    d = data(**{"equality.characteristics.race": {"impact": "negative"}})
    text = html(write(tmp_path, d), "equality", "en")
    assert "Expected negative impact race" in text
    # The Dutch ground leads for a Dutch organisation; the Equality Act's characteristic beside it
    ground = "sex, including sex characteristics: art. 1 of the Constitution, AWGB"
    assert f"{ground} sex Not answered" in text
    assert "Actions Not answered" in text
