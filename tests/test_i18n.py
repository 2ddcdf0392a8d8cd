"""Dutch and English stay in step: same catalogs, same templates, same filled blocks."""

from __future__ import annotations

import re
import typing
from enum import Enum
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from jinja2 import meta, nodes

from dpia.languages import LANGUAGES
from dpia.model import enums
from dpia.model.enums import N_, Labelled
from dpia.model.labels import GROUNDS
from dpia.produce import DOCUMENTS
from dpia.render.engine import environment
from dpia.render.i18n import CatalogMissing, Translator

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"


@cache
def catalog(name: str) -> dict[str, str]:
    path = ROOT / "locales" / name
    with path.open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def test_both_catalogs_translate_every_message_of_the_template() -> None:
    pot = catalog("dpia.pot")
    for lang in LANGUAGES:
        po = catalog(f"{lang}/LC_MESSAGES/dpia.po")
        assert set(po) == set(pot), f"run `make catalogs` ({lang})"
        assert [m for m, s in po.items() if not s] == [], f"untranslated in {lang}"


def test_placeholders_survive_translation() -> None:
    for msgid, msgstr in catalog("nl/LC_MESSAGES/dpia.po").items():
        # A plural message is a (singular, plural) pair, translated form by form.
        for source, translated in zip(_forms(msgid), _forms(msgstr), strict=True):
            assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translated)), msgid


def _forms(message: str | tuple[str, ...]) -> tuple[str, ...]:
    return message if isinstance(message, tuple) else (message,)


ENUMS = [
    c
    for c in vars(enums).values()
    if isinstance(c, type) and issubclass(c, Enum) and c.__module__ == enums.__name__
]


@pytest.mark.parametrize("enum", ENUMS, ids=[c.__name__ for c in ENUMS])
def test_every_member_of_every_enum_has_a_label_in_every_language(enum: type[Enum]) -> None:
    """Labels are written once, beside each value; every one is a catalog message that each
    language translates (the Dutch differs from the English id except for names)."""
    assert issubclass(enum, Labelled), f"{enum.__name__} must be a Labelled enum"
    pot = catalog("dpia.pot")
    for member in enum:
        assert member.label.strip(), f"{enum.__name__}.{member.name} has no label"
        assert member.label in pot, f"run `make catalogs` for {enum.__name__}.{member.name}"
        for lang in LANGUAGES:
            shown = Translator(lang).label(member)
            assert shown.strip(), (lang, member)
            assert catalog(f"{lang}/LC_MESSAGES/dpia.po")[member.label], (lang, member)


def test_every_characteristic_has_its_dutch_grounds() -> None:
    pot = catalog("dpia.pot")
    assert set(GROUNDS) == set(enums.Characteristic)
    for text in GROUNDS.values():
        assert text in pot and catalog("nl/LC_MESSAGES/dpia.po")[text]


def test_a_member_without_a_label_is_caught() -> None:
    class Colour(Labelled):
        red = "red", N_("red")
        blue = "blue"

    assert Colour.red.label == "red" and Colour("blue").label == ""


def test_both_languages_have_the_same_documents() -> None:
    def files(lang: str) -> set[str]:
        return {str(p.relative_to(TEMPLATES / lang)) for p in (TEMPLATES / lang).rglob("*")}

    assert files("nl") == files("en")


def _blocks(path: Path) -> set[str]:
    return set(re.findall(r"{%-?\s*block\s+(\w+)", path.read_text()))


@pytest.mark.parametrize("doc", sorted(DOCUMENTS))
def test_both_languages_fill_every_prose_block_of_the_shared_structure(doc: str) -> None:
    shared = _blocks(TEMPLATES / "shared" / f"{doc}.html.j2") | _blocks(
        TEMPLATES / "shared" / "base.html.j2"
    )
    # Filled by the shared template itself; a document with its own cover (the public
    # addendum) has no colophon to fill.
    structural = {"body", "doc_title", "keywords", "head_title", "running", "mark", "cover"}
    structural.add("cover_title")
    own = (TEMPLATES / "shared" / f"{doc}.html.j2").read_text()
    if "cover" in _blocks(TEMPLATES / "shared" / f"{doc}.html.j2"):
        structural.add("colophon")
    if 'extends lang ~ "/' in own:
        # A document built on another one's language template (the supplier letter on the
        # checklist) has that document's prose already; it fills only its own blocks.
        base = re.search(r'extends lang ~ "/([\w-]+)\.html\.j2"', own)
        assert base is not None
        structural |= _blocks(TEMPLATES / "shared" / f"{base.group(1)}.html.j2")
        structural |= _blocks(TEMPLATES / "en" / f"{base.group(1)}.html.j2")
    for lang in LANGUAGES:
        assert _blocks(TEMPLATES / lang / f"{doc}.html.j2") == shared - structural, lang


