"""The DPIA's annex lists exactly the questions its body marks "not answered": both read the
context's one list of open questions (dpia.context.open_questions)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dpia.context.assessment import assess_file
from dpia.context.dpia import DpiaContext
from dpia.produce import prepare
from dpia.render.engine import environment

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["vocational-exam-proctoring", "ai-office-assistant-not-proceeding"]
NOT_ANSWERED = {"en": "Not answered", "nl": "Niet beantwoord"}
ANNEX = {"en": "<h3>Unanswered questions</h3>", "nl": "<h3>Onbeantwoorde vragen</h3>"}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("stem", SAMPLES)
def test_the_annex_lists_the_cells_the_body_marks_not_answered(stem: str, lang: str) -> None:
    request = prepare(assess_file(ROOT / "samples" / f"{stem}.yaml"), "dpia", lang, "html")
    page, context = request.html, request.context
    assert isinstance(context, DpiaContext)
    body, annex = page.split(ANNEX[lang])
    cells = re.findall(r'<span class="gap"( data-field="([^"]*)")?>' + NOT_ANSWERED[lang], body)
    unmarked = [c for c in cells if not c[1]]
    assert not unmarked, f"{len(unmarked)} not-answered cells without their question"
    listed = re.findall(r'<li data-field="([^"]+)">', annex)
    assert len(listed) == len(context.gaps) > 5
    assert {c[1] for c in cells} == set(listed)


def test_a_cell_says_not_answered_only_for_a_listed_question() -> None:
    template = environment("en").from_string('{{ unanswered("risks.0.source") }}')
    assert "Not answered" in template.render(open_fields=frozenset({"risks.0.source"}))
    assert template.render(open_fields=frozenset()) == "\u2013"  # nothing is asked there
    assert template.render() == '<span class="gap">Not answered</span>'  # no list: plain
