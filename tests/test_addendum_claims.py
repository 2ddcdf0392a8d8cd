"""Every claim of the privacy addendum follows from the answers, or is left out: the weighing of
legitimate interests, a processor's own use of the data, a basis an open error puts in doubt,
the Art. 9(2) ground of each special category, the children's part (only for the
organisation's own learners below its country's age of digital consent), the AI Act provision,
and the language the public texts are written in. The equality assessment is named after the
processing and summarises in the leading frame's grounds."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path
from typing import Any

import docx
import pytest
from ruamel.yaml import YAML

from dpia.context.assessment import assess_file
from dpia.context.equality import EqualityContext
from dpia.produce import make_document, prepare
from dpia.rules.findings import findings
from tests.factory import data, questionnaire
from tests.test_privacy_addendum import document, sections

PRIVATE = {"meta.organisation.public_body": False}
INTERESTS = {
    **PRIVATE,
    "lawfulness.lawful_bases.0": {"purpose": "P1", "basis": "legitimate_interests"},
    "public.interests": "Homework help keeps lessons going.",
}
BALANCED = {"lawfulness.lawful_bases.0.balancing": "Weighed against pupils' privacy."}


@pytest.mark.parametrize(("lang", "weighed"), [("en", "weighed"), ("nl", "afgewogen")])
def test_the_weighing_is_claimed_only_where_it_is_recorded(lang: str, weighed: str) -> None:
    page, context = document(lang, **INTERESTS)
    assert context.legitimate_interests and not context.interests_weighed
    assert weighed not in sections(page)["purposes"] and weighed not in sections(page)["interests"]
    page, context = document(lang, **INTERESTS, **BALANCED)
    assert context.interests_weighed
    assert weighed in sections(page)["purposes"] and weighed in sections(page)["interests"]
    assert "Weighed against pupils' privacy." not in page  # the balancing itself is internal


def test_legitimate_interests_of_a_public_body_are_not_yet_decided() -> None:
    public = {**INTERESTS, "meta.organisation.public_body": True, **BALANCED}
    page, context = document("en", **public)
    assert context.purposes[0].unsettled and context.record[0].unsettled
    s = sections(page)
    assert "Lawful basis: not yet decided. We are still checking whether" in s["purposes"]
    assert "weighed" not in s["purposes"]  # a doubtful basis is not explained as settled
    assert "legitimate interests (Art. 6(1)(f)): not yet decided (purpose 1)" in s["record"]
    nl = sections(document("nl", **public)[0])
    assert "Rechtsgrond: nog niet besloten." in nl["purposes"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_vendor_training_its_models_is_named(lang: str) -> None:
    system = {
        "name": "Tutor",
        "vendor": "Acme AI",
        "service": "private",
        "inputs_train_model": True,
    }
    vendor = {
        "description.ai_system": system,
        "description.parties.1": {
            "id": "ACME",
            "name": "Acme AI",
            "role": "processor",
            "country": "NL",
            "agreement": True,
        },
    }
    s = sections(document(lang, **vendor)[0])["recipients"]
    own = {"en": "Acme AI also uses your data for a purpose of its own", "nl": "gebruikt Acme AI"}
    assert own[lang] in s
    system["inputs_train_model"] = False
    assert "Acme AI also" not in sections(document(lang, **vendor)[0])["recipients"]


SPECIAL = {
    **PRIVATE,
    "description.personal_data.1": {
        "id": "D2",
        "name": "Face template",
        "kind": "special",
        "special_category": "biometric_unique_id",
    },
    "description.personal_data.2": {
        "id": "D3",
        "name": "Accommodations",
        "kind": "special",
        "special_category": "health_data",
    },
    "lawfulness.special_categories": [
        {
            "id": "S1",
            "category": "biometric_unique_id",
            "exception": "a_explicit_consent",
            "biometric_need": "authentication",
        },
        {
            "id": "S2",
            "category": "health_data",
            "exception": "g_substantial_public_interest",
            "legal_provision": "UAVG art. 30",
        },
    ],
}


def test_each_special_category_has_its_art_9_ground_and_consent_can_be_withdrawn() -> None:
    page, context = document("en", **SPECIAL)
    s = sections(page)
    assert "biometric data for unique identification (Article 9 GDPR): 9(2)(a)" in s["record"]
    assert "health data (Article 9 GDPR): 9(2)(g)" in s["record"]
    assert "UAVG art. 30" in s["record"]
    assert "we ask for your explicit permission" in s["data"]
    # Explicit consent may be withdrawn though no Art. 6 basis is consent.
    assert context.consent and "Right to withdraw consent" in s["rights"]
    assert "Withdrawing consent: Article 7(3) GDPR." in s["record"]
    nl = sections(document("nl", **SPECIAL)[0])
    assert "(artikel 9 AVG)" in nl["record"] and "uitdrukkelijke toestemming" in nl["data"]


@pytest.mark.parametrize(
    ("country", "ages", "learners", "expected"),
    [
        ("NL", (12, 18), None, True),  # pupils at a school: learners by default, under 16
        ("NL", (16, 18), None, False),  # at or above the Dutch age of 16
        ("BE", (14, 17), None, False),  # above the Belgian age of 13 (jurisdiction table)
        ("BE", (12, 17), None, True),
        ("NL", (12, 18), False, False),  # children who are not our learners: no children's part
    ],
)
def test_the_childrens_part_is_for_our_own_learners_under_the_countrys_age(
    country: str, ages: tuple[int, int], learners: bool | None, expected: bool
) -> None:
    subject: dict[str, Any] = {
        "id": "S1",
        "category": "Pupils",
        "minors": True,
        "age_range": {"min": ages[0], "max": ages[1]},
    }
    if learners is not None:
        subject["learners"] = learners
    changes = {"meta.organisation.country": country, "description.data_subjects.0": subject}
    page, context = document("en", **changes)
    assert context.for_children is expected and ("For children" in page) is expected
    codes = {f.code for f in findings(questionnaire(**changes)) if f.loc[-1] == "for_children"}
    assert bool(codes) is False  # the factory has the children's text either way


def test_bystanders_get_one_line_at_a_college() -> None:
    college = {
        "meta.organisation.sector": "vocational",
        "description.data_subjects.0": {"id": "S1", "category": "Students", "learners": True},
        "description.data_subjects.1": {"id": "S2", "category": "Siblings", "minors": True},
    }
    page, context = document("en", **college)
    assert not context.for_children and context.bystander_children
    assert "For children" not in page and "your teacher or your parents" not in page
    assert "children who are not our students" in sections(page)["data"]
    nl = " ".join(document("nl", **college)[0].split())
    assert "kinderen die geen student bij ons zijn" in nl and "Voor kinderen" not in nl


@pytest.mark.parametrize(
    ("tier", "practices", "wanted", "unwanted"),
    [
        ("minimal", [], "we give it voluntarily", "Article 50"),
        ("transparency", [], "Transparency about AI systems: Article 50 of the AI Act.", "26(11)"),
        ("high_risk", [], "Article 26(11) of the AI Act", "Article 50"),
        ("high_risk", ["emotion_recognition_edu"], "Article 50(3) of the AI Act", "Article 50 "),
    ],
)
def test_the_ai_act_reference_follows_the_risk_tier(
    tier: str, practices: list[str], wanted: str, unwanted: str
) -> None:
    ai = {
        "description.ai_system": {
            "name": "Tutor",
            "vendor": "Acme AI",
            "service": "private",
            "inputs_train_model": False,
        },
        "ai": {"risk_tier": tier, "prohibited_practices": practices},
    }
    record = sections(document("en", **ai)[0])["record"]
    assert wanted in record and unwanted not in record


def write(folder: Path, **changes: Any) -> Path:
    path = folder / "q.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**changes), f)
    return path


def test_an_addendum_in_a_language_the_answers_lack_is_not_for_publication() -> None:
    missing = [f for f in findings(questionnaire()) if f.code == "public-text-language-missing"]
    assert [(f.loc, f.params["language"]) for f in missing] == [(("meta", "languages"), "nl")]
    # Only the language of the people concerned in the organisation's country is asked for.
    for changes in ({"meta.languages": ["en", "nl"]}, {"meta.organisation.country": "BE"}):
        other = questionnaire(**changes)
        assert not [f for f in findings(other) if f.code == "public-text-language-missing"]
    page, context = document("nl")  # a final assessment, English answers
    assert context.language_missing and context.concept
    assert "Deze tekst is nog niet in deze taal geschreven" in page
    assert "CONCEPT · niet publiceren · OPENBAAR" in page
    page, context = document("en")
    assert not context.language_missing and not context.concept and "DRAFT" not in page
    with tempfile.TemporaryDirectory() as folder:
        raw = make_document(assess_file(write(Path(folder))), "privacy-addendum", "nl", "docx")
    d = docx.Document(io.BytesIO(raw))
    assert any(p.text.startswith("Deze tekst is nog niet in deze taal") for p in d.paragraphs)


EQUALITY = {
    "meta.title": "DPIA homework pilot",
    "public.title": "Homework help",
    "equality.characteristics": {
        "gender_reassignment": {"impact": "negative", "evidence": "Names"},
        "pregnancy_maternity": {"impact": "negative", "evidence": "Absence"},
        "race": {"impact": "negative", "evidence": "Accents"},
    },
}


@pytest.mark.parametrize(
    ("lang", "title", "grounds"),
    [
        ("nl", "Gelijkebehandelingstoets: Homework help", "geslacht, ras"),
        ("en", "Equality impact assessment: Homework help", "sex, race"),
    ],
)
def test_the_equality_assessment_is_named_after_the_processing(
    lang: str, title: str, grounds: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        a = assess_file(write(Path(folder), **EQUALITY))
        request = prepare(a, "equality", lang, "html")
        raw = make_document(a, "equality", lang, "docx")
    html = request.html
    h1 = re.search(r'<h1 class="title">(.*?)</h1>', html)
    assert h1 and re.sub(r"<[^>]+>", "", h1.group(1)) == title
    assert f'data-title="{title}"' in html  # the running header
    assert 'data-title="DPIA' not in html
    # The summary in the Dutch frame: gender reassignment and pregnancy are part of 'sex'.
    assert isinstance(request.context, EqualityContext)
    row = re.search(
        r'<th scope="row">(Expected negative impact|Verwacht negatief effect)</th>'
        r"<td>(.*?)</td>",
        html,
    )
    assert row and row.group(2) == grounds
    assert len(request.context.negative) == 3 and len(request.context.negative_names) == 2
    d = docx.Document(io.BytesIO(raw))
    assert title in d.paragraphs[1].text or title in "\n".join(p.text for p in d.paragraphs[:4])
    assert title in d.sections[0].header._element.xml
