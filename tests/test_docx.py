"""`--format docx`: real Word structure from the typed contexts, both languages, answers as
text, the questionnaire attached, and the same bytes every run."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.context.assessment import Assessment, assess_file
from dpia.context.dpia import DpiaContext
from dpia.docx.embedded import NAMESPACE
from dpia.docx.figures import ASVG
from dpia.docx.writer import LANG_TAGS
from dpia.languages import LANGUAGES
from dpia.model.enums import Status
from dpia.produce import DOCUMENTS, make_document, prepare
from dpia.render.i18n import Translator
from tests.factory import data
from tests.test_security import HOSTILE

ROOT = Path(__file__).resolve().parent.parent
# Every DPIA sample: single files, a cooperative's schools, and two versions with a history.
SAMPLES = sorted(
    [
        *ROOT.glob("samples/*.yaml"),
        *ROOT.glob("samples/joint/school-*.yaml"),
        *ROOT.glob("samples/review/*.yaml"),
    ],
    key=lambda p: p.name,
)
# The documents made as .docx, by the registry: every DPIA document (the knowledge-security
# check, a questionnaire kind of its own: tests/test_docx_knowledge.py).
WORD = [name for name, d in DOCUMENTS.items() if "docx" in d.formats and d.kind == "dpia"]
# Those that leave the organisation (the public addendum, the letter to the supplier): a frame
# of their own, without the assessment's title and without the questionnaire.
EXTERNAL = [name for name in WORD if DOCUMENTS[name].external]
# The first heading of each document's body, as a catalog message.
FIRST_HEADING = {
    "dpia": "Management summary",
    "processor-checklist": "Verdict",
    "equality": "Purpose of this assessment",
    "screening": "Outcome of the pre-scan",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def made(sample_docx: Callable[[Path, str, str], bytes]) -> dict[tuple[str, str, str], bytes]:
    """Every sample, document and language, made once for the session (the parity test
    reads the same documents)."""
    out = {}
    for path in SAMPLES:
        assert assess_file(path).ok, path
        for doc in WORD:
            for lang in LANGUAGES:
                out[path.name, doc, lang] = sample_docx(path, doc, lang)
    return out


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def headings(d: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_document_in_both_languages(
    made: dict[tuple[str, str, str], bytes], path: Path
) -> None:
    a = assess_file(path)
    for doc in WORD:
        texts = {}
        for lang in LANGUAGES:
            raw = made[path.name, doc, lang]
            d = opened(raw)
            _ = Translator(lang).gettext
            found = headings(d)
            if doc in EXTERNAL:
                _external(d, raw, doc, lang, a)
            else:
                assert any(_(FIRST_HEADING[doc]) in text for _style, text in found), (doc, lang)
                assert {"Heading 1", "Heading 2"} & {style for style, _t in found}
                _structure(d, doc, lang, a)
            _languages(d, lang)
            props = d.core_properties
            assert props.author == a.questionnaire.meta.organisation.name
            assert props.language == LANG_TAGS[lang] and props.keywords and props.title
            assert props.created.date() == a.questionnaire.meta.assessment_date
            texts[lang] = "\n".join(p.text for p in d.paragraphs)
        assert texts["nl"] != texts["en"]  # the prose really is in each language


def _languages(d: docx.document.Document, lang: str) -> None:
    """The language of every run: the document's, or that of an answer written in the other;
    and page X of Y in the footer."""
    body = d.element.body
    langs = [r.find(f"{W}rPr/{W}lang") for r in body.iter(f"{W}r")]
    assert all(x is not None for x in langs)
    values = [x.get(qn("w:val")) for x in langs if x is not None]
    tag = LANG_TAGS[lang]
    assert set(values) <= set(LANG_TAGS.values()) and values.count(tag) > len(values) / 2
    footer = d.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


def _external(d: docx.document.Document, raw: bytes, doc: str, lang: str, a: Assessment) -> None:
    """A document that leaves the organisation: its own head and running header, none of the
    assessment's title, authors or colophon, and no questionnaire attached."""
    _, q = Translator(lang).gettext, a.questionnaire
    ctx = prepare(a, doc, lang, "docx").context
    header = d.sections[0].header._element.xml
    # the letter has a letterhead on its first page and no running header (a page or two)
    assert (q.meta.organisation.name in header) is (doc != "supplier-letter")
    title = q.meta.title.get(lang, q.meta.languages[0].value)[0]
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        package = "\n".join(z.read(n).decode(errors="replace") for n in z.namelist())
    assert NAMESPACE not in package  # no questionnaire attached
    assert title not in package and "Made with dpia" not in package
    assert _("Authors") not in package and q.meta.version not in header
    first = d.paragraphs[0].text or d.paragraphs[1].text  # a logo may come first
    assert first.startswith(q.meta.organisation.name)
    marked = "PowerPlusWaterMarkObject" in header
    if doc == "privacy-addendum":
        assert _("Privacy information") in header and _("public").upper() in header
        assert d.paragraphs[[p.style.name for p in d.paragraphs].index("Title")].text.startswith(
            _("Privacy information") + ": "
        )
        assert marked is ctx.concept  # type: ignore[attr-defined]
    else:
        assert not marked  # a letter is sent final; its classification is in the letterhead
        cells = [[c.text for c in row.cells] for row in d.tables[0].rows]
        assert [_("To"), _("Date"), _("Subject"), _("Classification")] == [r[0] for r in cells]
        assert cells[3][1] == _("Internal to both parties")
        assert cells[1][1] == Translator(lang).date(q.meta.assessment_date)


