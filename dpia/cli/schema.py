from __future__ import annotations

import json
from typing import Any

import click
from pydantic import BaseModel

from dpia.model import Questionnaire
from dpia.model.fields import Path, fields, walk
from dpia.model.knowledge import KnowledgeCheck

KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "dpia": (Questionnaire, "dpia questionnaire"),
    "knowledge-security": (KnowledgeCheck, "dpia knowledge-security check"),
}


def json_schema(kind: str = "dpia") -> dict[str, object]:
    model, title = KINDS[kind]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    # Overlays name their base; the loader removes `extends` before validation.
    schema["properties"]["extends"] = {
        "type": "string",
        "description": "Path of a base questionnaire this file overlays.",
    }
    if kind == "dpia":  # optional for a DPIA: a file without `kind` is one
        schema["properties"]["kind"] = {
            "const": "dpia",
            "description": "What this file is; leave it out or write dpia for a DPIA.",
        }
    # What each code means, from the field metadata the starter and the documents read: editors
    # show these beside the values they offer (a keyword JSON Schema validators ignore).
    definitions: Any = schema.get("$defs", {})
    _titles(schema, definitions, model)
    for definition in definitions.values():
        definition.pop("_seen", None)
    for field in walk():
        if field.enum is not None and field.enum.__name__ in definitions:
            labels = [member.label for member in field.allowed]
            definitions[field.enum.__name__]["enumDescriptions"] = labels
    return schema


def _titles(
    where: dict[str, Any], definitions: dict[str, Any], model: type[BaseModel], path: Path = ()
) -> None:
    """Each property's `title` is the question's short label (editors show it as the name),
    from the same field metadata as the form and the starter. A model used at several places
    keeps the label of the first."""
    properties = where.get("properties", {})
    for field in fields(model, path):
        if field.name in properties:
            properties[field.name]["title"] = field.label
        if field.model is not None and field.model.__name__ in definitions:
            inner = definitions[field.model.__name__]
            if not inner.get("_seen"):
                inner["_seen"] = True
                _titles(
                    inner,
                    definitions,
                    field.model,
                    (*field.path, "-") if field.many else field.path,
                )


@click.command()
@click.option(
    "--kind",
    type=click.Choice(list(KINDS)),
    default="dpia",
    show_default=True,
    help="Which questionnaire: a DPIA or a knowledge-security check.",
)
def schema(kind: str) -> None:
    """Print the questionnaire's JSON Schema (for editors: yaml-language-server)."""
    click.echo(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))
