"""The privacy-statement addendum: what Art. 13/14 GDPR and Art. 50 AI Act require people to be
told, in both languages, as HTML, PDF and Markdown; missing answers are visible gaps; answers
cannot inject markup into the Markdown."""

from __future__ import annotations

import html as htmllib
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.context.privacy_addendum import PrivacyAddendumContext
from dpia.produce import DOCUMENTS, prepare
from dpia.render.to_markdown import escape, to_markdown
from tests.factory import data
from tests.pdfs import SharedPdfs
from tests.pdfs import text as pdf_text_of

DOC = "privacy-addendum"
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RIGHTS = ["access", "rectification", "erasure", "restriction", "objection", "portability"]

FULL: dict[str, Any] = {
    "meta.organisation": {
        "name": "Example School",
        "sector": "secondary",
        "address": "Schoolstraat 1, 1234 AB Dorp",
        "dpo": {"name": "FG Example", "email": "fg@example.nl", "phone": "010 000 0000"},
        "contact": {"name": "Privacy desk", "email": "privacy@example.nl"},
    },
    "description.ai_system": {
        "name": "Schrijfmaatje",
        "vendor": "Acme AI B.V.",
        "service": "private",
        "inputs_train_model": False,
        "description": "Gives pupils feedback on their essays.",
    },
    "ai": {
        "risk_tier": "high_risk",
        "decisions_about_people": ["learning_outcomes"],
        "human_oversight": "The teacher checks every suggested mark.",
        "transparency": "A banner on every page says the feedback comes from AI.",
    },
    "description.purposes.1": {"id": "P2", "description": "Sending the class newsletter"},
    "description.purposes.2": {"id": "P3", "description": "Keeping the service reliable"},
    "lawfulness.lawful_bases.1": {
        "id": "B2",
        "purpose": "P2",
        "basis": "consent",
        "consent_by": "parent",
    },
    "lawfulness.lawful_bases.2": {
        "id": "B3",
        "purpose": "P3",
        "basis": "legitimate_interests",
        "justification": "Outages would stop lessons.",
    },
    "lawfulness.rights": {
        **{k: f"Ask the desk ({k})." for k in RIGHTS},
        "automated_decisions": "Suggested marks are never final without the teacher.",
    },
    "description.personal_data.0.source": "The school administration",
    "description.personal_data.1": {
        "id": "D2",
        "name": "Essays",
        "kind": "sensitive",
        "source": "The pupil",
        "retention": "Until the end of the school year",
    },
    "description.parties.1": {
        "id": "ACME",
        "name": "Acme AI B.V.",
        "role": "processor",
        "country": "NL",
        "agreement": True,
    },
    "description.parties.2": {
        "id": "CLOUD",
        "name": "Cloudy Inc.",
        "role": "sub_processor",
        "country": "US",
        "agreement": True,
    },
    "description.locations.1": {
        "id": "L2",
        "country": "US",
        "mechanism": "scc",
        "description": "Support staff may see data",
    },
    "description.retention": "Everything is deleted two years after the pupil leaves.",
    "lawfulness.transparency": {
        "must_provide": "Pupils must have a school account; there is no other way to log in.",
        "further_purposes": "From 2027 the essays may be used, anonymised, to evaluate the pilot.",
    },
    # The public text: the only prose the addendum prints besides its own.
    "description.purposes.0.public": "Helping you with homework.",  # replaces the factory's
    "description.purposes.1.public": "Sending you the class newsletter.",
    "description.purposes.2.public": "Keeping the service working.",
    "public": {
        "title": "Essay feedback with Schrijfmaatje",
        "summary": "Pupils get feedback on essays from Schrijfmaatje.",
        "ai": "Schrijfmaatje comments on your essay; a banner says so.",
        "interests": "We keep the service working so that lessons can go on.",
        "retention": "We delete essays at the end of the school year.",
        "decisions": "Your teacher decides the mark and can change any suggestion.",
        "for_children": "A computer gives tips on your essay. Your teacher decides.",
        "must_provide": "You need a school account to log in; there is no other way in.",
    },
}
# Internal answers of FULL that must never reach the public addendum.
INTERNAL = [
    "Ask the desk",
    "Outages would stop lessons.",
    "One year",
    "Until the end of the school year",
    "Everything is deleted two years",
    "Support staff may see data",
    "Gives pupils feedback on their essays.",
    "A banner on every page says",
    "The teacher checks every suggested mark.",
    "Suggested marks are never final",
    "Homework help",
    "Pupils must have a school account",  # lawfulness.transparency.must_provide
]

