"""Stage 7: the `dpia` command line. Heavy imports (WeasyPrint) happen inside the commands
that write PDFs, so `validate` and `screen` start fast."""

from __future__ import annotations

import logging
import sys

import click

from dpia import __version__
from dpia.cli.batch import batch
from dpia.cli.exits import run_safely
from dpia.cli.extract import extract
from dpia.cli.init import init
from dpia.cli.render import render
from dpia.cli.schema import schema
from dpia.cli.screen import screen
from dpia.cli.validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dpia")
@click.option("-v", "--verbose", is_flag=True, help="Show library log messages.")
def cli(verbose: bool) -> None:
    """Bilingual DPIA documents from one questionnaire."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


for command in (validate, screen, render, batch, extract, schema, init):
    cli.add_command(command)


def main() -> None:
    run_safely(cli)
