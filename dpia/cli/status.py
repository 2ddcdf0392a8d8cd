"""`dpia status`: the register of assessments, what needs attention first."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import click

from dpia.cli.exits import Exit
from dpia.context.assessment import assess_file
from dpia.languages import LANGUAGES
from dpia.model.enums import RiskLevel
from dpia.produce.batch import candidates, skip_reason
from dpia.render.i18n import Translator
from dpia.review.register import Attention, Row, invalid_row, knowledge_row, register, row
from dpia.review.trajectory import LEVELS


def collect(paths: list[Path], today: dt.date) -> list[Row]:
    """One row per questionnaire found in `paths` (files that are not questionnaires, such
    as a JSON schema, are left out), in register order."""
    rows = []
    for path, _root in candidates(paths):
        a = assess_file(path)
        if skip_reason(a) == "not a questionnaire":
            continue
        if not a.ok:
            rows.append(invalid_row(str(path), len(a.validated.problems)))
        elif a.validated.knowledge is not None:
            found = [f.finding for f in a.findings]
            rows.append(knowledge_row(str(path), a.validated.knowledge, found, today))
        else:
            found = [f.finding for f in a.findings]
            rows.append(row(str(path), a.questionnaire, found, today, a.needs_review))
    return register(rows)


def as_data(r: Row) -> dict[str, object]:
    return {
        "file": r.file,
        "title": r.title,
        "organisation": r.organisation,
        "status": r.status.value if r.status else None,
        "decision": r.decision.value if r.decision else None,
        "residual": {lvl.value: r.residual.get(lvl, 0) for lvl in LEVELS},
        "open_measures": r.open_measures,
        "overdue_measures": r.overdue_measures,
        "review_date": r.review_date.isoformat() if r.review_date else None,
        "review_overdue": r.review_overdue,
        "errors": r.errors,
        "warnings": r.warnings,
        "base_only": r.base_only,
        "attention": [a.value for a in r.attention],
        "needs_review": [
            {"item": x.item, "mark": x.mark.value, "why": x.why.value} for x in r.needs_review
        ],
    }


def _cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a leading =, +, - or @ would otherwise
    make a title typed by someone else a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def as_csv(rows: list[Row]) -> str:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    header = [
        "file", "title", "organisation", "status", "decision",
        *(f"residual_{lvl.value}" for lvl in LEVELS),
        "open_measures", "overdue_measures", "review_date", "review_overdue",
        "errors", "warnings", "base_only", "attention", "needs_review",
    ]  # fmt: skip
    out.writerow(header)
    for r in rows:
        d = as_data(r)
        residual = d.pop("residual")
        assert isinstance(residual, dict)
        d["attention"] = ";".join(a.value for a in r.attention)
        d["needs_review"] = ";".join(x.item for x in r.needs_review)
        values = {**d, **{f"residual_{k}": v for k, v in residual.items()}}
        out.writerow([_cell(values[h]) for h in header])
    return buf.getvalue()


def as_text(r: Row, t: Translator) -> str:
    """One line per assessment: a reader scanning the list sees the reasons at its end."""
    mark = "!" if r.attention else " "
    if r.status is None:
        invalid, problems = t.gettext("does not validate"), t.gettext("problems")
        return f"{mark} {r.file}: {invalid} ({problems}: {r.errors})"
    residual = " ".join(f"{t.label(lvl)} {r.residual.get(lvl, 0)}" for lvl in LEVELS)
    decision = t.label(r.decision) if r.decision else t.gettext("no decision recorded")
    review = t.date(r.review_date) if r.review_date else t.gettext("no review date")
    overdue = t.gettext("overdue")
    if r.review_overdue:
        review += f" ({overdue})"
    residual_label, open_label = t.gettext("residual risks"), t.gettext("open measures")
    review_label, errors_label = t.gettext("next review"), t.gettext("errors")
    warnings_label = t.gettext("warnings")
    late = f" ({r.overdue_measures} {overdue})" if r.overdue_measures else ""
    parts = [
        f"{r.title} — {r.organisation}" + (" [base]" if r.base_only else ""),
        t.label(r.status),
        decision,
        f"{residual_label}: {residual}",
        f"{open_label}: {r.open_measures}{late}",
        f"{review_label}: {review}",
        f"{errors_label}: {r.errors}, {warnings_label}: {r.warnings}",
    ]
    line = f"{mark} {r.file}: " + " | ".join(parts)
    if r.attention:
        needs = t.gettext("needs attention")
        line += f" | {needs}: {attention_words(r, t)}"
    return line


def attention_words(r: Row, t: Translator) -> str:
    words = [t.label(a) for a in r.attention]
    if r.needs_review:  # name the items: that is what the school has to look at
        index = r.attention.index(Attention.needs_review)
        words[index] += " (" + ", ".join(x.item for x in r.needs_review) + ")"
    return ", ".join(words)


def attention_lines(paths: list[Path], lang: str = "en") -> list[str]:
    """The register's lines that need attention, as `dpia batch` prints them after a run."""
    t = Translator(lang)
    return [as_text(r, t) for r in collect(paths, dt.date.today()) if r.attention]


def as_html(rows: list[Row], lang: str, today: dt.date) -> str:
    from dpia.render.engine import environment  # Jinja only for this format
    from dpia.render.standalone import standalone

    template = environment(lang).get_template("shared/register.html.j2")
    html = template.render(
        lang=lang, rows=rows, today=today, levels=LEVELS, high=RiskLevel.high,
    )  # fmt: skip
    return standalone(html)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv", "html"]),
    default="text",
    show_default=True,
)
@click.option("--lang", type=click.Choice(list(LANGUAGES)), default="en", show_default=True)
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Judge due and review dates on this day (YYYY-MM-DD) instead of today.",
)
def status(paths: tuple[Path, ...], fmt: str, lang: str, today: dt.datetime | None) -> None:
    """The register of assessments in PATHS (files or folders; default: this folder): one
    line each, what needs attention first (overdue reviews, high residual risks, findings,
    overdue measures, missing decisions).

    Exit 1 when any file does not validate.
    """
    day = today.date() if today else dt.date.today()
    rows = collect(list(paths) or [Path(".")], day)
    if fmt == "json":
        data = {"today": day.isoformat(), "assessments": [as_data(r) for r in rows]}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(as_csv(rows), nl=False)
    elif fmt == "html":
        click.echo(as_html(rows, lang, day), nl=False)
    else:
        t = Translator(lang)
        for r in rows:
            click.echo(as_text(r, t))
    invalid = any(r.status is None for r in rows)
    raise SystemExit(Exit.INVALID if invalid else Exit.OK)
