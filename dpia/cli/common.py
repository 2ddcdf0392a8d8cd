"""Reporting what was found in questionnaire files, as text or JSON."""

from __future__ import annotations

import json

import click

from dpia.context.assessment import Assessment
from dpia.load import Problem, Severity
from dpia.load.problems import printable


def finding_line(p: Problem) -> str:
    where = f"{p.field}: " if p.field else ""
    return f"{p.pos}: {p.severity}[{p.code}]: {where}{p.message}"


def shown(path: object) -> str:
    """A file name as printed: a name can hold a terminal escape, which must not reach the
    terminal raw (problems are escaped the same way)."""
    return printable(str(path))


def summary(a: Assessment) -> str:
    if not a.ok:
        return f"{shown(a.validated.path)}: invalid: {len(a.validated.problems)} problem(s)"
    errors, warnings = a.count(Severity.error), a.count(Severity.warning)
    return f"{shown(a.validated.path)}: valid; findings: {errors} error(s), {warnings} warning(s)"


def report(assessments: list[Assessment], fmt: str) -> None:
    if fmt == "json":
        files = [
            {
                "file": str(a.validated.path),
                "valid": a.ok,
                "problems": [p.as_dict() for p in a.validated.problems],
                "findings": [f.where.as_dict() for f in a.findings],
            }
            for a in assessments
        ]
        click.echo(json.dumps({"files": files}, indent=2, ensure_ascii=False))
        return
    for a in assessments:
        for p in a.validated.problems:
            click.echo(str(p))
        for f in a.findings:
            click.echo(finding_line(f.where))
    for a in assessments:
        click.echo(summary(a), err=True)
