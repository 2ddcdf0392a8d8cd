"""The privacy addendum is a public document: nothing from an internal answer reaches it.

A marker is planted in every free-text answer that is not marked public in the model (every
internal field of every section the sample has), and neither the PDF, the Markdown nor the Word
document of the addendum may carry one, while the DPIA made from the same file does.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pypdf import PdfReader
from ruamel.yaml import YAML

from dpia.context.assessment import assess_file
from dpia.model import Questionnaire
from dpia.model.fields import fields
from dpia.produce import make_document, prepare
from tests.factory import data
from tests.pdfs import SharedPdfs
from tests.pdfs import text as pdf_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DOC = "privacy-addendum"
MARK = "Zqxinternal"
FINAL = ["primary-learning-analytics", "secondary-ai-homework", "university-writing-assistant"]
# The languages each final sample's answers are written in (meta.languages): its addendum is
# publishable in these; in another language its public texts would print untranslated, so the
# addendum is marked not for publication there (public-text-language-missing).
WRITTEN_IN = {
    "primary-learning-analytics": ("nl", "en"),
    "secondary-ai-homework": ("nl",),
    "university-writing-assistant": ("en",),
}
NOT_WRITTEN = {
    "en": "This text is not yet written in this language",
    "nl": "Deze tekst is nog niet in deze taal geschreven",
}


def plant(node: dict[str, Any], model: type[BaseModel], count: list[int]) -> None:
    """Put a numbered marker in every internal text field of `node` and of its sections."""
    for f in fields(model):
        if f.kind == "text" and not f.public:
            count[0] += 1
            marker = f"{MARK}{count[0]} sentence."
            node[f.name] = [marker] if f.many else marker
        elif f.model is not None and f.name in node:
            value = node[f.name]
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    plant(item, f.model, count)


def planted(tmp: Path, stem: str) -> tuple[Path, int]:
    yaml = YAML(typ="safe", pure=True)
    content = yaml.load((SAMPLES / f"{stem}.yaml").read_text())
    count = [0]
    plant(content, Questionnaire, count)
    path = tmp / f"{stem}.yaml"
    with path.open("w") as f:
        yaml.dump(content, f)
    for logo in SAMPLES.glob("*.svg"):
        shutil.copy(logo, tmp / logo.name)
    return path, count[0]


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    tmp = tmp_path_factory.mktemp("marked")
    return {
        s: planted(tmp, s) for s in ["primary-learning-analytics", "vocational-exam-proctoring"]
    }


@pytest.mark.parametrize("stem", ["primary-learning-analytics", "vocational-exam-proctoring"])
def test_no_internal_answer_reaches_the_addendum_in_markdown(marked: dict, stem: str) -> None:
    path, count = marked[stem]
    assert count > 100  # every section of the sample got its markers
    a = assess_file(path)
    assert a.ok, [str(p) for p in a.validated.problems]
    dpia = prepare(a, "dpia", "en", "html").html
    assert len(set(re.findall(MARK + r"\d+", dpia))) > 50  # the DPIA does print them
    for lang in ("en", "nl"):
        md = make_document(a, DOC, lang, "md").decode()
        assert MARK not in md, re.findall(MARK + r"\d+", md)
        assert len(md) > 4000  # a whole addendum, not an empty page


def test_no_internal_answer_reaches_the_addendum_pdf(marked: dict, sample_pdfs: SharedPdfs) -> None:
    keys = [(marked[s][0], DOC, lang) for s in marked for lang in ("en", "nl")]
    for key, pdf in sample_pdfs.get(keys).items():
        text = pdf_text(pdf)
        assert MARK not in text, (key, re.findall(MARK + r"\d+", text))
        assert "Groeikompas" in text or "ExamGuard" in text
        # A public document does not carry the internal questionnaire as an attachment.
        assert not PdfReader(pdf).attachments, key


@pytest.mark.parametrize("stem", ["primary-learning-analytics", "vocational-exam-proctoring"])
def test_no_internal_answer_reaches_the_addendum_in_word(marked: dict, stem: str) -> None:
    """Every part of the .docx (body, header, footer, properties, anything attached) is read,
    not only the text Word shows."""
    import docx

    path, _count = marked[stem]
    a = assess_file(path)
    dpia = make_document(a, "dpia", "en", "docx")  # the internal document does print them
    with zipfile.ZipFile(io.BytesIO(dpia)) as z:
        assert len(set(re.findall(MARK + r"\d+", z.read("word/document.xml").decode()))) > 50
    for lang in ("en", "nl"):
        raw = make_document(a, DOC, lang, "docx")
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            parts = {n: z.read(n).decode(errors="replace") for n in z.namelist()}
        found = {n: re.findall(MARK + r"\d+", xml) for n, xml in parts.items() if MARK in xml}
        assert not found, found
        assert not any("urn:dpia:questionnaire" in xml for xml in parts.values())
        d = docx.Document(io.BytesIO(raw))
        text = "\n".join(p.text for p in d.paragraphs)
        assert "Groeikompas" in text or "ExamGuard" in text
        assert len(text) > 4000  # a whole addendum, not an empty page
        header = d.sections[0].header._element.xml
        assert ("PUBLIC" if lang == "en" else "OPENBAAR") in header


def test_every_final_sample_addendum_is_public_in_word() -> None:
    """A final addendum in Word: PUBLIC, no DPIA title, no internal classification, no
    authors, no draft mark; a draft with errors says so above the text and on every page."""
    import docx

    for stem in FINAL:
        a = assess_file(SAMPLES / f"{stem}.yaml")
        for lang in ("en", "nl"):
            raw = make_document(a, DOC, lang, "docx")
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                package = "\n".join(z.read(n).decode(errors="replace") for n in z.namelist())
            assert "DPIA" not in package, stem
            for label in ("INTERNAL", "CONFIDENTIAL", "INTERN", "VERTROUWELIJK", "GEHEIM"):
                assert label not in package, (stem, label)
            assert ("Authors" if lang == "en" else "Auteurs") not in package
            if lang in WRITTEN_IN[stem]:
                assert "PowerPlusWaterMarkObject" not in package and "CONCEPT" not in package
            else:  # the public texts are in another language: not for publication in this one
                assert NOT_WRITTEN[lang] in package and "PowerPlusWaterMarkObject" in package
    a = assess_file(SAMPLES / "vocational-exam-proctoring.yaml")
    d = docx.Document(io.BytesIO(make_document(a, DOC, "nl", "docx")))
    assert any(p.text.startswith("CONCEPT: ") for p in d.paragraphs[:6])
    section = d.sections[0]
    for part in (section.header, section.first_page_header):  # on every page
        assert 'string="CONCEPT"' in part._element.xml


def test_every_final_sample_addendum_is_public(sample_pdfs: SharedPdfs) -> None:
    keys = [(SAMPLES / f"{s}.yaml", DOC, lang) for s in FINAL for lang in ("en", "nl")]
    for (path, _, lang), pdf in sample_pdfs.get(keys).items():
        text = pdf_text(pdf)
        if lang not in WRITTEN_IN[path.stem]:  # marked not for publication in this language
            assert NOT_WRITTEN[lang] in " ".join(text.split()), path
            assert ("DRAFT" if lang == "en" else "CONCEPT") in text
            continue
        assert "DPIA" not in text, path  # no assessment title
        for label in ("INTERNAL", "CONFIDENTIAL", "INTERN", "VERTROUWELIJK", "GEHEIM", "SECRET"):
            assert label not in text, (path, label)
        assert ("PUBLIC" if lang == "en" else "OPENBAAR") in text
        assert "DRAFT" not in text and "CONCEPT" not in text  # final, no errors
        assert ("Authors" if lang == "en" else "Auteurs") not in text


def test_a_draft_with_errors_is_marked_on_every_page(sample_pdfs: SharedPdfs) -> None:
    key = (SAMPLES / "vocational-exam-proctoring.yaml", DOC, "nl")
    pages = PdfReader(sample_pdfs.get([key])[key]).pages
    assert len(pages) > 2
    for page in pages:
        assert "CONCEPT" in page.extract_text()


def test_not_proceeding_says_the_processing_does_not_take_place(tmp_path: Path) -> None:
    content = data(**{"consultation.decision": {"outcome": "stop"}, "public.title": "Essay AI"})
    path = tmp_path / "stop.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(content, f)
    a = assess_file(path)
    md = make_document(a, DOC, "en", "md").decode()
    assert "decided not to use it" in md and "Essay AI" in md
    assert "Why do we use your data?" not in md
    nl = make_document(a, DOC, "nl", "md").decode()
    assert "besloten het niet te gebruiken" in nl
    codes = {f.finding.code for f in prepare(a, DOC, "en").context.findings}
    assert "public-text-missing" not in codes  # nothing to publish, nothing to write
