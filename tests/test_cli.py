"""The command line: exit codes, messages on the right stream, JSON output, fast paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.load import load
from tests.factory import data

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*.yaml"))


def write(tmp_path: Path, name: str, content: dict[str, object]) -> Path:
    path = tmp_path / name
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(content, f)
    return path


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_valid_file_exits_0(tmp_path: Path) -> None:
    # A Belgian school: the base's English answers are then no finding (for a Dutch school they
    # are: its addendum must be published in Dutch, public-text-language-missing).
    clean = data(**{"meta.organisation.country": "BE"})
    code, out, err = run("validate", str(write(tmp_path, "ok.yaml", clean)))
    assert code == 0, out + err
    assert out == ""
    assert "ok.yaml: the file is valid; the assessment has no findings; " in err


def test_invalid_file_exits_1_with_located_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("meta:\n  title: x\n  statu: draft\n")
    code, out, err = run("validate", str(path))
    assert code == 1
    assert f"{path}:3:3: meta.statu: unknown field; did you mean 'status'?" in out
    assert "invalid" in err


def test_warnings_fail_only_under_strict(tmp_path: Path) -> None:
    path = write(tmp_path, "w.yaml", data(**{"meta.review_date": None}))
    code, out, _ = run("validate", str(path))
    assert code == 0
    assert "warning[review-date-missing]: meta: no review date" in out
    assert run("validate", "--strict", str(path))[0] == 1


def test_usage_error_exits_2() -> None:
    assert run("validate")[0] == 2
    assert run("validate", "--format", "xml", "x.yaml")[0] == 2
    assert run("render", "--lang", "fr", "x.yaml")[0] == 2


def test_every_problem_of_every_file_is_reported(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", data())
    bad = write(tmp_path, "bad.yaml", data(**{"meta.status": "drft", "meta.version": 3}))
    code, out, _ = run("validate", str(good), str(bad), "--format", "json")
    assert code == 1
    files = json.loads(out)["files"]
    assert [f["valid"] for f in files] == [True, False]
    problems = {(p["field"], p["message"]) for p in files[1]["problems"]}
    assert ("meta.version", "expected text, got a number; put it in quotes") in problems
    assert ("meta.status", "'drft' is not one of: draft, final (did you mean 'draft'?)") in problems


def test_screen_text_and_json(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", data())
    code, out, _ = run("screen", str(path))
    assert code == 0
    assert "DPIA recommended" in out
    assert "Vulnerable data subjects: Because" in out
    code, out, _ = run("screen", str(path), "--format", "json", "--lang", "nl")
    result = json.loads(out)
    assert result["verdict"] == "recommended"
    assert result["edpb"] == [{"criterion": "vulnerable_data_subjects", "reason": "Because"}]
    code, out, _ = run("screen", str(path), "--lang", "nl")
    assert "DPIA aanbevolen" in out


def test_screen_works_with_only_meta_and_screening(tmp_path: Path) -> None:
    d = data()
    path = write(tmp_path, "pre.yaml", {"meta": d["meta"], "screening": d["screening"]})
    code, out, _ = run("screen", str(path))
    assert code == 0, out
    assert "DPIA recommended" in out


def test_screen_of_invalid_file_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("meta: 3\n")
    code, out, _ = run("screen", str(path))
    assert code == 1
    assert "meta: expected a mapping of fields, got a number" in out


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("preset", ["screening", "dpia"])
def test_init_writes_a_starter_that_validates(tmp_path: Path, lang: str, preset: str) -> None:
    path = tmp_path / "new.yaml"
    assert run("init", str(path), "--preset", preset, "--lang", lang)[0] == 0
    code, out, err = run("validate", str(path))
    assert code == 0, out + err
    assert run("init", str(path))[0] == 2  # never overwrites without --force


def test_schema_is_json_schema_and_accepts_every_sample() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    _code, out, _ = run("schema")
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=None)
    for sample in SAMPLES:
        merged = load(sample).data  # overlays are checked as they are once merged
        if merged.get("kind") == "knowledge-security":
            continue  # its own schema: tests/test_knowledge_security.py
        content = json.loads(json.dumps(merged, default=str))  # dates as editors see them
        errors = [e.message for e in validator.iter_errors(content)]
        assert errors == [], sample
    bad = json.loads(json.dumps(data(**{"meta.status": "drft"}), default=str))
    assert any("drft" in e.message for e in validator.iter_errors(bad))


def test_every_field_has_a_description() -> None:
    from pydantic import BaseModel

    from dpia.model import Questionnaire

    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if name not in ("id",):
                assert info.description, f"{model.__name__}.{name}"
            for sub in _models(info.annotation):
                walk(sub)

    walk(Questionnaire)
    assert len(seen) > 20


def _models(tp: object) -> list[type]:
    import typing

    from pydantic import BaseModel

    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for a in typing.get_args(tp) for m in _models(a)]


def test_validate_does_not_import_weasyprint(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", data())
    code = (
        f"import sys; from dpia.cli import main; sys.argv=['dpia','validate',{str(path)!r}]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_python_dash_m_works(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "dpia", "validate", str(write(tmp_path, "ok.yaml", data()))],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr


def test_unexpected_errors_never_show_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    v = importlib.import_module("dpia.cli.validate")

    def boom(path: Path) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(v, "assess_file", boom)
    monkeypatch.setattr(sys, "argv", ["dpia", "validate", "x.yaml"])
    from dpia.cli import main

    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 3


def test_the_schema_file_beside_the_samples_is_current() -> None:
    _, out, _ = run("schema")
    assert (ROOT / "samples" / "dpia.schema.json").read_text() == out, (
        "run `dpia schema > samples/dpia.schema.json`"
    )
