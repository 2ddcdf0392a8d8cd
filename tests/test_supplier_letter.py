"""The letter to the supplier (`--doc supplier-letter`): its own registered document, addressed
and dated, internal to the two parties, with only what the supplier is asked to change."""

from __future__ import annotations

import io
import re
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
    "en": ("Dear J. Rivera,", "would like to renegotiate the agreement"),
    "nl": ("Geachte J. Rivera,", "opnieuw met u over de overeenkomst onderhandelen"),
}
# The subject names the product and the agreement's version and date.
SUBJECT = {
    "en": "Processor agreement Examina Systems, Inc. \u2013 ExamGuard Live "
    "(Data Processing Addendum v2.3, 1 March 2026)",
    "nl": "Verwerkersovereenkomst Examina Systems, Inc. \u2013 ExamGuard Live "
    "(Data Processing Addendum v2.3, 1 March 2026)",
}
OWN_USE = {
    "en": "No use of our data for your own purposes",
    "nl": "Geen gebruik van onze gegevens voor uw eigen doelen",
}
MARKS = {
    "en": ("required by law", "requested", "missing", "incomplete"),
    "nl": ("wettelijk vereist", "gevraagd", "ontbreekt", "onvolledig"),
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
    assert "Attn. J. Rivera" in page or "T.a.v. J. Rivera" in page
    assert "400 Market Street" in page and "privacy@examina.example" in page
    # the vendor's model training (ai_system.inputs_train_model) is the first request
    assert context.own_use  # type: ignore[attr-defined]
    titles = re.findall(r'<p class="request-title">(.*?)</p>', page, re.S)
    assert len(titles) == len(context.requests) + 1 > 5  # type: ignore[attr-defined]
    assert OWN_USE[lang] in titles[0]
    # every request says where it comes from: required by law or requested, and how it stands
    legal, requested, missing, incomplete = MARKS[lang]
    for title, row in zip(titles[1:], context.requests, strict=True):  # type: ignore[attr-defined]
        assert (legal if row.required_by_law else requested) in title, title
        assert (missing if row.missing else incomplete if row.incomplete else "") in title
    security = next(t for t in titles if "28(3)(c)" in t or "lid 3 onder c" in t)
    assert legal in security and incomplete in security  # partial, and still required by law
    audits = next(t for t in titles if "28(5)" in t or "lid 5" in t)
    assert requested in audits and legal not in audits
    # signed: no "needed before signing" tags; no doubled article references
    assert "before signing" not in page and "vóór ondertekening nodig" not in page
    assert "(Art. 32) (" not in page and "(art. 33) (" not in page
    assert re.sub(r"<[^>]+>|\s+", " ", SUBJECT[lang]) in re.sub(r"\s+", " ", page)
    assert 'data-title=""' in page  # no running header repeating the letterhead
    # Not the DPIA's title, not its classification, not the school's own notes on clauses.
    title = a.questionnaire.meta.title.get(lang, "en")[0]
    assert title not in page and "CONFIDENTIAL" not in page and "VERTROUWELIJK" not in page
    for row in context.requests:  # type: ignore[attr-defined]
        if row.note:
            assert row.note.get(lang, "en")[0][:40] not in page


def test_nothing_to_ask_is_a_confirmation_that_asks_for_notice_of_sub_processors(
    sample_pdfs: SharedPdfs,
) -> None:
    key = (PRIMARY, DOC, "nl")
    pdf = sample_pdfs.get([key])[key]
    assert not PdfReader(pdf).attachments  # the school's questionnaire stays with the school
    text = " ".join(pdf_text(pdf).split())
    assert "Leerlijn Analytics B.V." in text and "Geachte M. de Boer," in text
    assert "(Model Verwerkersovereenkomst 4.0, 2025-08-12) naast" in text  # the agreement, named
    assert "artikel 28, lid 2" in text and "subverwerker" in text  # notice of changes
    assert "niets te vragen" not in text and "hoeven u niets" not in text
    assert "DPIA leeranalysedashboard" not in text  # not the assessment's title


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_without_a_contact_name_the_letter_greets_sir_or_madam(lang: str) -> None:
    page = prepare(assess_file(PRIMARY), DOC, lang, "html", processor="lvs").html
    assert {"en": "Dear Sir or Madam,", "nl": "Geachte heer, mevrouw,"}[lang] in page
    # Volgwijs supplies data for the AI system but is not its vendor
    assert {"en": "in connection with Groeikompas", "nl": "in verband met Groeikompas"}[
        lang
    ] in page


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
    for phrase in [*OPENING[lang], "Deltapoort College", DATE[lang], SUBJECT[lang]]:
        assert norm(phrase) in text, phrase
    assert INTERNAL[lang] in text  # in the letterhead; no running header
    assert INTERNAL[lang] not in d.sections[0].header._element.xml
    requests = request.context.requests  # type: ignore[attr-defined]
    numbered = [p.text for p in d.paragraphs if p.text.split(".\t")[0].isdigit()]
    assert len(numbered) == len(requests) + 1 > 5
    assert OWN_USE[lang] in numbered[0]
    # case aside: the PDF's stylesheet capitalises an item's name, Word writes it so
    folded = text.casefold()
    assert [h for _tag, h in html_texts(request.html) if h.casefold() not in folded] == []
    # signed by the organisation, its contact on the line below (a <br> in the template)
    assert any(p.text.startswith("Deltapoort College\n") for p in d.paragraphs[-3:])
    title = a.questionnaire.meta.title.get(lang, "en")[0]
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        package = "\n".join(z.read(n).decode(errors="replace") for n in z.namelist())
    assert title not in package and "urn:dpia:questionnaire" not in package
    assert "CONFIDENTIAL" not in package and "VERTROUWELIJK" not in package
