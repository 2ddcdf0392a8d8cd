"""Reporting what was found in questionnaire files, as text or JSON, in the user's language.

The language of the messages: `--lang` when given, else the first of the file's
`meta.languages`, else English. Codes (`error[code]`, JSON keys) stay English identifiers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import click

from dpia.context.assessment import Assessment
from dpia.context.common import Loc, LocatedFinding
from dpia.context.open_questions import dpia_gaps
from dpia.languages import LANGUAGES
from dpia.load import Pos, Problem, Severity, field_path
from dpia.load.problems import N_, printable
from dpia.model.fields import walk
from dpia.render.i18n import Translator

# The severity words printed before a located message, as catalog messages.
_SEVERITIES = (N_("error"), N_("warning"))

Gettext = Callable[[str], str]


def file_language(a: Assessment, chosen: str | None) -> str:
    """The language to speak about this file (see the module's docstring)."""
    if chosen:
        return chosen
    q = a.validated.questionnaire
    if q is not None:
        return str(q.meta.languages[0].value)
    # An invalid file: its languages as written, when they can be read.
    loaded = a.validated.loaded
    meta: Any = loaded.data.get("meta") if loaded is not None else None
    langs = meta.get("languages") if isinstance(meta, dict) else None
    first = langs[0] if isinstance(langs, list) and langs else None
    return first if isinstance(first, str) and first in LANGUAGES else "en"


def finding_line(lf: LocatedFinding, t: Translator) -> str:
    p = lf.where
    where = f"{p.field}: " if p.field else ""
    severity = t.gettext(str(p.severity))  # catalog messages, see _SEVERITIES
    return f"{p.pos}: {severity}[{p.code}]: {where}{lf.finding.text(t.gettext)}"


def shown(path: object) -> str:
    """A file name as printed: a name can hold a terminal escape, which must not reach the
    terminal raw (problems are escaped the same way)."""
    return printable(str(path))


def open_questions(a: Assessment) -> list[tuple[Loc, Pos]]:
    """The questions still unanswered, where they are: the very list the DPIA's annex prints
    (dpia.context.open_questions), so the count here is the count there."""
    q, loaded = a.validated.questionnaire, a.validated.loaded
    if q is None or loaded is None:
        return []
    return [(loc, loaded.locate(loc, key=True)) for loc in dpia_gaps(q)]  # the key to answer


def open_lines(a: Assessment, t: Translator) -> list[str]:
    """One located line per open question, with what it asks."""
    helps = {f.path: f.help for f in walk()}
    word = t.gettext("open question")
    lines = []
    for loc, pos in open_questions(a):
        asks = helps.get(tuple("-" if isinstance(p, int) else p for p in loc), "")
        where = f"{pos}: {word}: {field_path(loc)}"
        lines.append(f"{where}: {t.gettext(asks)}" if asks else where)
    return lines


def summary(a: Assessment, t: Translator) -> str:
    """Two separate things: whether the file is valid, and what the assessment's findings are;
    then how many questions are still open."""
    return _validity(a, t) + _still_open(len(open_questions(a)), t)


def _still_open(n: int, t: Translator) -> str:
    if not n:
        return ""
    return "; " + t.ngettext(
        "{n} question is still open (--open lists it)",
        "{n} questions are still open (--open lists them)",
        n,
    ).format(n=n)


def _validity(a: Assessment, t: Translator) -> str:
    path = a.validated.path
    if not a.ok:
        n = len(a.validated.problems)
        problems = t.ngettext("{n} problem", "{n} problems", n).format(n=n)
        return t.gettext("{file}: the file is not valid: {problems}").format(
            file=shown(path), problems=problems
        )
    errors, warnings = a.count(Severity.error), a.count(Severity.warning)
    if not errors and not warnings:
        return t.gettext("{file}: the file is valid; the assessment has no findings").format(
            file=shown(path)
        )
    e = t.ngettext("{n} error", "{n} errors", errors).format(n=errors)
    w = t.ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
    return t.gettext(
        "{file}: the file is valid; the assessment has {errors} and {warnings}"
    ).format(file=shown(path), errors=e, warnings=w)


def problem_lines(problems: Iterable[Problem], t: Translator) -> list[str]:
    return [p.line(t.gettext) for p in problems]


def report(
    assessments: list[Assessment], fmt: str, lang: str | None = None, show_open: bool = False
) -> None:
    translators = [Translator(file_language(a, lang)) for a in assessments]
    if fmt == "json":
        files = [
            {
                "file": str(a.validated.path),
                "valid": a.ok,
                "language": t.lang,
                "problems": [p.as_dict(t.gettext) for p in a.validated.problems],
                "findings": [
                    {**f.where.as_dict(), "message": f.finding.text(t.gettext)} for f in a.findings
                ],
            }
            for a, t in zip(assessments, translators, strict=True)
        ]
        click.echo(json.dumps({"files": files}, indent=2, ensure_ascii=False))
        return
    for a, t in zip(assessments, translators, strict=True):
        for line in problem_lines(a.validated.problems, t):
            click.echo(line)
        for f in a.findings:
            click.echo(finding_line(f, t))
        if show_open:
            for line in open_lines(a, t):
                click.echo(line)
    for a, t in zip(assessments, translators, strict=True):
        click.echo(summary(a, t), err=True)
