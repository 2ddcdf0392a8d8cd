"""`--doc knowledge-security --format docx`: the knowledge-security check as a Word document,
from its own typed context: headings, tables with repeating header rows, both languages,
answers as text, the questionnaire attached, and the same bytes every run."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.docx.writer import LANG_TAGS
from dpia.languages import LANGUAGES
from dpia.load import load
from dpia.produce import make_document
from dpia.render.i18n import Translator
from tests.test_knowledge_rules import EXCHANGE, REFERRAL, write
from tests.test_security import HOSTILE

DOC = "knowledge-security"
SAMPLES = (EXCHANGE, REFERRAL)


@pytest.fixture(scope="module")
def made() -> dict[tuple[str, str], bytes]:
    """Both samples in both languages, made once for the module."""
    out = {}
    for path in SAMPLES:
        a = assess_file(path)
        for lang in LANGUAGES:
            out[path.stem, lang] = make_document(a, DOC, lang, "docx")
    return out


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def all_text(d: docx.document.Document) -> str:
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in d.paragraphs), *cells])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_headings_tables_and_language(
    made: dict[tuple[str, str], bytes], path: Path, lang: str
) -> None:
    d = opened(made[path.stem, lang])
    _ = Translator(lang).gettext
    heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    # the document's chapters, numbered as in the PDF, in Word's heading styles
    assert heads[:2] == [("Heading 1", _("Contents")), ("Heading 1", _("Summary"))]
    assert ("Heading 1", f"1  {_('The collaboration')}") in heads
    assert ("Heading 1", f"2  {_('Weighing risks and opportunities')}") in heads
    assert ("Heading 2", _("Knowledge Security Committee")) in heads
    assert heads[-3:] == [
        ("Heading 2", _("Reasons in the answers")),
        ("Heading 2", _("Findings")),
        ("Heading 2", _("Reference data")),
    ]
    # a table of contents field, grids whose header row repeats on every page
    body = d.element.body
    assert any("TOC" in (i.text or "") for i in body.iter(qn("w:instrText")))
    grids = [t for t in d.tables if t._tbl.tr_lst[0].trPr is not None]
    assert len(grids) >= 4
    for t in grids:
        assert t._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None
    headers = [[c.text for c in t.rows[0].cells] for t in grids]
    assert [_("Partner"), _("Country"), _("Ties to military or security bodies")] in headers
    assert [_("Table"), _("Source"), _("As of")] in headers
    # every run has a language, mostly the document's
    runs = list(body.iter(qn("w:r")))
    assert runs and all(r.find(f"{qn('w:rPr')}/{qn('w:lang')}") is not None for r in runs)
    assert d.core_properties.language == LANG_TAGS[lang]
    assert d.core_properties.title
    # what the check concludes, from its context
    k = assess_file(path).knowledge
    text = all_text(d)
    assert Translator(lang).label(k.decision.verdict) in text
    assert all(p.name in text for p in k.partners)
    assert all(r.id in text for r in k.risks)


def test_the_referral_names_the_committee_and_the_least_verdict(
    made: dict[tuple[str, str], bytes],
) -> None:
    en = all_text(opened(made[REFERRAL.stem, "en"]))
    nl = all_text(opened(made[REFERRAL.stem, "nl"]))
    assert "binding verdict of the Knowledge Security Committee" in en
    assert "Least verdict the answers allow" in en and "refer to the committee" in en
    assert "Commissie Kennisveiligheid" in nl


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_same_bytes_every_run(made: dict[tuple[str, str], bytes], lang: str) -> None:
    for path in SAMPLES:
        again = make_document(assess_file(path), DOC, lang, "docx")
        assert again == made[path.stem, lang]
        with zipfile.ZipFile(io.BytesIO(again)) as z:
            stamps = {i.date_time for i in z.infolist()}
        date = assess_file(path).knowledge.meta.assessment_date
        assert stamps == {(date.year, date.month, date.day, 0, 0, 0)}


def test_cli_writes_it_and_extract_gives_the_questionnaire_back(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["render", str(EXCHANGE), "--doc", DOC, "--lang", "nl",
                            "--format", "docx", "-o", str(tmp_path)])  # fmt: skip
    assert r.exit_code == 0, r.output
    written = tmp_path / f"{EXCHANGE.stem}.{DOC}.nl.docx"
    assert "Samenvatting" in all_text(opened(written.read_bytes()))
    r = runner.invoke(cli, ["extract", str(written), "-o", str(tmp_path / "back")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "back" / EXCHANGE.name).read_bytes() == EXCHANGE.read_bytes()


def test_hostile_answers_stay_text(tmp_path: Path) -> None:
    data = load(EXCHANGE).data
    data["collaboration"]["description"] = HOSTILE
    data["partners"][0]["name"] = "P <b>bold</b> {{ 6*7 }}"
    raw = make_document(assess_file(write(tmp_path, data)), DOC, "en", "docx")
    text = all_text(opened(raw))
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        xml = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "P <b>bold</b> {{ 6*7 }}" in text and " 42" not in text
    assert "{{ 7*7 }} {% if true %}IF{% endif %}" in text
    assert "<img" not in xml and "<script" not in xml and "&lt;b&gt;bold" in xml
    assert "file:///" not in rels and "<w:hyperlink" not in xml
