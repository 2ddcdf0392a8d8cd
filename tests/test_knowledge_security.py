"""The knowledge-security check end to end: validate, screen, init, schema, the document in
both languages (HTML golden files, PDF/A text and bytes), the linked DPIA and batch runs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.load import load
from dpia.produce import prepare
from tests.golden import LANGS, golden_name, rendered
from tests.pdfs import SharedPdfs, text
from tests.test_knowledge_rules import EXCHANGE, REFERRAL, clean, write

ROOT = Path(__file__).resolve().parent.parent
DOC = "knowledge-security"
SAMPLES = (EXCHANGE, REFERRAL)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture(scope="module")
def pdfs(sample_pdfs: SharedPdfs) -> dict[tuple[str, str], Path]:
    """Both samples' documents in both languages, rendered once per session."""
    found = sample_pdfs.get([(s, DOC, lang) for s in SAMPLES for lang in LANGS])
    return {(path.stem, lang): pdf for (path, _, lang), pdf in found.items()}


# ---------------------------------------------------------------- validate and screen


def test_validate_reports_a_too_weak_verdict_at_its_reason(tmp_path: Path) -> None:
    data = load(REFERRAL).data
    data["decision"]["verdict"] = "proceed_with_measures"
    del data["decision"]["committee"]
    path = write(tmp_path, data)
    code, out, err = run("validate", str(path))
    assert code == 0  # findings are not invalid input; --strict fails on them
    line = next(x for x in out.splitlines() if "ks-critical-technology-security-ties" in x)
    assert ": error[ks-critical-technology-security-ties]: partners[0].ties: " in line
    assert "requires at least 'refer to the committee', but the verdict is 'proceed with" in line
    assert "the file is valid; the assessment has 3 errors and 0 warnings" in err
    assert run("validate", "--strict", str(path))[0] == 1


def test_screen_gives_the_least_verdict_and_its_reasons_in_both_languages() -> None:
    code, out, _ = run("screen", str(REFERRAL), "--lang", "en")
    assert code == 0
    assert out.splitlines()[0].endswith(": Least verdict the answers allow: refer to the committee")
    assert "Verdict of the committee: do not proceed" in out
    assert "- refer to the committee: the results could have a military end use" in out
    _, nl, _ = run("screen", str(REFERRAL), "--lang", "nl")
    assert "Lichtste oordeel dat de antwoorden toelaten: voorleggen aan de commissie" in nl
    assert "- voorleggen aan de commissie: de resultaten kunnen een militair eindgebruik" in nl
    _, low, _ = run("screen", str(EXCHANGE), "--lang", "en")
    assert low.splitlines()[0].endswith(": proceed") and "Reasons in the answers: 0" in low


