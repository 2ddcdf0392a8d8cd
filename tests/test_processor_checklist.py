"""The processor-agreement checklist: the verdict rule, and what the document says in both
languages (HTML for every variation, PDF text for samples)."""

from __future__ import annotations

import html as htmllib
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from dpia.context.assessment import assess_file
from dpia.context.processor_checklist import ProcessorChecklistContext
from dpia.model.agreement import ProcessorAgreement
from dpia.model.enums import Art28Item, SectorItem, SigningAdvice
from dpia.model.questionnaire import reference_errors
from dpia.produce import prepare
from dpia.rules.checklist import ESSENTIAL, rows, signing_advice
from tests.factory import data
from tests.pdfs import SharedPdfs
from tests.pdfs import text as pdf_text_of

DOC = "processor-checklist"
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ART28_3 = [i for i in Art28Item if i.value[1] == "_"]  # a_ .. h_
OTHERS = [i for i in Art28Item if i not in ART28_3]


# ---------------------------------------------------------------- the rule


def agreement(sector: dict[str, bool] | None = None, **statuses: str | None) -> ProcessorAgreement:
    """Every item present with a clause reference, except the ones given (None: unanswered)."""
    clauses: dict[str, Any] = {
        i.value: {"status": "present", "clause": "art. 1"} for i in Art28Item
    }
    for key, status in statuses.items():
        if status is None:
            del clauses[key]
        else:
            clauses[key] = {"status": status}
    return ProcessorAgreement.model_validate({"clauses": clauses, **(sector or {})})


def advice(outside_eea: bool = False, **kwargs: Any) -> SigningAdvice:
    return signing_advice(rows(agreement(**kwargs), outside_eea))


def test_essential_items_are_the_eight_points_sub_processors_and_transfers() -> None:
    assert set(ART28_3) == {
        Art28Item.a_documented_instructions,
        Art28Item.b_confidentiality,
        Art28Item.c_security,
        Art28Item.d_subprocessors,
        Art28Item.e_assist_rights,
        Art28Item.f_assist_32_36,
        Art28Item.g_delete_or_return,
        Art28Item.h_audits_information,
    }
    assert {*ART28_3, Art28Item.subprocessor_authorisation, Art28Item.transfers} == ESSENTIAL


def test_every_item_present_is_ready_to_sign() -> None:
    assert advice() is SigningAdvice.ready


def test_items_that_do_not_apply_leave_it_ready() -> None:
    assert advice(transfers="not_applicable", audits="not_applicable") is SigningAdvice.ready


@pytest.mark.parametrize("item", sorted(ESSENTIAL), ids=str)
def test_a_missing_essential_item_means_do_not_sign(item: Art28Item) -> None:
    assert advice(**{item.value: "missing"}) is SigningAdvice.do_not_sign


@pytest.mark.parametrize("item", [i for i in Art28Item if i not in ESSENTIAL], ids=str)
def test_a_missing_other_item_means_sign_after_changes(item: Art28Item) -> None:
    assert advice(**{item.value: "missing"}) is SigningAdvice.after_changes


@pytest.mark.parametrize("item", list(Art28Item), ids=str)
def test_a_partial_item_means_sign_after_changes(item: Art28Item) -> None:
    assert advice(**{item.value: "partial"}) is SigningAdvice.after_changes


@pytest.mark.parametrize("item", list(Art28Item), ids=str)
def test_an_unanswered_item_means_sign_after_changes(item: Art28Item) -> None:
    assert advice(**{item.value: None}) is SigningAdvice.after_changes


def test_missing_essential_outweighs_everything_else() -> None:
    verdict = advice(c_security="missing", audits="partial", breach_notification=None)
    assert verdict is SigningAdvice.do_not_sign


def test_transfers_not_applicable_while_data_leave_the_eea_means_do_not_sign() -> None:
    assert advice(transfers="not_applicable") is SigningAdvice.ready
    assert advice(outside_eea=True, transfers="not_applicable") is SigningAdvice.do_not_sign
    [row] = [r for r in rows(agreement(transfers="not_applicable"), True) if r.contradicted]
    assert row.item is Art28Item.transfers and row.blocking and row.open


def test_sector_items_only_with_the_sector_model() -> None:
    assert not [r for r in rows(agreement(), False) if r.sector]
    full = {"sector_model": True, "privacy_annex": True, "security_annex": True}
    checklist = rows(agreement(sector=full), False)
    assert [r.item for r in checklist if r.sector] == list(SectorItem)
    assert signing_advice(checklist) is SigningAdvice.ready


