"""AI Act duties by date of application, the derived tier, and no AI chapter without AI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dpia.data.ai_act import DUTIES, Duty
from dpia.model.enums import RiskTier
from dpia.rules.ai_act import derived_tier, duties_by_date
from tests.factory import questionnaire
from tests.judged import found, page_text

CHATBOT = {
    "description.ai_system": {
        "name": "Chatty",
        "vendor": "Vendor",
        "service": "private",
        "inputs_train_model": False,
    },
    "ai": {
        "risk_tier": "transparency",
        "general_purpose": True,
        "human_oversight": "Teachers",
        "transparency": "A banner",
        "literacy": "A course",
    },
}
HIGH = {
    **CHATBOT,
    "ai": {"risk_tier": "high_risk", "annex_iii_uses": ["edu_evaluate_learning_outcomes"]},
}


def test_one_table_holds_every_date() -> None:
    assert DUTIES[Duty.prohibitions].applies_from == dt.date(2025, 2, 2)
    assert DUTIES[Duty.transparency].applies_from == dt.date(2026, 8, 2)
    assert DUTIES[Duty.fria].applies_from == dt.date(2027, 12, 2)
    assert DUTIES[Duty.fria].original == dt.date(2026, 8, 2)


def test_fria_is_an_error_only_once_it_applies_by_the_planned_start() -> None:
    before = found(**HIGH, **{"meta.planned_start": dt.date(2027, 9, 1)})["fria-missing"]
    assert before.severity.value == "warning" and "2027-12-02" in before.text()
    after = found(**HIGH, **{"meta.planned_start": dt.date(2028, 1, 10)})["fria-missing"]
    assert after.severity.value == "error"
    assert "fria-missing" not in found(**CHATBOT)


@pytest.mark.parametrize("field", ["transparency", "literacy"])
def test_transparency_and_literacy_by_date(field: str) -> None:
    gone = {**CHATBOT, f"ai.{field}": None}
    early = found(**gone, **{"meta.planned_start": dt.date(2025, 1, 6)}).get(f"ai-{field}-missing")
    late = found(**gone, **{"meta.planned_start": dt.date(2026, 9, 1)})[f"ai-{field}-missing"]
    assert late.severity.value == "error"
    if field == "transparency":  # applies from 2 Aug 2026
        assert early is not None and early.severity.value == "warning"
    assert f"ai-{field}-missing" not in found(**CHATBOT)


def test_tier_is_derived_and_a_contradiction_is_a_finding() -> None:
    q = questionnaire(**HIGH)
    assert q.ai is not None and derived_tier(q.ai) is RiskTier.high_risk
    typed_minimal = {**HIGH, "ai.risk_tier": "minimal"}
    assert "ai-tier-contradiction" in found(**typed_minimal)
    assert "ai-tier-contradiction" not in found(**HIGH)
    assert "ai-tier-contradiction" not in found(**CHATBOT)
    assert "ai-tier-contradiction" in found(**{**CHATBOT, "ai.general_purpose": False})


def test_duties_by_date_compare_with_the_planned_start() -> None:
    q = questionnaire(**HIGH, **{"meta.planned_start": dt.date(2027, 1, 1)})
    by = {s.application.duty: s.by_start for s in duties_by_date(q)}
    assert by[Duty.prohibitions] and by[Duty.transparency] and not by[Duty.fria]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_ai_system_drops_the_ai_chapter_and_the_addendum_block(
    tmp_path: Path, lang: str
) -> None:
    heading = {"en": "AI and the AI Act", "nl": "AI en de AI-verordening"}[lang]
    block = {"en": "We use an AI system", "nl": "Wij gebruiken een AI-systeem"}[lang]
    assert heading not in page_text(tmp_path, "dpia", lang)
    assert block not in page_text(tmp_path, "privacy-addendum", lang)
    with_ai = page_text(tmp_path, "dpia", lang, **CHATBOT)
    assert heading in with_ai and block in page_text(tmp_path, "privacy-addendum", lang, **CHATBOT)
    out = {**CHATBOT, "ai.risk_tier": "out_of_scope", "ai.general_purpose": False}
    assert heading not in page_text(tmp_path, "dpia", lang, **out)


def test_ai_chapter_lists_the_duties_with_their_dates(tmp_path: Path) -> None:
    en = page_text(tmp_path, "dpia", "en", **HIGH, **{"meta.planned_start": dt.date(2027, 1, 1)})
    assert "AI Act duties by date of application" in en
    assert "fundamental-rights impact assessment (Art. 27)" in en and "originally" in en
    assert "The answers point to" not in en


def test_office_assistant_sample_does_not_proceed() -> None:
    from dpia.context.assessment import assess_file
    from dpia.produce import prepare
    from tests.golden import ROOT

    a = assess_file(ROOT / "samples" / "ai-office-assistant-not-proceeding.yaml")
    codes = {f.finding.code for f in a.findings}
    assert "prior-consultation-if-proceeding" in codes
    assert not {"prior-consultation-needed", "decision-conflict"} & codes
    ctx = prepare(a, "dpia", "nl").context
    assert ctx.art36.state.value == "moot" and not ctx.conflicts  # type: ignore[attr-defined]
