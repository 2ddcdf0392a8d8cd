"""The letter to the supplier (`--doc supplier-letter`): its own registered document, addressed
and dated, internal to the two parties, with only what the supplier is asked to change."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from dpia.context.assessment import assess_file
from dpia.produce import DOCUMENTS, prepare
from tests.pdfs import SharedPdfs
from tests.pdfs import text as pdf_text

ROOT = Path(__file__).resolve().parent.parent
PROCTORING = ROOT / "samples" / "vocational-exam-proctoring.yaml"
PRIMARY = ROOT / "samples" / "primary-learning-analytics.yaml"
DOC = "supplier-letter"

OPENING = {
    "en": ("Dear Examina Systems, Inc.", "would like to renegotiate the agreement"),
    "nl": ("Geachte Examina Systems, Inc.", "opnieuw met u over de overeenkomst onderhandelen"),
}
INTERNAL = {"en": "Internal to both parties", "nl": "Intern voor beide partijen"}
DATE = {"en": "16 November 2026", "nl": "16 november 2026"}


def test_the_letter_is_a_registered_document() -> None:
    assert DOCUMENTS[DOC].formats == ("pdf", "html")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_letter_asks_for_every_open_item_and_nothing_internal(lang: str) -> None:
    a = assess_file(PROCTORING)
    request = prepare(a, DOC, lang, "html")
    page, context = request.html, request.context
    for phrase in [*OPENING[lang], INTERNAL[lang], "Deltapoort College", DATE[lang]]:
        assert phrase in page, phrase
    assert page.count('class="request-title"') == len(context.requests) > 5  # type: ignore[attr-defined]
    # Not the DPIA's title, not its classification, not the school's own notes on clauses.
    title = a.questionnaire.meta.title.get(lang, "en")[0]
    assert title not in page and "CONFIDENTIAL" not in page and "VERTROUWELIJK" not in page
    for row in context.requests:  # type: ignore[attr-defined]
        if row.note:
            assert row.note.get(lang, "en")[0][:40] not in page


def test_nothing_to_ask_says_so(sample_pdfs: SharedPdfs) -> None:
    key = (PRIMARY, DOC, "nl")
    pdf = sample_pdfs.get([key])[key]
    assert not PdfReader(pdf).attachments  # the school's questionnaire stays with the school
    text = pdf_text(pdf)
    assert "Alle punten zijn geregeld" in text and "Leerlijn Analytics B.V." in text
    assert "DPIA leeranalysedashboard" not in text  # not the assessment's title
