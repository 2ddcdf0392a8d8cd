"""`dpia diff OLD NEW`: what changed between two versions, as a reviewer reads it."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import click

from dpia.cli.common import report
from dpia.cli.exits import Exit
from dpia.cli.revision import RevisionError, checkout, split, temporary
from dpia.context.assessment import Assessment, assess_file
from dpia.languages import LANGUAGES
from dpia.render.i18n import Translator
from dpia.review import words
from dpia.review.central import WHY_WORDS, Review
from dpia.review.compare import Change, Comparison, compare
from dpia.review.trajectory import LEVELS, Point, trajectory


@contextlib.contextmanager
def opened(spec: str) -> Iterator[Assessment]:
    """The assessment `spec` names: a file, or `REV:PATH` from git (kept while in use)."""
    found = split(spec)
    if found is None:
        yield assess_file(Path(spec))
        return
    with temporary() as tmp:
        yield assess_file(checkout(*found, Path(tmp)))


def as_data(
    c: Comparison, points: list[Point], old: str, new: str, reviews: tuple[Review, ...] = ()
) -> dict[str, object]:
    def lvl(x: object) -> object:
        return getattr(x, "value", None)

    return {
        "old": {
            "file": old,
            "version": c.old.meta.version,
            "date": str(c.old.meta.assessment_date),
        },
        "new": {
            "file": new,
            "version": c.new.meta.version,
            "date": str(c.new.meta.assessment_date),
        },
        "risks": [
            {
                "id": r.id,
                "change": r.change.value,
                "inherent": [lvl(r.old_inherent), lvl(r.new_inherent)],
                "residual": [lvl(r.old_residual), lvl(r.new_residual)],
            }
            for r in c.rerated
        ],
        "measures": [
            {
                "id": m.id,
                "change": m.change.value,
                "status": [lvl(m.old_status), lvl(m.new_status)],
                "implemented": m.implemented,
                "overdue": m.overdue,
            }
            for m in c.measures_changed
        ],
        "findings": [
            {
                "code": f.finding.code,
                "where": f.where,
                "appeared": f.appeared,
                "text": f.finding.text(),
            }
            for f in c.findings
        ],
        "verdict": [v.value for v in c.verdict],
        "decision": [lvl(d) for d in c.decision],
        "answers": [
            {"field": ".".join(map(str, a.loc)), "change": a.change.value} for a in c.answers
        ],
        "trajectory": [
            {"version": p.version, "date": str(p.date), **{k.value: n for k, n in p.counts.items()}}
            for p in points
        ],
        # An overlay: the school's decisions on central items changed since it confirmed them.
        "needs_review": [
            {"item": x.item, "mark": x.mark.value, "why": x.why.value} for x in reviews
        ],
    }


def as_text(
    c: Comparison, points: list[Point], lang: str, reviews: tuple[Review, ...] = ()
) -> Iterator[str]:
    t = Translator(lang)
    first = c.new.meta.languages[0].value

    def v(x: object) -> str:
        return words.value(x, t, lang, first)

    def arrow(a: object, b: object) -> str:
        return v(a) if a == b else f"{v(a)} -> {v(b)}"

    old, new = c.old.meta, c.new.meta
    heading = {
        "verdict": t.gettext("Screening verdict"),
        "decision": t.gettext("Decision"),
        "trajectory": t.gettext("Risk trajectory"),
        "risks": t.gettext("Risks"),
        "measures": t.gettext("Measures"),
        "findings": t.gettext("Findings"),
        "answers": t.gettext("Changed answers"),
    }
    inherent, residual, late = t.gettext("inherent"), t.gettext("residual"), t.gettext("overdue")
    state = {True: t.gettext("appeared"), False: t.gettext("resolved")}
    yield f"{v(new.title)}"
    yield t.gettext("From version %(old)s (%(old_date)s) to version %(new)s (%(new_date)s)") % {
        "old": old.version, "old_date": t.date(old.assessment_date),
        "new": new.version, "new_date": t.date(new.assessment_date),
    }  # fmt: skip
    yield f"{heading['verdict']}: {arrow(*c.verdict)}"
    yield f"{heading['decision']}: {arrow(*c.decision)}"
    yield f"{heading['trajectory']}:"
    for p in points:
        counts = ", ".join(f"{t.label(k)} {p.counts[k]}" for k in LEVELS)
        yield f"  {p.version} ({t.date(p.date)}): {counts}"
    yield f"{heading['risks']}:"
    for r in c.rerated or []:
        if r.change is Change.changed:
            what = f"{inherent} {arrow(r.old_inherent, r.new_inherent)}; "
            what += f"{residual} {arrow(r.old_residual, r.new_residual)}"
        else:
            level = r.new_residual if r.change is Change.added else r.old_residual
            what = f"{change_word(r.change, t)} ({residual} {v(level)})"
        yield f"  {r.id} {v(r.title)}: {what}"
    yield f"{heading['measures']}:"
    for m in c.measures_changed:
        what = arrow(m.old_status, m.new_status) if m.change is Change.changed else v(m.new_status)
        if m.change in (Change.added, Change.removed):
            what = f"{change_word(m.change, t)} ({v(m.new_status or m.old_status)})"
        yield f"  {m.id} {v(m.title)}: {what}" + (f", {late} ({v(m.due)})" if m.overdue else "")
    yield f"{heading['findings']}:"
    for f in c.findings:
        yield f"  {state[f.appeared]}: [{f.finding.code}] {f.where}: {f.finding.text(t.gettext)}"
    yield f"{heading['answers']}:"
    current = None
    for a in c.answers:
        if a.loc[0] != current:
            current = a.loc[0]
            yield f"  {words.section(a.loc, t)}"
        change = arrow(a.old, a.new) if a.change is Change.changed else v(a.new or a.old)
        if a.change is not Change.changed:
            change = f"{change_word(a.change, t)}: {change}"
        yield f"    {words.question(a.loc, t)}: {change}"
    if reviews:  # as `dpia status` flags them, with what the school decided and what changed
        yield t.gettext("Central items to review") + ":"
        for x in reviews:
            yield f"  {x.item} ({t.label(x.mark)}): {t.gettext(WHY_WORDS[x.why])}"


def change_word(change: Change, t: Translator) -> str:
    return t.gettext(words.CHANGES[change])


@click.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--lang",
    type=click.Choice([*LANGUAGES, "all"]),
    default="en",
    show_default=True,
    help="all: the re-assessment document in every language (html, pdf).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html", "pdf"]),
    default="text",
    show_default=True,
    help="text and json on standard output; html and pdf: the re-assessment document.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the re-assessment document (html, pdf).",
)
def diff(old: str, new: str, lang: str, fmt: str, output: Path) -> None:
    """What changed from OLD to NEW: risks re-rated, measures implemented or overdue,
    findings that appeared or were resolved, the screening verdict, the decision and the
    answers. OLD and NEW are files, or REV:PATH for a version in git (e.g. HEAD~1:dpia.yaml).
    For a school's overlay, also the central items changed since the school confirmed them.

    Exit 1 when either version does not validate.
    """
    if lang == "all" and fmt in ("text", "json"):
        raise click.UsageError("--lang all is for the re-assessment document (html, pdf)")
    try:
        with opened(old) as a, opened(new) as b:
            if not (a.ok and b.ok):
                report([x for x in (a, b) if not x.ok], "text")
                raise SystemExit(Exit.INVALID)
            c = compare(a.questionnaire, b.questionnaire)
            points = trajectory(a.questionnaire, b.questionnaire)
            if fmt == "json":
                data = as_data(c, points, old, new, b.needs_review)
                click.echo(json.dumps(data, indent=2, ensure_ascii=False))
            elif fmt == "text":
                for line in as_text(c, points, lang, b.needs_review):
                    click.echo(line)
            else:
                from dpia.produce.reassessment import write_reassessment

                for code in LANGUAGES if lang == "all" else (lang,):
                    click.echo(str(write_reassessment(a, b, code, fmt, output)))
    except RevisionError as e:
        raise click.UsageError(str(e)) from None
    raise SystemExit(Exit.OK)
