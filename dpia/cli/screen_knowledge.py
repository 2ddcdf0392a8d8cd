"""`dpia screen` of a knowledge-security check: the least verdict its answers allow, and why."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dpia.model.knowledge import KnowledgeCheck
from dpia.render.i18n import Translator
from dpia.rules.knowledge import screen


def screen_knowledge(file: Path, check: KnowledgeCheck, fmt: str, lang: str) -> None:
    result = screen(check)
    t = Translator(lang)
    if fmt == "json":
        data = {
            "file": str(file),
            "kind": "knowledge-security",
            "required": result.required.value,
            "verdict": result.verdict.value,
            "too_weak": result.too_weak,
            "outcome": result.final.value if result.final else None,
            "reasons": [
                {
                    "code": r.reason.code,
                    "minimum": r.minimum.value,
                    "field": ".".join(str(p) for p in r.reason.loc),
                    "reason": r.reason.text(t.gettext),
                }
                for r in result.reasons
            ],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(
        f"{file}: {t.gettext('Least verdict the answers allow')}: {t.label(result.required)}"
    )
    given = f"  {t.gettext('Verdict of researcher and director')}: {t.label(result.verdict)}"
    if result.too_weak:
        given += f" ({t.gettext('weaker than the answers allow')})"
    click.echo(given)
    if result.final is not None and result.final is not result.verdict:
        click.echo(f"  {t.gettext('Verdict of the committee')}: {t.label(result.final)}")
    click.echo(f"  {t.gettext('Reasons in the answers')}: {len(result.reasons)}")
    for r in result.reasons:
        click.echo(f"    - {t.label(r.minimum)}: {r.reason.text(t.gettext)}")