def test_validate_and_screen_of_a_check_never_import_weasyprint() -> None:
    code = (
        "import sys; from dpia.cli import main\n"
        f"for cmd in ('validate', 'screen'):\n"
        f"    sys.argv = ['dpia', cmd, {str(REFERRAL)!r}]\n"
        "    try: main()\n    except SystemExit as e: assert e.code == 0, e.code\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_screen_json() -> None:
    data = json.loads(run("screen", str(REFERRAL), "--format", "json")[1])
    assert data["kind"] == DOC and data["required"] == "refer" and data["verdict"] == "refer"
    assert data["outcome"] == "do_not_proceed" and data["too_weak"] is False
    reason = data["reasons"][0]
    assert reason["code"] == "ks-critical-technology-security-ties"
    assert reason["minimum"] == "refer" and reason["field"] == "partners.0.ties"


@pytest.mark.parametrize("lang", LANGS)
def test_init_preset_writes_a_check_that_validates_and_proceeds(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "check.yaml"
    assert run("init", str(path), "--preset", DOC, "--lang", lang)[0] == 0
    code, out, err = run("validate", str(path), "--lang", "en")
    assert (code, out) == (0, "") and "the file is valid; the assessment has no findings" in err
    assert "kind: knowledge-security" in path.read_text()
    assert not re.search(r"^\s*[\w-]*nationalit", path.read_text(), re.M)  # asked nowhere


def test_schema_file_is_current_and_accepts_both_samples() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    out = run("schema", "--kind", DOC)[1]
    assert (ROOT / "samples" / "knowledge-security.schema.json").read_text() == out, (
        "run `dpia schema --kind knowledge-security > samples/knowledge-security.schema.json`"
    )
    validator = jsonschema.Draft202012Validator(json.loads(out))
    for sample in SAMPLES:
        content = json.loads(json.dumps(load(sample).data, default=str))
        assert [e.message for e in validator.iter_errors(content)] == [], sample
    bad = json.loads(json.dumps({**load(EXCHANGE).data, "kind": "dpia"}, default=str))
    assert list(validator.iter_errors(bad))


# ---------------------------------------------------------------- the document


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_html_matches_golden_file(sample: Path, lang: str) -> None:
    golden = golden_name(sample, DOC, lang)
    assert golden.is_file(), "run `make golden` to create the golden files"
    assert rendered(sample, DOC, lang) == golden.read_text(), f"{golden.name}: run make golden"


def test_the_referral_reads_as_a_referral_in_both_languages(pdfs: dict) -> None:
    en, nl = text(pdfs[REFERRAL.stem, "en"]), text(pdfs[REFERRAL.stem, "nl"])
    for content, words in (
        (
            en,
            [
                "KNOWLEDGE-SECURITY CHECK",
                "Summary",
                "Outcome: do not proceed",
                "binding verdict of the Knowledge Security Committee",
                "Least verdict the answers allow refer to the committee",
                "Northern Polytechnic Institute of Technology (China)",
                "Quantum technologies; Advanced sensing technologies",
                "Weighing risks and opportunities",
                "Balance",
                "Sign-off",
                "Institute director",
                "Case number KVC-2026-031",
                "Annex: findings and reference data",
                "Commission Recommendation (EU) 2023/2113",
                "1 June 2025",
                "page 2 of",
            ],
        ),
        (
            nl,
            [
                "KENNISVEILIGHEIDSTOETS",
                "Samenvatting",
                "Uitkomst: niet doorgaan",
                "bindend oordeel van de Commissie Kennisveiligheid",
                "Lichtste oordeel dat de antwoorden toelaten voorleggen aan de commissie",
                "Kwantumtechnologieën; Geavanceerde sensortechnologieën",
                "Afweging van risico's en kansen",
                "Ondertekening",
                "Instituutsdirecteur",
                "Bijlage: bevindingen en referentiegegevens",
                "1 juni 2025",
                "pagina 2 van",
            ],
        ),
    ):
        missing = [w for w in words if w not in content]
        assert missing == []
    assert "Summary" not in nl and "Samenvatting" not in en


def test_the_exchange_proceeds_and_shows_no_reasons(pdfs: dict) -> None:
    en, nl = text(pdfs[EXCHANGE.stem, "en"]), text(pdfs[EXCHANGE.stem, "nl"])
    assert "Outcome: proceed" in en and "Uitkomst: doorgaan" in nl
    assert "Nothing in the answers asks for more than proceeding." in en
    assert "University of Oslo (Norway)" in en and "University of Oslo (Noorwegen)" in nl
    assert "Erasmus+-uitwisseling middeleeuwse geschiedenis" in nl  # the Dutch answer
    assert "Not referred to the committee." in en


def test_the_summary_fits_on_one_page(pdfs: dict) -> None:
    """Page 1 is the cover, page 2 the summary, page 3 starts with the collaboration."""
    for (_, lang), path in pdfs.items():
        pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages]
        assert ("Summary" if lang == "en" else "Samenvatting") in pages[1]
        assert ("1 The collaboration" if lang == "en" else "1 De samenwerking") in pages[2]


def test_a_crowded_summary_still_fits_on_one_page_and_flags_the_weak_verdict(
    tmp_path: Path, sample_pdfs: SharedPdfs
) -> None:
    data = load(REFERRAL).data
    data["decision"]["verdict"] = "proceed_with_measures"
    del data["decision"]["committee"]
    del data["personal_data"]["transfer_analysis"]
    data["partners"].append(
        {
            "id": "msu",
            "name": "Technical Institute",
            "country": "RU",
            "type": "university",
            "ties": "unknown",
        }
    )
    key = (write(tmp_path, data), DOC, "nl")
    pdf = sample_pdfs.get([key])[key]
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(pdf).pages]
    summary = pages[1]
    assert "doorgaan met maatregelen lichter dan de antwoorden toelaten" in summary
    assert "… en meer in de bijlage" in summary  # 9 reasons, room for 6
    assert "zonder gekoppelde DPIA of doorgiftetoets" in summary  # the error that is not a reason
    assert "1 De samenwerking" in pages[2]
    annex = pages[-1] if "Bijlage" in pages[-1] else pages[-2] + pages[-1]
    assert "partner msu (Technical Institute) is gevestigd in een land met EU-beperkende" in annex


def test_pdfs_are_pdf_a_with_the_questionnaire_embedded(pdfs: dict) -> None:
    with pikepdf.open(pdfs[REFERRAL.stem, "en"]) as pdf:
        meta = pdf.open_metadata()
        assert meta.pdfa_status == "3A"
        [(name, attached)] = pdf.attachments.items()
        assert name == REFERRAL.name
        assert attached.get_file().read_bytes() == REFERRAL.read_bytes()


