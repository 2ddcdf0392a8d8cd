"""A `# note` inside block text is text: both readers warn, located, with its own code."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.load.blocks import CODE, comments_in_block_text
from dpia.load.fast import read_plain
from dpia.load.source import MAX_DEPTH, MAX_NODES, read_full

HEAD = """meta:
  title: Pilot
  organisation: {name: School, sector: secondary}
  version: "1.0"
  status: draft
  assessment_date: 2026-11-01
  review_date: 2027-11-01
  classification: internal
  languages: [LANG]
"""
BODY = """description:
  proposal: >-
    A pilot with a tool.
    # TODO ask the vendor about retention
    More text.
  # a real comment
  techniques: |
    Line one.

    # a heading-like note
# a comment between sections
lawfulness:
  rights:
    access: |-
      Via the office.
    # less indented than the text: a comment after the block
  purpose_limitation: "# quoted text is meant"
"""


def write(tmp_path: Path, lang: str = "en", body: str = BODY) -> Path:
    path = tmp_path / "notes.yaml"
    path.write_text(HEAD.replace("LANG", lang) + body)
    return path


def test_both_readers_find_the_same_lines(tmp_path: Path) -> None:
    text = write(tmp_path).read_text()
    fast = read_plain(text, "f", MAX_DEPTH, MAX_NODES)
    assert fast is not None, "the fast reader takes this plain file"
    full, _ = read_full(text, "f", is_json=False)
    found = {
        r: [(str(p.pos), p.field, p.code) for p in comments_in_block_text(text, tree)]
        for r, tree in (("fast", fast), ("full", full))
    }
    assert (
        found["fast"]
        == found["full"]
        == [
            ("f:13:5", "description.proposal", CODE),
            ("f:19:5", "description.techniques", CODE),
        ]
    )


def test_the_warning_is_a_finding_and_the_file_stays_valid(tmp_path: Path) -> None:
    a = assess_file(write(tmp_path))
    assert a.ok
    notes = [f for f in a.findings if f.where.code == CODE]
    assert [(f.where.pos.line, f.where.pos.col) for f in notes] == [(13, 5), (19, 5)]
    assert "part of the text" in notes[0].finding.text()


def test_validate_prints_it_located_in_the_files_language(tmp_path: Path) -> None:
    path = write(tmp_path, "nl")
    r = CliRunner().invoke(cli, ["validate", str(path)])
    assert r.exit_code == 0
    assert f"{path}:13:5: waarschuwing[comment-in-text]: description.proposal: " in r.stdout
    assert "hoort bij de tekst" in r.stdout
    assert r.stdout.count("comment-in-text") == 2


def test_a_file_without_block_notes_gets_no_warning(tmp_path: Path) -> None:
    body = "description:\n  proposal: |\n    Text # with a hash inside a line is fine.\n"
    a = assess_file(write(tmp_path, body=body))
    assert [f for f in a.findings if f.where.code == CODE] == []


def test_the_dpias_annex_lists_it(tmp_path: Path) -> None:
    path = write(tmp_path, "nl")
    args = ["render", str(path), "--doc", "dpia", "--lang", "nl", "--format", "html"]
    r = CliRunner().invoke(cli, [*args, "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    html = (tmp_path / "notes.dpia.nl.html").read_text()
    assert "description.proposal · regel 13 · comment-in-text" in html
    assert "hij hoort bij de tekst en komt in de documenten te staan" in html
