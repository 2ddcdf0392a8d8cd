"""The equality assessment's legal frame follows the organisation's country
(dpia.data.equality): the Dutch grounds lead for a Dutch organisation, the Equality Act 2010
and its public sector equality duty for a British one, and any other country is told plainly
which frame is used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from dpia.context.assessment import assess_file
from dpia.context.equality import EqualityContext
from dpia.data.equality import DEFAULT, FRAMES, Leads, equality_frame
from dpia.produce import prepare

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "secondary-ai-homework.yaml"
BELGIAN = ROOT / "samples" / "belgian-library-fingerprints.yaml"


def variant(tmp: Path, country: str) -> Path:
    """The sample as if its organisation were established in `country`."""
    for image in SAMPLE.parent.glob("*.svg"):
        shutil.copy(image, tmp / image.name)
    yaml = YAML()
    data = yaml.load(SAMPLE.read_text())
    data["meta"]["organisation"]["country"] = country
    path = tmp / f"school-{country}.yaml"
    with path.open("w") as f:
        yaml.dump(data, f)
    return path


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    tmp = tmp_path_factory.mktemp("frames")
    paths = {"NL": SAMPLE, "GB": variant(tmp, "GB"), "BE": BELGIAN}
    out = {}
    for country, path in paths.items():
        a = assess_file(path)
        assert a.ok, a.validated.problems
        for lang in ("en", "nl"):
            request = prepare(a, "equality", lang, "html")
            assert isinstance(request.context, EqualityContext)
            assert request.context.frame is equality_frame(country)
            out[country, lang] = request.html
    return out


def test_the_frames_are_dated_reference_data() -> None:
    assert FRAMES["NL"].leads is Leads.dutch_grounds and not FRAMES["NL"].duty_applies
    assert FRAMES["GB"].leads is Leads.equality_act and FRAMES["GB"].duty_applies
    assert equality_frame("BE") is DEFAULT and not DEFAULT.duty_applies


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_dutch_grounds_lead_for_a_dutch_school(lang: str, pages: dict) -> None:
    page = pages["NL", lang]
    header = page[page.index("<thead>") :].split("</thead>")[0]
    dutch = "Dutch ground" if lang == "en" else "Nederlandse grond"
    assert header.index(dutch) < header.index("Equality Act 2010")
    assert "AWGB" in page and "Wgbl" in page
    voluntary = "answers them voluntarily" if lang == "en" else "beantwoordt ze daarom vrijwillig"
    assert voluntary in page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_equality_act_and_its_duty_lead_for_a_british_school(lang: str, pages: dict) -> None:
    page = pages["GB", lang]
    header = page[page.index("<thead>") :].split("</thead>")[0]
    assert ("Characteristic" if lang == "en" else "Kenmerk") in header
    assert "Dutch ground" not in header and "Nederlandse grond" not in header
    assert "AWGB" not in page and "Grondwet" not in page and "Constitution" not in page
    duty = "must have due regard to three aims" if lang == "en" else "moeten rekening houden met"
    assert duty in page and "section 149" in page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_another_country_is_told_which_frame_is_used(lang: str, pages: dict) -> None:
    page = pages["BE", lang]
    said = (
        "is established in Belgium, whose equality law this tool does not encode"
        if lang == "en"
        else "is gevestigd in België; het gelijkebehandelingsrecht van dat land is niet"
    )
    assert said in " ".join(page.split())
    assert "AWGB" not in page and ("Dutch ground" not in page and "Nederlandse grond" not in page)
