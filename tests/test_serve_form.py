"""What the form asks and how it lays it out, over HTTP: short question labels in both
languages, the Rijksmodel's points, the public section, lists of texts side by side, and a
knowledge-security check edited like a DPIA."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest

from dpia.model import validate_file
from dpia.serve import form
from tests.serving import Live, copy_samples, running

SAMPLE = "secondary-ai-homework.yaml"
BILINGUAL = "primary-learning-analytics.yaml"  # meta.languages: [nl, en]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with running(copy_samples(tmp_path_factory.mktemp("form") / "ws")) as server:
        yield server


def _page(live: Live, name: str, section: str, ui: str = "nl") -> str:
    r = live.request("GET", f"/edit/{name}?section={section}&full=1&ui={ui}", origin=None)
    assert r.status == 200
    return r.text


def _labels(page: str) -> list[str]:
    """The text of every label and legend of the section (without the language tags)."""
    part = page.split('<div id="section">')[1].split("</form>")[0]
    found = re.findall(r'<(?:label for="[^"]+"|span class="label"[^>]*|legend)>(.*?)</', part)
    out = []
    for raw in found:
        text = html.unescape(re.sub(r"<[^>]+>", "", raw)).strip().removesuffix(" *")
        if text and text not in ("NL", "EN"):
            out.append(text)
    return out


@pytest.mark.parametrize("ui", ["nl", "en"])
def test_every_section_asks_short_questions_in_the_interface_language(live: Live, ui: str) -> None:
    for section, _title in form.SECTIONS:
        if section == "central":
            continue  # only in a school's overlay
        labels = _labels(_page(live, SAMPLE, section, ui))
        assert labels, section
        for label in labels:
            # A question or a short name, never a help sentence, a code or a file key.
            assert len(label) <= 80, (section, label)
            assert "`" not in label and not re.search(r"\b[a-z]+_[a-z_]+\b", label), label
            assert not label.lower().startswith("public:"), label
    description = _page(live, SAMPLE, "description", ui)
    expected = "Van wie zijn de gegevens?" if ui == "nl" else "Which data does it get?"
    assert expected in description or "Welke gegevens krijgt zij?" in description


def test_description_is_grouped_under_the_rijksmodel_points(live: Live) -> None:
    page = _page(live, SAMPLE, "description")
    heads = re.findall(r'<h2 id="point-(\d+)"><span class="num">\d+</span> ([^<]+)</h2>', page)
    numbers = [int(n) for n, _ in heads]
    assert numbers == sorted(numbers) and {1, 2, 3, 6, 8, 10} <= set(numbers)
    assert ("6", "Partijen") in heads or ("6", "Betrokken partijen") in heads
    # Each point says what it asks, and the party details sit under point 6.
    assert "Wie meedoet, in welke rol, en welke gegevens elke partij krijgt." in page
    six = page.split('id="point-6"')[1].split('id="point-7"')[0]
    assert 'data-path="description.parties"' in six
    assert 'data-path="description.parties[0].functions"' in six
    assert '<a href="#point-10">' in page  # jump links to each point
    lawfulness = _page(live, SAMPLE, "lawfulness", "en")
    assert re.search(r'id="point-11"><span class="num">11</span> Lawful basis<', lawfulness)


def test_the_public_section_says_it_is_printed_for_parents_and_pupils(live: Live) -> None:
    nl = _page(live, SAMPLE, "public")
    assert "Gedrukt voor ouders en leerlingen." in nl and "Hoe heet de verwerking?" in nl
    en = _page(live, SAMPLE, "public", "en")
    assert "Printed for parents and pupils." in en and "What is the processing called?" in en
    notes = _page(live, SAMPLE, "notes")
    assert re.search(r"Rijksmodel punt 6</span> Betrokken partijen", notes)


def test_a_list_of_texts_is_edited_line_by_line_beside_its_translation(live: Live) -> None:
    page = _page(live, BILINGUAL, "risks")
    nl = re.search(r'<textarea id="f-risks-0-affected_rights-nl"[^>]*>([^<]*)</textarea>', page)
    en = re.search(r'<textarea id="f-risks-0-affected_rights-en"[^>]*>([^<]*)</textarea>', page)
    assert nl and en
    assert nl.group(1).splitlines() == ["Recht op onderwijs", "Gelijke behandeling"]
    assert en.group(1).splitlines() == ["Right to education", "Equal treatment"]
    loc = ["risks", 0, "affected_rights"]
    r = live.save(
        BILINGUAL, [{"op": "set", "loc": loc, "lang": "nl", "value": ["Recht op onderwijs", ""]}]
    )
    assert r.status == 200
    risk = validate_file(live.folder / BILINGUAL).loaded.data["risks"][0]  # type: ignore[union-attr]
    # Line 2 in Dutch went; its English stays, on its own line, for someone to translate.
    assert risk["affected_rights"] == [
        {"nl": "Recht op onderwijs", "en": "Right to education"},
        {"en": "Equal treatment"},
    ]
    r = live.save(
        BILINGUAL, [{"op": "set", "loc": loc, "lang": "en", "value": ["Right to education"]}]
    )
    risk = validate_file(live.folder / BILINGUAL).loaded.data["risks"][0]  # type: ignore[union-attr]
    assert risk["affected_rights"] == [{"nl": "Recht op onderwijs", "en": "Right to education"}]


def test_a_new_knowledge_security_check_is_edited_with_live_findings(live: Live) -> None:
    start = live.request("GET", "/", origin=None).text
    assert 'data-preset="knowledge-security">Nieuwe kennisveiligheidstoets<' in start
    r = live.request(
        "POST", "/api/new", {"name": "partner-x", "preset": "knowledge-security", "lang": "nl"}
    )
    assert r.json() == {"url": "/edit/partner-x.yaml?section=collaboration"}
    name = "partner-x.yaml"
    page = _page(live, name, "collaboration")
    assert "<h1>De samenwerking</h1>" in page
    nav = re.findall(r'<li><a href="\?section=(\w+)', page)
    assert nav == [s for s, _ in form.KNOWLEDGE_SECTIONS]
    assert "Naam van de samenwerking" in _labels(page)
    # The export-control check is asked once a dual-use item may be involved; the help of
    # each question is in the interface's language, as a DPIA's is.
    field_page = _page(live, name, "field")
    assert 'data-path="field.export_check"' not in field_page
    assert "Het vakgebied en de technologieën die erbij horen." in field_page
    risks = _labels(_page(live, name, "risks", "en"))
    assert "Risk before the measures" in risks and "Level given directly" not in risks
    version = live.version(name)
    body = {
        "version": version,
        "section": "field",
        "changes": [{"op": "set", "loc": ["field", "dual_use"], "value": "true"}],
    }
    reply = live.request("POST", f"/api/save/{name}", body).json()
    assert 'data-path="field.export_check"' in reply["html"]
    beside = reply["html"].split('data-path="field.dual_use"')[1].split("</div>")[0]
    assert 'class="findings"' in beside  # the finding sits beside the answer it concerns
    assert "field.dual_use" in reply["panel"]
    preview = live.request("GET", f"/preview/{name}?doc=knowledge-security&lang=nl", origin=None)
    assert preview.status == 200 and "Gezamenlijk onderzoeksproject" in preview.text
    assert "dual_use: true" in (live.folder / name).read_text(encoding="utf-8")


def test_one_language_of_an_inherited_list_of_texts_keeps_the_other(live: Live) -> None:
    name = "joint/school-a.yaml"
    base = (live.folder / "joint" / "base.yaml").read_bytes()
    loc = ["risks", 0, "affected_rights"]
    r = live.save(name, [{"op": "set", "loc": loc, "lang": "nl", "value": ["Eerste recht"]}])
    assert r.status == 200
    merged = validate_file(live.folder / name).loaded.data  # type: ignore[union-attr]
    assert merged["risks"][0]["affected_rights"] == [
        {"nl": "Eerste recht", "en": "Protection of personal data"}
    ]
    assert (live.folder / "joint" / "base.yaml").read_bytes() == base  # only the overlay
