"""The controller's country: authority, age of consent, national list and adequacy."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from dpia.data.jurisdictions import ADEQUACY, AS_OF, EEA, JURISDICTIONS
from dpia.model import validate_file
from dpia.rules.findings import findings
from tests.factory import data, questionnaire
from tests.judged import found, page_text

UK_COUNCIL = {
    "meta.organisation.country": "GB",
    "description.locations": [{"id": "L1", "country": "GB"}, {"id": "L2", "country": "IE"}],
    "description.parties": [
        {"id": "SCHOOL", "name": "Council", "role": "controller", "country": "GB"},
        {"id": "V", "name": "Vendor", "role": "processor", "country": "GB", "agreement": True},
    ],
}


def test_every_row_is_dated_and_sourced() -> None:
    assert all(j.source and 13 <= j.consent_age <= 16 for j in JURISDICTIONS.values())
    assert AS_OF.year >= 2026 and "GB" in ADEQUACY and "GB" not in EEA


def test_uk_is_refused_with_a_located_did_you_mean_gb(tmp_path: Path) -> None:
    path = tmp_path / "uk.yaml"
    YAML(typ="safe", pure=True).dump(data(**{"meta.organisation.country": "UK"}), path)
    v = validate_file(path)
    assert [(p.field, p.text()) for p in v.problems] == [
        (
            "meta.organisation.country",
            "'UK' is not an ISO 3166-1 alpha-2 code (did you mean 'GB'?)",
        )
    ]
    assert v.problems[0].pos.line > 1
    YAML(typ="safe", pure=True).dump(data(**{"meta.organisation.country": "GB"}), path)
    assert validate_file(path).ok


def test_country_defaults_to_nl() -> None:
    assert questionnaire().meta.organisation.country == "NL"


def test_transfer_to_an_adequate_country_needs_no_mechanism() -> None:
    nl_to_gb = {"description.locations": [{"id": "L1", "country": "GB"}]}
    assert "transfer-without-mechanism" not in found(**nl_to_gb)
    nl_to_in = {"description.locations": [{"id": "L1", "country": "IN"}]}
    assert "transfer-without-mechanism" in found(**nl_to_in)


def test_us_is_adequate_only_under_the_dpf() -> None:
    us = {"description.locations": [{"id": "L1", "country": "US"}]}
    assert "transfer-without-mechanism" in found(**us)
    dpf = {"description.locations": [{"id": "L1", "country": "US", "mechanism": "eu_us_dpf"}]}
    assert "transfer-without-mechanism" not in found(**dpf)


def test_adequacy_claimed_where_none_exists() -> None:
    claimed = {"description.locations": [{"id": "L1", "country": "IN", "mechanism": "adequacy"}]}
    assert "adequacy-not-in-force" in found(**claimed)
    real = {"description.locations": [{"id": "L1", "country": "JP", "mechanism": "adequacy"}]}
    assert "adequacy-not-in-force" not in found(**real)


def test_uk_council_no_transfer_findings() -> None:
    assert not {"transfer-without-mechanism", "adequacy-not-in-force"} & set(found(**UK_COUNCIL))


def test_unencoded_country_is_a_finding() -> None:
    assert "jurisdiction-not-encoded" in found(**{"meta.organisation.country": "CH"})
    assert "jurisdiction-not-encoded" not in found(**{"meta.organisation.country": "BE"})


def test_ap_list_counts_for_nl_only() -> None:
    ap = {"screening.ap_list.profiling": {"applies": True, "reason": "x"}}
    edpb_none = {
        f"screening.edpb.{c}": {"applies": False, "reason": "x"}
        for c in ["vulnerable_data_subjects"]
    }
    from dpia.rules.screening import screen_questionnaire

    nl = screen_questionnaire(questionnaire(**ap, **edpb_none))
    be = screen_questionnaire(
        questionnaire(**ap, **edpb_none, **{"meta.organisation.country": "BE"})
    )
    assert nl.verdict.value == "required" and nl.national_list == "AP"
    assert be.verdict.value == "not_required" and be.national_list is None and not be.ap_list


def test_prior_consultation_names_the_authority() -> None:
    high = {
        "risks.0.residual_likelihood": "maximum",
        "risks.0.residual_severity": "maximum",
        "meta.organisation.country": "GB",
    }
    messages = [
        f.text() for f in findings(questionnaire(**high)) if f.code == "prior-consultation-needed"
    ]
    assert messages and "Information Commissioner's Office" in messages[0]


def test_uk_council_addendum_and_checklist(tmp_path: Path) -> None:
    addendum = page_text(tmp_path, "privacy-addendum", "en", **UK_COUNCIL)
    assert "Information Commissioner's Office (ICO)" in addendum
    assert "ico.org.uk/make-a-complaint" in addendum
    assert "Autoriteit Persoonsgegevens" not in addendum
    nl = page_text(tmp_path, "privacy-addendum", "nl", **UK_COUNCIL)
    assert "Information Commissioner's Office (ICO)" in nl and "Autoriteit" not in nl


def test_dutch_school_still_sends_complaints_to_the_ap(tmp_path: Path) -> None:
    text = page_text(tmp_path, "privacy-addendum", "nl")
    assert "Autoriteit Persoonsgegevens" in text and "autoriteitpersoonsgegevens.nl" in text


def test_child_age_in_addendum_follows_the_country(tmp_path: Path) -> None:
    be = page_text(tmp_path, "privacy-addendum", "en", **{"meta.organisation.country": "BE"})
    assert "under 13?" in be and "under 16?" not in be
    assert "under 16?" in page_text(tmp_path, "privacy-addendum", "en")


def test_checklist_treats_an_adequate_country_as_needing_no_sccs(tmp_path: Path) -> None:
    changes = {
        "description.locations": [{"id": "L1", "country": "GB"}],
        "description.parties.1": {
            "id": "V",
            "name": "Vendor",
            "role": "processor",
            "country": "GB",
            "agreement": True,
        },
        "processor_agreement.processor": "V",
        "processor_agreement.clauses.transfers": {"status": "not_applicable"},
    }
    text = page_text(tmp_path, "processor-checklist", "en", **changes)
    assert "adequacy decision (Decision (EU) 2021/1772" in text
    assert "yet data go outside the EEA" not in text
    moved = {**changes, "description.locations": [{"id": "L1", "country": "IN"}]}
    assert "yet data go outside the EEA" in page_text(
        tmp_path, "processor-checklist", "en", **moved
    )


def test_dpia_summary_shows_the_jurisdiction(tmp_path: Path) -> None:
    en = page_text(tmp_path, "dpia", "en", **{"meta.organisation.country": "BE"})
    assert "Gegevensbeschermingsautoriteit" in en and "Age of digital consent: 13" in en
    assert "none encoded; screened on the EDPB criteria only" in en
    nl = page_text(tmp_path, "dpia", "nl")
    assert "Autoriteit Persoonsgegevens" in nl and "16" in nl


def test_prescan_leaves_out_the_ap_list_outside_nl(tmp_path: Path) -> None:
    be = page_text(tmp_path, "screening", "en", **{"meta.organisation.country": "BE"})
    assert "AP-list categories that apply" not in be
    assert "No national DPIA list is encoded for this country" in be
    nl = page_text(tmp_path, "screening", "nl")
    assert "Categorieën van de AP-lijst" in nl
