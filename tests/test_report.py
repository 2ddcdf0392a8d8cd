"""The DPIA report: HTML against golden files, and the PDFs' text, structure and bytes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.produce import DOCUMENTS, FORMATS, prepare
from dpia.produce.make import documents_of
from tests.golden import LANGS, golden_name, renderable_samples, rendered
from tests.pdfs import SharedPdfs, text

SAMPLES = renderable_samples()
IDS = [s.stem for s in SAMPLES]


@pytest.fixture(scope="module")
def pdfs(sample_pdfs: SharedPdfs) -> dict[tuple[str, str], Path]:
    """Every sample's DPIA in both languages, rendered once per session."""
    found = sample_pdfs.get([(s, "dpia", lang) for s in SAMPLES for lang in LANGS])
    return {(path.stem, lang): pdf for (path, _, lang), pdf in found.items()}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc", documents_of("dpia"))
@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_html_matches_golden_file(sample: Path, doc: str, lang: str) -> None:
    golden = golden_name(sample, doc, lang)
    assert golden.is_file(), "run `make golden` to create the golden files"
    assert rendered(sample, doc, lang) == golden.read_text(), (
        f"{golden.name} differs: if intended, run `make golden` and commit the diff"
    )


# Labels of one language only. Answers may legitimately be in the other language, so these are
# headings and page furniture no answer contains: their presence in the other is a leak.
ENGLISH_ONLY = [
    r"\bpage \d+ of \d+",
    "Management summary",
    "Risk register",
    "Measures plan",
    "Part A: Description",
    "Findings that need attention",
    "Open measures",
]
DUTCH_ONLY = [
    r"\bpagina \d+ van \d+",
    "Managementsamenvatting",
    "Risicoregister",
    "Deel A: ",
    "Openstaande maatregelen",
]
SINGLE_FILE = next(s for s in SAMPLES if "joint" not in s.parts)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_each_pdf_speaks_its_own_language(pdfs: dict, sample: Path) -> None:
    nl, en = text(pdfs[sample.stem, "nl"]), text(pdfs[sample.stem, "en"])
    assert [w for w in ENGLISH_ONLY if re.search(w, nl)] == []
    assert [w for w in DUTCH_ONLY if re.search(w, en)] == []
    assert re.search(ENGLISH_ONLY[0], en) and re.search(DUTCH_ONLY[0], nl)
    assert "gegevensbeschermingseffectbeoordeling" in nl.lower()
    assert "data protection impact assessment" in en.lower()


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_every_risk_and_measure_appears(pdfs: dict, sample: Path) -> None:

    q = assess_file(sample).questionnaire
    for lang in LANGS:
        content = text(pdfs[sample.stem, lang])
        for item in [*q.risks, *q.measures]:
            title = item.title.get(lang, q.meta.languages[0].value)[0]
            assert re.sub(r"\s+", " ", title)[:40] in content, (lang, item.id)


def test_pdf_structure(pdfs: dict) -> None:
    sample = SINGLE_FILE
    for lang in LANGS:
        path = pdfs[sample.stem, lang]
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == lang
            assert "/StructTreeRoot" in pdf.Root, "not tagged"
            assert "/Outlines" in pdf.Root, "no bookmarks"
            meta = pdf.open_metadata()
            assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "A"
            assert (
                "DPIA" in str(pdf.docinfo["/Title"]) or "dpia" in str(pdf.docinfo["/Title"]).lower()
            )
            attached = pdf.attachments[sample.name]
            assert attached.get_file().read_bytes() == sample.read_bytes()
        raw = path.read_bytes()
        assert b"file://" not in raw and b"/home/" not in raw and b"/work/" not in raw


def test_table_of_contents_has_page_numbers(pdfs: dict) -> None:
    content = text(pdfs[SAMPLES[0].stem, "en"])
    assert re.search(r"Part C: Risks \d+", content)


