"""Nothing in any document is printed smaller than 7 pt, heat-map labels included, and every
risk id appears on its heat map.

Glyph sizes are read back from the PDF with poppler's `pdftotext -bbox`, which also sees the
text of drawings (the heat maps are SVG, drawn as form XObjects that pypdf's text visitor does
not enter). A word's box is as high as the font's ascent plus descent; every document uses the
bundled Open Sans, so the size is the box's height divided by that ratio, read from the font.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from dpia.produce import DOCUMENTS
from dpia.resources import SHARED
from tests.pdfs import SharedPdfs

ROOT = Path(__file__).resolve().parent.parent
DPIA_DOCS = [name for name, d in DOCUMENTS.items() if d.kind == "dpia"]
SAMPLES = ROOT / "samples"
SMALLEST = 7.0  # pt
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def _height_per_point() -> float:
    font = TTFont(SHARED / "fonts" / "OpenSans-Regular.ttf")
    hhea = font["hhea"]
    return float(hhea.ascent - hhea.descent) / font["head"].unitsPerEm


def words(pdf: Path) -> list[tuple[int, float, str]]:
    """(page, size in pt, word) for every word of the PDF."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    ratio = _height_per_point()
    found = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for m in WORD.finditer(page):
            height = float(m.group(4)) - float(m.group(2))
            found.append((number, height / ratio, m.group(5)))
    return found


WANTED = [
    *[(SAMPLES / "vocational-exam-proctoring.yaml", doc, "en") for doc in DPIA_DOCS],
    *[(SAMPLES / "primary-learning-analytics.yaml", doc, "nl") for doc in DPIA_DOCS],
    (SAMPLES / "secondary-ai-homework.yaml", "dpia", "nl"),
    (SAMPLES / "university-writing-assistant.yaml", "dpia", "en"),
    # a risk trajectory: its chart's labels are text in the PDF too
    (SAMPLES / "review" / "ai-homework-v2.yaml", "dpia", "en"),
    (SAMPLES / "joint" / "school-a.yaml", "dpia", "nl"),
]


@pytest.fixture(scope="module")
def pdfs(sample_pdfs: SharedPdfs) -> dict:
    return sample_pdfs.get(WANTED)


def test_no_text_is_smaller_than_7_pt(pdfs: dict) -> None:
    for key, pdf in pdfs.items():
        found = words(pdf)
        assert len(found) > 100, key
        small = [
            (page, round(size, 2), word) for page, size, word in found if size < SMALLEST - 0.05
        ]
        assert not small, (key, small[:10])


def test_the_heat_map_labels_are_read_at_their_size(pdfs: dict) -> None:
    """The measure itself: the likelihood labels of the heat maps are found, at 7.5 pt."""
    key = (SAMPLES / "primary-learning-analytics.yaml", "dpia", "nl")
    sizes = {round(size, 1) for _, size, word in words(pdfs[key]) if word == "verwaarloosbaar"}
    assert 7.5 in sizes


def test_every_risk_id_is_on_both_heat_maps(pdfs: dict) -> None:
    from dpia.context.assessment import assess_file

    for path, doc, lang in WANTED:
        if doc != "dpia":
            continue
        ids = [r.id for r in assess_file(path).questionnaire.risks]
        text = [w for _, _, w in words(pdfs[path, doc, lang])]
        for risk_id in ids:
            # in the register once, and once on each map
            assert text.count(risk_id) >= 3, (path.name, risk_id, text.count(risk_id))
