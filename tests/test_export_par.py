"""`dpia export --format par-json`: the JSON of MinBZK's assessment tool (PAR), checked against
the tool's own schema and DPIA definition (tests/data/par, vendored) and against the answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from PIL import Image
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.context.dpia import DpiaContext, dpia_context
from dpia.export.par import to_json
from dpia.export.par_values import BASIS, FURTHER, LEVEL, STATUS
from dpia.model.enums import FurtherUse
from tests.factory import data
from tests.test_security import HOSTILE

ROOT = Path(__file__).resolve().parent.parent
PAR = ROOT / "tests" / "data" / "par"
SAMPLES = sorted(
    [
        *ROOT.glob("samples/*.yaml"),
        *ROOT.glob("samples/joint/*.yaml"),
        *ROOT.glob("samples/review/*.yaml"),
    ]
)
FULLEST = ROOT / "samples" / "vocational-exam-proctoring.yaml"  # answers most of the Rijksmodel


def _tasks() -> dict[str, dict[str, Any]]:
    """Every task of PAR's sources/dpia.yaml by id, with `parent` (its id or None)."""
    out: dict[str, dict[str, Any]] = {}

    def walk(tasks: list[dict[str, Any]], parent: str | None) -> None:
        for t in tasks:
            out[str(t["id"])] = t | {"parent": parent}
            walk(t.get("tasks") or [], str(t["id"]))

    walk(yaml.safe_load((PAR / "dpia.yaml").read_text(encoding="utf-8"))["tasks"], None)
    return out


TASKS = _tasks()
VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((PAR / "assessment-output.v2.schema.json").read_text(encoding="utf-8")),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)


def repeatable_ancestor(task: str) -> str | None:
    parent = TASKS[task]["parent"]
    while parent is not None and not TASKS[parent].get("repeatable"):
        parent = TASKS[parent]["parent"]
    return parent


def leaves(answers: dict[str, Any]) -> list[tuple[str, Any, str | None, int | None]]:
    """(task id, value, group, _index) of every answer, in groups too."""
    out = []
    for key, v in answers.items():
        if isinstance(v, list):
            for element in v:
                out += [
                    (k, a["value"], key, element["_index"])
                    for k, a in element.items()
                    if k != "_index"
                ]
        else:
            out.append((key, v["value"], None, None))
    return out


def values(answers: dict[str, Any], task: str) -> list[Any]:
    return [v for t, v, _, _ in leaves(answers) if t == task]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, bytes]:
    out = tmp_path_factory.mktemp("par")
    args = ["export", *map(str, SAMPLES), "--format", "par-json", "-o", str(out)]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    return {p: (out / f"{p.stem}.par.json").read_bytes() for p in SAMPLES}


def context(path: Path, lang: str | None = None) -> DpiaContext:
    a = assess_file(path)
    first = a.questionnaire.meta.languages[0].value
    return dpia_context(a.document_base(lang or first, source_embedded=False))


