from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from dpia.cli.exits import Exit
from dpia.resources import TEMPLATES

PRESETS = ("screening", "dpia", "knowledge-security")


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--preset",
    type=click.Choice(PRESETS),
    default="dpia",
    show_default=True,
    help="screening: only what the pre-scan needs; dpia: every section; knowledge-security: "
    "a knowledge-security check of an international collaboration.",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, preset: str, lang: str, force: bool) -> None:
    """Write a commented starter questionnaire that validates as it is."""
    if path.exists() and not force:
        click.echo(f"dpia: {path} exists; use --force to overwrite it", err=True)
        raise SystemExit(Exit.USAGE)
    # The full starter is the pre-scan plus the other sections.
    parts = ["starter-screening.yaml"] + (["starter-sections.yaml"] if preset == "dpia" else [])
    if preset == "knowledge-security":  # a questionnaire of its own kind
        parts = ["starter-knowledge-security.yaml"]
    starter = "\n".join((TEMPLATES / lang / p).read_text(encoding="utf-8") for p in parts)
    today = dt.date.today()
    next_year = today + dt.timedelta(days=365)
    text = starter.replace("2000-01-01", today.isoformat())
    text = text.replace("2001-01-01", next_year.isoformat())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {path}; next: dpia validate {path}", err=True)