T = {
    "en": {
        "rights": [
            ("Right of access", "Art. 15 GDPR"),
            ("Right to rectification", "Art. 16 GDPR"),
            ("Right to erasure", "Art. 17 GDPR"),
            ("Right to restriction of processing", "Art. 18 GDPR"),
            ("Right to object", "Art. 21 GDPR"),
            ("Right to data portability", "Art. 20 GDPR"),
        ],
        "withdraw": ("Right to withdraw consent", "Art. 7(3) GDPR"),
        "record_rights": "rights: Articles 15 to 22 GDPR",
        "gap": "Not answered",
        "public_task": "public task (Art. 6(1)(e))",
        "consent": "consent (Art. 6(1)(a))",
        "legitimate": "legitimate interests (Art. 6(1)(f))",
        "scc": "standard contractual clauses (SCC, Art. 46)",
        "US": "United States",
        "eea_only": "Your data stay inside the European Economic Area (EEA).",
        "ai_act": "AI Act",
        "art50": "Article 26(11) of the AI Act",
        "decision": "assessment of learning outcomes",
        "no_decisions": "We do not use the AI system to take decisions about you.",
        "processor": "processor",
        "sub_processor": "sub-processor",
        "complaint": "complain to the Autoriteit Persoonsgegevens",
        "trains": "Are your data used to train the AI? No",
        "further_use": "If we ever want to use them for another purpose",
        "must_provide": "whether that is so, and what happens if you do not give them",
    },
    "nl": {
        "rights": [
            ("Recht op inzage", "art. 15 AVG"),
            ("Recht op rectificatie", "art. 16 AVG"),
            ("Recht op gegevenswissing", "art. 17 AVG"),
            ("Recht op beperking van de verwerking", "art. 18 AVG"),
            ("Recht van bezwaar", "art. 21 AVG"),
            ("Recht op overdraagbaarheid van gegevens", "art. 20 AVG"),
        ],
        "withdraw": ("Recht om toestemming in te trekken", "art. 7 lid 3 AVG"),
        "record_rights": "rechten: artikelen 15 tot en met 22 AVG",
        "gap": "Niet beantwoord",
        "public_task": "taak van algemeen belang (art. 6 lid 1 onder e)",
        "consent": "toestemming (art. 6 lid 1 onder a)",
        "legitimate": "gerechtvaardigd belang (art. 6 lid 1 onder f)",
        "scc": "standaardcontractbepalingen (SCC, art. 46)",
        "US": "Verenigde Staten",
        "eea_only": "Uw gegevens blijven binnen de Europese Economische Ruimte (EER).",
        "ai_act": "AI-verordening",
        "art50": "artikel 26, lid 11, AI-verordening",
        "decision": "beoordeling van leerresultaten",
        "no_decisions": "Wij gebruiken het AI-systeem niet om besluiten over u te nemen.",
        "processor": "verwerker",
        "sub_processor": "subverwerker",
        "complaint": "klacht in te dienen bij de Autoriteit Persoonsgegevens",
        "trains": "Worden uw gegevens gebruikt om de AI te trainen? Nee",
        "further_use": "Willen wij ze ooit voor een ander doel gebruiken?",
        "must_provide": "of dat zo is, en wat er gebeurt als u ze niet geeft",
    },
}
LANGS = ["en", "nl"]


