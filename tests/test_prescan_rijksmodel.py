"""The pre-scan against the Rijksmodel's own decision logic (MinBZK par-dpia-form,
sources/prescan.yaml 2.0): every branch of its verdict, the risk score and its threshold, the
DTIA advice, and the JSON of `dpia screen`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.model import Questionnaire
from dpia.model.enums import Verdict
from dpia.produce import prepare
from dpia.rules.findings import findings
from dpia.rules.prescan_score import risk_score, transfer_advice
from dpia.rules.screening import screen_questionnaire
from tests.factory import data
from tests.test_companions import html, write

NO = {"applies": False, "reason": "No"}
YES = {"applies": True, "reason": "Yes"}


def quiet(**changes: Any) -> dict[str, Any]:
    """The factory's questionnaire with no EDPB criterion applying, then `changes`."""
    return data(**{"screening.edpb.vulnerable_data_subjects": NO, **changes})


def q(**changes: Any) -> Questionnaire:
    return Questionnaire.model_validate(quiet(**changes))


HEAVY = {
    # Special (1) and sensitive (1) data; children under 16 (3) and staff (1): 2; 12,000: 1.
    "description.personal_data": [
        {"id": "D1", "name": "Health", "kind": "special", "special_category": "health_data"},
        {"id": "D2", "name": "Notes", "kind": "sensitive"},
    ],
    "description.data_subjects": [
        {"id": "S1", "category": "Pupils", "minors": True, "approximate_number": 11000},
        {"id": "S2", "category": "Staff", "staff": True, "approximate_number": 1000},
    ],
}


def test_nothing_applies_no_dpia_is_required() -> None:
    result = screen_questionnaire(q())
    assert result.verdict is Verdict.not_required and result.reasons == ()


def test_exactly_one_edpb_criterion_recommends_a_dpia() -> None:
    result = screen_questionnaire(q(**{"screening.edpb.large_scale": YES}))
    assert result.verdict is Verdict.recommended and result.reasons == ("edpb_one",)


def test_two_edpb_criteria_require_a_dpia() -> None:
    two = {"screening.edpb.large_scale": YES, "screening.edpb.innovative_technology": YES}
    result = screen_questionnaire(q(**two))
    assert result.verdict is Verdict.required and result.reasons == ("edpb_two",)


def test_one_ap_list_category_requires_a_dpia() -> None:
    result = screen_questionnaire(q(**{"screening.ap_list.profiling": YES}))
    assert result.verdict is Verdict.required and result.reasons == ("ap_list",)


def test_new_legislation_requires_a_dpia_by_itself() -> None:
    result = screen_questionnaire(q(**{"screening.new_legislation": YES}))
    assert result.verdict is Verdict.required and result.reasons == ("new_legislation",)
    assert screen_questionnaire(q(**{"screening.new_legislation": NO})).verdict is (
        Verdict.not_required
    )


def test_a_risk_score_above_four_requires_a_dpia() -> None:
    heavy = q(**HEAVY)
    score = risk_score(heavy)
    assert score.parts["bijzonder_persoonsgegeven"] == 1
    assert score.parts["gevoelig_persoonsgegeven"] == 1
    assert score.parts["betrokkenen"] == 2 and score.parts["aantal_betrokkenen"] == 1
    assert score.total == 5
    result = screen_questionnaire(heavy)
    assert result.verdict is Verdict.required and result.reasons == ("risk_score",)


def test_a_score_of_exactly_four_is_not_above_the_threshold() -> None:
    # Special 1, sensitive 1, children under 16 only 1, monthly or more 1.
    four = q(
        **{
            **HEAVY,
            "description.data_subjects": [
                {"id": "S1", "category": "Pupils", "minors": True, "approximate_number": 900}
            ],
            "screening.frequency": "continuous",
        }
    )
    assert risk_score(four).total == 4
    assert screen_questionnaire(four).verdict is Verdict.not_required
    assert screen_questionnaire(q(**{**HEAVY, "screening.frequency": "continuous"})).reasons == (
        "risk_score",
    )


def test_score_parts_follow_the_rijksmodel_weights() -> None:
    base = risk_score(q()).parts
    assert base["betrokkenen"] == 1  # children under 16 weigh 3: one band up
    parts = risk_score(
        q(
            **{
                "screening.frequency": "monthly",
                "screening.retention_class": "years",
                "screening.base_registers": ["bag"],  # weighs 0 in the pre-scan
                "screening.digital_service": "for_minors",
            }
        )
    ).parts
    assert parts["frequentie_verwerking"] == 1 and parts["bewaartermijn"] == 1
    assert parts["basisregistratie"] == 0 and parts["digitaledienst_minderjarig"] == 2
    assert risk_score(q(**{"screening.base_registers": ["brp"]})).parts["basisregistratie"] == 1
    yearly = q(**{"screening.frequency": "yearly", "screening.retention_class": "under_month"})
    assert risk_score(yearly).parts["frequentie_verwerking"] == 0
    assert risk_score(yearly).parts["bewaartermijn"] == 0
    minors = q(**{"screening.digital_service": "minors_not_excluded"})
    assert risk_score(minors).parts["digitaledienst_minderjarig"] == 1


