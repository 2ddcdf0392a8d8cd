"""The DPIA speaks to a board, not to the questionnaire's author: names where the answers have
ids, every risk at the highest level, the decision's conflicts where the board signs, the date
AI Act duties are really compared with, and operations that show only what belongs to them."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from dpia.context.assessment import assess_file
from dpia.model import Questionnaire
from dpia.produce import prepare
from dpia.rules.findings import findings
from tests.factory import data


def html(tmp_path: Path, content: dict[str, object], lang: str = "en") -> str:
    path = tmp_path / "q.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(content, f)
    page = prepare(assess_file(path), "dpia", lang, "html").html
    return re.sub(r"\s+", " ", page)


def section(page: str, start: str, end: str) -> str:
    return page[page.index(start) : page.index(end, page.index(start))]


TWO_OPERATIONS = {
    "description.operations": [
        {"id": "O1", "description": "Collecting homework"},
        {"id": "O2", "description": "Matching exercises to goals, without pupil data"},
    ],
    "description.personal_data": [
        {"id": "D1", "name": "Name and class", "kind": "ordinary", "operations": ["O1"]},
    ],
    "description.locations": [{"id": "L1", "country": "US", "mechanism": "scc"}],
}


def test_operations_show_names_and_only_what_is_linked(tmp_path: Path) -> None:
    page = html(tmp_path, data(**TWO_OPERATIONS))
    o1 = section(page, 'id="operation-O1"', "</table>")
    o2 = section(page, 'id="operation-O2"', "</table>")
    assert "Name and class" in o1 and "(D1)" not in o1
    assert "Name and class" not in o2 and re.search(r"Personal data</th><td>none<", o2)
    assert "P1 Homework help" in o1  # the purpose by its id and what it is for
    assert "United States" in o1 and ">US<" not in page


def test_a_list_that_names_no_operation_is_a_warning_and_said_above_the_blocks(
    tmp_path: Path,
) -> None:
    content = data(**TWO_OPERATIONS)
    content["description"]["personal_data"][0]["operations"] = []
    codes = [f.code for f in findings(Questionnaire.model_validate(content))]
    # purposes and data name no operation; the only party is the school itself
    assert codes.count("operation-links-missing") == 3
    page = html(tmp_path, content)
    assert "those items are shown under every operation" in page
    linked = findings(Questionnaire.model_validate(data(**TWO_OPERATIONS)))
    assert [f.loc for f in linked if f.code == "operation-links-missing"] == [
        ("description", "purposes"),
        ("description", "parties"),
    ]
    one = findings(Questionnaire.model_validate(data()))  # one implicit operation
    assert "operation-links-missing" not in [f.code for f in one]


def test_summary_names_every_highest_risk_and_the_consent_purpose(tmp_path: Path) -> None:
    second = {
        "id": "R2",
        "title": "Profiling",
        "feared_event": "illegitimate_access",
        "likelihood": "limited",
        "severity": "significant",
        "residual_likelihood": "limited",
        "residual_severity": "significant",
    }
    consent = {
        "id": "B2",
        "purpose": "P1",
        "basis": "consent",
        "consent_by": "parent",
    }
    content = data(
        **{
            "risks.0.residual_likelihood": "limited",
            "risks.1": second,
            "lawfulness.lawful_bases.1": consent,
        }
    )
    summary = section(html(tmp_path, content), 'class="summary"', "</section>")
    highest = section(summary, "Highest residual risk", "</tr>")
    assert "R1 Leak" in highest and "R2 Profiling" in highest
    assert "P1 (Homework help)" in section(summary, "Consent (Art. 6(1)(a))", "</tr>")


def test_the_decision_conflict_is_repeated_where_the_board_signs(tmp_path: Path) -> None:
    content = data(**{"consultation.dpo_advice": None})  # an error, and the decision proceeds
    page = html(tmp_path, content)
    assert page.count("The decision conflicts with this assessment") == 2
    decision = section(page, "<h3>Decision</h3>", "Sign-off")
    assert "The decision conflicts with this assessment" in decision


def test_without_a_planned_start_the_assessment_date_is_named(tmp_path: Path) -> None:
    """AI Act duties are compared with the planned start, else with the assessment date: the
    document must say which, not call the assessment date the planned start."""
    sample = Path(__file__).parent.parent / "samples" / "secondary-ai-homework.yaml"
    text = sample.read_text(encoding="utf-8")
    assert "planned_start" not in text
    unplanned = tmp_path / "unplanned.yaml"
    unplanned.write_text(text, encoding="utf-8")
    page = re.sub(r"\s+", " ", prepare(assess_file(unplanned), "dpia", "en", "html").html)
    assert "By the assessment date" in page and "By the planned start" not in page
    assert "No planned start given" in page
    planned = tmp_path / "planned.yaml"
    planned.write_text(text.replace("\nmeta:\n", "\nmeta:\n  planned_start: 2027-01-10\n", 1))
    page = re.sub(r"\s+", " ", prepare(assess_file(planned), "dpia", "en", "html").html)
    assert "By the planned start (10 January 2027)" in page and "No planned start" not in page


def test_a_clean_summary_reads_as_prose(tmp_path: Path) -> None:
    """Seven low risks are not seven "highest" risks, and no findings is said in a sentence."""
    # A Belgian school: the base's English answers are then no finding (a Dutch school would be
    # warned that its addendum is not yet written in Dutch).
    belgian = {"meta.organisation.country": "BE"}
    page = html(tmp_path, data(**belgian), "nl")
    summary = section(page, 'class="summary"', "</section>")
    assert "Alle restrisico's zijn laag" in section(summary, "Hoogste restrisico", "</tr>")
    assert "R1 Leak" not in summary
    assert "Er zijn geen fouten of waarschuwingen" in summary
    warned = html(tmp_path, data(**belgian, **{"meta.review_date": None}), "en")
    assert "There are no errors; 1 warning is listed in the annex." in warned


def test_the_summary_says_what_is_assessed(tmp_path: Path) -> None:
    scoped = data(**{"meta.scope": {"assessed": "The homework helper for pupils of year 3"}})
    summary = section(html(tmp_path, scoped), 'class="summary"', "</section>")
    assert "What is assessed" in summary and "The homework helper for pupils of year 3" in summary
    long = "Pupils get help with homework from a chat assistant. " * 8
    summary = section(
        html(tmp_path, data(**{"description.proposal": long})), 'class="summary"', "</section>"
    )
    assert "Pupils get help with homework" in summary and long.strip() not in summary