@pytest.mark.parametrize("doc", sorted(DOCUMENTS))
def test_templates_use_only_the_documented_context(doc: str) -> None:
    """Every name a template reads is a field of the document's typed context or our global."""
    document = DOCUMENTS[doc]
    context_class = typing.get_type_hints(document.build or document.context)["return"]
    env = environment("en")
    allowed = set(context_class.__dataclass_fields__) | set(env.globals) | {"doc", "_"}

    def defined(ast: nodes.Template) -> set[str]:
        local = {a.name for m in ast.find_all(nodes.Macro) for a in m.args}
        local |= {m.name for m in ast.find_all(nodes.Macro)}  # macros of the template itself
        for node in (*ast.find_all(nodes.Assign), *ast.find_all(nodes.For)):
            names = [node.target, *node.target.find_all(nodes.Name)]
            local |= {n.name for n in names if isinstance(n, nodes.Name)}
        return local | {i.target for i in ast.find_all(nodes.Import)}

    # A scoped block of the structure sees its loop variables and macro arguments, also where a
    # language template fills it.
    structure = defined(env.parse((TEMPLATES / "shared" / f"{doc}.html.j2").read_text()))
    own = (TEMPLATES / "shared" / f"{doc}.html.j2").read_text()
    base = re.search(r'extends lang ~ "/([\w-]+)\.html\.j2"', own)
    if base:  # built on another document's templates: their names are defined for it too
        structure |= defined(env.parse((TEMPLATES / "shared" / f"{base[1]}.html.j2").read_text()))
    for name in (
        "shared/base.html.j2",
        f"shared/{doc}.html.j2",
        "shared/macros.html.j2",
        f"en/{doc}.html.j2",
        f"nl/{doc}.html.j2",
    ):
        ast = env.parse((TEMPLATES / name).read_text())
        local = defined(ast) | (structure if not name.startswith("shared/") or base else set())
        used = meta.find_undeclared_variables(ast) - local
        assert used <= allowed, (name, used - allowed)


def test_a_missing_catalog_is_an_error_not_english() -> None:
    with pytest.raises(CatalogMissing):
        Translator("de")


def test_dates_follow_the_document_language_not_the_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime as dt

    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    day = dt.date(2026, 11, 23)
    assert Translator("nl").date(day) == "23 november 2026"
    assert Translator("en").date(day) == "23 November 2026"


def test_the_language_registry_matches_the_catalogs_templates_and_model() -> None:
    """A language is one registry entry plus its catalog and prose: nothing else lists them."""
    from dpia.model.base import Text

    catalogs = {p.parent.parent.name for p in (ROOT / "locales").glob("*/LC_MESSAGES/dpia.po")}
    # Beside the languages: shared structure, and the local form's interface (serve).
    prose = {p.name for p in TEMPLATES.iterdir() if p.is_dir()} - {"shared", "serve"}
    assert set(LANGUAGES) == catalogs == prose
    assert set(LANGUAGES) <= set(Text.model_fields)  # an answer can be written in each
    for lang in LANGUAGES.values():
        assert Translator(lang.code).gettext(lang.name), lang


def test_english_says_gdpr_never_avg() -> None:
    """The English catalog names the regulation GDPR; the Dutch AVG stays in Dutch (UAVG, the
    Dutch implementation act, keeps its own name)."""
    for msgid, string in catalog("en/LC_MESSAGES/dpia.po").items():
        for s in string if isinstance(string, tuple) else (string,):
            assert not re.search(r"\bAVG\b", s or ""), msgid
