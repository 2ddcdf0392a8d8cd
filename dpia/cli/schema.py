from __future__ import annotations

import json
from typing import Any

import click

from dpia.model import Questionnaire
from dpia.model.fields import walk

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
    # What each code means, from the field metadata the starter and the documents read: editors
    # show these beside the values they offer (a keyword JSON Schema validators ignore).
    definitions: Any = schema.get("$defs", {})
    for field in walk():
        if field.enum is not None and field.enum.__name__ in definitions:
            labels = [member.label for member in field.allowed]
            definitions[field.enum.__name__]["enumDescriptions"] = labels
    return schema


@click.command()
def schema() -> None:
    """Print the questionnaire's JSON Schema (for editors: yaml-language-server)."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
