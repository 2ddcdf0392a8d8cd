from __future__ import annotations

from pathlib import Path

import click

from dpia.cli.common import report
from dpia.cli.exits import Exit
from dpia.context.assessment import assess_file
from dpia.pdf.files import write_atomic

FORMATS = {"dpv": "jsonld"}  # --format -> file extension


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="dpv", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the exports.",
)
def export(files: tuple[Path, ...], fmt: str, output: Path) -> None:
    """Export the assessment as data: OUTPUT/<name>.dpv.jsonld, JSON-LD in terms of the W3C
    Data Privacy Vocabulary (DPV 2.3).

    Invalid files are reported and skipped; exit 1 if any was invalid.
    """
    from dpia.context.dpia import dpia_context
    from dpia.export.dpv import to_jsonld  # rdflib only when exporting

    code = Exit.OK
    for path in files:
        a = assess_file(path)
        if not a.ok:
            report([a], "text")
            code = max(code, Exit.INVALID)
            continue
        if a.kind != "dpia":  # DPV describes processing of personal data: a DPIA
            click.echo(f"dpia: {path}: a {a.kind} check has no DPV export; only a DPIA", err=True)
            code = max(code, Exit.INVALID)
            continue
        lang = a.questionnaire.meta.languages[0].value
        ctx = dpia_context(a.document_base(lang, source_embedded=False))
        target = output / f"{path.stem}.{fmt}.{FORMATS[fmt]}"
        write_atomic(target, to_jsonld(ctx, path.stem))
        click.echo(str(target))
    raise SystemExit(code)