def text(ctx: DpiaContext, value: Any) -> str:
    return str(value.get(ctx.first_lang, ctx.first_lang)[0])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_valid_against_the_tools_schema(exported: dict[Path, bytes], path: Path) -> None:
    doc = json.loads(exported[path].decode("utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(doc)]
    assert not errors, errors[:5]
    assert doc["metadata"]["urn"] == "urn:nl:dpia:3.0"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_task_ids_groups_and_closed_lists_are_the_tools(
    exported: dict[Path, bytes], path: Path
) -> None:
    """Each answer under a task of PAR's definition, in the group PAR groups it in (its nearest
    repeatable ancestor), and each value of a closed list one of PAR's own values."""
    answers = json.loads(exported[path])["answers"]
    for key, v in answers.items():  # the tool reads an element back as `task[_index]`
        if isinstance(v, list):
            indices = [e["_index"] for e in v]
            assert indices == sorted(set(indices)), key
    for task, value, group, _ in leaves(answers):
        assert task in TASKS, task
        assert group == repeatable_ancestor(task), (task, group)
        t = TASKS[task]
        options = {str(o["value"]).lower() for o in t.get("options") or []}
        if not options:
            continue
        chosen = value if isinstance(value, list) else [value]
        assert {str(v).lower() for v in chosen} <= options, (task, value)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_no_answer_the_tool_would_hide(exported: dict[Path, bytes], path: Path) -> None:
    """A task the tool shows only on a condition ("show if 17.1.4 is hoog") is answered only
    when the condition holds in the same element, as the tool's own export filters them."""
    answers = json.loads(exported[path])["answers"]
    shown = 0
    for key, v in answers.items():
        # a group's own condition (12.1.2 under 12.1.1), then its answers' conditions
        elements = [{key: {}}, *v] if isinstance(v, list) else [{key: v}]
        for element in elements:
            for task in (t for t in element if t != "_index"):
                for dep in TASKS[task].get("dependencies") or []:
                    if dep.get("type") != "conditional":
                        continue
                    cond = dep["condition"]
                    holder = element if cond["id"] in element else answers.get(cond["id"], {})
                    assert "value" in holder.get(cond["id"], holder), (task, cond)
                    got = holder.get(cond["id"], holder)["value"]
                    assert str(got).lower() == str(cond["value"]).lower(), (task, got)
                    shown += 1
    if path == FULLEST:
        assert shown >= 10


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_answers_land_under_their_task(exported: dict[Path, bytes], path: Path) -> None:
    answers, ctx = json.loads(exported[path])["answers"], context(path)
    q = ctx.q
    operations = max(len(ctx.operations), 1)
    for group in ("5.1", "6.1", "8.1", "9.1", "10.1", "11.1", "13.1"):
        assert [e["_index"] for e in answers[group]] == list(range(operations)), group
    assert len(answers["2.1"]) == len(q.description.personal_data)
    assert values(answers, "2.1.1") == [text(ctx, c.name) for c in q.description.personal_data]
    assert len(answers.get("16.1", [])) == len(ctx.risks)
    assert values(answers, "16.1.7") == [LEVEL[a.inherent] for a in ctx.risks]
    residual = [LEVEL[a.residual] for a in ctx.risks if a.residual in LEVEL]
    assert values(answers, "17.1.4") == residual
    # 17.1.1 chooses among the texts of 16.1.1: the same strings
    assert [v[0] for v in values(answers, "17.1.1")] == values(answers, "16.1.1")
    bases = {BASIS[b.basis] for b in q.lawfulness.lawful_bases}
    assert set(values(answers, "11.1.1.1")) == bases
    assert answers["19.2"]["value"] == STATUS[q.meta.status]
    rationale = q.consultation.decision.rationale if q.consultation.decision else None
    assert values(answers, "17.3") == ([text(ctx, rationale)] if rationale else [])
    special = "true" if q.lawfulness.special_categories else "false"
    assert answers["12.1.1"]["value"] == special
    assert len(answers.get("12.1.2", [])) == len(q.lawfulness.special_categories)


def test_the_proctoring_case(exported: dict[Path, bytes]) -> None:
    answers = json.loads(exported[FULLEST])["answers"]
    ctx = context(FULLEST)
    assert [v for v in values(answers, "3.1.1")] == [o.operation.id for o in ctx.operations]
    assert "Standaard contractsbepaling (SCC)" in values(answers, "8.1.1.2")
    assert {"Rechtsgrond toestemming", "Rechtsgrond gerechtvaardigd belang"} <= set(
        values(answers, "11.1.1.1")
    )
    assert answers["12.3.1"]["value"] == "true"  # ID documents show the BSN
    assert answers["12.2.1"]["value"] == "false"
    kinds = values(answers, "12.1.2.4")
    assert any("Biometrische" in k for k in kinds) and any("gezondheid" in k for k in kinds)
    assert values(answers, "12.1.2.5")[0].startswith("Art. 9(2)(a): ")
    assert ["Verwerker"] in values(answers, "6.1.1.2")


def test_nested_items_are_numbered_as_the_tool_numbers_them(exported: dict[Path, bytes]) -> None:
    """The first party of operation j has index j (PAR creates it with the operation), the
    others the next free indices; 7.1 has one element per 6.1.1 element (instance mapping)."""
    answers = json.loads(exported[FULLEST])["answers"]
    ctx = context(FULLEST)
    indices = [e["_index"] for e in answers["6.1.1"]]
    assert len(indices) == len(set(indices)) == sum(len(v.parties) for v in ctx.operations)
    firsts = [j for j, v in enumerate(ctx.operations) if v.parties]
    assert set(firsts) <= set(indices)
    assert max(indices) == len(indices) - 1 + (len(ctx.operations) - len(firsts))
    assert [e["_index"] for e in answers["7.1"]] == indices
    named = {e["6.1.1.1"]["value"] for e in answers["6.1.1"]}
    assert named == {p.name for v in ctx.operations for p in v.parties}


def test_every_task_filled_has_a_row_in_the_crosswalk(exported: dict[Path, bytes]) -> None:
    """docs/rijksmodel.yaml is the one mapping: the export fills no task it has no row for."""
    table = yaml.safe_load((ROOT / "docs" / "rijksmodel.yaml").read_text(encoding="utf-8"))
    rows = {r["id"] for r in table["dpia"] + table["extra"] if r.get("path")}
    filled = {t for data_ in exported.values() for t, *_ in leaves(json.loads(data_)["answers"])}
    assert filled - rows == set()
    # the fullest sample fills most of what the cross-walk covers
    fullest = {t for t, *_ in leaves(json.loads(exported[FULLEST])["answers"])}
    assert len(fullest & {r["id"] for r in table["dpia"]}) >= 80


def test_same_bytes_every_run(exported: dict[Path, bytes]) -> None:
    assert to_json(context(FULLEST), "en") == exported[FULLEST]
    assert exported[FULLEST].decode("utf-8").endswith("}\n")


def test_lang_picks_the_language_of_free_text(tmp_path: Path) -> None:
    path = ROOT / "samples" / "primary-learning-analytics.yaml"
    out = {}
    for lang in ("nl", "en"):
        args = ["export", str(path), "--format", "par-json", "--lang", lang]
        r = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / lang)])
        assert r.exit_code == 0, r.output
        out[lang] = json.loads((tmp_path / lang / f"{path.stem}.par.json").read_bytes())
    proposal = assess_file(path).questionnaire.description.proposal
    assert proposal is not None and proposal.nl and proposal.en
    assert out["nl"]["answers"]["1.1"]["value"] == proposal.nl
    assert out["en"]["answers"]["1.1"]["value"] == proposal.en
    # the closed lists stay the tool's Dutch values
    assert values(out["en"]["answers"], "2.1.4") == values(out["nl"]["answers"], "2.1.4")