def _structure(d: docx.document.Document, doc: str, lang: str, a: Assessment) -> None:
    # every table repeats its header row; the cover's facts table has label rows instead
    grids = [t for t in d.tables if t._tbl.tr_lst[0].trPr is not None]
    assert grids or doc in ("screening", "equality")
    for t in grids:
        assert t._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None
    body = d.element.body
    # the running header in the header part
    section = d.sections[0]
    title = a.questionnaire.meta.title.get(lang, a.questionnaire.meta.languages[0].value)[0]
    # the checklist and the equality assessment repeat their own title, as the PDF's head does
    header = section.header._element.xml
    if doc == "equality":
        assert Translator(lang).gettext("Equality impact assessment") in header
    elif doc == "processor-checklist":  # the processors whose agreements it checks
        q = a.questionnaire
        named = [p.name for p in q.description.parties if p.id == q.processor_agreement.processor]
        assert all(name in header for name in named)
    if doc in ("processor-checklist", "equality"):
        assert Translator(lang).gettext("Version") in header
    else:
        assert title in section.header._element.xml
    draft = a.questionnaire.meta.status is Status.draft
    assert ("PowerPlusWaterMarkObject" in section.header._element.xml) is draft
    # the colophon says where the questionnaire is: in this Word document
    made = Translator(lang).gettext(
        "Made with dpia from %(name)s, which is embedded in this Word document."
    ) % {"name": a.source[0]}
    assert any(p.text.startswith(made) for p in d.paragraphs)
    # Open Sans named, with the fallback in the font table
    assert 'w:ascii="Open Sans"' in d.styles.element.xml
    if doc == "dpia":
        assert any("TOC" in (i.text or "") for i in body.iter(qn("w:instrText")))
        ctx = prepare(a, doc, lang, "docx").context
        assert isinstance(ctx, DpiaContext)
        # the two heat maps, the risk trajectory when the history has earlier ratings, and the
        # proposal's images
        shapes = 2 + (ctx.trajectory is not None) + len(ctx.images)
        assert len(d.inline_shapes) == shapes
        names = {p.text for p in d.paragraphs if p.style.name == "Heading 2"}
        assert any(n.startswith("16") for n in names) and any(n.startswith("17") for n in names)


def test_dutch_and_english_labels(made: dict[tuple[str, str, str], bytes]) -> None:
    nl = opened(made["secondary-ai-homework.yaml", "dpia", "nl"])
    en = opened(made["secondary-ai-homework.yaml", "dpia", "en"])
    assert ("Heading 1", "Deel C: Risico's") in headings(nl)
    assert ("Heading 1", "Part C: Risks") in headings(en)
    header_rows = [[c.text for c in t.rows[0].cells] for t in en.tables]
    assert [
        "Id",
        "Risk",
        "Likelihood \u00d7 severity",
        "Inherent",
        "Measures",
        "Residual",
    ] in header_rows


# The DPIA, the slowest to make, is made again from the samples that between them use what it
# draws: the proposal's image and the operations, the risk trajectory, a school's marks.
AGAIN = {"vocational-exam-proctoring.yaml", "ai-homework-v2.yaml", "school-a.yaml"}


@pytest.mark.parametrize("doc", WORD)
def test_same_bytes_every_run(made: dict[tuple[str, str, str], bytes], doc: str) -> None:
    """Every sample in both languages (the DPIA: those of AGAIN) gives the same bytes when it
    is made again, with the assessment date on every zip entry."""
    for path in SAMPLES:
        if doc == "dpia" and path.name not in AGAIN:
            continue
        a = assess_file(path)
        for lang in LANGUAGES:
            again = make_document(a, doc, lang, "docx")
            assert again == made[path.name, doc, lang], (path.name, lang)
            with zipfile.ZipFile(io.BytesIO(again)) as z:
                stamps = {i.date_time for i in z.infolist()}
            when = a.questionnaire.meta.assessment_date
            assert stamps == {(when.year, when.month, when.day, 0, 0, 0)}  # not the clock


