"""The command line speaks the user's language: --lang, else the file's first language."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from dpia.cli import cli
from tests.factory import data


def write(tmp_path: Path, name: str, content: dict[str, object]) -> Path:
    path = tmp_path / name
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(content, f)
    return path


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def dutch(**changes: object) -> dict[str, object]:
    return data(**{"meta.languages": ["nl"], **changes})


def test_summary_separates_validity_from_findings_with_plurals(tmp_path: Path) -> None:
    one_warning = write(tmp_path, "w.yaml", data(**{"meta.review_date": None}))
    code, _, err = run("validate", str(one_warning))
    assert code == 0  # findings do not make a file invalid
    # The review date, and the English answers of a Dutch school (no Dutch addendum yet).
    assert err.endswith(
        f"{one_warning}: the file is valid; the assessment has 0 errors and 2 warnings; "
        "71 questions are still open (--open lists them)\n"
    )
    two = data(**{"meta.review_date": None, "consultation.dpo_advice": None})  # + an error
    code, _, err = run("validate", str(write(tmp_path, "two.yaml", two)))
    assert code == 0
    # no DPO advice is an error, and deciding to proceed with an error open is another
    assert "the file is valid; the assessment has 2 errors and 2 warnings" in err


def test_summary_of_an_invalid_file_counts_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("meta:\n  title: x\n  statu: draft\n")
    code, _, err = run("validate", str(path))
    assert code == 1
    assert err == f"{path}: the file is not valid: 7 problems\n"


def test_a_dutch_file_gets_dutch_findings_and_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "nl.yaml", dutch(**{"meta.review_date": None}))
    code, out, err = run("validate", str(path))
    assert code == 0
    assert "waarschuwing[review-date-missing]: meta: " in out
    assert "no review date" not in out
    assert err == (
        f"{path}: het bestand is geldig; de beoordeling heeft 0 fouten en 1 waarschuwing; "
        "71 vragen staan nog open (--open toont ze)\n"
    )
    # --lang wins over the file's language
    _, out, err = run("validate", "--lang", "en", str(path))
    assert "warning[review-date-missing]: meta: no review date" in out
    assert "the file is valid; the assessment has 0 errors and 1 warning" in err


def test_located_problems_of_a_dutch_file_are_dutch(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "meta:\n  languages: [nl]\n  statu: draft\n  classification: secrte\n  version: 1.0\n"
    )
    code, out, err = run("validate", str(path))
    assert code == 1
    assert f"{path}:3:3: meta.statu: onbekend veld; bedoelt u 'status'?" in out
    assert (
        f"{path}:4:19: meta.classification: 'secrte' is niet een van: public, internal, "
        "confidential, secret (bedoelt u 'secret'?)"
    ) in out
    assert "meta.version: verwacht tekst, gevonden: een getal; zet de waarde tussen" in out
    assert "meta.title: verplicht veld ontbreekt" in out
    assert "het bestand is niet geldig: 7 problemen" in err
    _, out, _ = run("validate", "--lang", "en", str(path))
    assert "meta.version: expected text, got a number; put it in quotes" in out


def test_json_messages_follow_the_language_and_codes_stay(tmp_path: Path) -> None:
    path = write(tmp_path, "nl.yaml", dutch(**{"meta.review_date": None}))
    _, out, _ = run("validate", "--format", "json", str(path))
    [report] = json.loads(out)["files"]
    assert report["language"] == "nl"
    [finding] = report["findings"]
    assert finding["code"] == "review-date-missing" and finding["severity"] == "warning"
    assert "herbeoordeling" in finding["message"] or "review" not in finding["message"]


def test_screen_speaks_the_files_language_unless_told(tmp_path: Path) -> None:
    path = write(tmp_path, "nl.yaml", dutch())
    _, out, _ = run("screen", str(path))
    assert out.startswith(f"{path}: DPIA ")
    assert "Toepasselijke EDPB-criteria: 1" in out
    _, out, _ = run("screen", "--lang", "en", str(path))
    assert "EDPB criteria that apply: 1" in out


def test_usage_errors_speak_the_language_asked_for() -> None:
    code, _, err = run("validate", "--lang", "nl", "--format", "xml", "x.yaml")
    assert code == 2
    assert "Fout: Ongeldige waarde voor '--format': 'xml' is niet een van 'text', 'json'." in err
    assert "Gebruik: " in err
    code, _, err = run("init", "--lang=nl")
    assert code == 2 and "Fout: Ontbrekend argument 'PATH'." in err
    code, _, err = run("render", "x.yaml", "--doc", "dpia", "--format", "md", "--lang", "nl")
    assert code == 2
    assert "Fout: --format md is alleen beschikbaar met --doc privacy-addendum" in err
    code, _, err = run("validate", "--format", "xml", "x.yaml")  # no --lang: English
    assert code == 2 and "Error: Invalid value for '--format'" in err


def test_init_refuses_to_overwrite_in_the_language_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("mine\n")
    code, _, err = run("init", str(path), "--lang", "nl")
    assert code == 2
    assert f"dpia: {path} bestaat al; gebruik --force om het te overschrijven" in err
    assert path.read_text() == "mine\n"


def test_the_models_own_refusals_are_translated_with_their_values(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    content = dutch(
        **{
            "meta.review_date": "2027-02-30",
            "description.data_subjects.0.age_range": {"min": 18, "max": 12},
        }
    )
    content["meta"]["title"] = ""  # type: ignore[index]
    path = write(tmp_path, "bad.yaml", content)
    _, out, _ = run("validate", str(path))
    assert "meta.review_date: '2027-02-30' is geen geldige datum; verwacht JJJJ-MM-DD" in out
    assert "meta.title: de tekst is leeg; laat het veld dan weg" in out
    assert "description.data_subjects[0].age_range: min is groter dan max" in out
    _, out, _ = run("validate", "--lang", "en", str(path))
    assert "meta.title: text is empty; leave the field out instead" in out


def test_the_readers_own_problems_speak_dutch(tmp_path: Path) -> None:
    """Problems found before the model sees the file (syntax, characters, extends) are catalog
    messages too, so a Dutch user reads them in Dutch, with the values quoted as they are."""
    tab = tmp_path / "tab.yaml"
    tab.write_text("meta:\n\ttitle: x\n")
    code, err, _ = run("validate", "--lang", "nl", str(tab))
    assert code == 1
    assert f"{tab}:2:1: YAML-syntaxis: een tab; YAML gebruikt spaties" in err
    twice = tmp_path / "twice.yaml"
    twice.write_text("meta:\n  title: a\n  title: b\n")
    _, err, _ = run("validate", "--lang", "nl", str(twice))
    assert "sleutel 'title' komt twee keer voor in deze mapping" in err
    bell = tmp_path / "bell.yaml"
    bell.write_text('meta:\n  title: "a\\u0007"\n')
    _, err, _ = run("validate", "--lang", "nl", str(bell))
    assert "meta.title: tekst bevat een stuurteken (U+0007)" in err
    over = tmp_path / "over.yaml"
    over.write_text("extends: ../elsewhere.yaml\n")
    _, err, _ = run("validate", "--lang", "nl", str(over))
    assert "het basisbestand moet binnen" in err
    _, err, _ = run("validate", "--lang", "nl", str(tmp_path / "missing.yaml"))
    assert "missing.yaml:1:1: bestand bestaat niet" in err
    _, err, _ = run("validate", str(tab))  # English unless asked, for a file it cannot read
    assert "YAML syntax: a tab; YAML uses spaces" in err
