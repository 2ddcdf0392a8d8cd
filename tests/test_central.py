"""Central -> local: a school's marks on the joint assessment, `dpia confirm`, and the
"needs review" that `dpia status` shows when a central item changes afterwards."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from dpia.cli import cli
from dpia.context.assessment import assess_file
from tests.factory import questionnaire

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def reviews(folder: Path) -> dict[str, list[tuple[str, str, str]]]:
    code, out, err = run("status", str(folder), "--format", "json", "--today", "2026-12-01")
    assert code == 0, err
    return {
        Path(r["file"]).name: [(x["item"], x["mark"], x["why"]) for x in r["needs_review"]]
        for r in json.loads(out)["assessments"]
    }


@pytest.fixture
def coop(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "samples" / "joint", tmp_path / "joint")
    return tmp_path / "joint"


def rerate(base: Path, risk: str) -> None:
    """Change one central risk's residual likelihood."""
    text = base.read_text()
    start = text.index(f"  - id: {risk}\n")
    at = text.index("residual_likelihood: ", start)
    end = text.index("\n", at)
    base.write_text(text[:at] + "residual_likelihood: maximum" + text[end:])


def test_the_samples_are_confirmed_and_need_no_review() -> None:
    found = reviews(ROOT / "samples" / "joint")
    assert found == {"base.yaml": [], "school-a.yaml": [], "school-b.yaml": [], "school-c.yaml": []}


def test_a_changed_central_risk_flags_exactly_the_schools_that_adapted_or_relied_on_it(
    coop: Path,
) -> None:
    rerate(coop / "base.yaml", "R4")
    found = reviews(coop)
    assert found == {
        "base.yaml": [],
        "school-a.yaml": [("risks.R4", "adopted", "changed")],  # relied on it as it was
        "school-b.yaml": [("risks.R4", "adopted", "changed")],
        "school-c.yaml": [],  # set it aside: the change does not touch its assessment
    }
    code, out, _ = run("confirm", str(coop / "school-b.yaml"), "--date", "2026-12-01")
    assert code == 0 and "confirmed central version 2.0: 54 items, 0 new" in out
    assert reviews(coop)["school-b.yaml"] == []  # confirmed after the change
    _, text, _ = run("status", str(coop), "--today", "2026-12-01")
    line = next(x for x in text.splitlines() if "school-a.yaml" in x)
    assert "central items changed since confirmed (risks.R4)" in line
    assert "changed since confirmed" not in next(x for x in text.splitlines() if "school-c" in x)


def test_an_item_set_aside_needs_review_when_something_kept_refers_to_it(coop: Path) -> None:
    base = coop / "base.yaml"
    text = base.read_text()
    old = "Helping teachers create practice questions with AI."
    base.write_text(text.replace(old, "Helping teachers create practice questions and quizzes."))
    found = reviews(coop)
    changed = ("description.purposes.P6", "adopted", "changed")
    assert found["school-a.yaml"] == [changed] and found["school-b.yaml"] == [changed]
    assert found["school-c.yaml"] == []  # P6 and its lawful basis B6 are both set aside
    school = coop / "school-c.yaml"
    text = school.read_text()
    start = text.index("    - item: lawfulness.lawful_bases.B6\n")
    end = text.index("  version: '2.0'\n")
    school.write_text(text[:start] + text[end:])  # B6 kept: it names P6 as its purpose
    found = reviews(coop)
    assert found["school-c.yaml"] == [("description.purposes.P6", "not_applicable", "changed")]


def test_a_new_or_removed_central_item_needs_review(coop: Path) -> None:
    base = coop / "base.yaml"
    text = base.read_text()
    base.write_text(text.replace("    - id: FR\n", "    - id: FR2\n", 1))
    found = reviews(coop)["school-a.yaml"]
    assert found == [
        ("description.locations.FR2", "adopted", "new"),
        ("description.locations.FR", "adopted", "removed"),
    ]


def test_confirm_keeps_the_schools_comments_and_marks(coop: Path) -> None:
    school = coop / "school-c.yaml"
    before = school.read_text()
    rerate(coop / "base.yaml", "R1")
    assert run("confirm", str(school), "--date", "2026-12-01")[0] == 0
    after = school.read_text()
    assert after.splitlines()[:8] == before.splitlines()[:8]  # the header comment
    assert "mark: not_applicable" in after and "confirmed: 2026-12-01" in after
    assert after.count("risks.R1: ") == 1 and before != after
    assert assess_file(school).ok


def test_a_mark_names_an_item_of_the_assessment_and_says_why() -> None:
    q = questionnaire(central={"marks": [{"item": "risks.R9", "mark": "adopted"}]})
    from dpia.rules.findings import findings

    codes = {f.code for f in findings(q)}
    assert "central-mark-unknown" in codes and "central-unconfirmed" in codes
    with pytest.raises(ValidationError, match="needs a reason"):
        questionnaire(central={"marks": [{"item": "risks.R1", "mark": "not_applicable"}]})
    with pytest.raises(ValidationError):
        questionnaire(central={"marks": [{"item": "lawfulness.x", "mark": "adopted"}]})


