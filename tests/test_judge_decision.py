"""Art. 36 read with the decision, the consultation record, and decision conflicts on the
summary page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dpia.rules.decision import Art36, art36
from tests.factory import questionnaire
from tests.judged import HIGH_RESIDUAL, found, page_text

STOP = {"consultation.decision": {"outcome": "stop", "rationale": "Too risky"}}
FILED = {
    "consultation.prior_consultation": {
        "planned": True,
        "filed_on": dt.date(2026, 11, 2),
        "filed_by": "Privacy officer",
        "deadline": dt.date(2026, 12, 28),
        "outcome": "pending",
    }
}


def test_art36_required_only_when_proceeding() -> None:
    assert art36(questionnaire(**HIGH_RESIDUAL)).state is Art36.required
    assert art36(questionnaire(**HIGH_RESIDUAL, **STOP)).state is Art36.moot
    assert art36(questionnaire()).state is Art36.not_needed


def test_a_decision_not_to_proceed_turns_the_error_into_a_notice() -> None:
    stop = found(**HIGH_RESIDUAL, **STOP)
    assert "prior-consultation-needed" not in stop and "decision-conflict" not in stop
    assert stop["prior-consultation-if-proceeding"].severity.value == "warning"
    assert "prior-consultation-if-proceeding" not in found(**HIGH_RESIDUAL)


def test_proceeding_without_filing_is_a_decision_conflict() -> None:
    go = found(**HIGH_RESIDUAL)
    assert {"prior-consultation-needed", "decision-conflict"} <= set(go)
    filed = found(**HIGH_RESIDUAL, **FILED)
    assert not {"prior-consultation-needed", "decision-conflict"} & set(filed)


def test_proceeding_with_a_prohibited_practice_or_errors_is_a_conflict() -> None:
    prohibited = {
        "ai": {"risk_tier": "prohibited", "prohibited_practices": ["emotion_recognition_edu"]}
    }
    messages = [f.text() for f in _all(**prohibited) if f.code == "decision-conflict"]
    assert any("prohibited AI practice" in m for m in messages)
    assert any("errors remain" in m or "error remains" in m for m in messages)
    assert "decision-conflict" not in found(**prohibited, **STOP)
    assert "decision-conflict" not in found()


def _all(**changes: object) -> list:  # type: ignore[type-arg]
    from dpia.rules.findings import findings

    return findings(questionnaire(**changes))


@pytest.mark.parametrize(
    ("lang", "title", "notice"),
    [
        (
            "en",
            "The decision conflicts with this assessment",
            "Not needed while the decision is not to proceed",
        ),
        (
            "nl",
            "Het besluit botst met deze beoordeling",
            "Niet nodig zolang het besluit is om niet door te gaan",
        ),
    ],
)
def test_summary_shows_conflicts_and_art36(
    tmp_path: Path, lang: str, title: str, notice: str
) -> None:
    go = page_text(tmp_path, "dpia", lang, **HIGH_RESIDUAL)
    summary = go.split("Contents" if lang == "en" else "Inhoud")[0]
    assert title in summary
    stop = page_text(tmp_path, "dpia", lang, **HIGH_RESIDUAL, **STOP)
    assert title not in stop and notice in stop
    assert title not in page_text(tmp_path, "dpia", lang)


def test_consultation_record_is_rendered(tmp_path: Path) -> None:
    en = page_text(tmp_path, "dpia", "en", **HIGH_RESIDUAL, **FILED)
    assert "Record of the consultation" in en and "Privacy officer" in en
    assert "awaiting the authority's advice" in en


def test_advice_due_eight_weeks_after_filing_when_no_deadline_is_recorded(
    tmp_path: Path,
) -> None:
    no_deadline = {**FILED, "consultation.prior_consultation.deadline": None}
    en = page_text(tmp_path, "dpia", "en", **HIGH_RESIDUAL, **no_deadline)
    assert "28 December 2026 (eight weeks after filing, Art. 36(2))" in en