def test_a_transfer_scores_one_and_two_with_special_categories() -> None:
    abroad = {"description.locations.1": {"id": "L2", "country": "US", "mechanism": "scc"}}
    assert risk_score(q(**abroad)).parts["internationale_doorgifte"] == 1
    special = {
        **abroad,
        "description.personal_data.1": {
            "id": "D2",
            "name": "Health",
            "kind": "special",
            "special_category": "health_data",
        },
    }
    assert risk_score(q(**special)).parts["internationale_doorgifte"] == 2
    assert risk_score(q()).parts["internationale_doorgifte"] == 0


def test_the_score_counts_only_for_a_dutch_controller() -> None:
    belgian = q(**{**HEAVY, "meta.organisation.country": "BE"})
    result = screen_questionnaire(belgian)
    assert result.score is None and result.verdict is Verdict.not_required


def test_dtia_advice_beside_the_rijksmodels() -> None:
    def advice(mechanism: str) -> tuple[bool | None, bool | None, list[str]]:
        loc = {"id": "L2", "country": "IN", "mechanism": mechanism}
        a = transfer_advice(q(**{"description.locations.1": loc}))
        return a.rijksmodel, a.advised, [m.value for m in a.beyond_rijksmodel]

    assert advice("scc") == (True, True, [])
    assert advice("other") == (True, True, [])
    assert advice("bcr") == (False, True, ["bcr"])  # EDPB 01/2020: this project only
    assert advice("art49_derogation") == (False, False, [])
    assert transfer_advice(q()).rijksmodel is False


def test_screen_json_gives_score_verdict_reasons_and_transfer_advice(tmp_path: Path) -> None:
    loc = {"id": "L2", "country": "IN", "mechanism": "bcr"}
    path = write(tmp_path, quiet(**{**HEAVY, "description.locations.1": loc}))
    r = CliRunner().invoke(cli, ["screen", str(path), "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["verdict"] == "required"
    assert [x["code"] for x in out["reasons"]] == ["risk_score"]
    assert out["score"]["threshold"] == 4 and out["score"]["total"] == 7  # + transfer of D1
    assert out["transfer_assessment"] == {
        "advised": True,
        "rijksmodel": False,
        "beyond_rijksmodel": ["bcr"],
    }
    text = CliRunner().invoke(cli, ["screen", str(path)]).output
    assert "the sum of the risk scores is greater than 4" in text
    assert "Risk score (Rijksmodel pre-scan): 7; a DPIA is required above 4" in text


def test_the_prescan_document_shows_the_score_and_the_extra_dtia_advice(tmp_path: Path) -> None:
    loc = {"id": "L2", "country": "IN", "mechanism": "bcr"}
    path = write(tmp_path, quiet(**{**HEAVY, "description.locations.1": loc}))
    nl, en = html(path, "screening", "nl"), html(path, "screening", "en")
    # Frequency, retention and the digital service are not answered: the total is a lower bound.
    assert "Risk score of the Rijksmodel pre-scan: at least 7" in en
    assert "EDPB Recommendations 01/2020" in en and "binding corporate rules (BCR" in en
    assert "Risicoscore van de pre-scan van het Rijksmodel: ten minste 7" in nl
    assert "EDPB-aanbevelingen 01/2020" in nl


def test_no_dpia_needed_against_the_description_is_one_finding() -> None:
    # Below the score's threshold, every criterion answered no: the description disagrees.
    subjects = [{"id": "S1", "category": "Adults", "approximate_number": 12000}]
    data_ = [{"id": "D1", "name": "Health", "kind": "special", "special_category": "health_data"}]
    quiet_q = q(**{"description.data_subjects": subjects, "description.personal_data": data_})
    assert screen_questionnaire(quiet_q).verdict is Verdict.not_required
    found = [f for f in findings(quiet_q) if f.code == "screening-contradicted"]
    assert len(found) == 1
    assert found[0].text() == (
        "the screening finds no DPIA needed, but the description shows special categories of "
        "personal data, 10,000 or more data subjects: check the EDPB criteria"
    )
    marked = q(
        **{
            "description.data_subjects": subjects,
            "description.personal_data": data_,
            "screening.edpb.sensitive_highly_personal_data": YES,
        }
    )
    assert [f for f in findings(marked) if f.code == "screening-contradicted"] == []


def test_the_proctoring_sample_scores_above_the_threshold() -> None:
    root = Path(__file__).resolve().parent.parent
    page = prepare(
        assess_file(root / "samples" / "vocational-exam-proctoring.yaml"), "screening", "nl"
    )
    # The number of bystanders is not given: 9 is a lower bound.
    assert "Risicoscore van de pre-scan van het Rijksmodel: ten minste 9" in page.html
