"""`dpia serve` in a real headless Chromium (Debian's, driven by Playwright): what a person
who never saw YAML does, from the start page to a PDF, by mouse and by keyboard.

One server and one browser for the module; the tests run in order on the same folder.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dpia.model import validate_file
from tests.serving import SAMPLES, Live, running

pytest.importorskip("playwright")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():  # pragma: no cover - the Makefile installs it
    pytest.skip("no system Chromium (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HAND_EDITED = "secondary-ai-homework.yaml"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    folder = tmp_path_factory.mktemp("browser")
    shutil.copy(SAMPLES / HAND_EDITED, folder / HAND_EDITED)
    shutil.copytree(SAMPLES / "joint", folder / "joint")
    with running(folder) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def requests_seen() -> list[str]:
    return []


@pytest.fixture(scope="module")
def page(browser: Browser, live: Live, requests_seen: list[str]) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1300, "height": 900})
    pg = context.new_page()
    pg.on("request", lambda r: requests_seen.append(r.url))
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.set_default_timeout(20_000)
    pg.goto(live.opening_url)
    yield pg
    context.close()
    assert errors == [], errors  # no script error, no resource refused by the CSP


def saved(pg: Page) -> None:
    """Wait until the last change is saved and the section re-drawn."""
    # A locator, not wait_for_function: the page's CSP (rightly) forbids evaluating strings.
    expect(pg.locator("#form")).to_have_attribute("data-pending", "0")


def test_create_an_assessment_and_see_the_pre_scan_verdict(page: Page, live: Live) -> None:
    expect(page.locator("h1")).to_have_text("Beoordelingen in deze map")
    expect(page.get_by_role("link", name=re.compile("HuiswerkMaatje"))).to_be_visible()
    page.get_by_label("Bestandsnaam").fill("pilot")
    page.get_by_role("button", name="Nieuwe beoordeling").click()
    page.wait_for_url(re.compile(r"/edit/pilot\.yaml"))
    expect(page.locator("h1")).to_have_text("Pre-scan")
    # Nothing answered yet: no criterion applies so far, and the verdict says it may change.
    expect(page.locator(".verdict-box h2")).to_have_text("Pre-scan: DPIA niet verplicht")
    expect(page.locator(".verdict-box")).to_contain_text("Voorlopig")
    expect(page.get_by_role("link", name=re.compile("^C. Risico"))).to_have_count(0)
    for criterion, verdict in (
        ("vulnerable_data_subjects", "DPIA aanbevolen"),
        ("innovative_technology", "DPIA verplicht"),
    ):
        field = page.locator(f'[data-path="screening.edpb.{criterion}.applies"] select')
        field.select_option("true")
        saved(page)
        expect(page.locator(".verdict-box h2")).to_have_text(f"Pre-scan: {verdict}")
    expect(page.locator(".verdict-box")).to_contain_text("Kwetsbare betrokkenen")
    answers = validate_file(live.folder / "pilot.yaml")
    assert answers.ok and answers.questionnaire is not None
    assert answers.questionnaire.screening.edpb.innovative_technology.applies is True  # type: ignore[union-attr]
    # The verdict opens the full form.
    page.get_by_role("link", name="Verder met de volledige beoordeling").click()
    expect(page.get_by_role("link", name=re.compile("^C. Risico"))).to_be_visible()


def test_the_interface_switches_language_at_any_time(page: Page) -> None:
    page.get_by_role("link", name="EN", exact=True).click()
    expect(page.locator(".verdict-box h2")).to_have_text("Pre-scan: DPIA required")
    expect(page.get_by_role("link", name=re.compile("A. Description"))).to_be_visible()
    page.get_by_role("link", name="NL", exact=True).click()
    expect(page.locator(".verdict-box h2")).to_have_text("Pre-scan: DPIA verplicht")


def test_answers_in_both_languages_side_by_side(page: Page, live: Live) -> None:
    page.get_by_role("link", name=re.compile("^Algemeen")).click()
    page.locator('[data-path="meta.languages"] input[value="en"]').check()
    saved(page)
    english = page.locator("#f-meta-title-en")
    expect(english).to_be_visible()
    page.locator("#f-meta-title-nl").fill("Pilot met een AI-tool")
    page.locator("#f-meta-title-nl").press("Tab")
    saved(page)
    english.fill("Pilot of an AI tool")
    english.press("Tab")
    saved(page)
    data = validate_file(live.folder / "pilot.yaml").loaded.data  # type: ignore[union-attr]
    assert data["meta"]["title"] == {"nl": "Pilot met een AI-tool", "en": "Pilot of an AI tool"}


def test_a_finding_appears_next_to_its_field_and_goes_when_fixed(page: Page) -> None:
    email = page.locator("#f-meta-organisation-dpo-email")
    email.fill("fg at school")
    email.press("Tab")
    saved(page)
    beside = page.locator('[data-path="meta.organisation.dpo.email"] .findings')
    expect(beside).to_contain_text("e-mail")
    expect(page.locator(".all-findings")).to_contain_text("meta.organisation.dpo.email")
    expect(page.locator("#f-meta-organisation-dpo-email")).to_have_attribute(
        "aria-describedby", re.compile(r"\bf-meta-organisation-dpo-email-findings\b")
    )
    page.locator("#f-meta-organisation-dpo-email").fill("fg@school.example")
    page.locator("#f-meta-organisation-dpo-email").press("Tab")
    saved(page)
    expect(page.locator('[data-path="meta.organisation.dpo.email"] .findings')).to_have_count(0)
    expect(page.locator(".all-findings")).not_to_contain_text("meta.organisation.dpo.email")
    expect(page.locator(".counts")).to_contain_text("Fouten: 0")


def test_a_risk_and_a_measure_linked_to_it(page: Page, live: Live) -> None:
    page.goto(f"{live.base}/edit/pilot.yaml?section=measures&full=1")
    page.get_by_role("button", name=re.compile("^Toevoegen")).click()
    saved(page)
    expect(page.locator("#f-measures-0-id")).to_have_value("M1")  # proposed
    page.locator("#f-measures-0-title-nl").fill("Pseudonieme accounts")
    page.locator("#f-measures-0-title-nl").press("Tab")
    saved(page)
    page.locator("#f-measures-0-kind").select_option("technical")
    saved(page)
    page.locator("#f-measures-0-status").select_option("planned")
    saved(page)
    page.get_by_role("link", name=re.compile("^C. Risico")).click()
    page.get_by_role("button", name=re.compile("^Toevoegen")).click()
    saved(page)
    expect(page.locator("#f-risks-0-id")).to_have_value("R1")
    page.locator("#f-risks-0-title-nl").fill("Profilering van leerlingen")
    page.locator("#f-risks-0-title-nl").press("Tab")
    saved(page)
    page.locator("#f-risks-0-feared_event").select_option(index=1)
    saved(page)
    before = page.locator('[data-path="risks[0].likelihood"]').first
    before.get_by_role("button", name="Kans belangrijk, ernst beperkt").click()
    saved(page)
    after = page.locator('[data-path="risks[0].residual_likelihood"]')
    after.get_by_role("button", name="Kans beperkt, ernst beperkt").click()
    saved(page)
    page.locator('[data-path="risks[0].measures"]').get_by_label(re.compile("M1")).check()
    saved(page)
    expect(page.locator(".heat-map").first).to_contain_text("R1")
    v = validate_file(live.folder / "pilot.yaml")
    assert v.ok, [str(p) for p in v.problems]
    risk = v.questionnaire.risks[0]  # type: ignore[union-attr]
    assert (risk.id, risk.measures, risk.likelihood.value, risk.severity.value) == (
        "R1",
        ["M1"],
        "significant",
        "limited",
    )
    assert v.questionnaire.measures[0].title.get("nl", "nl")[0] == "Pseudonieme accounts"  # type: ignore[union-attr]


def test_a_hand_edited_file_keeps_its_comments(page: Page, live: Live) -> None:
    path = live.folder / HAND_EDITED
    comments = [line for line in path.read_text(encoding="utf-8").splitlines() if "#" in line]
    assert len(comments) >= 3
    page.goto(f"{live.base}/edit/{HAND_EDITED}?section=meta")
    page.locator("#f-meta-version").fill("1.1")
    page.locator("#f-meta-version").press("Tab")
    saved(page)
    text = path.read_text(encoding="utf-8")
    assert 'version: "1.1"' in text
    assert [line for line in text.splitlines() if "#" in line] == comments


def test_preview_and_pdf_download(page: Page, live: Live) -> None:
    page.goto(f"{live.base}/edit/pilot.yaml?section=screening")
    page.locator("#doc").select_option("screening")
    page.locator("#doc-lang").select_option("en")
    page.get_by_role("button", name="Voorbeeld", exact=True).click()
    frame = page.frame_locator("#preview")
    expect(frame.locator("body")).to_contain_text("Pilot of an AI tool")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="PDF downloaden").click()
        expect(page.locator("#pdf-progress")).to_be_visible()
    download = info.value
    assert download.suggested_filename == "pilot.screening.en.pdf"
    data = Path(download.path()).read_bytes()
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert data.startswith(b"%PDF") and "Pilot of an AI tool" in text
    expect(page.locator("#pdf-progress")).to_be_hidden()


def test_keyboard_only_in_one_section(page: Page, live: Live) -> None:
    page.goto(f"{live.base}/edit/pilot.yaml?section=meta")
    # Every question has a label a screen reader announces.
    for control in page.locator("#section").locator("input, select, textarea").all():
        name = control.evaluate("e => e.labels.length || e.getAttribute('aria-labelledby')")
        assert name, control.evaluate("e => e.outerHTML")
    order = (
        page.locator("#section")
        .locator("input, select, textarea, button")
        .evaluate_all("els => els.filter(e => !e.disabled).map(e => e.id || e.value)")
    )
    page.locator("#section input, #section select, #section textarea").first.focus()
    reached: list[str] = []
    for _ in range(4 * len(order)):  # a date field takes a Tab per part (day, month, year)
        here = page.evaluate("document.activeElement.id || document.activeElement.value")
        if not reached or reached[-1] != here:
            reached.append(here)
        if here == order[-1]:
            break
        page.keyboard.press("Tab")
    assert reached == order  # focus follows the form's order, nothing skipped
    # Change an answer with the keyboard alone: focus, type, Tab to save.
    page.locator("#f-meta-version").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("0.2")
    page.keyboard.press("Tab")
    saved(page)
    assert 'version: "0.2"' in (live.folder / "pilot.yaml").read_text(encoding="utf-8")
    assert page.evaluate("document.activeElement.id") != "f-meta-version"


def test_two_tabs_on_one_file_lose_nothing(page: Page, live: Live) -> None:
    page.goto(f"{live.base}/edit/pilot.yaml?section=meta")
    other = page.context.new_page()
    other.goto(f"{live.base}/edit/pilot.yaml?section=meta")
    path = live.folder / "pilot.yaml"
    page.locator("#f-meta-version").fill("3.0")
    page.locator("#f-meta-version").press("Tab")
    saved(page)
    # The other tab, which still shows the old version, changes the same answer: refused,
    # said, nothing overwritten; reloading shows the first tab's answer.
    other.locator("#f-meta-version").fill("4.0")
    other.locator("#f-meta-version").press("Tab")
    saved(other)
    expect(other.locator("#conflict")).to_be_visible()
    assert 'version: "3.0"' in path.read_text(encoding="utf-8")
    other.get_by_role("button", name="Bestand opnieuw laden").click()
    expect(other.locator("#f-meta-version")).to_have_value("3.0")
    # Different answers in the two tabs: both are kept.
    page.locator("#f-meta-authors").fill("Privacy officer")
    page.locator("#f-meta-authors").press("Tab")
    saved(page)
    other.locator("#f-meta-organisation-address").fill("Schoolstraat 1")
    other.locator("#f-meta-organisation-address").press("Tab")
    saved(other)
    expect(other.locator("#conflict")).to_be_hidden()
    text = path.read_text(encoding="utf-8")
    assert "Privacy officer" in text and "Schoolstraat 1" in text and 'version: "3.0"' in text
    other.close()


def test_a_joint_assessment_shows_inherited_answers_and_writes_differences(
    page: Page, live: Live
) -> None:
    base = (live.folder / "joint" / "base.yaml").read_bytes()
    page.goto(f"{live.base}/edit/joint/school-c.yaml?section=description")
    expect(page.locator(".inherited").first).to_have_text("overgenomen uit de basis")
    button = page.locator("button.na").first
    field = button.locator("xpath=ancestor::div[contains(@class, 'field')]")
    path = field.get_attribute("data-path")
    button.click()
    saved(page)
    changed = page.locator(f'[data-path="{path}"]')
    expect(changed.locator("textarea").first).to_have_value(
        "Niet van toepassing voor deze organisatie."
    )
    expect(changed.locator(".inherited")).to_have_count(0)
    overlay = (live.folder / "joint" / "school-c.yaml").read_text(encoding="utf-8")
    assert "Niet van toepassing voor deze organisatie." in overlay
    assert "Not applicable for this organisation." in overlay  # both languages of the file
    assert (live.folder / "joint" / "base.yaml").read_bytes() == base


def test_no_request_left_the_local_server(requests_seen: list[str], live: Live) -> None:
    assert len(requests_seen) > 20
    elsewhere = [
        u
        for u in requests_seen
        if not u.startswith((live.base + "/", "data:", "blob:" + live.base))
    ]
    assert elsewhere == []