def write(tmp_path: Path, answers: dict[str, Any]) -> Path:
    path = tmp_path / "case.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**answers), f)
    return path


def test_hostile_answers_stay_text(tmp_path: Path) -> None:
    path = write(tmp_path, {"description.proposal": HOSTILE, "risks.0.title": HOSTILE})
    r = CliRunner().invoke(cli, ["export", str(path), "--format", "par-json", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    answers = json.loads((tmp_path / "case.par.json").read_bytes())["answers"]
    assert answers["1.1"]["value"] == HOSTILE
    assert values(answers, "16.1.1") == [HOSTILE]
    assert values(answers, "17.1.1") == [[HOSTILE]]


def test_raster_images_only(tmp_path: Path) -> None:
    """PAR imports raster images and refuses a file with an SVG: a PNG goes in, an SVG not."""
    Image.new("RGB", (2, 2), "red").save(tmp_path / "flow.png")
    (tmp_path / "flow.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    images = [{"file": "flow.png", "title": "Flow"}, {"file": "flow.svg", "title": "Vector"}]
    path = write(tmp_path, {"description.proposal_images": images})
    answers = json.loads(to_json(context(path), "en"))["answers"]
    assert [e["_index"] for e in answers["1.2"]] == [0]
    image = answers["1.2"][0]["1.2.1"]["value"]
    assert image["data"].startswith("data:image/png;base64,") and image["title"] == "Flow"
    assert not VALIDATOR.is_valid({"x": 1})


def test_a_knowledge_security_check_has_no_par_export(tmp_path: Path) -> None:
    path = ROOT / "samples" / "knowledge-security" / "exchange-oslo.yaml"
    r = CliRunner().invoke(cli, ["export", str(path), "--format", "par-json", "-o", str(tmp_path)])
    assert r.exit_code == 1
    assert "no par-json export" in r.output and not list(tmp_path.iterdir())


@pytest.mark.parametrize("residual", ["negligible", "maximum"])
def test_conditional_answers_follow_their_condition(tmp_path: Path, residual: str) -> None:
    """17.1.6 (where a measure is monitored) only for a high residual risk, 13.1.1.6 (the law)
    only for a further use permitted by law: the tool hides them otherwise."""
    further = [
        {"purpose": "Research", "assessment": "compatible", "legal_provision": "Art. 6(4)"},
        {"purpose": "Statistics", "assessment": "permitted_by_law", "legal_provision": "CBS Act"},
    ]
    path = write(
        tmp_path,
        {
            "measures.0.monitored_in": "NL",
            "risks.0.residual_likelihood": residual,
            "lawfulness.further_processing": further,
        },
    )
    answers = json.loads(to_json(context(path), "en"))["answers"]
    high = residual == "maximum"
    assert values(answers, "17.1.4") == ["hoog" if high else "laag"]
    assert values(answers, "17.1.6") == (["Netherlands"] if high else [])
    uses = [FURTHER[FurtherUse.compatible], FURTHER[FurtherUse.permitted_by_law]]
    assert values(answers, "13.1.1.5") == uses
    assert values(answers, "13.1.1.6") == ["CBS Act"]
