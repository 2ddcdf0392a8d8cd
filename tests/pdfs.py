"""Rendering PDFs through the CLI in tests, and reading their text back."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from dpia.cli import cli


def render_pdfs(args: list[str], out: Path) -> None:
    """`dpia render ARGS -o OUT`; fails the test when it fails or WeasyPrint warns."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        r = CliRunner().invoke(cli, ["render", *args, "-o", str(out)])
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    assert r.exit_code == 0, r.output
    assert [rec.getMessage() for rec in records] == [], "WeasyPrint warned while rendering"


def text(path: Path) -> str:
    """The PDF's text, pages joined, white space folded."""
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def texts(out: Path) -> dict[tuple[str, str], str]:
    """The text of every PDF in `out`, by (sample stem, language)."""
    found = {}
    for path in out.glob("*.pdf"):
        stem, _, lang, _ = path.name.rsplit(".", 3)
        found[stem, lang] = text(path)
    return found