def test_lawful_bases_and_special_categories_merge_and_are_marked_by_id(coop: Path) -> None:
    school = coop / "school-b.yaml"
    q = assess_file(school).questionnaire
    bases = [(b.id, b.purpose) for b in q.lawfulness.lawful_bases]
    assert bases == [*((f"B{i}", f"P{i}") for i in range(1, 7)), ("B7", "P7")]
    assert [s.id for s in q.lawfulness.special_categories] == ["S1"]
    text = school.read_text().replace(
        "  marks:\n",
        "  marks:\n    - item: lawfulness.lawful_bases.B5\n      mark: adapted\n"
        "      reason: Security is arranged by the foundation's own ICT department.\n",
        1,
    )
    school.write_text(text)
    a = assess_file(school)
    assert a.ok and not [f for f in a.findings if f.finding.code.startswith("central-mark")]
    assert a.central is not None
    assert a.central.provenance["lawfulness.lawful_bases.B5"] == "adapted"
    assert a.central.provenance["lawfulness.lawful_bases.B7"] == "local"
    assert a.central.provenance["lawfulness.special_categories.S1"] == "adopted"


def test_confirm_refuses_a_file_that_extends_nothing(tmp_path: Path) -> None:
    single = tmp_path / "one.yaml"
    shutil.copy(ROOT / "samples" / "secondary-ai-homework.yaml", single)
    code, _, err = run("confirm", str(single))
    assert code == 2 and "extends no central assessment" in err


@pytest.mark.parametrize(
    ("lang", "cover", "badges"),
    [
        (
            "en",
            "Joint DPIA digital learning platform LeerPlein, version 2.0",
            ["not applicable", "local"],
        ),
        (
            "nl",
            "Gezamenlijke DPIA digitale leeromgeving LeerPlein, versie 2.0",
            ["niet van toepassing", "eigen"],
        ),
    ],
)
def test_a_schools_documents_show_where_they_come_from(
    lang: str, cover: str, badges: list[str]
) -> None:
    from dpia.produce import prepare

    html = prepare(
        assess_file(ROOT / "samples" / "joint" / "school-c.yaml"), "dpia", lang, "html"
    ).html
    assert cover in html
    r4 = html.split('<tr id="risk-R4">')[1].split("</tr>")[0]
    assert f'<span class="mark">{badges[0]}</span>' in r4 and "ISK" not in r4
    assert "AI" in r4.split('class="small mark-reason"')[1]  # the school's reason
    own = html.split('<tr id="risk-R-C1">')[1].split("</tr>")[0]
    assert f'<span class="mark">{badges[1]}</span>' in own
    r1 = html.split('<tr id="risk-R1">')[1].split("</tr>")[0]
    assert 'class="mark"' not in r1  # adopted as is: no mark
    plain = prepare(
        assess_file(ROOT / "samples" / "secondary-ai-homework.yaml"), "dpia", lang, "html"
    )
    assert 'class="mark"' not in plain.html and cover not in plain.html


@pytest.mark.parametrize(
    ("lang", "na", "local"),
    [("en", "not applicable", "local"), ("nl", "niet van toepassing", "eigen")],
)
def test_every_markable_item_carries_its_mark(lang: str, na: str, local: str) -> None:
    from dpia.produce import prepare

    joint = ROOT / "samples" / "joint"
    html = prepare(assess_file(joint / "school-c.yaml"), "dpia", lang, "html").html
    mark = f'<span class="mark">{na}</span>'
    purpose = html.split("<strong>P6</strong>")[1].split("</li>")[0]
    assert mark in purpose and "AI" in purpose.split("mark-reason")[1]
    party = html.split("<tr><td>Lumen Inference SAS")[1].split("</td>")[0]
    assert mark in party
    basis = html.split("<tr><td>P6")[1].split("</td>")[0]
    assert mark in basis
    assert (
        "<strong>P5</strong>" in html
        and 'class="mark"' not in html.split("<strong>P5</strong>")[1].split("</li>")[0]
    )  # adopted as is: no mark
    b = prepare(assess_file(joint / "school-b.yaml"), "dpia", lang, "html").html
    own = f'<span class="mark">{local}</span>'
    assert own in b.split("<strong>P7</strong>")[1].split("</li>")[0]
    assert own in b.split("<tr><td>P7")[1].split("</td>")[0]  # its own lawful basis B7
    supervisors = {
        "en": "Name, e-mail address and company of the workplace supervisor",
        "nl": "Naam, e-mailadres en bedrijf van de praktijkopleider",
    }[lang]
    assert own in b.split(supervisors)[1].split("</td>")[0]  # its own data category


