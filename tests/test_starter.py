"""`dpia init --preset dpia`: every question of the model, commented in the chosen language,
valid as written, rendering every document with its gaps marked."""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner
from pydantic import BaseModel
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.cli.schema import json_schema
from dpia.model import Questionnaire
from dpia.model.base import Text
from dpia.model.fields import walk
from dpia.produce import DOCUMENTS
from dpia.produce.starter import Starter
from tests.pdfs import SharedPdfs, text

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("nl", "en")
TODAY = dt.date(2026, 11, 30)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture(scope="module")
def starters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for lang in LANGS:
        path = tmp_path_factory.mktemp(lang) / "new.yaml"
        code, _, err = run("init", str(path), "--preset", "dpia", "--lang", lang)
        assert code == 0, err
        out[lang] = path
    return out


def _model_paths(model: type[BaseModel], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every field path of the model, found independently of dpia.model.fields."""
    found = []
    for name, info in model.model_fields.items():
        if info.exclude or (model is Questionnaire and name == "base_only"):
            continue
        here = (*path, name)
        found.append(here)
        args = [info.annotation]
        while args:
            tp = args.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel) and tp is not Text:
                many = typing.get_origin(info.annotation) is list
                found += _model_paths(tp, (*here, "-") if many else here)
            else:
                args += typing.get_args(tp)
    return found


def test_every_field_of_the_model_is_in_the_starter() -> None:
    expected = _model_paths(Questionnaire)
    assert len(expected) > 300
    assert [f.path for f in walk()] == expected
    for lang in LANGS:
        starter = Starter(lang, TODAY)
        lines = starter.write().splitlines()
        assert starter.paths == expected
        key = re.compile(r" *(?:# {3,})?(?:- )?(\w+):")  # a key, written or behind "# "
        keys = [m.group(1) for line in lines if (m := key.match(line))]
        assert keys == [path[-1] for path in expected], lang  # each once, in model order


def test_every_field_has_a_dutch_help_text() -> None:
    with (ROOT / "locales/nl/LC_MESSAGES/dpia.po").open("rb") as f:
        dutch = {m.id: m.string for m in read_po(f) if m.id}
    for field in walk():
        assert field.help, field.path
        assert dutch.get(field.help), f"no Dutch help text for {'.'.join(field.path)}"


def test_the_dutch_starter_speaks_dutch(starters: dict[str, Path]) -> None:
    content = starters["nl"].read_text()
    assert "# Titel van de beoordeling." in content
    assert 'title: "[titel van de beoordeling]"' in content
    assert "languages: [nl]" in content
    comments = re.sub(r"\n *# ", " ", content)  # wrapped comments joined
    assert "secondary (voortgezet onderwijs)" in comments  # codes named with their labels
    assert "Title of the assessment" not in content
    assert "languages: [en]" in starters["en"].read_text()


def test_the_schema_line_points_at_a_schema_beside_the_file(starters: dict[str, Path]) -> None:
    for path in starters.values():
        first = path.read_text().splitlines()[0]
        assert first == "# yaml-language-server: $schema=dpia.schema.json"
        schema = json.loads((path.parent / "dpia.schema.json").read_text())
        assert schema == json_schema()


def test_a_schema_file_of_the_users_own_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "dpia.schema.json").write_text('{"title": "mine"}')
    assert run("init", str(tmp_path / "a.yaml"), "--lang", "en")[0] == 0
    assert (tmp_path / "dpia.schema.json").read_text() == '{"title": "mine"}'


def test_the_starter_validates_and_validate_lists_what_is_open(starters: dict[str, Path]) -> None:
    code, out, err = run("validate", "--open", str(starters["nl"]))
    assert code == 0, out + err
    assert "het bestand is geldig" in err
    opened = [line for line in out.splitlines() if ": open vraag: " in line]
    n = int(re.search(r"; (\d+) vragen staan nog open", err).group(1))  # type: ignore[union-attr]
    assert len(opened) == n > 60  # the annex's own list (dpia.context.open_questions)
    lines = starters["nl"].read_text().splitlines()
    for line in opened:  # located at the key to answer, with what it asks in Dutch
        where, _, field, asks = line.split(": ", 3)
        row = int(where.rsplit(":", 2)[1])
        assert lines[row - 1].strip().startswith(field.rsplit(".", 1)[-1] + ":"), line
        assert asks
    assert any(
        ": open vraag: description.proposal: 1 Het voorstel en de context" in x for x in opened
    )
    _, out, _ = run("validate", str(starters["nl"]))
    assert "open vraag" not in out  # only with --open


def test_a_hidden_part_becomes_its_section_when_its_hash_marks_are_removed(
    starters: dict[str, Path],
) -> None:
    lines = starters["en"].read_text().splitlines()
    start = lines.index("ai:")
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("#   "):  # the next top-level comment ends the block
            break
        block.append(line[2:])
    data = YAML(typ="safe", pure=True).load("\n".join(["ai:", *block]))
    assert list(data["ai"]) == list(
        Questionnaire.model_fields["ai"].annotation.__args__[0].model_fields
    )  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", LANGS)
def test_every_document_renders_from_the_starter_with_gaps_marked(
    starters: dict[str, Path], lang: str, tmp_path: Path
) -> None:
    args = ["render", str(starters[lang]), "--doc", "all", "--lang", "all", "--format", "html"]
    code, out, err = run(*args, "-o", str(tmp_path))
    assert code == 0, out + err
    gap = {"nl": "Niet beantwoord", "en": "Not answered"}
    for doc in (name for name, d in DOCUMENTS.items() if d.kind == "dpia"):
        for doc_lang in LANGS:
            html = (tmp_path / f"new.{doc}.{doc_lang}.html").read_text()
            assert 'class="gap"' in html, (doc, doc_lang)
            # The assessment's title, or the organisation's name in the documents that leave
            # the organisation (the public addendum, the letter to the supplier).
            title = "titel van de beoordeling" if lang == "nl" else "title of the assessment"
            org = "naam van de organisatie" if lang == "nl" else "name of the organisation"
            assert "[" + title in html or "[" + org in html, (doc, doc_lang)
    dpia = (tmp_path / f"new.dpia.{lang}.html").read_text()
    assert dpia.count(gap[lang]) > 20
    assert "description.proposal" in dpia  # the annex lists the open questions of Part A


def test_the_dutch_starter_renders_a_pdf(
    starters: dict[str, Path], sample_pdfs: SharedPdfs
) -> None:
    key = (starters["nl"], "dpia", "nl")
    content = text(sample_pdfs.get([key])[key])  # rendered without a WeasyPrint warning
    assert "[titel van de beoordeling]" in content
    assert "Niet beantwoord" in content
    assert "description.proposal" in content


def test_the_schema_names_each_code_from_the_same_metadata() -> None:
    sector = json_schema()["$defs"]["Sector"]  # type: ignore[index]
    assert sector["enum"][1] == "secondary"
    assert sector["enumDescriptions"][1] == "secondary education"
