from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from dpia.cli.exits import Exit
from dpia.cli.schema import KINDS, json_schema
from dpia.languages import LANGUAGES
from dpia.produce.starter import PRESETS, new_questionnaire
from dpia.render.i18n import Translator


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
@click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default="nl",
    show_default=True,
    help="Language of the comments, of the placeholders and of meta.languages.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, preset: str, lang: str, force: bool) -> None:
    """Write a commented starter questionnaire that validates as it is."""
    if path.exists() and not force:
        message = Translator(lang).gettext("dpia: {path} exists; use --force to overwrite it")
        click.echo(message.format(path=path), err=True)
        raise SystemExit(Exit.USAGE)
    text = new_questionnaire(preset, lang, dt.date.today())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    kind = "knowledge-security" if preset == "knowledge-security" else "dpia"
    _write_schema(path.parent / SCHEMA_NAMES[kind], kind)
    t = Translator(lang)
    click.echo(t.gettext("wrote {path}; next: dpia validate {path}").format(path=path), err=True)


# The names the starters' first lines point at, by kind of questionnaire.
SCHEMA_NAMES = {"dpia": "dpia.schema.json", "knowledge-security": "knowledge-security.schema.json"}


def _write_schema(target: Path, kind: str) -> None:
    """The JSON Schema beside the starter, for editors; a file of the user's own with that
    name is left alone."""
    text = json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
    if target.exists():
        try:
            title = json.loads(target.read_text(encoding="utf-8")).get("title")
            ours = title == KINDS[kind][1]
        except (ValueError, OSError, AttributeError):
            ours = False
        if not ours:
            return
    target.write_text(text, encoding="utf-8")
