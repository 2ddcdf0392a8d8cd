"""`dpia status`: the register of assessments in every format, what needs attention first."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from dpia.cli import cli
from tests.factory import data

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-03-01"


def write(folder: Path, name: str, content: dict[str, object]) -> Path:
    path = folder / name
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(content, f)
    return path


def status(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["status", *args, "--today", TODAY])
    return r.exit_code, r.stdout


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four assessments: one in order, one overdue for review with a high residual risk and a
    measure past due, one draft without a decision, one that does not validate."""
    root = tmp_path_factory.mktemp("register")
    write(root, "a-fine.yaml", data(**{"meta.title": "Fine"}))
    late = data(
        **{
            "meta.title": '=HYPERLINK("x")',
            "meta.review_date": "2027-01-15",
            "risks.0.residual_likelihood": "significant",
            "risks.0.residual_severity": "significant",
            "measures.0.status": "planned",
            "measures.0.due": "2027-02-01",
        }
    )
    write(root, "b-late.yaml", late)
    draft = data(**{"meta.title": "Draft", "meta.status": "draft"})
    del draft["consultation"]["decision"]
    write(root, "c-draft.yaml", draft)
    (root / "d-broken.yaml").write_text("meta:\n  title: x\n")
    (root / "notes.json").write_text('{"not": "a questionnaire"}')
    return root


def test_json_lists_every_assessment_with_the_most_urgent_first(folder: Path) -> None:
    code, out = status(str(folder), "--format", "json")
    assert code == 1  # one file does not validate
    rows = json.loads(out)["assessments"]
    assert [Path(r["file"]).name for r in rows] == [
        "d-broken.yaml",
        "b-late.yaml",
        "c-draft.yaml",
        "a-fine.yaml",
    ]
    broken, late, draft, fine = rows
    assert broken["attention"] == ["invalid"] and broken["errors"] > 0
    assert late["attention"] == ["review_overdue", "high_residual", "errors", "measures_overdue"]
    assert late["residual"] == {"high": 1, "medium": 0, "low": 0}
    assert (late["open_measures"], late["overdue_measures"]) == (1, 1)
    assert late["review_date"] == "2027-01-15" and late["review_overdue"] is True
    assert draft["attention"] == ["no_decision", "draft"] and draft["decision"] is None
    assert fine["attention"] == [] and fine["decision"] == "proceed"
    assert fine["title"] == "Fine" and fine["organisation"] == "Example School"


def test_csv_has_one_row_each_and_keeps_formulas_as_text(folder: Path) -> None:
    _, out = status(str(folder), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4
    late = rows[1]
    assert late["title"] == '\'=HYPERLINK("x")'  # never a formula in a spreadsheet
    assert late["residual_high"] == "1" and late["overdue_measures"] == "1"
    assert late["attention"] == "review_overdue;high_residual;errors;measures_overdue"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["review overdue", "high residual risk", "15 January 2027 (overdue)", "high 1"]),
        (
            "nl",
            ["herbeoordeling verlopen", "hoog restrisico", "15 januari 2027 (verlopen)", "hoog 1"],
        ),
    ],
)
def test_text_is_one_line_each_with_its_reasons(folder: Path, lang: str, words: list[str]) -> None:
    _, out = status(str(folder), "--lang", lang)
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("! ") and "d-broken.yaml" in lines[0]
    assert "b-late.yaml" in lines[1] and all(w in lines[1] for w in words), lines[1]
    assert lines[3].startswith("  ") and "a-fine.yaml: Fine — Example School" in lines[3]


def test_html_is_an_escaped_table_in_both_languages(folder: Path) -> None:
    _, en = status(str(folder), "--format", "html", "--lang", "en")
    _, nl = status(str(folder), "--format", "html", "--lang", "nl")
    assert "<h1>Register of assessments</h1>" in en and "Register van DPIA" in nl
    assert en.count('<tr class="attention">') == 3 and en.count('<tr class="">') == 1
    assert "=HYPERLINK(&#34;x&#34;)" in en and '"x"' not in en.split("<body")[1]
    assert "measures past their due date" in en and "maatregelen over hun termijn" in nl
    assert "<style>" in en  # stands alone


def test_every_sample_is_listed() -> None:
    code, out = status(str(ROOT / "samples"), "--format", "json")
    assert code == 0
    files = {
        Path(r["file"]).relative_to(ROOT / "samples").as_posix()
        for r in json.loads(out)["assessments"]
    }
    expected = {
        p.relative_to(ROOT / "samples").as_posix() for p in (ROOT / "samples").rglob("*.yaml")
    }
    assert files == expected


def test_batch_ends_with_the_attention_list(folder: Path, tmp_path: Path) -> None:
    args = [str(folder), "-o", str(tmp_path), "--doc", "screening", "--lang", "en"]
    r = CliRunner().invoke(cli, ["batch", *args, "--output-format", "html", "-q"])
    assert r.exit_code == 1  # the broken file fails
    lines = r.stdout.splitlines()
    assert [Path(line.split(":")[0][2:]).name for line in lines] == [
        "d-broken.yaml",
        "b-late.yaml",
        "c-draft.yaml",
    ]
    assert "high residual risk" in lines[1] and "a-fine" not in r.stdout
