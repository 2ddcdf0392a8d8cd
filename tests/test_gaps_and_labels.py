"""The annex's list of open questions, and enum codes that must never reach a document."""

from __future__ import annotations

from dpia.context.common import unanswered
from dpia.render.i18n import Translator
from dpia.rules.findings import findings
from tests.factory import questionnaire


def test_part_a_questions_are_listed_when_open() -> None:
    # The base answers none of the free-text points of Part A.
    gaps = unanswered(questionnaire())
    for name in ("proposal", "techniques", "interests", "legal_framework", "retention"):
        assert ("description", name) in gaps
    assert ("description", "operations") in gaps  # an empty list of operations is open too
    answered = unanswered(questionnaire(**{"description.proposal": "A pilot"}))
    assert ("description", "proposal") not in answered


def test_optional_descriptions_of_items_are_still_not_gaps() -> None:
    # A risk or a party without a description is complete: the title says enough.
    gaps = unanswered(questionnaire())
    assert ("risks", 0, "description") not in gaps
    assert ("description", "parties", 0, "description") not in gaps


def test_equality_finding_names_the_characteristic_in_dutch() -> None:
    q = questionnaire(**{"equality.characteristics.gender_reassignment": {"impact": "negative"}})
    [finding] = [f for f in findings(q) if f.code == "negative-impact-unmitigated"]
    dutch = finding.text(Translator("nl").gettext)
    assert "gender_reassignment" not in dutch
    assert "op genderidentiteit (geslachtsverandering) wordt verwacht" in dutch
    assert "on gender reassignment is expected" in finding.text(Translator("en").gettext)
