from __future__ import annotations

from pathlib import Path

import click

from dpia.cli.common import report
from dpia.cli.exits import Exit
from dpia.context.assessment import assess_file
from dpia.languages import LANGUAGES
from dpia.pdf.files import write_atomic

FORMATS = {"dpv": "dpv.jsonld", "par-json": "par.json"}  # --format -> file name suffix
NAMES = {"dpv": "DPV", "par-json": "par-json"}  # in messages


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="dpv", show_default=True)
@click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default=None,
    help="par-json: the language of the free text; default: the first of meta.languages. "
    "(DPV carries every language.)",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the exports.",
)
def export(files: tuple[Path, ...], fmt: str, lang: str | None, output: Path) -> None:
    """Export the assessment as data: OUTPUT/<name>.dpv.jsonld, JSON-LD in terms of the W3C
    Data Privacy Vocabulary (DPV 2.3); or OUTPUT/<name>.par.json, the JSON that MinBZK's
    assessment tool for the Model DPIA Rijksdienst imports (--format par-json).

    Invalid files are reported and skipped; exit 1 if any was invalid.
    """
    from dpia.context.dpia import dpia_context

    code = Exit.OK
    for path in files:
        a = assess_file(path)
        if not a.ok:
            report([a], "text")
            code = max(code, Exit.INVALID)
            continue
        if a.kind != "dpia":  # both formats describe processing of personal data: a DPIA
            refusal = f"dpia: {path}: a {a.kind} check has no {NAMES[fmt]} export; only a DPIA"
            click.echo(refusal, err=True)
            code = max(code, Exit.INVALID)
            continue
        first = a.questionnaire.meta.languages[0].value
        ctx = dpia_context(a.document_base(lang or first, source_embedded=False))
        target = output / f"{path.stem}.{FORMATS[fmt]}"
        if fmt == "par-json":
            from dpia.export.par import to_json

            write_atomic(target, to_json(ctx, lang or first))
        else:
            from dpia.export.dpv import to_jsonld  # rdflib only when exporting

            write_atomic(target, to_jsonld(ctx, path.stem))
        click.echo(str(target))
    raise SystemExit(code)
