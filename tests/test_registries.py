"""Documents, formats and languages are each listed once; the CLI, batch and file names
derive from those lists."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from dpia.cli.batch import batch
from dpia.cli.render import render
from dpia.context.assessment import assess_file
from dpia.languages import LANGUAGES
from dpia.produce import (
    DOCUMENTS,
    FORMATS,
    Format,
    Unsupported,
    make_document,
    output_name,
    registry,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "university-writing-assistant.yaml"


def choices(command: click.Command, option: str) -> list[str]:
    [param] = [p for p in command.params if p.name == option]
    assert isinstance(param.type, click.Choice)
    return list(param.type.choices)


def test_the_cli_offers_what_the_registries_hold() -> None:
    assert choices(render, "doc") == [*DOCUMENTS, "all"]
    assert choices(render, "lang") == [*LANGUAGES, "all"]
    assert choices(render, "fmt") == list(FORMATS)
    assert choices(batch, "doc") == [*DOCUMENTS, "all"]
    assert choices(batch, "lang") == [*LANGUAGES, "all"]
    assert choices(batch, "fmt") == list(FORMATS)


def test_every_document_has_its_formats_and_its_templates() -> None:
    for doc in DOCUMENTS.values():
        assert set(doc.formats) <= set(FORMATS), doc.name
        for lang in LANGUAGES:
            assert (ROOT / "templates" / lang / f"{doc.name}.html.j2").is_file(), (doc, lang)
    assert [d for d, doc in DOCUMENTS.items() if "md" in doc.formats] == ["privacy-addendum"]


def test_file_names_take_the_formats_suffix() -> None:
    for name, fmt in FORMATS.items():
        assert (
            output_name(Path("in/school.yaml"), "dpia", "nl", name) == f"school.dpia.nl{fmt.suffix}"
        )


def test_a_new_format_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A format made of every document reaches every document, by its registry entry alone."""
    text = Format("txt", ".txt", lambda r: f"{r.document.name} of {r.context.source_name}".encode())
    monkeypatch.setitem(FORMATS, "txt", text)
    assert "txt" in registry.Document("x", DOCUMENTS["dpia"].context).formats
    monkeypatch.setitem(DOCUMENTS, "dpia", registry.Document("dpia", DOCUMENTS["dpia"].context))
    a = assess_file(SAMPLE)
    assert make_document(a, "dpia", "en", "txt") == f"dpia of {SAMPLE.name}".encode()


def test_what_is_not_registered_is_refused_by_name() -> None:
    a = assess_file(SAMPLE)
    with pytest.raises(Unsupported, match="'dpia' is made as pdf, html, not md"):
        make_document(a, "dpia", "en", "md")
    with pytest.raises(Unsupported, match="no language 'fr'"):
        make_document(a, "dpia", "fr", "html")
    with pytest.raises(Unsupported, match="no document 'memo'"):
        make_document(a, "memo", "en", "html")
