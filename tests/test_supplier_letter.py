"""The letter to the supplier (`--doc supplier-letter`): its own registered document, addressed
and dated, internal to the two parties, with only what the supplier is asked to change."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from dpia.context.assessment import assess_file
from dpia.produce import DOCUMENTS, make_document, prepare
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
    assert DOCUMENTS[DOC].formats == ("pdf", "html", "docx")


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


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_word_letter_says_what_the_pdf_says(lang: str) -> None:
    """The Word letter: the same opening, one numbered request per open row with what to ask
    for, the letterhead's addressee and date; no DPIA title, no questionnaire attached."""
    import docx

    from tests.test_docx_parity import docx_text, html_texts, norm

    a = assess_file(PROCTORING)
    request = prepare(a, DOC, lang, "html")
    raw = make_document(a, DOC, lang, "docx")
    d = docx.Document(io.BytesIO(raw))
    text = docx_text(raw)
    for phrase in [*OPENING[lang], "Deltapoort College", DATE[lang]]:
        assert norm(phrase) in text, phrase
    assert INTERNAL[lang] in d.sections[0].header._element.xml
    requests = request.context.requests  # type: ignore[attr-defined]
    numbered = [p.text for p in d.paragraphs if p.text.split(".\t")[0].isdigit()]
    assert len(numbered) == len(requests) > 5
    assert [html for _tag, html in html_texts(request.html) if html not in text] == []
    # signed by the organisation, its contact on the line below (a <br> in the template)
    assert any(p.text.startswith("Deltapoort College\n") for p in d.paragraphs[-3:])
    title = a.questionnaire.meta.title.get(lang, "en")[0]
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        package = "\n".join(z.read(n).decode(errors="replace") for n in z.namelist())
    assert title not in package and "urn:dpia:questionnaire" not in package
    assert "CONFIDENTIAL" not in package and "VERTROUWELIJK" not in package
