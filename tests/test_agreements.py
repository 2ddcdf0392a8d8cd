"""Every processor agreement is checked: processor_agreement and further_agreements, each with
its own findings, its own part of the checklist and its own letter to its supplier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document as WordDocument
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.context.processor_checklist import ProcessorChecklistContext
from dpia.model.enums import SigningAdvice
from dpia.model.questionnaire import reference_errors
from dpia.produce import Unsupported, agreement_processors, make_document, prepare
from tests.factory import data

ROOT = Path(__file__).resolve().parent.parent
PRIMARY = ROOT / "samples" / "primary-learning-analytics.yaml"
FIRST, SECOND = "Leerlijn Analytics B.V.", "Volgwijs B.V."


def test_the_primary_sample_records_two_agreements() -> None:
    assert agreement_processors(assess_file(PRIMARY)) == ["leerlijn", "lvs"]


def test_a_further_agreement_names_a_known_processor_once() -> None:
    base = data()
    parties = [
        {"id": "vendor", "name": "Vendor", "role": "processor", "country": "NL"},
        {"id": "other", "name": "Other", "role": "processor", "country": "NL"},
    ]
    base["description"]["parties"] = parties
    base["processor_agreement"] = {"processor": "vendor"}
    base["further_agreements"] = [{"processor": "nobody"}, {"processor": "vendor"}]
    found = {loc: message for loc, message, _ in reference_errors(base)}
    assert found[("further_agreements", 0, "processor")].startswith("unknown id")
    assert "one agreement per processor" in found[("further_agreements", 1, "processor")]


def test_a_further_agreement_must_say_whose_it_is(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    YAML(typ="safe", pure=True).dump({**data(), "further_agreements": [{"clauses": {}}]}, path)
    a = assess_file(path)
    assert not a.ok
    assert any(
        p.field.startswith("further_agreements") and "processor" in p.field + p.message
        for p in a.validated.problems
    )


def test_findings_on_the_second_agreement_name_its_processor() -> None:
    found = [located.finding for located in assess_file(PRIMARY).findings]
    partial = [f for f in found if f.loc[0] == "further_agreements"]
    assert [(f.code, f.loc) for f in partial] == [
        (
            "art28-item-partial",
            ("further_agreements", 0, "clauses", "breach_notification", "status"),
        )
    ]
    assert SECOND in partial[0].text()
    # The first agreement's findings (none here) would name Leerlijn: nothing on it is open.
    assert not [f for f in found if f.loc[0] == "processor_agreement"]


@pytest.fixture(scope="module")
def checklist() -> dict[str, tuple[str, ProcessorChecklistContext]]:
    out = {}
    for lang in ("en", "nl"):
        request = prepare(assess_file(PRIMARY), "processor-checklist", lang, "html")
        assert isinstance(request.context, ProcessorChecklistContext)
        out[lang] = (request.html, request.context)
    return out


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_checklist_checks_every_agreement_under_its_own_heading(
    lang: str, checklist: dict[str, tuple[str, ProcessorChecklistContext]]
) -> None:
    page, context = checklist[lang]
    assert [c.processor.name for c in context.agreements if c.processor] == [FIRST, SECOND]
    assert [c.advice for c in context.agreements] == [
        SigningAdvice.ready,
        SigningAdvice.after_changes,
    ]
    # The top-level fields are the first agreement's, as before there could be several.
    assert context.processor is not None and context.processor.name == FIRST
    sector = "Model Verwerkersovereenkomst 4.0"
    for name, anchor in ((FIRST, "agreement-leerlijn"), (SECOND, "agreement-lvs")):
        assert f'<h2 id="{anchor}">{name}: {sector}' in page
    title = page[page.index('<h1 class="title">') :].split("</h1>")[0]
    assert FIRST in title and SECOND in title
    running = page[page.index('class="running"') :].split(">")[0]
    assert FIRST in running and SECOND in running
    # The third processor has no agreement on record: the checklist says it is not checked.
    assert "Oefenrijk B.V." in page
    # Each part asks its own supplier: the second asks for the breach notice and the annex.
    second = page[page.index('id="agreement-lvs"') :]
    asked = second[second.index('<ol class="requests">') :].split("</ol>")[0]
    assert asked.count('class="request-title"') == 2


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_letter_goes_to_one_supplier_and_shows_only_its_gaps(lang: str) -> None:
    a = assess_file(PRIMARY)
    first = prepare(a, "supplier-letter", lang, "html").html  # default: the first agreement
    second = prepare(a, "supplier-letter", lang, "html", processor="lvs").html
    assert FIRST in first and SECOND not in first
    assert SECOND in second and FIRST not in second
    assert 'class="request-title"' not in first  # nothing to ask Leerlijn
    assert second.count('class="request-title"') == 2
    breach = "notice of personal data breaches" if lang == "en" else "melding van inbreuken"
    assert breach in second and breach not in first


def test_an_unknown_processor_is_refused_by_name() -> None:
    a = assess_file(PRIMARY)
    with pytest.raises(Unsupported, match="known: leerlijn, lvs"):
        prepare(a, "supplier-letter", "en", "html", processor="oefen")
    with pytest.raises(Unsupported, match="supplier-letter"):
        prepare(a, "dpia", "en", "html", processor="lvs")


def test_render_names_the_other_processors_and_makes_the_one_asked_for(tmp_path: Path) -> None:
    args = ["render", str(PRIMARY), "--doc", "supplier-letter", "--lang", "en"]
    r = CliRunner().invoke(cli, [*args, "--format", "html", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "made for 'leerlijn'" in r.stderr and "lvs" in r.stderr and "--processor" in r.stderr
    first = tmp_path / "primary-learning-analytics.supplier-letter-leerlijn.en.html"
    assert FIRST in first.read_text()
    r = CliRunner().invoke(
        cli, [*args, "--format", "html", "-o", str(tmp_path), "--processor", "lvs"]
    )
    assert r.exit_code == 0, r.output
    second = tmp_path / "primary-learning-analytics.supplier-letter-lvs.en.html"
    assert SECOND in second.read_text() and FIRST not in second.read_text()
    r = CliRunner().invoke(cli, [*args, "--processor", "lvs", "--doc", "dpia", "-o", str(tmp_path)])
    assert r.exit_code == 2 and "--processor is used only with --doc supplier-letter" in r.stderr


def test_batch_writes_a_letter_per_processor(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / PRIMARY.name).write_bytes(PRIMARY.read_bytes())
    for image in PRIMARY.parent.glob("*.svg"):  # the sample's logo
        (folder / image.name).write_bytes(image.read_bytes())
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--doc", "supplier-letter", "--lang", "nl"]
    r = CliRunner().invoke(cli, [*args, "--output-format", "html", "-j", "1", "--format", "json"])
    assert r.exit_code == 0, r.output
    written = sorted(Path(p).name for p in json.loads(r.stdout)["rendered"])
    assert written == [
        "primary-learning-analytics.supplier-letter-leerlijn.nl.html",
        "primary-learning-analytics.supplier-letter-lvs.nl.html",
    ]
    assert SECOND in (out / written[1]).read_text() and FIRST not in (out / written[1]).read_text()


def test_the_word_checklist_has_a_part_per_agreement() -> None:
    from io import BytesIO

    raw = make_document(assess_file(PRIMARY), "processor-checklist", "en", "docx")
    headings: list[Any] = [
        p.text for p in WordDocument(BytesIO(raw)).paragraphs if p.style.name.startswith("Heading")
    ]
    sector = "Model Verwerkersovereenkomst 4.0 (sector model)"
    assert f"{FIRST}: {sector}" in headings and f"{SECOND}: {sector}" in headings
    assert headings.count("Verdict") == 2