def document(lang: str, **changes: Any) -> tuple[str, PrivacyAddendumContext]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.yaml"
        with path.open("w") as f:
            YAML(typ="safe", pure=True).dump(data(**changes), f)
        assessment = assess_file(path)
        assert assessment.ok, [str(p) for p in assessment.validated.problems]
        request = prepare(assessment, DOC, lang)
        html = request.html  # made while the file exists
    assert isinstance(request.context, PrivacyAddendumContext)
    return html, request.context


def plain(fragment: str) -> str:
    """Text as a reader sees it, without the markers of answers in the other language."""
    fragment = re.sub(r'<span class="lang-marker"[^>]*>\w+</span>', "", fragment)
    text = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()
    return tidy(text)


def sections(page: str) -> dict[str, str]:
    """Each section of the addendum as plain text, by the id of its heading."""
    body = page.split('<article class="addendum">', 1)[1].split("</article>", 1)[0]
    parts = re.split(r'<h3 id="([\w-]+)">', body)
    return {parts[i]: plain(parts[i + 1]) for i in range(1, len(parts), 2)}


def tidy(text: str) -> str:
    """Text as pypdf or a stripped page gives it: spaces around punctuation vary."""
    return re.sub(r"\s+([).,:;])", r"\1", re.sub(r"([(])\s+", r"\1", text))


# ---------------------------------------------------------------- Art. 13/14 in HTML


@pytest.mark.parametrize("lang", LANGS)
def test_every_right_is_there_with_its_article_in_the_record(lang: str) -> None:
    s = sections(document(lang, **FULL)[0])
    for title, _article in T[lang]["rights"]:
        assert title in s["rights"], title
    assert T[lang]["withdraw"][0] in s["rights"]
    assert "privacy@example.nl" in s["rights"]  # where to send a request
    assert "Ask the desk" not in s["rights"]  # the DPIA's own answers on rights are internal
    assert "GDPR" not in s["rights"] and "AVG" not in s["rights"]  # references at the end
    assert T[lang]["record_rights"] in s["record"]


