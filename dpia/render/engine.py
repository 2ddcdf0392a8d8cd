"""Jinja2 environment: autoescaped, strict about undefined names, one per language.

Templates live in templates/<lang>/ (prose) and templates/shared/ (structure, macros, CSS).
Answers only ever reach the output through the `text` filter, which escapes them and
allows the small Markdown subset; nothing from a questionnaire is treated as markup.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from dpia.context.common import DocumentBase
from dpia.context.knowledge import KnowledgeContext
from dpia.languages import LANGUAGES
from dpia.load import field_path
from dpia.model.base import Text
from dpia.model.enums import Characteristic, RiskLevel
from dpia.model.labels import GROUNDS
from dpia.render import markdown
from dpia.render.i18n import Translator
from dpia.resources import TEMPLATES
from dpia.review import words
from dpia.rules.risk import MAP_LEVELS, MATRIX, SCALE


class ContainedLoader(FileSystemLoader):
    """A FileSystemLoader that refuses templates resolving outside its root (symlinks)."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        root = Path(self.searchpath[0]).resolve()
        if not Path(filename).resolve().is_relative_to(root):
            raise TemplateNotFound(template)
        return source, filename, uptodate


@cache
def environment(lang: str) -> Environment:
    t = Translator(lang)
    env = Environment(
        loader=ContainedLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_breakable_value,
    )
    env.install_gettext_translations(t.catalog, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        text=_text,
        label=t.label,
        date=t.date,
        number=t.number,
        country=t.country,
        field=field_path,
        finding=lambda f: f.text(t.gettext),
        ground=lambda c: t.gettext(GROUNDS[c]),
        plain=lambda value: value.get(lang, lang)[0],
        running=lambda v: _running(v if isinstance(v, str) else v.get(lang, lang)[0]),
        value=lambda member: member.value if isinstance(member, Enum) else member,
        shortdate=t.month,
        # changed answers in a re-assessment, in words (dpia.review.words)
        section=lambda loc: words.section(loc, t),
        question=lambda loc: words.question(loc, t),
        answer=pass_context(lambda ctx, v: words.value(v, t, ctx["lang"], ctx["first_lang"])),
    )
    env.globals.update(
        gap=_gap(t),
        unanswered=_unanswered,
        lang_name=lambda code: t.gettext(LANGUAGES[code].name),
        matrix=MATRIX,
        map_levels=MAP_LEVELS,
        scale=SCALE,
        levels=list(RiskLevel),
        characteristics=list(Characteristic),
    )
    return env


LONG_WORD = re.compile(r"\S{61,}")  # longer than a narrow table column can hold
BREAK_EVERY = 20


def breakable(text: str) -> str:
    """`text` with a zero-width space every 20 characters inside words longer than 60.

    The stylesheet wraps long words anywhere in running text, but not in tables: there
    `overflow-wrap: anywhere` also lets every short column shrink to one letter. A word such
    as a pasted hash or a 300-character name would then run off the page and be clipped, so it
    gets break opportunities of its own. Ordinary words and most addresses are untouched."""
    return LONG_WORD.sub(
        lambda m: "\u200b".join(
            m.group()[i : i + BREAK_EVERY] for i in range(0, len(m.group()), BREAK_EVERY)
        ),
        text,
    )


def _breakable_value(value: Any) -> Any:
    """Plain text printed by a template (names, ids): breakable. Markup (already built HTML)
    and the logo's data: URL are left alone."""
    if isinstance(value, str) and not isinstance(value, Markup) and not value.startswith("data:"):
        return breakable(value)
    return value


RUNNING_HEAD = 80  # characters of the title in the running head: one line of 110 mm at 7.5 pt


def _running(text: str) -> str:
    """The title as one line of the running head. A long title there is not wrapped (a margin
    box with thousands of wrapped characters took minutes to lay out) but shortened."""
    text = " ".join(text.split())
    return text if len(text) <= RUNNING_HEAD else text[: RUNNING_HEAD - 1].rstrip() + "\u2026"


def _gap(t: Translator) -> Markup:
    return Markup('<span class="gap">{}</span>').format(t.gettext("Not answered"))


@pass_context
def _unanswered(ctx: Context, path: str) -> Markup:
    """The cell of a question without an answer: "not answered", marked with its path, when the
    document's list of open questions has it (`open_fields`, which its annex lists), else a
    dash (nothing is asked there). A document without such a list prints the plain gap."""
    if "open_fields" not in ctx:
        return Markup(ctx["gap"])
    if path not in ctx["open_fields"]:
        return Markup("\u2013")
    return Markup('<span class="gap" data-field="{}">{}</span>').format(
        path, Markup(ctx["gap"]).striptags()
    )


@pass_context
def _text(ctx: Context, value: Text | None, inline: bool = False) -> Markup:
    """An answer in the document's language; in the other language, with a marker."""
    if value is None:
        return Markup(ctx["gap"])
    content, lang = value.get(ctx["lang"], ctx["first_lang"])
    html = markdown.inline(breakable(content)) if inline else markdown.block(content)
    if lang == ctx["lang"]:
        return html
    if not ctx["translated"]:
        # Answers never written in the document's language: the cover says so once, and each
        # answer only carries its language for screen readers and hyphenation.
        tag = "span" if inline else "div"
        return Markup('<{0} lang="{1}">{2}</{0}>').format(tag, escape(lang), html)
    marker = Markup('<span class="lang-marker" title="{}">{}</span> ').format(
        ctx["lang_name"](lang), lang.upper()
    )
    if inline:
        return Markup('<span class="other-lang" lang="{0}">{1}{2}</span>').format(
            escape(lang), marker, html
        )
    # The marker goes inside the first paragraph or list item, so that it stays on the page of
    # the answer's first lines instead of making a line of its own at the foot of a page.
    opening = _FIRST_BLOCK.match(html)
    if opening:
        html = Markup(html[: opening.end()] + marker + html[opening.end() :])
    else:
        html = marker + html
    return Markup('<div class="other-lang" lang="{0}">{1}</div>').format(escape(lang), html)


# The opening tags of an answer's first paragraph or list item, as the Markdown renders them.
_FIRST_BLOCK = re.compile(
    r"\s*(?:<(?:ul|ol)[^>]*>\s*)?(?:<li[^>]*>\s*)?<p>|\s*<(?:ul|ol)[^>]*>\s*<li[^>]*>"
)


def template_name(doc: str, context: DocumentBase | KnowledgeContext) -> str:
    """The language template of a document: `<lang>/<doc>.html.j2`, or the variant the context
    names (`template_variant`, e.g. the Dutch addendum in the informal register) where the
    language has one (the other language's text may need none)."""
    variant = getattr(context, "template_variant", None)
    if variant:
        name = f"{context.lang}/{doc}.{variant}.html.j2"
        if _exists(context.lang, name):
            return name
    return f"{context.lang}/{doc}.html.j2"


@cache
def _exists(lang: str, name: str) -> bool:
    try:
        environment(lang).get_template(name)
    except TemplateNotFound:
        return False
    return True


def render(doc: str, context: DocumentBase | KnowledgeContext) -> str:
    """HTML for one document kind (e.g. 'dpia') from its typed context."""
    template = environment(context.lang).get_template(template_name(doc, context))
    values = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    return template.render(doc=doc, **values)
