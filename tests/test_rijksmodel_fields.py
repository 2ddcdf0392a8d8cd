"""The Model DPIA Rijksdienst's fields that had no place before: asked, and rendered in the
Dutch DPIA in the Rijksmodel's order."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dpia.context.assessment import assess_file
from dpia.produce import prepare
from tests.factory import data
from tests.test_companions import write

ROOT = Path(__file__).resolve().parent.parent
PROCTORING = ROOT / "samples" / "vocational-exam-proctoring.yaml"


@pytest.fixture(scope="module")
def page() -> str:
    return prepare(assess_file(PROCTORING), "dpia", "nl").html


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_new_fields_render_in_the_dutch_dpia(page: str) -> None:
    text = plain(page)
    expected = [
        "The remote exam, step by step",  # 1.2 image title
        "Bron: Examination Office, draft process of October 2026",
        "Stroomschema van de gegevensverwerkingen",  # 3.3
        "Oorspronkelijk doeleinde",  # 2.1.5
        "Verstrekker: Student support office",  # 2.1.6-2.1.8
        "rechtsgrond verstrekking",  # 2.1.9
        "Functies of afdelingen met toegang",  # 6.1.1.3
        "Selling the service",  # 7.1.1 per party
        "Uitkomst van de raadpleging van betrokkenen",  # 7.1.1 consultation
        "Aanvullende maatregelen",  # 8.1.1.3
        "art. 29 (biometric data)",  # 9.1.1.2
        "The Examination Office is to oversee deletion",  # 10.1.1.5
        "niet verenigbaar: vraagt een eigen rechtsgrond (art. 6 lid 4)",  # 13.1.1.5
        "Beperking op grond van wettelijke uitzondering",  # 15.x.3
        "Recht op duidelijke informatie",  # 15.8
        "gemonitord in NL",  # 17.1.6
        "Aanvullende informatie",  # x.2 notes
        "Functionaris gegevensbescherming Deltapoort College",  # 19.5.4
    ]
    assert [e for e in expected if e not in text] == []
    assert 'src="data:image/svg+xml;base64,' in page


def test_points_appear_in_the_rijksmodels_order(page: str) -> None:
    text = plain(page)
    order = [
        "The remote exam, step by step",  # 1
        "Oorspronkelijk doeleinde",  # 2
        "Stroomschema van de gegevensverwerkingen",  # 3
        "Functies of afdelingen met toegang",  # 6
        "Uitkomst van de raadpleging van betrokkenen",  # 7
        "Aanvullende maatregelen",  # 8
        "Wetsartikelen",  # 9
        "The Examination Office is to oversee deletion",  # 10
        "Beoordeling van de verdere verwerking",  # 13
        "Recht op duidelijke informatie",  # 15
        "gemonitord in NL",  # 17
    ]
    positions = [text.index(o) for o in order]
    assert positions == sorted(positions)


def test_an_image_outside_the_folder_is_refused_at_its_place(tmp_path: Path) -> None:
    inside = tmp_path / "q"
    inside.mkdir()
    shutil.copy(ROOT / "samples" / "klimboom.svg", tmp_path / "outside.svg")
    path = write(
        inside,
        data(**{"description.proposal_images": [{"file": "../outside.svg", "title": "X"}]}),
    )
    v = assess_file(path).validated
    assert not v.ok
    [problem] = [p for p in v.problems if p.code == "image"]
    assert problem.field == "description.proposal_images[0].file" and problem.pos.line > 0
    assert "inside the questionnaire's folder" in problem.message


def test_dutch_wording_follows_the_rijksmodel_and_the_avg(page: str) -> None:
    text = plain(page)
    assert "Recht op rectificatie en aanvulling (art. 16)" in text
    assert "standaardcontractbepalingen (SCC, art. 46)" in text
    prescan = plain(prepare(assess_file(PROCTORING), "screening", "nl").html)
    for term in (
        "Observatie en beïnvloeding van gedrag",
        "Stelselmatige en grootschalige monitoring",
        "Blokkering van een dienst, recht of contract",
        "Doorgiftetoets (DTIA",
    ):
        assert term in prescan, term
    assert "Observatie of beïnvloeding" not in prescan
