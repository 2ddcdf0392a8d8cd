"""`dpia batch`: discovery, incremental rendering, failure isolation, Ctrl-C, JSON summary."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpia.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def coop(tmp_path: Path) -> Path:
    """A copy of the joint samples: a base and three school overlays, plus a stray file."""
    folder = tmp_path / "in" / "joint"
    shutil.copytree(ROOT / "samples" / "joint", folder)
    (tmp_path / "in" / "notes.json").write_text('{"not": "a questionnaire"}')
    return tmp_path / "in"


def batch(*args: str) -> tuple[int, dict]:
    r = CliRunner().invoke(cli, ["batch", *args, "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    return r.exit_code, json.loads(r.stdout)


def names(paths: list[str]) -> list[str]:
    return sorted(Path(p).name for p in paths)


HTML = ["--doc", "dpia", "--lang", "en", "--output-format", "html", "-j", "2"]


def test_discovery_mirrors_folders_and_skips_bases(coop: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, result = batch(str(coop), "-o", str(out), *HTML)
    assert code == 0
    assert names(result["rendered"]) == [f"school-{s}.dpia.en.html" for s in "abc"]
    assert {Path(s["file"]).name: s["why"] for s in result["skipped"]} == {
        "base.yaml": "base only",
        "notes.json": "not a questionnaire",
    }
    assert (out / "joint" / "school-a.dpia.en.html").is_file()
    html = (out / "joint" / "school-b.dpia.en.html").read_text()
    assert '<html lang="en">' in html and "Part C: Risks" in html


def test_incremental_runs_render_only_what_changed(coop: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch(str(coop), "-o", str(out), *HTML)
    # nothing changed: nothing rendered
    _, result = batch(str(coop), "-o", str(out), *HTML)
    assert result["rendered"] == [] and len(result["unchanged"]) == 3
    # one overlay changed: only that school
    school = coop / "joint" / "school-b.yaml"
    school.write_text(school.read_text() + "\n# a comment changes the bytes\n")
    _, result = batch(str(coop), "-o", str(out), *HTML)
    assert names(result["rendered"]) == ["school-b.dpia.en.html"]
    # the base changed: every school that extends it
    base = coop / "joint" / "base.yaml"
    base.write_text(base.read_text() + "\n# base edited\n")
    _, result = batch(str(coop), "-o", str(out), *HTML)
    assert len(result["rendered"]) == 3
    # an option changed: other outputs, rendered; the old ones stay unchanged
    _, result = batch(str(coop), "-o", str(out), *HTML[:2], "--lang", "nl", *HTML[4:])
    assert names(result["rendered"]) == [f"school-{s}.dpia.nl.html" for s in "abc"]
    # --force renders everything again
    _, result = batch(str(coop), "-o", str(out), *HTML, "--force")
    assert len(result["rendered"]) == 3


def test_templates_changing_makes_everything_stale(
    coop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dpia.produce import batch as jobs

    out = tmp_path / "out"
    batch(str(coop), "-o", str(out), *HTML)
    monkeypatch.setattr(jobs, "assets_digest", lambda: "templates edited")
    _, result = batch(str(coop), "-o", str(out), *HTML)
    assert len(result["rendered"]) == 3


def test_a_tampered_or_deleted_output_is_rendered_again(coop: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch(str(coop), "-o", str(out), *HTML)
    (out / "joint" / "school-a.dpia.en.html").write_text("edited by hand")
    (out / "joint" / "school-c.dpia.en.html").unlink()
    _, result = batch(str(coop), "-o", str(out), *HTML)
    assert names(result["rendered"]) == ["school-a.dpia.en.html", "school-c.dpia.en.html"]


def test_one_bad_file_does_not_stop_the_others(coop: Path, tmp_path: Path) -> None:
    (coop / "broken.yaml").write_text("meta:\n  title: x\n  statsu: draft\n")
    r = CliRunner().invoke(cli, ["batch", str(coop), "-o", str(tmp_path / "out"), *HTML])
    assert r.exit_code == 1
    assert "3 rendered, 0 unchanged, 1 failed, 2 skipped" in r.stderr
    assert "broken.yaml:3:3: meta.statsu: unknown field; did you mean 'status'?" in r.stderr


def test_plain_progress_lines_when_not_a_terminal(coop: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["batch", str(coop), "-o", str(tmp_path / "out"), *HTML])
    assert r.exit_code == 0
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("rendered ")]
    assert len(lines) == 3
    r = CliRunner().invoke(cli, ["batch", str(coop), "-o", str(tmp_path / "out"), *HTML])
    assert "nothing to render: every document is up to date" in r.stderr


def test_ctrl_c_leaves_no_partial_files_and_a_consistent_manifest(
    coop: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    extra = 10  # enough PDFs that the run is still going when interrupted, on a fast machine too
    for n in range(extra):
        shutil.copy(coop / "joint" / "school-a.yaml", coop / "joint" / f"extra-{n}.yaml")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dpia",
            "batch",
            str(coop),
            "-o",
            str(out),
            "-j",
            "2",
            "--doc",
            "dpia",
            "--lang",
            "en",
        ],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait for the first document, then press Ctrl-C
        line = proc.stderr.readline()
        if line.startswith("rendered "):
            break
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    rest = proc.stderr.read()
    assert proc.wait(timeout=120) == 130, rest
    assert "interrupted" in rest
    assert list(out.rglob("*.part")) == []
    manifest = json.loads((out / ".dpia-manifest.json").read_text())
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert sorted(manifest["outputs"]) == written
    assert 1 <= len(written) < 3 + extra


def test_json_summary_lists_failures_with_their_error(coop: Path, tmp_path: Path) -> None:
    (coop / "broken.yaml").write_text("meta: [\n")
    code, result = batch(str(coop), "-o", str(tmp_path / "out"), *HTML)
    assert code == 1
    [failure] = result["failed"]
    assert failure["file"].endswith("broken.yaml")
    assert "broken.yaml:" in failure["error"]
    assert result["interrupted"] is False and result["seconds"] >= 0


def test_markdown_only_for_the_documents_made_in_it(coop: Path, tmp_path: Path) -> None:
    """`--doc all` takes the documents the format registry makes in Markdown."""
    out = tmp_path / "out"
    code, result = batch(
        str(coop), "-o", str(out), "--output-format", "md", "--lang", "nl", "-j", "1"
    )
    assert code == 0
    assert names(result["rendered"]) == [f"school-{s}.privacy-addendum.nl.md" for s in "abc"]
    md = (out / "joint" / "school-a.privacy-addendum.nl.md").read_text()
    assert md.startswith("Stichting Christelijk Voortgezet Onderwijs Dorrestein")
    assert "\n# Privacy-informatie: " in md
    r = CliRunner().invoke(
        cli, ["batch", str(coop), "-o", str(out), "--output-format", "md", "--doc", "dpia"]
    )
    assert r.exit_code == 2
    assert "--output-format md is available only with --doc privacy-addendum" in r.output


def test_a_central_change_renders_every_school_again_and_flags_those_that_rely_on_it(
    coop: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch(str(coop), "-o", str(out), *HTML)
    before = {s: (out / "joint" / f"school-{s}.dpia.en.html").read_text() for s in "abc"}
    base = coop / "joint" / "base.yaml"
    text = base.read_text()
    start = text.index("  - id: R4\n")
    at = text.index("residual_likelihood: ", start)
    base.write_text(text[:at] + "residual_likelihood: maximum" + text[text.index("\n", at) :])
    r = CliRunner().invoke(cli, ["batch", str(coop), "-o", str(out), *HTML, "-q"])
    assert r.exit_code == 0, r.output
    assert "3 rendered" in r.stderr, r.stderr
    for s in "abc":  # every school's document says something new about R4, even one that
        # set R4 aside: its row shows the new rating beside the mark "not applicable"
        after = (out / "joint" / f"school-{s}.dpia.en.html").read_text()
        row = after.split('<tr id="risk-R4">')[1].split("</tr>")[0]
        assert row != before[s].split('<tr id="risk-R4">')[1].split("</tr>")[0]
    flagged = [x for x in r.stdout.splitlines() if "central items changed" in x]
    assert sorted(Path(x.split(": ")[0].split()[-1]).name for x in flagged) == [
        "school-a.yaml",
        "school-b.yaml",
    ]