@pytest.mark.parametrize("annex", ["privacy_annex", "security_annex"])
def test_a_missing_sector_annex_means_sign_after_changes(annex: str) -> None:
    sector = {"sector_model": True, "privacy_annex": True, "security_annex": True, annex: False}
    checklist = rows(agreement(sector=sector), False)
    assert signing_advice(checklist) is SigningAdvice.after_changes
    assert [r.item.value for r in checklist if r.open] == [annex]


# ---------------------------------------------------------------- the document

PROCESSOR = {
    "id": "ACME",
    "name": "Acme Leermiddelen B.V.",
    "role": "processor",
    "country": "NL",
    "agreement": True,
}
SUB = {
    "id": "CLOUD",
    "name": "Wolkenkrabber Hosting GmbH",
    "role": "sub_processor",
    "country": "DE",
    "engaged_by": "ACME",
}


def checklist_q(clauses: dict[str, Any], **agreement: Any) -> dict[str, Any]:
    """Changes for tests.factory: a processor with a sub-processor, and the agreement."""
    return {
        "description.parties.1": PROCESSOR,
        "description.parties.2": SUB,
        "processor_agreement": {"processor": "ACME", "clauses": clauses, **agreement},
    }


def document(lang: str, **changes: Any) -> tuple[str, ProcessorChecklistContext]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.yaml"
        with path.open("w") as f:
            YAML(typ="safe", pure=True).dump(data(**changes), f)
        assessment = assess_file(path)
        assert assessment.ok, [str(p) for p in assessment.validated.problems]
        request = prepare(assessment, DOC, lang)
        html = request.html  # made while the file exists
    assert isinstance(request.context, ProcessorChecklistContext)
    return html, request.context


def plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def item_rows(page: str) -> dict[str, str]:
    """The checklist's rows by item key, as plain text."""
    found = re.findall(r'<tr id="item-(\w+)"[^>]*>(.*?)</tr>', page, re.S)
    return {key: plain(row) for key, row in found}


def requests(page: str) -> list[str]:
    """The gap list, one plain-text entry per request."""
    m = re.search(r'<ol class="requests">(.*?)</ol>', page, re.S)
    return [plain(li) for li in re.findall(r"<li>(.*?)</li>", m.group(1), re.S)] if m else []