def test_extract_writes_the_source_back(pdfs: dict, tmp_path: Path) -> None:
    sample = SINGLE_FILE
    r = CliRunner().invoke(cli, ["extract", str(pdfs[sample.stem, "en"]), "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / sample.name).read_bytes() == sample.read_bytes()


def test_extract_gives_back_a_set_that_renders_the_same_bytes(pdfs: dict, tmp_path: Path) -> None:
    """The logo is embedded beside the questionnaire and written back next to it: the
    extracted pair validates and renders the very same PDF."""
    sample = next(s for s in SAMPLES if s.stem == "primary-learning-analytics")
    original = pdfs[sample.stem, "en"]
    with pikepdf.open(original) as pdf:
        assert sorted(pdf.attachments) == ["klimboom.svg", sample.name]
    r = CliRunner().invoke(cli, ["extract", str(original), "-o", str(tmp_path / "x")])
    assert r.exit_code == 0, r.output
    assert sorted(r.output.split()) == [
        str(tmp_path / "x" / n) for n in ("klimboom.svg", sample.name)
    ]
    assert (tmp_path / "x" / "klimboom.svg").read_bytes() == (
        sample.parent / "klimboom.svg"
    ).read_bytes()
    extracted = tmp_path / "x" / sample.name
    r = CliRunner().invoke(cli, ["validate", str(extracted)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["render", str(extracted), "--lang", "en", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / original.name).read_bytes() == original.read_bytes()
    again = CliRunner().invoke(cli, ["extract", str(original), "-o", str(tmp_path / "x")])
    assert again.exit_code == 1 and "exists; nothing written (use --force" in again.output
    forced = ["extract", str(original), "-o", str(tmp_path / "x"), "--force"]
    assert CliRunner().invoke(cli, forced).exit_code == 0


def test_overlay_pdf_embeds_the_merged_questionnaire(pdfs: dict, tmp_path: Path) -> None:
    overlays = [s for s in SAMPLES if "joint" in s.parts]
    if not overlays:
        pytest.skip("no joint samples")
    pdf = pdfs[overlays[0].stem, "en"]
    r = CliRunner().invoke(cli, ["extract", str(pdf), "-o", str(tmp_path / "x")])
    [merged] = (tmp_path / "x").iterdir()
    assert merged.name == f"{overlays[0].stem}.merged.yaml"
    r = CliRunner().invoke(cli, ["validate", str(merged)])
    assert r.exit_code == 0, r.output


def test_rendering_is_deterministic(pdfs: dict, tmp_path: Path) -> None:
    """The CLI here gives the bytes a worker process gave earlier (tests/test_reproducible.py
    checks both font-subsetting paths and the clock)."""
    sample = SAMPLES[0]
    args = ["render", str(sample), "--lang", "en", "-o", str(tmp_path)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    fresh = (tmp_path / f"{sample.stem}.dpia.en.pdf").read_bytes()
    assert fresh == pdfs[sample.stem, "en"].read_bytes()


def test_a_failed_render_leaves_no_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dpia.pdf import weasy

    sample = SAMPLES[0]
    target = tmp_path / f"{sample.stem}.dpia.en.pdf"
    target.write_bytes(b"old")

    def broken(self: object, *args: object) -> bytes:
        raise OSError("disk full")

    monkeypatch.setattr(weasy.PdfWriter, "pdf", broken)
    r = CliRunner().invoke(cli, ["render", str(sample), "--lang", "en", "-o", str(tmp_path)])
    assert r.exit_code == 3
    assert "cannot render: OSError: disk full" in r.stderr
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_refusal_stops_the_render_even_if_the_fetcher_did_not_record_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A refusal raised past the fetcher's own record used to leave the PDF unbound."""
    from dpia.pdf import fetcher, weasy

    def refuse(self: object, **kwargs: object) -> None:
        raise fetcher.Refused("refused to read /elsewhere: not a bundled asset")

    monkeypatch.setattr(weasy.HTML, "render", refuse)
    with pytest.raises(weasy.RenderRefused, match="refused to read /elsewhere"):
        weasy.PdfWriter().pdf("<html></html>", [weasy.Source("q.yaml", b"")], dt.date(2025, 1, 1))


COLOPHON = {
    "en": ("Made with dpia from {}.", "Made with dpia from {}, which is embedded in this PDF."),
    "nl": ("Gemaakt met dpia uit {}.", "Gemaakt met dpia uit {}, dat in deze pdf is ingesloten."),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc", documents_of("dpia"))
def test_only_a_pdf_says_it_embeds_the_source(doc: str, lang: str) -> None:
    """A document that leaves the organisation (the privacy addendum, the supplier letter) names
    no source and embeds none."""
    a = assess_file(SINGLE_FILE)
    plain, embedded = (c.format(SINGLE_FILE.name) for c in COLOPHON[lang])
    for fmt in DOCUMENTS[doc].formats:
        page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", prepare(a, doc, lang, fmt).html))
        if DOCUMENTS[doc].external:
            assert SINGLE_FILE.name not in page and "dpia" not in page.lower()
            continue
        said = embedded if FORMATS[fmt].embeds_source else plain
        assert said in page, (fmt, said)
        assert ("ingesloten" in page or "embedded in" in page) == FORMATS[fmt].embeds_source


def test_html_output_is_standalone(tmp_path: Path) -> None:
    sample = SAMPLES[0]
    r = CliRunner().invoke(
        cli, ["render", str(sample), "--format", "html", "--lang", "nl", "-o", str(tmp_path)]
    )
    assert r.exit_code == 0, r.output
    html = (tmp_path / f"{sample.stem}.dpia.nl.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<style>" in html and "@page" in html
    assert "Gemaakt met dpia uit" in html and "ingesloten" not in html


AI_ACT = {
    "en": (
        "Duties of a deployer of a high-risk system (Art. 26)",
        "Logs kept for at least six months (Art. 26(6)) The vendor keeps the system's logs",
        "Relevant and representative input data (Art. 26(4)) Not answered",
        "Measures, governance and complaints (Art. 27(1)(f)) Not answered",
    ),
    "nl": (
        "Verplichtingen van de gebruiksverantwoordelijke van een AI-systeem met een hoog risico",
        "Logs minstens zes maanden bewaard (art. 26 lid 6) The vendor keeps the system's logs",
        "Relevante en representatieve inputdata (art. 26 lid 4) Niet beantwoord",
        "klachtenregeling (art. 27 lid 1 onder f) Niet beantwoord",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_high_risk_ai_shows_the_deployer_duties_and_the_fria(pdfs: dict, lang: str) -> None:
    """Art. 26 duty by duty, Art. 27(1) element by element; gaps where nothing is answered."""
    proctoring = text(pdfs["vocational-exam-proctoring", lang])
    for expected in AI_ACT[lang]:
        assert expected in proctoring
    assert AI_ACT[lang][0] not in text(pdfs["secondary-ai-homework", lang])  # not high-risk


def test_answers_are_marked_as_another_language_only_where_a_translation_is_missing(
    tmp_path: Path,
) -> None:
    """An English-only questionnaire in a Dutch document: the cover says once that the answers
    are quoted untranslated, and no answer carries a marker (32 markers on one page hid the
    text). A bilingual one that lacks a Dutch text marks that answer."""
    from ruamel.yaml import YAML

    from tests.factory import data

    def html(content: dict[str, object], name: str) -> str:
        path = tmp_path / name
        with path.open("w") as f:
            YAML(typ="safe", pure=True).dump(content, f)
        return prepare(assess_file(path), "dpia", "nl", "html").html

    english = html(data(), "en.yaml")
    assert "de antwoorden zijn geciteerd zoals ze zijn geschreven, niet vertaald" in english
    assert "lang-marker" not in english and 'lang="en"' in english
    both = data(**{"meta.languages": ["nl", "en"]})
    both["description"]["purposes"][0]["description"] = {"en": "Homework help"}
    bilingual = html(both, "both.yaml")
    assert "niet vertaald" not in bilingual
    assert re.search(r'<span class="lang-marker"[^>]*>EN</span> Homework help', bilingual)
