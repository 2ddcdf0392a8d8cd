"""The issue's "done when", in a real browser: someone who never saw YAML makes, in Dutch and
from the browser alone, a valid pre-scan and then a complete DPIA for the situation of
samples/learning-platform-vendor-analytics.yaml (a school adopts a learning platform whose
vendor is its processor); the file the form wrote renders from the command line to the same
bytes as the form's download.

One walk through the form, in order, kept short: each answer is typed or chosen as a person
would, by the label the form shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpia.cli import cli
from dpia.model import validate_file
from tests.serving import Live, running

pytest.importorskip("playwright")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():  # pragma: no cover - the Makefile installs it
    pytest.skip("no system Chromium (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from tests.test_serve_browser import ARGS  # noqa: E402

NAME = "leerplatform.yaml"
# The pre-scan of the situation: the EDPB criteria and AP-list categories that apply.
APPLIES = {
    "edpb": {"evaluation_scoring", "systematic_monitoring", "vulnerable_data_subjects"},
    "ap_list": {"behaviour_observation_influence"},
}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with running(tmp_path_factory.mktemp("walk")) as server:
        yield server


@pytest.fixture(scope="module")
def page(live: Live) -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(
            accept_downloads=True, viewport={"width": 1300, "height": 900}
        )
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.set_default_timeout(20_000)
        pg.goto(live.opening_url)
        yield pg
        browser.close()
        assert errors == [], errors


def saved(pg: Page) -> None:
    expect(pg.locator("#form")).to_have_attribute("data-pending", "0")


def field(pg: Page, path: str) -> Page:
    return pg.locator(f'[data-path="{path}"]')  # type: ignore[return-value]


def type_in(pg: Page, path: str, text: str) -> None:
    """Type an answer into the question at `path` (its Dutch box) and leave it, as a person
    does; the form saves it."""
    box = field(pg, path).locator("textarea, input").first
    box.fill(text)
    box.press("Tab")
    saved(pg)


def choose(pg: Page, path: str, label: str) -> None:
    """Choose an answer by the text the form shows for it (an item of another list by the
    text it starts with: its id the form proposed, then its name)."""
    select = field(pg, path).locator("select").first
    value = select.locator("option", has_text=label).first.get_attribute("value")
    select.select_option(value=value)
    saved(pg)


def add(pg: Page, list_path: str) -> None:
    field(pg, list_path).locator("> button.add").click()
    saved(pg)


def section(pg: Page, title: str) -> None:
    pg.locator("#sections").get_by_role("link", name=re.compile("^" + re.escape(title))).click()
    expect(pg.locator("h1")).to_have_text(title)
    expect(pg.locator("#form")).to_have_attribute("data-ready", "1")


def test_a_pre_scan_from_the_browser_alone(page: Page, live: Live) -> None:
    page.get_by_label("Bestandsnaam").fill("leerplatform")
    # The short pre-scan file first: the full assessment grows in the same file after it.
    page.get_by_role("button", name="Nieuwe pre-scan").click()
    expect(page.locator("h1")).to_have_text("Pre-scan")
    expect(page.get_by_text("De negen EDPB-criteria")).to_be_visible()
    expect(page.locator("#form")).to_have_attribute("data-ready", "1")
    for group in ("edpb", "ap_list"):
        for item in page.locator(f'fieldset[data-path^="screening.{group}."]').all():
            path = str(item.get_attribute("data-path"))
            yes = path.rsplit(".", 1)[1] in APPLIES[group]
            choose(page, f"{path}.applies", "ja" if yes else "nee")
    type_in(page, "screening.edpb.vulnerable_data_subjects.reason", "Leerlingen van 12 tot 18.")
    expect(page.locator(".verdict-box h2")).to_have_text("Pre-scan: DPIA verplicht")
    expect(page.locator(".verdict-box")).not_to_contain_text("Voorlopig")
    expect(page.locator(".verdict-box")).to_contain_text("Kwetsbare betrokkenen")
    result = validate_file(live.folder / NAME)
    assert result.ok and result.questionnaire is not None
    from dpia.rules.screening import screen

    verdict = screen(result.questionnaire.screening)
    assert verdict.complete and verdict.verdict.value == "required", verdict.unanswered


def test_a_complete_dpia_from_the_browser_alone(page: Page, live: Live) -> None:
    # The complete pre-scan opened the full form.
    expect(page.get_by_role("link", name=re.compile("^C. Risico"))).to_be_visible()
    section(page, "Algemeen")
    type_in(page, "meta.title", "DPIA leerplatform StudieWolk")
    type_in(page, "meta.organisation.name", "Stichting Het Baken College")
    type_in(page, "meta.review_date", "2027-11-10")

    section(page, "A. Beschrijving van de verwerking")
    type_in(page, "description.proposal", "De school vervangt haar leeromgeving door StudieWolk.")
    add(page, "description.data_subjects")
    type_in(page, "description.data_subjects[0].category", "Leerlingen van leerjaar 1-6")
    choose(page, "description.data_subjects[0].minors", "ja")
    type_in(page, "description.data_subjects[0].age_range.min", "12")
    type_in(page, "description.data_subjects[0].age_range.max", "18")
    add(page, "description.personal_data")
    type_in(page, "description.personal_data[0].name", "Naam, klas en e-mailadres")
    choose(page, "description.personal_data[0].kind", "gewoon")
    type_in(page, "description.personal_data[0].retention", "Tot vertrek plus 3 maanden.")
    subjects = field(page, "description.personal_data[0].subjects")
    subjects.get_by_label(re.compile("Leerlingen")).check()
    saved(page)
    add(page, "description.purposes")
    type_in(page, "description.purposes[0].description", "Opdrachten geven en beoordelen.")
    type_in(page, "description.purposes[0].public", "Je krijgt opdrachten en feedback.")
    add(page, "description.parties")
    type_in(page, "description.parties[0].name", "StudieWolk BV")
    type_in(page, "description.parties[0].country", "NL")
    choose(page, "description.parties[0].role", "verwerker")
    choose(page, "description.parties[0].agreement", "ja")

    section(page, "B. Rechtmatigheid")
    add(page, "lawfulness.lawful_bases")
    choose(page, "lawfulness.lawful_bases[0].purpose", "Opdrachten geven en beoordelen.")
    choose(page, "lawfulness.lawful_bases[0].basis", "taak van algemeen belang")
    type_in(page, "lawfulness.lawful_bases[0].legal_provision", "WVO 2020 art. 2.1")
    type_in(page, "lawfulness.necessity", "Zonder platform kan de school opdrachten niet zo geven.")
    type_in(page, "lawfulness.proportionality", "Alleen schoolgegevens; geen analyses.")
    type_in(page, "lawfulness.subsidiarity", "Papier blijft mogelijk; de oude omgeving stopt.")
    add(page, "lawfulness.alternatives")
    type_in(page, "lawfulness.alternatives[0].what", "Werk op papier inleveren")
    choose(page, "lawfulness.alternatives[0].outcome", "naast het voorstel aangeboden")
    choose(page, "lawfulness.transparency.privacy_statement_updated", "ja")

    section(page, "D. Maatregelen")
    add(page, "measures")
    type_in(page, "measures[0].title", "Inloggen met MFA voor medewerkers")
    choose(page, "measures[0].kind", "technisch")
    choose(page, "measures[0].status", "ingevoerd")
    section(page, "C. Risico\u2019s")  # the catalog's typographic apostrophe
    add(page, "risks")
    type_in(page, "risks[0].title", "Onbevoegde toegang tot schoolwerk")
    choose(page, "risks[0].feared_event", "onrechtmatige toegang tot gegevens")
    field(page, "risks[0].likelihood").get_by_role(
        "button", name="Kans beperkt, ernst belangrijk"
    ).click()
    saved(page)
    field(page, "risks[0].residual_likelihood").get_by_role(
        "button", name="Kans verwaarloosbaar, ernst belangrijk"
    ).click()
    saved(page)
    field(page, "risks[0].measures").get_by_label(re.compile("M1")).check()
    saved(page)
    type_in(page, "risks[0].likelihood_motivation", "Inloggen via de school, met MFA.")
    type_in(page, "risks[0].impact_motivation", "Cijfers en feedback over kinderen.")

    section(page, "Verwerkersovereenkomst")
    choose(page, "processor_agreement.processor", "StudieWolk BV")
    clauses = page.locator('fieldset[data-path^="processor_agreement.clauses."]').all()
    for clause in [str(c.get_attribute("data-path")) for c in clauses]:
        choose(page, f"{clause}.status", "aanwezig")  # checked in the signed agreement
    section(page, "Raadpleging en besluit")
    type_in(page, "consultation.dpo_advice.advice", "Tekenen; de risico's zijn beperkt.")
    type_in(page, "consultation.dpo_advice.date", "2026-11-05")
    choose(page, "consultation.dpo_advice.followed", "ja")
    choose(page, "consultation.views.asked", "nee")
    type_in(page, "consultation.views.why_not", "De MR wordt na de proef gevraagd.")
    choose(page, "consultation.decision.outcome", "doorgaan")
    section(page, "Tekst voor de aanvulling op de privacyverklaring")
    type_in(page, "public.summary", "De school gebruikt StudieWolk voor opdrachten en feedback.")
    type_in(page, "public.retention", "Je werk blijft twee schooljaren bewaard.")
    type_in(page, "public.must_provide", "Je moet je opdrachten inleveren om beoordeeld te worden.")
    type_in(page, "public.for_children", "Je maakt je opdrachten in StudieWolk.")

    # Nothing left for the privacy officer to fix: no error, no warning.
    expect(page.locator(".counts")).to_have_text("Fouten: 0 · Waarschuwingen: 0")
    result = validate_file(live.folder / NAME)
    assert result.ok, [str(p) for p in result.problems]
    q = result.questionnaire
    assert q is not None and q.description.parties[0].role.value == "processor"
    assert q.risks[0].measures == ["M1"] and q.consultation.decision is not None
    text = (live.folder / NAME).read_text(encoding="utf-8")
    assert "StudieWolk BV" in text and "Opdrachten geven en beoordelen." in text


def test_the_form_s_pdf_is_the_command_line_s(page: Page, live: Live, tmp_path: Path) -> None:
    page.locator("#doc").select_option("dpia")
    page.locator("#doc-lang").select_option("nl")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="PDF downloaden").click()
    downloaded = Path(info.value.path()).read_bytes()
    out = tmp_path / "cli"
    r = CliRunner().invoke(
        cli,
        ["render", str(live.folder / NAME), "--doc", "dpia", "--lang", "nl", "-o", str(out)],
    )
    assert r.exit_code == 0, r.output
    made = (out / info.value.suggested_filename).read_bytes()
    assert downloaded.startswith(b"%PDF") and downloaded == made
