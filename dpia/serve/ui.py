"""The interface's templates (templates/serve/) and its language, from the project's catalogs.

The same rules as the documents: autoescape, StrictUndefined, a loader that stays inside its
folder; everything from a questionnaire reaches the page as escaped text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from dpia.languages import LANGUAGES
from dpia.render.engine import ContainedLoader
from dpia.render.i18n import Translator
from dpia.resources import TEMPLATES
from dpia.serve.form import repeats

UI = TEMPLATES / "serve"
COOKIE = "dpia-ui"
DEFAULT = "nl"  # the people this form is for work in Dutch first


@cache
def environment(lang: str) -> Environment:
    t = Translator(lang)
    env = Environment(
        loader=ContainedLoader(str(UI)),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(t.catalog, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        help=lambda node: _shown_help(node, t),
        date=t.date,
        label=t.label,
        message=t.gettext,
        lang_name=lambda code: t.gettext(LANGUAGES[code].name),
    )
    env.globals.update(ui_lang=lang, languages=list(LANGUAGES))
    return env


# What a help text says for the file format only: the Rijksmodel's point number in front (the
# form shows it as a badge), a field's path in brackets, code quotes.
_POINT = re.compile(r"^\d+ ")
_PATH = re.compile(r" \((?:description|lawfulness|risks|measures)\.[a-z_.]+\)")


def _plain_help(text: str) -> str:
    return _PATH.sub("", _POINT.sub("", text)).replace("`", "")


def _shown_help(node: Any, t: Translator) -> str:
    """A question's help text in the interface language, or nothing where it would only
    repeat the label there ("Wat zij zeiden." under "Wat zeiden zij?")."""
    if not node.help:
        return ""
    text = _plain_help(t.gettext(node.help))
    return "" if repeats(text, t.gettext(node.label)) else text


def language(request: Request) -> str:
    """The interface language: `?ui=` (remembered in a cookie), else the cookie, else Dutch."""
    asked = request.query_params.get("ui") or request.cookies.get(COOKIE)
    return asked if asked in LANGUAGES else DEFAULT


def page(request: Request, template: str, **values: Any) -> HTMLResponse:
    lang = language(request)
    html = (
        environment(lang)
        .get_template(template)
        .render(csrf=request.app.state.keys.csrf, path=request.url.path, **values)
    )
    response = HTMLResponse(html)
    if request.query_params.get("ui") == lang:
        response.set_cookie(COOKIE, lang, samesite="strict", path="/")
    return response


def fragment(lang: str, template: str, **values: Any) -> str:
    return environment(lang).get_template(template).render(**values)