@pytest.mark.parametrize("lang", LANGS)
def test_withdrawing_consent_only_where_consent_is_a_basis(lang: str) -> None:
    without = {
        **FULL,
        "lawfulness.lawful_bases.1": {"id": "B2", "purpose": "P2", "basis": "public_task"},
    }
    page, context = document(lang, **without)
    assert not context.consent
    assert T[lang]["withdraw"][0] not in page
    # Nor portability (Art. 20 applies only to consent and contract), unless a contract is a basis.
    assert T[lang]["rights"][-1][0] not in page and not context.portability
    contract = {
        **without,
        "lawfulness.lawful_bases.2": {"id": "B3", "purpose": "P3", "basis": "contract"},
    }
    assert T[lang]["rights"][-1][0] in document(lang, **contract)[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_to_complain_to_the_autoriteit_persoonsgegevens(lang: str) -> None:
    complaints = sections(document(lang, **FULL)[0])["complaints"]
    assert T[lang]["complaint"] in complaints
    assert "autoriteitpersoonsgegevens.nl" in complaints
    assert "fg@example.nl" in complaints and "privacy@example.nl" in complaints


@pytest.mark.parametrize("lang", LANGS)
def test_controller_and_dpo_contact(lang: str) -> None:
    controller = sections(document(lang, **FULL)[0])["controller"]
    for fact in ["Example School", "Schoolstraat 1, 1234 AB Dorp", "Privacy desk"]:
        assert fact in controller
    assert "privacy@example.nl" in controller
    assert "FG Example, fg@example.nl, 010 000 0000" in controller


@pytest.mark.parametrize("lang", LANGS)
def test_purposes_with_their_lawful_basis_and_legitimate_interests(lang: str) -> None:
    s = sections(document(lang, **FULL)[0])
    purposes = tidy(s["purposes"])
    for text in ["Helping you with homework.", "Sending you the class newsletter."]:
        assert text in purposes
    assert "Homework help" not in purposes  # the DPIA's own wording of the purpose
    record = tidy(s["record"])
    assert f"{T[lang]['public_task']}, WVO 2020 art. 2.1" in record
    assert T[lang]["consent"] in record and T[lang]["legitimate"] in record
    assert T[lang]["public_task"] not in purposes  # the article goes to the record
    assert "We keep the service working so that lessons can go on." in s["interests"]
    assert "Outages would stop lessons." not in s["interests"]
    # no legitimate interests relied on: no such section
    only_public = {k: v for k, v in FULL.items() if not k.startswith("lawfulness.lawful_bases")}
    assert "interests" not in sections(document(lang, **only_public)[0])


@pytest.mark.parametrize("lang", LANGS)
def test_data_with_their_source_and_retention(lang: str) -> None:
    s = sections(document(lang, **FULL)[0])
    assert "Pupils" in s["data"]  # whose data
    assert "Name. " in s["data"] and "The school administration" in s["data"]
    assert "Essays. " in s["data"] and "The pupil" in s["data"]
    assert s["retention"].endswith("We delete essays at the end of the school year.")
    assert "One year" not in s["retention"] and "two years" not in s["retention"]


@pytest.mark.parametrize("lang", LANGS)
def test_recipients_and_transfers_with_their_safeguards(lang: str) -> None:
    s = sections(document(lang, **FULL)[0])
    assert f"Acme AI B.V. ({T[lang]['processor']}, " in s["recipients"]
    assert f"Cloudy Inc. ({T[lang]['sub_processor']}, {T[lang]['US']})" in s["recipients"]
    assert "Example School (" not in s["recipients"]  # the controller itself is no recipient
    assert T[lang]["US"] in s["transfers"] and "Support staff" not in s["transfers"]
    assert T[lang]["scc"] in s["transfers"]
    eea = {k: v for k, v in FULL.items() if k != "description.locations.1"}
    assert T[lang]["eea_only"] in sections(document(lang, **eea)[0])["transfers"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_ai_system_is_disclosed(lang: str) -> None:
    s = sections(document(lang, **FULL)[0])
    assert "Schrijfmaatje is" in s["ai"] and T[lang]["ai_act"] in s["ai"]
    assert s["ai"].endswith("Schrijfmaatje comments on your essay; a banner says so.")
    assert "Gives pupils feedback" not in s["ai"] and "A banner on every page" not in s["ai"]
    assert T[lang]["art50"] not in s["ai"] and T[lang]["art50"] in s["record"]


@pytest.mark.parametrize("lang", LANGS)
def test_automated_decisions_and_the_logic_involved(lang: str) -> None:
    decisions = sections(document(lang, **FULL)[0])["decisions"]
    assert T[lang]["decision"] in decisions.lower()
    assert "Your teacher decides the mark and can change any suggestion." in decisions
    assert "Suggested marks are never final" not in decisions
    assert "The teacher checks every suggested mark." not in decisions
    none = {**FULL, "ai": {**FULL["ai"], "decisions_about_people": []}}
    assert T[lang]["no_decisions"] in sections(document(lang, **none)[0])["decisions"]


@pytest.mark.parametrize("lang", LANGS)
def test_whether_people_must_give_the_data_and_further_purposes(lang: str) -> None:
    """Art. 13(2)(e) has a section of its own; Art. 13(3) follows the purposes."""
    s = sections(document(lang, **FULL)[0])
    assert T[lang]["must_provide"] in s["must-provide"]
    # The public text, never the assessor's own answer (lawfulness.transparency.must_provide).
    assert s["must-provide"].endswith(FULL["public"]["must_provide"])
    assert FULL["lawfulness.transparency"]["must_provide"] not in s["must-provide"]
    assert T[lang]["further_use"] in s["purposes"]
    assert s["purposes"].endswith(FULL["lawfulness.transparency"]["further_purposes"])
    bare = sections(document(lang, **{"public.must_provide": None})[0])
    assert bare["must-provide"].endswith(T[lang]["gap"])
    assert T[lang]["further_use"] in bare["purposes"]  # the promise stands without a plan


@pytest.mark.parametrize("lang", LANGS)
def test_missing_answers_show_as_gaps(lang: str) -> None:
    """Without DPO, contact, AI system, data source or public text: gaps, and findings."""
    no_public = {
        "public": {},
        "description.purposes.0": {"id": "P1", "description": "Homework help"},
    }
    page, context = document(lang, **no_public)
    s = sections(page)
    gap = T[lang]["gap"]
    assert "ai" not in s  # no AI system: no AI section
    assert s["controller"].count(gap) == 2  # privacy contact and DPO
    assert gap in s["data"]  # where the data come from
    assert s["purposes"].count(gap) == 1  # the purpose has no public text
    assert s["retention"].endswith(gap) and s["children"].count(gap) == 2  # text, whom to ask
    assert s["rights"].count(gap) == 1  # where to send requests
    assert gap in s["complaints"]
    assert "One year" not in page  # the internal retention answer
    located = {f.where.field for f in context.findings if f.finding.code == "public-text-missing"}
    expected = {"public.summary", "public.retention", "public.for_children", "public.must_provide"}
    assert located == expected | {"description.purposes[0].public"}
    assert not re.search(r"<(p|li|td)[^>]*>\s*</\1>", page), "an empty element"
    assert not re.search(r":(</strong>)?\s*</(p|li)>", page), "a label without its answer"


@pytest.mark.parametrize("lang", LANGS)
def test_a_transfer_without_safeguard_is_a_gap(lang: str) -> None:
    loc = {"id": "L2", "country": "US", "mechanism": "none"}
    transfers = sections(document(lang, **{"description.locations.1": loc})[0])["transfers"]
    assert f"{T[lang]['US']}" in transfers and T[lang]["gap"] in transfers


# ---------------------------------------------------------------- PDF


@pytest.fixture(scope="module")
def pdf_text(sample_pdfs: SharedPdfs) -> dict[tuple[str, str], str]:
    """The two PDFs the tests read, rendered once per session."""
    wanted = [("vocational-exam-proctoring", "en"), ("secondary-ai-homework", "nl")]
    found = sample_pdfs.get([(SAMPLES / f"{stem}.yaml", DOC, lang) for stem, lang in wanted])
    return {(path.stem, lang): tidy(pdf_text_of(pdf)) for (path, _, lang), pdf in found.items()}


def test_pdf_in_english(pdf_text: dict) -> None:
    text = pdf_text["vocational-exam-proctoring", "en"]
    for title, _article in [*T["en"]["rights"], T["en"]["withdraw"]]:
        assert title in text
    for phrase in [
        "Privacy information: Online supervision of exams taken at home",
        "Classification: PUBLIC",
        "DRAFT: the assessment behind this text still has",  # a draft with errors
        "Autoriteit Persoonsgegevens",
        "fg@deltapoort.example.nl",  # the DPO
        "examenbureau@deltapoort.example.nl",  # the privacy contact
        T["en"]["public_task"],
        T["en"]["consent"],
        "Our legitimate interests",
        "recordings and scores are kept for 12 months",  # public retention, as recorded
        "India",
        "ExamGuard Live is an AI system",
        "Exam proctoring",  # capitalised by the stylesheet
        "For the record",
    ]:
        assert phrase in text, phrase
    for internal in ["DPIA", "CONFIDENTIAL", "The DPO notes", "Nobody has the authority"]:
        assert internal not in text, internal
    # No processor agreement on record for every processor: no claim that there is one.
    assert "processor agreement with each processor" not in text
    # Claims follow the answers: no balancing test recorded, so no "weighed"; the vendor trains
    # its models on the recordings (ai_system.inputs_train_model), so it is named; the bases of
    # purposes 4 (consent not free) and 5 (legitimate interests of a public body) are doubtful.
    assert "weighed" not in text
    assert "Even so, Examina Systems, Inc. also uses your data for a purpose of its own" in text
    assert text.count("Lawful basis: not yet decided.") == 2
    assert "consent (Art. 6(1)(a)): not yet decided (purpose 4)" in text
    # Special categories with their Art. 9(2) ground; explicit consent may be withdrawn.
    assert "biometric data for unique identification (Article 9 GDPR): 9(2)(a)" in text
    assert "UAVG art. 30 (accommodations for students)" in text
    assert (
        "For biometric data for unique identification we ask for your explicit permission" in text
    )
    # No children's part for a vocational college: the children are bystanders (one line).
    assert "For children" not in text and "your teacher or your parents" not in text
    assert "children who are not our students" in text
    # The public must_provide, never the assessor's answer; the AI Act reference by tier.
    assert "you must use ExamGuard Live, including your camera" in text
    assert "There is no alternative yet" not in text
    assert "Article 26(11) of the AI Act" in text and "Article 50(3)" in text
    assert "Transparency about AI systems: Article 50 of the AI Act" not in text
    assert "decisions about you, namely" in text


def test_pdf_in_dutch(pdf_text: dict) -> None:
    text = pdf_text["secondary-ai-homework", "nl"]
    for title, _article in T["nl"]["rights"][:-1]:
        assert title in text
    # No purpose rests on consent or a contract: Art. 20 does not apply, so it is not listed.
    assert T["nl"]["rights"][-1][0] not in text
    assert T["nl"]["withdraw"][0] not in text  # no consent in this sample
    for phrase in [
        "Privacy-informatie: HuiswerkMaatje, de AI-hulp bij huiswerk (proef)",
        "Classificatie: OPENBAAR",
        "Autoriteit Persoonsgegevens",
        "fg@rijnvliet.example.nl",
        "privacy@rijnvliet.example.nl",
        T["nl"]["public_task"],
        "Gesprekken worden na 30 dagen gewist.",  # public retention
        "Verenigde Staten",
        "Data Privacy Framework",  # the safeguard, as a label (Art. 45 is for the record)
        "HuiswerkMaatje is een AI-systeem",
        "AI-verordening",
        "Voor kinderen",
        T["nl"]["no_decisions"],
    ]:
        assert phrase in text, phrase
    assert "CONCEPT" not in text and "DPIA" not in text  # final, no errors: clean


# ---------------------------------------------------------------- Markdown

# Shown as typed. (An image in Markdown becomes its text and address in the HTML first, as
# every link in an answer does: `![p](http://example.org/t.png)` shows as `!p (http://...)`.)
ATTACKS = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "<img src=x onerror=alert(1)>",
    "<javascript:alert(2)>",
    "| a | table | <!-- comment -->",
]


def write(tmp_path: Path, content: dict[str, Any]) -> Path:
    path = tmp_path / "evil.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(content, f)
    return path


def markdown_of(tmp_path: Path, lang: str, **changes: Any) -> str:
    path = write(tmp_path, data(**changes))
    out = tmp_path / "out"
    r = CliRunner().invoke(
        cli, ["render", str(path), "--doc", DOC, "--format", "md", "--lang", lang, "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    return (out / f"evil.{DOC}.{lang}.md").read_text()


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_answers_are_inert(tmp_path: Path, lang: str) -> None:
    evil = " ".join([*ATTACKS, "![p](http://example.org/t.png)"])
    md = markdown_of(
        tmp_path,
        lang,
        **{
            "meta.organisation.name": "Evil {{ 7*7 }} <b>School</b>",
            "description.purposes.0.public": f"# Heading\n\n- item\n\n{evil}",
            "public.retention": evil,
            "public.summary": "1. first\n> quote\n---\n" + evil,
        },
    )
    for raw in ["<script", "<img", "<b>", "](javascript:", "{{", "{%", "<javascript:", "!["]:
        assert not re.search(r"(?<!\\)" + re.escape(raw), md), raw  # only escaped
    assert "49" not in md
    # A Markdown renderer that allows HTML shows the answers as the very characters typed.
    rendered = MarkdownIt("commonmark", {"html": True, "linkify": True}).enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<h1>Heading" not in rendered and "<blockquote>\n<p>quote" not in rendered
    assert rendered.count("<blockquote>") <= 1  # only the children's part is set apart
    shown = htmllib.unescape(rendered)
    for attack in ATTACKS:
        assert attack in shown, attack
    assert "Evil {{ 7*7 }} <b>School</b>" in shown


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_the_sections_and_shows_gaps(tmp_path: Path, lang: str) -> None:
    md = markdown_of(tmp_path, lang)
    assert md.startswith("Example School\n\n# ")
    headings = re.findall(r"^(?:> )?#+ (.+)$", md, re.M)[1:]  # after the title
    # No jump from # to ###; the children's part is set apart as a quote.
    assert all(h == "## " for h in re.findall(r"^(?:> )?(#+ )", md, re.M)[1:])
    assert re.search(r"^> ## ", md, re.M)
    assert len(headings) == 12, headings  # children, ..., complaints, for the record
    gap = f"**({T[lang]['gap']})**"
    assert md.count(gap) >= 8  # title, summary, contacts, source, purpose, retention, ...
    for title, _ in T[lang]["rights"][:-1]:  # portability: no consent or contract here
        assert f"**{title}**" in md
    assert "Autoriteit Persoonsgegevens" in md
    assert "<" not in md
    # The factory's answers are English: in Dutch the text is marked not for publication.
    assert ("CONCEPT" in md) is (lang == "nl") and "DRAFT" not in md
    assert ("Deze tekst is nog niet in deze taal geschreven" in md) is (lang == "nl")


def test_markdown_of_every_sample_matches_its_html(tmp_path: Path) -> None:
    for sample in [SAMPLES / "secondary-ai-homework.yaml", SAMPLES / "joint" / "school-b.yaml"]:
        for lang in LANGS:
            page = prepare(assess_file(sample), DOC, lang).html
            md = to_markdown(page)
            shown = plain(MarkdownIt("commonmark").render(md))
            shown = re.sub(r"\((NL|EN)\) ", "", shown)  # answers in the other language
            for text in sections(page).values():
                assert tidy(text) in tidy(shown)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1))
def test_escaped_text_renders_as_itself(text: str) -> None:
    expected = re.sub(r"\s+", " ", text).strip()
    if not expected:
        return
    md = to_markdown(f"<p>{htmllib.escape(text)}</p>")
    out = MarkdownIt("commonmark", {"html": True}).render(md)
    assert out.startswith("<p>") and out.endswith("</p>\n"), (md, out)
    assert htmllib.unescape(out[3:-5]) == expected


def test_escape_leaves_plain_text_alone() -> None:
    assert escape("Wij bewaren gegevens 30 dagen (art. 5).") == (
        "Wij bewaren gegevens 30 dagen (art. 5)."
    )
    assert escape("a*b_c[d]<e>{f}") == r"a\*b\_c\[d\]\<e\>\{f\}"


@pytest.mark.parametrize("doc", [d.name for d in DOCUMENTS.values() if "md" not in d.formats])
def test_markdown_only_for_documents_that_support_it(tmp_path: Path, doc: str) -> None:
    path = write(tmp_path, data())
    r = CliRunner().invoke(cli, ["render", str(path), "--doc", doc, "--format", "md"])
    assert r.exit_code == 2
    assert "--format md is available only with --doc privacy-addendum" in r.output
    r = CliRunner().invoke(cli, ["render", str(path), "--doc", "all", "--format", "md"])
    assert r.exit_code == 2
