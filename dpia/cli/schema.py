from __future__ import annotations

import json

import click

from dpia.model import Questionnaire

SCHEMA_TITLE = "dpia questionnaire"


def json_schema() -> dict[str, object]:
    schema = Questionnaire.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = SCHEMA_TITLE
    # Overlays name their base; the loader removes `extends` before validation.
    schema["properties"]["extends"] = {
        "type": "string",
        "description": "Path of a base questionnaire this file overlays.",
    }
    return schema


@click.command()
def schema() -> None:
    """Print the questionnaire's JSON Schema (for editors: yaml-language-server)."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