SOURCES = {
    "en": {
        "a_documented_instructions": "Art. 28(3)(a)",
        "b_confidentiality": "Art. 28(3)(b)",
        "c_security": "Art. 28(3)(c) and Art. 32",
        "d_subprocessors": "Art. 28(3)(d)",
        "e_assist_rights": "Art. 28(3)(e)",
        "f_assist_32_36": "Art. 28(3)(f) and Art. 32-36",
        "g_delete_or_return": "Art. 28(3)(g)",
        "h_audits_information": "Art. 28(3)(h)",
        "subprocessor_authorisation": "Art. 28(2) and (4)",
        "breach_notification": "Art. 33(2)",
        "transfers": "Chapter V",
        "audits": "28(5)",
    },
    "nl": {
        "a_documented_instructions": "art. 28 lid 3 onder a",
        "b_confidentiality": "art. 28 lid 3 onder b",
        "c_security": "art. 28 lid 3 onder c en art. 32",
        "d_subprocessors": "art. 28 lid 3 onder d",
        "e_assist_rights": "art. 28 lid 3 onder e",
        "f_assist_32_36": "art. 28 lid 3 onder f en art. 32-36",
        "g_delete_or_return": "art. 28 lid 3 onder g",
        "h_audits_information": "art. 28 lid 3 onder h",
        "subprocessor_authorisation": "art. 28 lid 2 en 4",
        "breach_notification": "art. 33 lid 2",
        "transfers": "hoofdstuk V",
        "audits": "lid 5",
    },
}
STATUS = {
    "en": {"present": "present", "partial": "partial", "missing": "missing"},
    "nl": {"present": "aanwezig", "partial": "gedeeltelijk", "missing": "ontbreekt"},
}
GAP = {"en": "Not answered", "nl": "Niet beantwoord"}
VERDICT = {
    "en": {
        "ready": "ready to sign",
        "after_changes": "sign after changes",
        "do_not_sign": "do not sign",
    },
    "nl": {
        "ready": "klaar om te ondertekenen",
        "after_changes": "ondertekenen na aanpassingen",
        "do_not_sign": "niet ondertekenen",
    },
}
RENEGOTIATE = {
    "en": "renegotiate the signed agreement",
    "nl": "opnieuw onderhandelen over de getekende overeenkomst",
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("signed", [True, False])
def test_a_signed_agreement_that_falls_short_is_renegotiated(lang: str, signed: bool) -> None:
    changes = checklist_q({"c_security": {"status": "missing"}})
    changes["description.parties.1"] = {**PROCESSOR, "agreement": signed}
    page, context = document(lang, **changes)
    assert context.renegotiate is signed
    verdict = re.search(r'<p class="verdict advice advice-(\w+)">(.*?)</p>', page)
    label = RENEGOTIATE[lang] if signed else VERDICT[lang]["do_not_sign"]
    assert verdict and verdict.group(2) == label


# What the law asks, one telling phrase per language and item (the row's own prose).
LAW = {
    "en": {
        "a_documented_instructions": "documented instructions",
        "b_confidentiality": "confidential",
        "c_security": "encryption",
        "d_subprocessors": "another processor",
        "e_assist_rights": "use their rights",
        "f_assist_32_36": "data breaches",
        "g_delete_or_return": "deletes the data or returns them",
        "h_audits_information": "audits and inspections",
        "subprocessor_authorisation": "prior written permission",
        "breach_notification": "within 72 hours",
        "transfers": "European Economic Area",
        "audits": "in practice",
    },
    "nl": {
        "a_documented_instructions": "schriftelijke instructie",
        "b_confidentiality": "geheimhouden",
        "c_security": "versleuteling",
        "d_subprocessors": "andere verwerker",
        "e_assist_rights": "rechten gebruiken",
        "f_assist_32_36": "datalekken",
        "g_delete_or_return": "wist de verwerker de gegevens of geeft hij ze terug",
        "h_audits_information": "audits en inspecties",
        "subprocessor_authorisation": "vooraf onze schriftelijke toestemming",
        "breach_notification": "binnen 72 uur",
        "transfers": "Europese Economische Ruimte",
        "audits": "in de praktijk",
    },
}

MIXED = {
    "a_documented_instructions": {"status": "present", "clause": "art. 3"},
    "b_confidentiality": {"status": "present"},  # present, but where is not recorded
    "c_security": {"status": "partial", "clause": "art. 7", "note": "Only a general promise."},
    "d_subprocessors": {"status": "present", "clause": "art. 5"},
    "e_assist_rights": {"status": "present", "clause": "art. 9"},
    "f_assist_32_36": {"status": "missing"},
    "g_delete_or_return": {"status": "present", "clause": "art. 12"},
    # h_audits_information: not checked
    "subprocessor_authorisation": {"status": "present", "clause": "art. 5.2"},
    "breach_notification": {"status": "partial", "clause": "art. 8"},
    "transfers": {"status": "not_applicable"},
    "audits": {"status": "missing"},
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_requirement_has_a_row_with_its_article_and_what_the_law_asks(lang: str) -> None:
    page, _ = document(lang, **checklist_q(MIXED))
    found = item_rows(page)
    assert list(found) == [i.value for i in Art28Item]
    for key, text in found.items():
        assert SOURCES[lang][key] in text, key
        assert LAW[lang][key] in text, key


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_rows_show_the_status_and_unanswered_ones_a_visible_gap(lang: str) -> None:
    page, _ = document(lang, **checklist_q(MIXED))
    found = item_rows(page)
    for key, clause in MIXED.items():
        assert STATUS[lang].get(clause["status"], "") in found[key], key
    assert GAP[lang] in found["h_audits_information"]  # not checked at all
    assert GAP[lang] in found["b_confidentiality"]  # present, clause reference missing
    assert GAP[lang] not in found["a_documented_instructions"]
    assert "art. 3" in found["a_documented_instructions"]
    assert "Only a general promise." in found["c_security"]
    # no empty cells anywhere in the checklist
    table = re.search(r'<table class="grid checklist">(.*?)</table>', page, re.S)
    assert table and not re.search(r"<td>\s*</td>", table.group(1))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_gap_list_holds_every_item_not_present_with_what_to_ask_for(lang: str) -> None:
    page, context = document(lang, **checklist_q(MIXED))
    open_items = ["c_security", "f_assist_32_36", "h_audits_information"]
    open_items += ["breach_notification", "audits"]
    assert [r.item.value for r in context.requests] == open_items
    entries = requests(page)
    assert len(entries) == len(open_items)
    ask = {
        "en": ["security annex", "DPIA", "audits and inspections", "within 48 hours", "audit"],
        "nl": ["beveiligingsbijlage", "DPIA", "audits en inspecties", "binnen 48 uur", "audit"],
    }
    for entry, key, phrase in zip(entries, open_items, ask[lang], strict=True):
        assert SOURCES[lang][key] in entry and phrase in entry, (key, entry)
    assert "Only a general promise." in entries[0]
    found = item_rows(page)
    for key in open_items:  # the row itself says what to negotiate, too
        assert ask[lang][open_items.index(key)] in found[key]
    assert "Acme Leermiddelen B.V." in page.split('<ol class="requests">')[0].rsplit("<h2", 1)[1]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("clauses", "expected"),
    [
        ({}, "ready"),
        ({"c_security": {"status": "missing"}}, "do_not_sign"),
        ({"transfers": {"status": "missing"}}, "do_not_sign"),
        ({"breach_notification": {"status": "missing"}}, "after_changes"),
        ({"audits": {"status": "partial", "clause": "art. 11"}}, "after_changes"),
        ({"g_delete_or_return": None}, "after_changes"),
    ],
)
def test_the_verdict_at_the_top_follows_the_statuses(
    lang: str, clauses: dict[str, Any], expected: str
) -> None:
    full: dict[str, Any] = {i.value: {"status": "present", "clause": "art. 1"} for i in Art28Item}
    full.update(clauses)
    unsigned = {**checklist_q({k: v for k, v in full.items() if v})}
    unsigned["description.parties.1"] = {**PROCESSOR, "agreement": False}
    page, context = document(lang, **unsigned)
    assert context.advice.value == expected and not context.renegotiate
    verdict = re.search(r'<p class="verdict advice advice-(\w+)">(.*?)</p>', page)
    assert verdict and verdict.groups() == (expected, VERDICT[lang][expected])
    assert page.index('class="verdict') < page.index('id="checklist"')
    if expected == "ready":
        assert requests(page) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_processor_and_its_sub_processors_are_named(lang: str) -> None:
    page, context = document(lang, **checklist_q(MIXED))
    assert context.processor and context.processor.id == "ACME"
    assert [p.name for p in context.sub_processors] == ["Wolkenkrabber Hosting GmbH"]
    summary = plain(page.split('id="checklist"')[0])
    assert "Acme Leermiddelen B.V." in summary and "Wolkenkrabber Hosting GmbH" in summary
    assert ("Germany" if lang == "en" else "Duitsland") in summary


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_unnamed_processor_is_a_gap(lang: str) -> None:
    page, context = document(lang, processor_agreement={"clauses": MIXED})
    assert context.processor is None
    summary = plain(page.split('id="checklist"')[0])
    assert GAP[lang] in summary


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_education_items_appear_with_the_sector_model(lang: str) -> None:
    page, _ = document(lang, **checklist_q(MIXED))
    assert "item-privacy_annex" not in page
    sector = {"sector_model": True, "privacy_annex": False, "security_annex": True}
    page, context = document(lang, **checklist_q(MIXED, **sector))
    found = item_rows(page)
    assert list(found)[-3:] == ["model_agreement", "privacy_annex", "security_annex"]
    assert "Model Verwerkersovereenkomst 4.0" in found["model_agreement"]
    assert "privacybijsluiter" in found["privacy_annex"].lower()
    assert STATUS[lang]["missing"] in found["privacy_annex"]
    assert "beveiligingsbijlage" in found["security_annex"].lower()
    assert context.requests[-1].item is SectorItem.privacy_annex


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_transfers_marked_not_applicable_while_data_leave_the_eea(lang: str) -> None:
    clauses = {**MIXED, "f_assist_32_36": {"status": "present", "clause": "art. 10"}}
    page, context = document(
        lang,
        **checklist_q(clauses),
        **{"description.locations.1": {"id": "US", "country": "US", "mechanism": "scc"}},
    )
    assert context.advice is SigningAdvice.do_not_sign
    assert [r.item for r in context.blocking] == [Art28Item.transfers]
    entry = next(e for e in requests(page) if SOURCES[lang]["transfers"] in e)
    assert ("United States" if lang == "en" else "Verenigde Staten") in entry


EXPECTED = {
    "vocational-exam-proctoring.yaml": SigningAdvice.do_not_sign,
    "secondary-ai-homework.yaml": SigningAdvice.after_changes,
    "university-writing-assistant.yaml": SigningAdvice.after_changes,
    "primary-learning-analytics.yaml": SigningAdvice.ready,
    "joint/school-a.yaml": SigningAdvice.ready,
    "joint/school-b.yaml": SigningAdvice.ready,
    "joint/school-c.yaml": SigningAdvice.ready,
}


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_verdicts_of_the_samples(sample: str) -> None:
    context = prepare(assess_file(SAMPLES / sample), DOC, "en").context
    assert isinstance(context, ProcessorChecklistContext)
    assert context.advice is EXPECTED[sample]


# ---------------------------------------------------------------- the PDFs


@pytest.fixture(scope="module")
def pdf_text(sample_pdfs: SharedPdfs) -> dict[tuple[str, str], str]:
    """The three PDFs the tests read, rendered once per session."""
    wanted = [("vocational-exam-proctoring", lang) for lang in ("en", "nl")]
    wanted.append(("secondary-ai-homework", "nl"))
    found = sample_pdfs.get([(SAMPLES / f"{stem}.yaml", DOC, lang) for stem, lang in wanted])
    return {(path.stem, lang): pdf_text_of(pdf) for (path, _, lang), pdf in found.items()}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pdf_says_do_not_sign_and_lists_every_item(pdf_text: dict, lang: str) -> None:
    text = pdf_text["vocational-exam-proctoring", lang]
    assert RENEGOTIATE[lang] in text  # the agreement is already signed
    assert "Examina Systems, Inc.: " in text  # named after the processor and its agreement
    for key in SOURCES[lang]:
        assert SOURCES[lang][key] in text, key
    for status in STATUS[lang].values():
        assert status in text
    heading = {"en": "Changes to ask the supplier for", "nl": "Wijzigingen die wij de leverancier"}
    assert heading[lang] in text
    for name in ["Examina Systems, Inc.", "Amazon Web Services, Inc.", "Examina Review Services"]:
        assert name in text


def test_pdf_of_a_school_with_the_sector_model(pdf_text: dict) -> None:
    text = pdf_text["secondary-ai-homework", "nl"]
    assert RENEGOTIATE["nl"] in text  # signed, and one item still open
    for phrase in ["Leerwijs AI B.V.", "Microsoft Ireland Operations Ltd.", "Privacybijsluiter"]:
        assert phrase in text
    assert "Beveiligingsbijlage" in text and "Model Verwerkersovereenkomst 4.0" in text
    assert "Auditrechten en certificeringen in de praktijk" in text  # the one open item


# ---------------------------------------------------------------- per processor


OTHER = {
    "id": "BETA",
    "name": "Beta Toetsing B.V.",
    "role": "processor",
    "country": "NL",
    "agreement": False,
    "operations": ["O2"],
}
US_FOR_BETA = {"id": "US", "country": "US", "mechanism": "scc", "operations": ["O2"]}
OPERATIONS = [{"id": "O1", "description": "Lessons."}, {"id": "O2", "description": "Tests."}]
# Every item present; transfers not applicable, as for a vendor that keeps data in the EEA.
IN_EEA = {
    **{i.value: {"status": "present", "clause": "art. 1"} for i in Art28Item},
    "transfers": {"status": "not_applicable"},
}


def two_vendors(lang: str, **acme: Any) -> tuple[str, ProcessorChecklistContext]:
    """Acme (operation O1, sub-processor engaged by it) and Beta (O2, which alone sends data
    to the US); the letter goes to `processor`."""
    changes = checklist_q(IN_EEA)
    changes["description.operations"] = OPERATIONS
    changes["description.parties.1"] = {**PROCESSOR, "operations": ["O1"], **acme}
    changes["description.parties.3"] = OTHER
    changes["description.locations"] = [US_FOR_BETA]
    changes["further_agreements"] = [{"processor": "BETA", "clauses": {}}]
    return document(lang, **changes)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_transfer_of_another_vendors_operation_is_not_in_this_vendors_letter(lang: str) -> None:
    _page, context = two_vendors(lang)
    acme, beta = context.agreements
    assert acme.transfers == [] and [t.id for t in beta.transfers] == ["US"]
    # Acme's "not applicable" stands: no contradiction, no blocking transfers item
    assert not any(r.contradicted for r in acme.checklist)
    assert acme.advice is SigningAdvice.ready
    # its sub-processor is listed under Acme, not under Beta
    assert [p.id for p in acme.sub_processors] == ["CLOUD"] and beta.sub_processors == []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.yaml"
        changes = checklist_q(IN_EEA)
        changes["description.operations"] = OPERATIONS
        changes["description.parties.1"] = {**PROCESSOR, "operations": ["O1"]}
        changes["description.parties.3"] = OTHER
        changes["description.locations"] = [US_FOR_BETA]
        changes["further_agreements"] = [{"processor": "BETA", "clauses": {}}]
        with path.open("w") as f:
            YAML(typ="safe", pure=True).dump(data(**changes), f)
        a = assess_file(path)
        letter = plain(prepare(a, "supplier-letter", lang, "html", processor="ACME").html)
    us = "United States" if lang == "en" else "Verenigde Staten"
    assert us not in letter and "Wolkenkrabber" not in letter
    assert "Beta Toetsing" not in letter


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_unlinked_transfer_is_asked_about_not_stated(lang: str) -> None:
    """Acme names no operation: the US location may be its, so the item is still open, but
    the checklist says the link is not recorded instead of accusing."""
    page, context = two_vendors(lang, operations=[])
    acme = context.agreements[0]
    assert [t.id for t in acme.transfers] == ["US"] and acme.transfers_unlinked == acme.transfers
    assert not acme.contradiction_known
    entry = next(e for e in requests(page) if SOURCES[lang]["transfers"] in e)
    ask = {"en": "Our records do not say whether", "nl": "Onze gegevens zeggen niet of"}
    accuse = {"en": "but data go to", "nl": "maar gegevens gaan naar"}
    assert ask[lang] in entry and accuse[lang] not in entry


def test_an_unknown_engaging_processor_is_a_located_error() -> None:
    changes = checklist_q({})
    changes["description.parties.2"] = {**SUB, "engaged_by": "NOBODY"}
    base = data(**changes)
    found = {loc: message for loc, message, _ in reference_errors(base)}
    assert found[("description", "parties", 2, "engaged_by")].startswith("unknown id")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_signed_agreement_in_order_reads_in_order_without_signing_tags(lang: str) -> None:
    full = {i.value: {"status": "present", "clause": "art. 1"} for i in Art28Item}
    page, context = document(lang, **checklist_q(full))
    assert context.signed and context.advice is SigningAdvice.ready
    verdict = re.search(r'<p class="verdict advice advice-(\w+)">(.*?)</p>', page)
    assert (
        verdict
        and verdict.group(2) == {"en": "in order (signed)", "nl": "in orde (getekend)"}[lang]
    )
    text = plain(page)
    assert VERDICT[lang]["ready"] not in text
    assert {"en": "needed before signing", "nl": "vóór ondertekening"}[lang] not in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_checklist_speaks_of_the_processor_not_to_it(lang: str) -> None:
    page, _ = document(lang, **checklist_q(MIXED))
    table = plain(re.search(r'<table class="grid checklist">(.*?)</table>', page, re.S).group(1))
    gaps = " ".join(requests(page))
    for text in (table, gaps):
        words = set(re.findall(r"\w+", text.lower()))
        assert not words & ({"you", "your"} if lang == "en" else {"u", "uw"}), words


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_model_training_by_the_vendor_is_a_reason_and_a_request(lang: str) -> None:
    page, context = document(lang, **checklist_q(MIXED), **TRAINING_AI)
    assert context.own_use and context.advice is SigningAdvice.do_not_sign
    assert "The processor uses our data to train its own models." in context.stoppers
    first = requests(page)[0]
    assert {"en": "No use of the data for purposes", "nl": "Geen gebruik van de gegevens"}[
        lang
    ] in first


TRAINING_AI = {
    "description.ai_system": {
        "name": "Leerhulp",
        "vendor": "Acme Leermiddelen B.V.",
        "service": "private",
        "inputs_train_model": True,
    }
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_gap_list_introduction_reads_as_prose(lang: str) -> None:
    """Words around a template tag keep their spaces; the marks are explained in words."""
    changes = checklist_q(MIXED)
    changes["description.parties.1"] = {**PROCESSOR, "agreement": False}
    page, _ = document(lang, **changes)
    intro = plain(page.split('<ol class="requests">')[0].rsplit("<h2", 1)[1])
    expected = {
        "en": ["agree with Acme Leermiddelen B.V. before", "processor agreement. Each point"],
        "nl": ["met Acme Leermiddelen B.V. af te spreken", "tekent. Elk punt"],
    }
    for phrase in expected[lang]:
        assert phrase in intro, intro
