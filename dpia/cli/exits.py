"""Exit codes, mapped in one place, and the guard that keeps tracebacks from users."""

from __future__ import annotations

import sys
from enum import IntEnum

import click


class Exit(IntEnum):
    OK = 0
    INVALID = 1  # a questionnaire has errors (or warnings under --strict), or a batch item failed
    USAGE = 2  # wrong options or arguments (click's own code)
    RENDER = 3  # documents could not be written


def run_safely(command: click.Command) -> None:
    """Run the CLI; an unexpected error becomes one line and exit code 3, not a traceback."""
    try:
        command.main(standalone_mode=True)
    except Exception as e:
        click.echo(f"dpia: internal error: {type(e).__name__}: {e}", err=True)
        click.echo("dpia: please report this with the command you ran.", err=True)
        sys.exit(Exit.RENDER)