def test_same_bytes_in_another_process(
    made: dict[tuple[str, str, str], bytes], tmp_path: Path
) -> None:
    """A fresh interpreter (another hash seed, another clock) writes the same file."""
    sample = ROOT / "samples" / "primary-learning-analytics.yaml"
    r = subprocess.run(
        [sys.executable, "-m", "dpia", "render", str(sample), "--doc", "dpia", "--lang", "nl",
         "--format", "docx", "-o", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    written = (tmp_path / "primary-learning-analytics.dpia.nl.docx").read_bytes()
    assert written == made["primary-learning-analytics.yaml", "dpia", "nl"]


def test_questionnaire_comes_back_out(tmp_path: Path) -> None:
    sample = ROOT / "samples" / "joint" / "school-a.yaml"
    runner = CliRunner()
    r = runner.invoke(cli, ["render", str(sample), "--doc", "screening", "--lang", "en",
                            "--format", "docx", "-o", str(tmp_path)])  # fmt: skip
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["extract", str(tmp_path / "school-a.screening.en.docx"), "-o",
                            str(tmp_path / "back")])  # fmt: skip
    assert r.exit_code == 0, r.output
    # an overlay is attached merged with its base, so the file validates on its own
    back = tmp_path / "back" / "school-a.merged.yaml"
    assert back.read_bytes() == assess_file(sample).source[1]
    assert assess_file(back).ok


def test_extract_refuses_a_broken_docx(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    r = CliRunner().invoke(cli, ["extract", str(bad), "-o", str(tmp_path)])
    assert r.exit_code == 1 and "not a readable .docx" in r.output


def test_hostile_answers_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    answers = {
        "description.proposal": HOSTILE,
        "public.summary": HOSTILE,  # the addendum's text
        "public.title": "P <b>bold</b> {{ 6*7 }}",
        "meta.title": "T <b>bold</b> {{ 6*7 }}",
        "risks.0.title": "<a href='file:///etc/shadow'>x</a>",
    }
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**answers), f)
    a = assess_file(path)
    for doc in ("dpia", "equality", "privacy-addendum"):
        raw = make_document(a, doc, "en", "docx")
        d = opened(raw)
        text = "\n".join(p.text for p in d.paragraphs) + "\n".join(
            c.text for t in d.tables for row in t.rows for c in row.cells
        )
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            xml = z.read("word/document.xml").decode()
            rels = z.read("word/_rels/document.xml.rels").decode()
        assert "{{ 6*7 }}" in text and " 42" not in text
        if doc == "privacy-addendum":  # named after the processing, not the assessment
            assert "Privacy information: P <b>bold</b> {{ 6*7 }}" in text
            assert "T <b>bold</b>" not in text
        assert "<img" not in xml and "<script" not in xml and "<b>bold" not in xml
        assert "&lt;b&gt;bold" in xml or doc == "equality"  # the tag is text, escaped
        assert "file:///" not in rels and "http://127.0.0.1" not in rels  # no links made
        assert "<w:hyperlink" not in xml
        if doc != "equality":
            # the whole answer as text; a Markdown link shows its address, as in the PDF
            shown = HOSTILE.replace(
                "[site](http://127.0.0.1:9/leak)", "site (http://127.0.0.1:9/leak)"
            )
            assert shown in text
            assert "{{ 7*7 }} {% if true %}IF{% endif %}" in text


