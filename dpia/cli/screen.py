from __future__ import annotations

import json
from pathlib import Path

import click

from dpia.cli.common import file_language, report, shown
from dpia.cli.exits import Exit
from dpia.context.assessment import assess_file
from dpia.languages import LANGUAGES
from dpia.model.base import Text
from dpia.render.i18n import Translator
from dpia.rules.prescan_score import THRESHOLD, transfer_advice
from dpia.rules.screening import REASONS, Item
from dpia.rules.screening import screen_questionnaire as run_screening


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default=None,
    help="Language of the answer; default: the first of the file's meta.languages.",
)
def screen(file: Path, fmt: str, lang: str | None) -> None:
    """Does this processing need a DPIA? Required, recommended or not required, and why.

    For a knowledge-security check: the least verdict its answers allow, and the reasons.
    """
    assessment = assess_file(file)
    if assessment.validated.knowledge is not None:
        from dpia.cli.screen_knowledge import screen_knowledge

        screen_knowledge(file, assessment.validated.knowledge, fmt, file_language(assessment, lang))
        return
    q = assessment.validated.questionnaire
    if q is None:
        report([assessment], "text", lang)
        raise SystemExit(Exit.INVALID)
    result = run_screening(q)
    first = q.meta.languages[0].value
    lang = file_language(assessment, lang)
    t = Translator(lang)

    def reason(item: Item) -> str:
        return _text(item.reason, lang, first)

    advice = transfer_advice(q)
    if fmt == "json":
        score = result.score
        data = {
            "file": str(file),
            "verdict": result.verdict.value,
            "reasons": [{"code": r, "text": t.gettext(REASONS[r])} for r in result.reasons],
            "score": None
            if score is None
            else {"total": score.total, "threshold": THRESHOLD, "parts": score.parts},
            "new_legislation": result.new_legislation,
            "transfer_assessment": {
                "advised": advice.advised,
                "rijksmodel": advice.rijksmodel,
                "beyond_rijksmodel": [m.value for m in advice.beyond_rijksmodel],
            },
            "complete": result.complete,
            "edpb": [{"criterion": i.key.value, "reason": reason(i)} for i in result.edpb_applying],
            "ap_list": [{"category": i.key.value, "reason": reason(i)} for i in result.ap_applying],
            "unanswered": [i.key.value for i in result.unanswered],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"{shown(file)}: {t.label(result.verdict)}")
    for r in result.reasons:
        click.echo(f"  - {t.gettext(REASONS[r])}")
    if result.score is not None:
        line = t.gettext(
            "Risk score (Rijksmodel pre-scan): {total}; a DPIA is required above {limit}"
        )
        click.echo("  " + line.format(total=result.score.total, limit=THRESHOLD))
    for title, items in (
        (t.gettext("EDPB criteria that apply"), result.edpb_applying),
        (t.gettext("AP-list categories that apply"), result.ap_applying),
    ):
        click.echo(f"  {title}: {len(items)}")
        for i in items:
            click.echo(f"    - {t.label(i.key)}: {reason(i)}")
    if result.unanswered:
        keys = ", ".join(i.key.value for i in result.unanswered)
        click.echo(f"  {t.gettext('Unanswered')}: {keys}")


def _text(text: Text | None, lang: str, first: str) -> str:
    return text.get(lang, first)[0] if text else "—"
