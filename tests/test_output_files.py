"""Outputs get the mode a plain write would give them, not the temporary file's 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpia.cli import cli
from dpia.pdf.files import write_atomic

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "university-writing-assistant.yaml"


@pytest.fixture
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    ("umask", "expected"), [(0o022, 0o644), (0o027, 0o640)], indirect=["umask"]
)
def test_a_new_file_gets_the_umasks_mode(tmp_path: Path, umask: int, expected: int) -> None:
    target = tmp_path / "new" / "a.pdf"
    write_atomic(target, b"%PDF-1.7 data")
    assert target.read_bytes() == b"%PDF-1.7 data"
    assert mode(target) == expected
    assert mode(target) == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]  # no temporary file left


@pytest.mark.parametrize("umask", [0o022], indirect=True)
def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_atomic(target, b"new")
    assert (target.read_bytes(), mode(target)) == (b"new", 0o664)


@pytest.mark.parametrize(
    ("umask", "expected"), [(0o022, 0o644), (0o002, 0o664)], indirect=["umask"]
)
def test_rendered_documents_and_the_manifest_get_it(
    tmp_path: Path, umask: int, expected: int
) -> None:
    args = ["--doc", "screening", "--lang", "en", "--format", "html"]
    r = CliRunner().invoke(cli, ["render", str(SAMPLE), *args, "-o", str(tmp_path / "r")])
    assert r.exit_code == 0, r.output
    html = tmp_path / "r" / f"{SAMPLE.stem}.screening.en.html"
    assert "<html" in html.read_text() and mode(html) == expected
    out = tmp_path / "b"
    r = CliRunner().invoke(
        cli,
        [
            "batch",
            str(SAMPLE),
            "-o",
            str(out),
            "-j",
            "1",
            "-q",
            *args[:4],
            "--output-format",
            "html",
        ],
    )
    assert r.exit_code == 0, r.output
    written = sorted(p.name for p in out.iterdir())
    assert written == [".dpia-manifest.json", html.name]
    assert {mode(p) for p in out.iterdir()} == {expected}