def test_batch_writes_docx(tmp_path: Path) -> None:
    """`dpia batch --output-format docx` goes through the same format registry."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "school.yaml").write_bytes(
        (ROOT / "samples" / "secondary-ai-homework.yaml").read_bytes()
    )
    args = ["batch", str(folder), "-o", str(tmp_path / "out"), "--doc", "screening",
            "--output-format", "docx", "-j", "1", "-q"]  # fmt: skip
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    written = sorted(p.name for p in (tmp_path / "out").rglob("*.docx"))
    assert written == ["school.screening.en.docx", "school.screening.nl.docx"]
    d = opened((tmp_path / "out" / "school.screening.nl.docx").read_bytes())
    assert ("Heading 1", "Uitkomst van de pre-scan") in headings(d)
    # the public addendum too, by its entry in the registry
    args[args.index("screening")] = "privacy-addendum"
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    d = opened((tmp_path / "out" / "school.privacy-addendum.nl.docx").read_bytes())
    assert [p.text for p in d.paragraphs if p.style.name == "Title"] == [
        "Privacy-informatie: HuiswerkMaatje, de AI-hulp bij huiswerk (proef)"
    ]


@pytest.mark.parametrize("command", ["validate", "screen"])
def test_validate_and_screen_import_neither_docx_nor_rdflib(command: str) -> None:
    sample = ROOT / "samples" / "secondary-ai-homework.yaml"
    code = (
        f"import sys; from dpia.cli import main; sys.argv=['dpia',{command!r},{str(sample)!r}]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "loaded = [m for m in ('docx', 'rdflib', 'PIL', 'dpia.docx.render') if m in sys.modules]\n"
        "assert not loaded, loaded"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize(
    "table",
    [
        [["Id", "Risk"], ["R1", "x " * 400]],
        [["a"] * 9, ["supercalifragilisticexpialidocious " * 3] * 9],  # no room for every word
        [["Id", ""], ["", ""]],  # empty cells
    ],
)
def test_column_widths_fill_the_page(table: list[list[str]]) -> None:
    from dpia.docx.writer import Run, _shares

    shares = _shares([[[Run(text)] for text in row] for row in table])
    assert all(s > 0 for s in shares) and abs(sum(shares) - 1) < 1e-9
    if len(table[0]) == 2 and table[1][1]:
        assert shares[1] > 0.8  # the long text gets the room, the code what it needs


def test_png_logo_on_the_cover(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (200, 80), "#2a6").save(tmp_path / "logo.png")
    path = tmp_path / "school.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**{"meta.logo": "logo.png"}), f)
    a = assess_file(path)
    d = opened(make_document(a, "screening", "en", "docx"))
    assert len(d.inline_shapes) == 1
    assert d.inline_shapes[0].height.cm == pytest.approx(1.8)
    for doc in EXTERNAL:  # above the public head and the letterhead, smaller, as the PDF
        d = opened(make_document(a, doc, "en", "docx"))
        assert [s.height.cm for s in d.inline_shapes] == [pytest.approx(1.6)]


def test_markdown_in_answers_becomes_word_lists_and_emphasis(tmp_path: Path) -> None:
    path = tmp_path / "md.yaml"
    proposal = "We propose this.\n\n- first step\n- a **bold** second step\n"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**{"description.proposal": proposal}), f)
    d = opened(make_document(assess_file(path), "dpia", "en", "docx"))
    bullets = [p for p in d.paragraphs if p.style.name == "List Bullet"]
    texts = [p.text for p in bullets]
    assert "first step" in texts and "a bold second step" in texts
    second = bullets[texts.index("a bold second step")]
    assert [r.text for r in second.runs if r.bold] == ["bold"]
    assert not any("**" in p.text for p in d.paragraphs)


def test_every_dpia_document_has_word_sections() -> None:
    from dpia.docx.render import BUILDERS

    # Every document of a DPIA has a Word version, those that leave the organisation too.
    assert set(WORD) == {d for d, doc in DOCUMENTS.items() if doc.kind == "dpia"}
    assert set(EXTERNAL) == {"privacy-addendum", "supplier-letter"}
    assert set(BUILDERS) == {d for d in DOCUMENTS if "docx" in DOCUMENTS[d].formats}


def test_a_schools_document_names_the_central_assessment_and_marks(
    made: dict[tuple[str, str, str], bytes],
) -> None:
    """An overlay of a joint assessment: the cover names the central assessment, the colophon
    says what is adopted, and a marked risk or measure carries its mark."""
    a = assess_file(ROOT / "samples" / "joint" / "school-a.yaml")
    ctx = prepare(a, "dpia", "en", "docx").context
    assert isinstance(ctx, DpiaContext) and ctx.central is not None
    d = opened(made["school-a.yaml", "dpia", "en"])
    cover = [[c.text for c in row.cells] for row in d.tables[0].rows]
    assert any(row[0] == "Central assessment" and ctx.central.version in row[1] for row in cover)
    assert any(p.text and "It adopts the central assessment" in p.text for p in d.paragraphs)
    cells = "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    for key, badge in ctx.central.badges.items():
        if key.split(".")[0] in ("risks", "measures"):
            assert badge in cells


def test_the_risk_trajectory_is_drawn_when_the_history_has_ratings(
    made: dict[tuple[str, str, str], bytes],
) -> None:
    a = assess_file(ROOT / "samples" / "review" / "ai-homework-v2.yaml")
    ctx = prepare(a, "dpia", "nl", "docx").context
    assert isinstance(ctx, DpiaContext) and ctx.trajectory is not None
    d = opened(made["ai-homework-v2.yaml", "dpia", "nl"])
    assert len(d.inline_shapes) == 3  # two heat maps and the trajectory
    caption = Translator("nl").gettext("Residual risks by level, per version (risk trajectory)")
    assert any(caption in c.text for t in d.tables for row in t.rows for c in row.cells)


def test_proposal_images_are_figures_with_their_captions(tmp_path: Path) -> None:
    """A PNG image of the proposal at its own size; an SVG as Word 2016 places one (the
    drawing in an svgBlip, a PNG stand-in for older readers); each with its title for screen
    readers and its caption below."""
    from PIL import Image

    Image.new("RGB", (400, 200), "#2a6").save(tmp_path / "flow.png")
    shutil.copy(ROOT / "samples" / "proctoring-flow.svg", tmp_path)
    images = [
        {"file": "flow.png", "title": "Data flow", "source": "Examination Office"},
        {"file": "proctoring-flow.svg", "title": "The exam, step by step", "description": "O1-O7."},
    ]
    path = tmp_path / "images.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**{"description.proposal_images": images}), f)
    raw = make_document(assess_file(path), "dpia", "en", "docx")
    d = opened(raw)
    described = [s._inline.docPr.get("descr") for s in d.inline_shapes]
    assert described[:2] == ["Data flow", "The exam, step by step"]
    png = d.inline_shapes[0]
    assert png.width.cm == pytest.approx(400 / 72 * 2.54, abs=0.01)  # its own size
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Data flow\nSource: Examination Office" in text
    assert "The exam, step by step O1-O7." in text
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        svg = z.read("word/media/drawing1.svg")
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
    assert svg == (ROOT / "samples" / "proctoring-flow.svg").read_bytes()
    rid = re.search(r'Id="(rId\d+)"[^>]*Target="media/drawing1.svg"', rels)
    assert rid and f'<asvg:svgBlip xmlns:asvg="{ASVG}"' in body
    assert f'r:embed="{rid[1]}"/>' in body
    # 640 x 150 SVG pixels (16.9 cm): narrowed to the text width, in proportion
    drawing = d.inline_shapes[1]
    assert drawing.width.cm == pytest.approx(16.6, abs=0.01)
    assert drawing.height.cm == pytest.approx(16.6 * 150 / 640, abs=0.01)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_word_documents(
    made: dict[tuple[str, str, str], bytes], tmp_path: Path
) -> None:
    """Another word processor than python-docx reads the files: LibreOffice, headless, turns
    the Dutch DPIA, addendum and letter of the proctoring sample into PDFs with their text."""
    from pypdf import PdfReader

    sample = "vocational-exam-proctoring.yaml"
    expected = {
        "dpia": ["Deel A: Beschrijving van de verwerking", "Aanvullende informatie", "O7"],
        "privacy-addendum": ["Privacy-informatie: ", "OPENBAAR", "Welke rechten heb je?"],
        "supplier-letter": ["Geachte J. Rivera,", "wettelijk vereist"],
    }
    for doc in expected:
        (tmp_path / f"{doc}.docx").write_bytes(made[sample, doc, "nl"])
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    r = subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         *(str(tmp_path / f"{doc}.docx") for doc in expected)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    for doc, phrases in expected.items():
        pages = PdfReader(tmp_path / f"{doc}.pdf").pages
        text = " ".join(" ".join(p.extract_text().split()) for p in pages)
        assert len(pages) >= (20 if doc == "dpia" else 1)
        for phrase in phrases:
            assert phrase in text, (doc, phrase)


@pytest.mark.parametrize(
    ("attributes", "size"),
    [
        ('width="640" height="150"', (640, 150)),
        ('width="100%" height="100%" viewBox="0 0 320 240"', (320, 240)),
        ('width="0" height="10" viewBox="0,0,200,100"', (200, 100)),
        ('viewBox="0 0 1.2.3 0"', None),  # nothing usable: the text width, landscape
    ],
)
def test_an_svg_image_is_placed_at_its_size(attributes: str, size: tuple[int, int]) -> None:
    from dpia.docx.figures import PX_CM, TEXT_WIDTH_CM, _svg_size

    svg = f'<svg xmlns="http://www.w3.org/2000/svg" {attributes}/>'.encode()
    expected = (size[0] * PX_CM, size[1] * PX_CM) if size else (TEXT_WIDTH_CM, TEXT_WIDTH_CM / 2)
    assert _svg_size(svg) == pytest.approx(expected)
