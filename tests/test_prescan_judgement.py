"""The pre-scan judged as a supervisor would: unanswered score rows are not zeros, a transfer
impact assessment is required where the DPIA's rule asks for one, a prohibited AI practice is
named, the FRIA follows the AI Act's dates, and the next steps depend on what is done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dpia.context.assessment import assess_file
from dpia.produce import prepare
from dpia.rules.findings import findings
from dpia.rules.follow_up import Need, follow_up
from dpia.rules.prescan_score import risk_score
from tests.factory import questionnaire
from tests.judged import page_text, text_of

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The pre-scans of the two samples as text, per sample and language (HTML, no PDF)."""
    out = {}
    for name, file in (
        ("voc", "vocational-exam-proctoring"),
        ("prim", "primary-learning-analytics"),
    ):
        a = assess_file(SAMPLES / f"{file}.yaml")
        for lang in ("en", "nl"):
            out[f"{name}.{lang}"] = text_of(prepare(a, "screening", lang, "html").html)
    return out


def test_unanswered_score_rows_are_not_zeros(pages: dict[str, str]) -> None:
    nl, en = pages["prim.nl"], pages["prim.en"]
    # Frequency, retention and digital service are unanswered in the primary sample.
    assert "Risicoscore van de pre-scan van het Rijksmodel: ten minste 3" in nl
    assert "Verwerking minstens maandelijks niet beantwoord" in nl
    assert "Verwerking minstens maandelijks 0" not in nl
    assert "Risk score of the Rijksmodel pre-scan: at least 3" in en
    assert "Processing at least monthly not answered" in en
    # Answered and nothing to count still shows 0.
    assert "Gebruik van een basisregistratie 0" in nl


def test_a_complete_score_is_exact_and_a_low_lower_bound_makes_the_verdict_provisional(
    tmp_path: Path,
) -> None:
    answered = {
        "screening.frequency": "monthly",
        "screening.retention_class": "year",
        "screening.digital_service": "none",
        "description.locations.0": {"id": "L1", "country": "NL"},
        "description.data_subjects.0.approximate_number": 300,
    }
    assert risk_score(questionnaire(**answered)).unanswered == ()
    quiet = {"screening.edpb.vulnerable_data_subjects": {"applies": False, "reason": "No"}}
    open_rows = page_text(tmp_path, "screening", "en", **quiet)
    assert "DPIA not required" in open_rows
    assert "This outcome is provisional" in open_rows
    settled = page_text(tmp_path, "screening", "en", **quiet, **answered)
    assert "This outcome is provisional" not in settled
    assert "at least" not in settled.split("Risk score")[1][:80]


def test_voc_transfer_assessment_is_required_as_the_dpia_rule_says(pages: dict[str, str]) -> None:
    a = assess_file(SAMPLES / "vocational-exam-proctoring.yaml")
    assert {f.finding.code for f in a.findings} >= {"transfer-without-tia"}
    assert "Transfer impact assessment (data outside the EEA) Required " in pages["voc.en"]
    assert "Doorgiftetoets (DTIA, gegevens buiten de EER) Verplicht " in pages["voc.nl"]
    assert "Advised" not in pages["voc.en"].split("Transfer impact assessment (data")[1][:40]


@pytest.mark.parametrize(
    ("location", "need", "finding"),
    [
        ({"country": "US", "mechanism": "scc"}, Need.required, True),
        ({"country": "IN", "mechanism": "bcr"}, Need.required, True),
        ({"country": "US", "mechanism": "eu_us_dpf"}, Need.not_needed, False),
        ({"country": "JP", "mechanism": "scc"}, Need.not_needed, False),  # adequacy
        ({"country": "US", "mechanism": "scc", "tia_done": True}, Need.required, False),
    ],
)
def test_tia_advice_and_the_dpia_rule_are_one_test(
    location: dict[str, Any], need: Need, finding: bool
) -> None:
    q = questionnaire(**{"description.locations.0": {"id": "L1", **location}})
    [tia] = [a for a in follow_up(q).advice if a.key == "tia"]
    assert tia.need is need
    assert tia.done is bool(location.get("tia_done"))
    assert ("transfer-without-tia" in {f.code for f in findings(q)}) is finding


def test_voc_names_the_prohibited_practice_and_stops_it_first(pages: dict[str, str]) -> None:
    en, nl = pages["voc.en"], pages["voc.nl"]
    assert "Prohibited AI practice in scope emotion recognition in education" in en
    assert "prohibited by AI Act Art. 5 since 2 February 2025" in en
    assert "verboden door art. 5 AI-verordening sinds 2 februari 2025" in nl
    steps = en.split("Next steps")[1]
    assert steps.strip().startswith("Switch off or remove the prohibited AI practice")


def test_voc_fria_follows_the_ai_act_dates_as_the_dpia_does(pages: dict[str, str]) -> None:
    # Planned start 16 Nov 2026, Art. 27 applies from 2 Dec 2027 (dpia/data/ai_act.py): the
    # DPIA's fria-missing is a warning, and the pre-scan says required from that date.
    a = assess_file(SAMPLES / "vocational-exam-proctoring.yaml")
    [fria] = [f for f in a.findings if f.finding.code == "fria-missing"]
    assert fria.where.severity.value == "warning"
    assert (
        "Required from 2 December 2027 (after the planned start); advised before then"
        in (pages["voc.en"])
    )
    assert "Verplicht vanaf 2 december 2027" in pages["voc.nl"]
    late = questionnaire(
        **{
            "meta.planned_start": dt.date(2028, 1, 5),
            "ai": {"risk_tier": "high_risk", "annex_iii_uses": ["edu_proctoring"]},
        }
    )
    [advice] = [x for x in follow_up(late).advice if x.key == "fria"]
    assert advice.need is Need.required
    [f] = [f for f in findings(late) if f.code == "fria-missing"]
    assert f.severity.value == "error"


def test_a_final_dpia_is_reviewed_not_carried_out(pages: dict[str, str]) -> None:
    en, nl = pages["prim.en"].split("Next steps")[1], pages["prim.nl"].split("Volgende stappen")[1]
    assert "The DPIA is final. Review it by 26 October 2027" in en
    assert "Carry out a full DPIA" not in en and "Complete the equality impact assessment" not in en
    assert "Ask the data protection officer" not in en  # the DPIA records the DPO's advice
    assert "De DPIA is definitief. Herbeoordeel hem uiterlijk 26 oktober 2027" in nl
    assert "Voer een volledige DPIA uit" not in nl and "gelijkebehandelingstoets" not in nl
    assert "Gelijkebehandelingstoets Aangeraden; uitgevoerd" in pages["prim.nl"]


def test_a_draft_dpia_is_completed_and_open_assessments_follow(pages: dict[str, str]) -> None:
    steps = pages["voc.en"].split("Next steps")[1]
    assert "Complete the DPIA (now version 0.4, a draft)" in steps
    assert "Carry out a transfer impact assessment" in steps
    assert "Carry out a fundamental-rights impact assessment" in steps
    assert "Complete the equality impact assessment" not in steps  # its conclusion is recorded


def test_a_bare_screening_asks_for_the_dpia_and_the_dpo(tmp_path: Path) -> None:
    bare = {
        "risks": [],
        "measures": [],
        "consultation": {},
        "meta.status": "draft",
        "screening.edpb.evaluation_scoring": {"applies": True, "reason": "Scores"},
    }
    steps = page_text(tmp_path, "screening", "nl", **bare).split("Volgende stappen")[1]
    assert "Voer een volledige DPIA uit" in steps
    assert "Vraag de functionaris gegevensbescherming om advies" in steps