def test_the_document_is_byte_identical_for_the_same_input(pdfs: dict, tmp_path: Path) -> None:
    """Made again in this process, by `dpia render` without --doc (a check's own document)."""
    r = CliRunner().invoke(cli, ["render", str(REFERRAL), "--lang", "nl", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    again = tmp_path / f"{REFERRAL.stem}.{DOC}.nl.pdf"
    assert again.read_bytes() == pdfs[REFERRAL.stem, "nl"].read_bytes()


def test_answers_are_escaped_text(tmp_path: Path) -> None:
    data = clean()
    data["decision"]["reasons"] = "<script>alert(1)</script> {{ 7*7 }} {% raw %}"
    html = prepare(assess_file(write(tmp_path, data)), DOC, "en").html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html and "<script>" not in html


def test_doc_all_makes_only_the_documents_of_the_file_s_kind(tmp_path: Path) -> None:
    args = ["render", str(EXCHANGE), "--doc", "all", "--format", "html", "-o", str(tmp_path)]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"exchange-oslo.{DOC}.en.html",
        f"exchange-oslo.{DOC}.nl.html",
    ]
    nl = (tmp_path / f"exchange-oslo.{DOC}.nl.html").read_text()
    assert "<title>Kennisveiligheidstoets" in nl


def test_a_dpia_document_is_refused_for_a_check_and_the_other_way_round(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["render", str(EXCHANGE), "--doc", "dpia", "-o", str(tmp_path)])
    assert r.exit_code == 3
    assert "exchange-oslo.yaml is a knowledge-security questionnaire; its documents: " in r.output
    dpia = ROOT / "samples" / "university-writing-assistant.yaml"
    r = CliRunner().invoke(cli, ["render", str(dpia), "--doc", DOC, "-o", str(tmp_path)])
    assert r.exit_code == 3 and "is a dpia questionnaire" in r.output
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the linked DPIA


def _with_linked_dpia(tmp_path: Path, link: str) -> Path:
    shutil.copy(ROOT / "samples" / "university-writing-assistant.yaml", tmp_path / "dpia.yaml")
    data = load(REFERRAL).data
    data["personal_data"]["dpia_file"] = link
    del data["personal_data"]["transfer_analysis"]
    return write(tmp_path, data)


def test_the_linked_dpia_s_transfers_are_shown(tmp_path: Path) -> None:
    a = assess_file(_with_linked_dpia(tmp_path, "dpia.yaml"))
    assert a.ok and a.linked_dpia is not None and a.findings == []
    html = prepare(a, DOC, "en").html
    assert "Transfers outside the EEA, from the DPIA" in html and "United States" in html
    nl = prepare(a, DOC, "nl").html
    assert "Doorgiften buiten de EER, uit de DPIA" in nl and "Verenigde Staten" in nl


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("../outside.yaml", "the DPIA file must be inside this questionnaire's folder"),
        ("/etc/hostname", "the DPIA file must be inside this questionnaire's folder"),
        ("missing.yaml", "no such DPIA questionnaire: missing.yaml"),
        ("check.yaml", "no such DPIA questionnaire: check.yaml"),  # itself
        ("other.yaml", "other.yaml is not a DPIA; run dpia validate on it"),
    ],
)
def test_a_bad_link_is_a_located_problem(tmp_path: Path, link: str, message: str) -> None:
    write(tmp_path, clean(), "other.yaml")
    (tmp_path.parent / "outside.yaml").write_text("meta: {}\n")
    a = assess_file(_with_linked_dpia(tmp_path, link))
    assert not a.ok
    [problem] = a.validated.problems
    assert problem.field == "personal_data.dpia_file" and problem.message == message


# ---------------------------------------------------------------- batch


def test_batch_makes_each_file_s_own_documents_and_notices_the_linked_dpia(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _with_linked_dpia(src, "dpia.yaml")
    out = tmp_path / "out"
    args = ["batch", str(src), "-o", str(out), "-j", "1", "-q", "--output-format", "html"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    made = sorted(p.name for p in out.glob("*.html"))
    assert [m for m in made if m.startswith("check.")] == [
        "check.knowledge-security.en.html",
        "check.knowledge-security.nl.html",
    ]
    assert "dpia.dpia.en.html" in made and not any("dpia.knowledge-security" in m for m in made)
    r = CliRunner().invoke(cli, args)
    assert "0 rendered" in r.output
    dpia = src / "dpia.yaml"
    dpia.write_text(dpia.read_text().replace('version: "1.1"', 'version: "1.2"'))
    r = CliRunner().invoke(cli, args)
    assert "check.knowledge-security.en.html" in r.output  # the linked DPIA changed
