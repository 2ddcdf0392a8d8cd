"""Helpers shared by the commands: validating files and reporting what was found."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import click

from dpia.load import Problem, Severity, field_path
from dpia.model import Validated, validate_file
from dpia.rules.finding import Finding
from dpia.rules.findings import findings


@dataclass
class Checked:
    """A validated file and its findings, each finding already located."""

    validated: Validated
    findings: list[tuple[Finding, Problem]]

    @property
    def ok(self) -> bool:
        return self.validated.ok

    def warnings(self) -> int:
        return sum(1 for _, p in self.findings if p.severity is Severity.warning)


def check_file(path: Path) -> Checked:
    v = validate_file(path)
    located = []
    if v.questionnaire is not None and v.loaded is not None:
        for f in findings(v.questionnaire):
            pos = v.loaded.locate(f.loc)
            located.append((f, Problem(pos, field_path(f.loc), f.text(), f.severity, f.code)))
    located.sort(key=lambda fp: (fp[1].severity is not Severity.error, fp[1].pos))
    return Checked(v, located)


def finding_line(p: Problem) -> str:
    where = f"{p.field}: " if p.field else ""
    return f"{p.pos}: {p.severity}[{p.code}]: {where}{p.message}"


def report(checked: list[Checked], fmt: str) -> None:
    if fmt == "json":
        files = [
            {
                "file": str(c.validated.path),
                "valid": c.ok,
                "problems": [p.as_dict() for p in c.validated.problems],
                "findings": [p.as_dict() for _, p in c.findings],
            }
            for c in checked
        ]
        click.echo(json.dumps({"files": files}, indent=2, ensure_ascii=False))
        return
    for c in checked:
        for p in c.validated.problems:
            click.echo(str(p))
        for _, p in c.findings:
            click.echo(finding_line(p))
    for c in checked:
        errors = sum(1 for _, p in c.findings if p.severity is Severity.error)
        if c.ok:
            state = f"valid; {errors} error and {c.warnings()} warning findings"
        else:
            state = f"invalid: {len(c.validated.problems)} problem(s)"
        click.echo(f"{c.validated.path}: {state}", err=True)
