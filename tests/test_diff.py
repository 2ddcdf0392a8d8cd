"""`dpia diff`: what changed between two versions, from files or from git revisions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.review.compare import Change, compare
from dpia.rules.findings import findings
from tests.factory import data, questionnaire

ROOT = Path(__file__).resolve().parent.parent
V1 = ROOT / "samples" / "review" / "ai-homework-v1.yaml"
V2 = ROOT / "samples" / "review" / "ai-homework-v2.yaml"


def diff(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, ["diff", *args])
    return r.exit_code, r.stdout, r.stderr


def test_json_of_the_samples_shows_high_to_medium() -> None:
    code, out, _ = diff(str(V1), str(V2), "--format", "json")
    assert code == 0
    d = json.loads(out)
    risks = {r["id"]: r for r in d["risks"]}
    assert risks["R2"]["residual"] == ["high", "medium"]
    assert risks["R2"]["inherent"] == ["high", "medium"]
    assert risks["R3"]["residual"] == ["high", "low"]
    assert risks["R7"]["change"] == "added" and risks["R7"]["residual"] == [None, "low"]
    measures = {m["id"]: m for m in d["measures"]}
    assert measures["M3"]["implemented"] and measures["M3"]["status"] == ["planned", "implemented"]
    assert measures["M9"]["change"] == "added"
    resolved = {f["code"] for f in d["findings"] if not f["appeared"]}
    # Version 0.5 decided not to proceed, so its high residual risks gave an Art. 36 notice.
    assert {
        "prior-consultation-if-proceeding",
        "measure-overdue",
        "children-data-train-model",
    } <= resolved
    assert d["verdict"] == ["required", "required"]
    assert d["decision"] == ["stop", "proceed_with_conditions"]
    fields = {a["field"] for a in d["answers"]}
    assert "description.ai_system.inputs_train_model" in fields
    assert "consultation.decision.outcome" not in fields  # shown as the decision
    assert [(p["version"], p["high"], p["medium"]) for p in d["trajectory"]] == [
        ("0.5", 4, 2),
        ("0.9", 2, 1),
        ("1.0", 0, 1),
    ]


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "Decision: do not proceed -> proceed with conditions",
                "  R2 Hergebruik van gesprekken door leverancier of subverwerker: "
                "inherent high -> medium; residual high -> medium",
                "  M3 Verwerkersovereenkomst met trainingsverbod en EU-verwerking: "
                "planned -> implemented",
                "    AI system \u203a Inputs train the model: Yes -> No",
                "    Sign-off \u203a 2: added: S. Oudendijk",
            ],
        ),
        (
            "nl",
            [
                "Besluit: niet doorgaan -> doorgaan onder voorwaarden",
                "  0.9 (12 mei 2026): hoog 2, midden 1, laag 3",
                "  R7 Gesprekken worden langer bewaard dan nodig: toegevoegd (resterend laag)",
                "  Verwerkersovereenkomst",
            ],
        ),
    ],
)
def test_text_says_what_changed_in_words(lang: str, lines: list[str]) -> None:
    code, out, _ = diff(str(V1), str(V2), "--lang", lang)
    assert code == 0
    for line in lines:
        assert line in out.splitlines(), line


def test_findings_follow_ids_not_positions() -> None:
    """Inserting a risk before R1 moves it to risks[1]: its finding is the same finding."""
    high = {"residual_likelihood": "maximum", "residual_severity": "significant"}
    r1 = {**data()["risks"][0], **high}
    old = questionnaire(risks=[r1])
    new = questionnaire(risks=[{**r1, "id": "R0"}, r1])
    assert any(f.loc == ("risks", 1, "residual_likelihood") for f in findings(new))
    c = compare(old, new)
    assert [f.finding.code for f in c.findings if not f.appeared] == []
    assert [r.id for r in c.rerated] == ["R0"] and c.rerated[0].change is Change.added


def test_an_invalid_version_is_reported_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  title: x\n")
    code, out, _ = diff(str(bad), str(V2))
    assert code == 1 and f"{bad}:" in out and "required field is missing" in out


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository whose joint folder has two commits; the second re-rates a base risk."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "samples" / "joint", root / "joint")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=root,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "one")
    base = root / "joint" / "base.yaml"
    text = base.read_text()
    first_rating = "    residual_likelihood: negligible\n"
    assert first_rating in text
    base.write_text(text.replace(first_rating, "    residual_likelihood: maximum\n", 1))
    git("commit", "-qam", "two")
    return root


def test_a_revision_is_read_through_git_with_what_it_extends(repo: Path) -> None:
    school = repo / "joint" / "school-a.yaml"
    code, out, err = diff(f"HEAD~1:{school}", str(school), "--format", "json")
    assert code == 0, err
    changed = [r for r in json.loads(out)["risks"] if r["change"] == "changed"]
    assert len(changed) == 1 and changed[0]["residual"][0] != changed[0]["residual"][1]
    # the overlay itself did not change: the risk moved because its base did, in git
    new = assess_file(school).questionnaire
    assert changed[0]["id"] in {r.id for r in new.risks}


def test_a_revision_that_could_be_an_option_is_refused(repo: Path) -> None:
    school = repo / "joint" / "school-a.yaml"
    code, _, err = diff("--", f"--output=/tmp/x:{school}", str(school))
    assert code == 2 and "is not a git revision" in err
    code, _, err = diff(f"nosuchrev:{school}", str(school))
    assert code == 2 and "nosuchrev" in err


@pytest.fixture(scope="module")
def reassessment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The re-assessment of the samples as PDF in both languages, rendered once."""
    from tests.pdfs import text

    out = tmp_path_factory.mktemp("reassessment")
    code, _, err = diff(str(V1), str(V2), "--format", "pdf", "--lang", "all", "-o", str(out))
    assert code == 0, err
    return {lang: text(out / f"ai-homework-v2.reassessment.{lang}.pdf") for lang in ("nl", "en")}


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        (
            "en",
            [
                "What changed since version 0.9",
                "0.9 (12 May 2026) → 1.0 (18 September 2026)",
                "do not proceed → proceed with conditions",
                "Residual risks by level, per version (risk trajectory)",
                "subverwerker re- rated high → medium high → medium",
                "Resolved since then: 3",
                "AI system \u203a Inputs train the model Yes No",
                "What remains open",
                "R2 Hergebruik van gesprekken door leverancier of subverwerker medium",
            ],
        ),
        (
            "nl",
            [
                "Wat is er veranderd sinds versie 0.9",
                "niet doorgaan → doorgaan onder voorwaarden",
                "Restrisico's per niveau, per versie (verloop van de risico's)",
                "Sindsdien opgelost: 3",
                "AI-systeem \u203a Invoer wordt gebruikt om het model te trainen Ja Nee",
                "Wat nog openstaat",
                "M9 Verwijdering en verwijderverklaring na de pilot (gepland, 31 augustus 2027)",
            ],
        ),
    ],
)
def test_the_reassessment_document_in_both_languages(
    reassessment: dict[str, str], lang: str, phrases: list[str]
) -> None:
    for phrase in phrases:
        assert phrase in reassessment[lang], phrase