def test_diff_of_an_overlay_lists_the_central_items_to_review(coop: Path) -> None:
    joint = ROOT / "samples" / "joint"
    base = coop / "base.yaml"
    base.write_text(base.read_text().replace("Pupils of the member schools", "Pupils and students"))
    rerate(base, "R4")
    before, after = joint / "school-b.yaml", coop / "school-b.yaml"
    code, out, err = run("diff", str(before), str(after), "--lang", "nl")
    assert code == 0, err
    review = out.split("Centrale onderdelen om te herzien:\n")[1].splitlines()
    assert review == [
        "  risks.R4 (overgenomen): gewijzigd sinds de school het bevestigde",
        "  description.data_subjects.pupils (aangepast): gewijzigd sinds de school het bevestigde",
    ]
    after = coop / "school-c.yaml"
    code, out, _ = run("diff", str(joint / "school-c.yaml"), str(after), "--format", "json")
    assert json.loads(out)["needs_review"] == [
        {"item": "description.data_subjects.pupils", "mark": "adapted", "why": "changed"}
    ]  # not R4: the school set it aside
    before = joint / "school-c.yaml"
    _, same, _ = run("diff", str(before), str(before))
    assert "Central items to review" not in same  # confirmed and unchanged: nothing to review


def _cut(text: str, start: str, end: str) -> str:
    """`text` without the lines from `start` up to (not including) `end`."""
    i = text.index(start)
    return text[:i] + text[text.index(end, i) :]


@pytest.mark.parametrize(("lang", "line"), [("en", "line"), ("nl", "regel")])
def test_findings_name_the_file_of_the_extends_chain_they_point_into(
    lang: str, line: str, coop: Path
) -> None:
    """A finding about an answer the base gives names the base file; one about the school's
    own answer names the school's file (the samples answer both; the copies leave them out)."""
    from dpia.produce import prepare

    base, school = coop / "base.yaml", coop / "school-c.yaml"
    base.write_text(_cut(base.read_text(), "  alternatives:\n", "  minimisation:\n"))
    text = school.read_text()
    text = _cut(text, "    likelihood_motivation:\n", "    severity:")
    school.write_text(_cut(text, "    impact_motivation:\n", "    measures:"))
    lawfulness = base.read_text().splitlines().index("lawfulness:") + 2  # its first key
    risks = school.read_text().splitlines().index("risks:") + 2  # its first item
    html = prepare(assess_file(school), "dpia", lang, "html").html
    annex = html.split('<section class="annex">')[1]
    where = f"base.yaml, {line} {lawfulness}"
    assert f"lawfulness.alternatives · {where} · alternatives-missing" in annex
    assert f"risks · school-c.yaml, {line} {risks} · risk-motivation-missing" in annex
    single = prepare(assess_file(ROOT / "samples" / "secondary-ai-homework.yaml"), "dpia", lang)
    assert ".yaml, " not in single.html.split('<section class="annex">')[1]  # one file: no name
    code, out, _ = run("validate", str(school), "--format", "json")
    assert code == 0
    found = {f["code"]: f["file"] for f in json.loads(out)["files"][0]["findings"]}
    assert found["alternatives-missing"].endswith("joint/base.yaml")
    assert found["risk-motivation-missing"].endswith("joint/school-c.yaml")


def test_the_reassessment_document_lists_the_central_items_to_review(
    coop: Path, tmp_path: Path
) -> None:
    rerate(coop / "base.yaml", "R4")
    before = ROOT / "samples" / "joint" / "school-a.yaml"
    args = ["diff", str(before), str(coop / "school-a.yaml"), "--format", "html"]
    assert run(*args, "--lang", "nl", "-o", str(tmp_path))[0] == 0
    html = (tmp_path / "school-a.reassessment.nl.html").read_text()
    section = html.split("<h3>Centrale onderdelen om te herzien</h3>")[1].split("</ul>")[0]
    assert "risks.R4 Leerlinggegevens in de AI-vraaggenerator (overgenomen): gewijzigd" in section
    run(*args, "--lang", "en", "-o", str(tmp_path))
    unchanged = (tmp_path / "school-a.reassessment.en.html").read_text()
    assert "Central items to review" in unchanged
    run("diff", str(before), str(before), "--format", "html", "-o", str(tmp_path / "same"))
    same = (tmp_path / "same" / "school-a.reassessment.en.html").read_text()
    assert "Central items to review" not in same


def test_a_list_without_ids_that_replaces_the_central_one_is_flagged(coop: Path) -> None:
    school = coop / "school-b.yaml"
    school.write_text(
        school.read_text().replace("    - id: B7\n      purpose: P7", "    - purpose: P7")
    )
    a = assess_file(school)
    dropped = [f.where for f in a.findings if f.finding.code == "central-items-dropped"]
    assert [(d.field, d.pos.line) for d in dropped] == [("lawfulness.lawful_bases", 100)]
    assert "B1, B2, B3, B4, B5, B6 are missing here" in dropped[0].message
    assert not [
        f for f in assess_file(coop / "school-a.yaml").findings if "dropped" in f.finding.code
    ]
