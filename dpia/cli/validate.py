from __future__ import annotations

from pathlib import Path

import click

from dpia.cli.common import report
from dpia.cli.exits import Exit
from dpia.context.assessment import assess_file
from dpia.languages import LANGUAGES


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on any finding, warnings included.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default=None,
    help="Language of the messages; default: the first of each file's meta.languages.",
)
@click.option("--open", "show_open", is_flag=True, help="List every question still unanswered.")
def validate(
    files: tuple[Path, ...], strict: bool, fmt: str, lang: str | None, show_open: bool
) -> None:
    """Check questionnaires: report every problem and finding, located as FILE:LINE:COL.

    Exit 0 when all are valid (findings or not), 1 when any is invalid (or has any finding,
    with --strict).
    """
    assessments = [assess_file(f) for f in files]
    report(assessments, fmt, lang, show_open)
    failed = any(not a.ok or (strict and a.findings) for a in assessments)
    raise SystemExit(Exit.INVALID if failed else Exit.OK)