def test_the_dpia_draws_the_trajectory_only_when_history_records_ratings() -> None:
    from dpia.produce import prepare

    with_history = prepare(assess_file(V2), "dpia", "en", "html").html
    assert "Residual risks by level, per version (risk trajectory)" in with_history
    assert with_history.count('<figure class="trajectory">') == 1
    for version in (">0.5<", ">0.9<", ">1.0<"):
        assert version in with_history.split('<figure class="trajectory">')[1].split("</figure>")[0]
    plain = prepare(
        assess_file(ROOT / "samples" / "secondary-ai-homework.yaml"), "dpia", "en", "html"
    )
    assert "trajectory" not in plain.html


def test_chart_bars_stack_to_their_totals() -> None:
    from dpia.context.chart import HEIGHT, chart
    from dpia.review.trajectory import trajectory

    c = chart(trajectory(assess_file(V1).questionnaire, assess_file(V2).questionnaire))
    tallest = max(b.total for b in c.bars)
    for b in c.bars:
        assert sum(s.count for s in b.segments) == b.total
        assert sum(s.height for s in b.segments) == pytest.approx(HEIGHT * b.total / tallest)
        assert [s.level.value for s in b.segments] == sorted(
            (s.level.value for s in b.segments), key=["low", "medium", "high"].index
        )
