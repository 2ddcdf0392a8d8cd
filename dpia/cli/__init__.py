"""Stage 8: the `dpia` command line.

Each command lives in its own module, imported only when that command runs: `validate` and
`screen` never load Jinja's render path, the process pool or WeasyPrint, so they start fast.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from dpia import __version__
from dpia.cli.exits import run_safely

# Command name -> module under dpia.cli that defines it, in the order `--help` lists them.
COMMANDS = {
    "validate": "validate",
    "screen": "screen",
    "render": "render",
    "batch": "batch",
    "export": "export",
    "extract": "extract",
    "schema": "schema",
    "init": "init",
    "status": "status",
    "diff": "diff",
    "confirm": "confirm",
    "serve": "serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # Before the command parses its options: its usage errors then speak --lang.
        from dpia.cli.usage import requested_language, speak

        speak(requested_language(args))
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        command: click.Command = getattr(
            importlib.import_module(f"dpia.cli.{COMMANDS[cmd_name]}"), cmd_name
        )
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dpia")
@click.option("-v", "--verbose", is_flag=True, help="Show library log messages.")
def cli(verbose: bool) -> None:
    """Bilingual DPIA documents from one questionnaire."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def main() -> None:
    run_safely(cli)
