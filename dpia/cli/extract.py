from __future__ import annotations

from pathlib import Path

import click

from dpia.cli.exits import Exit
from dpia.pdf.files import write_atomic


@click.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write the questionnaire into.",
)
def extract(pdf: Path, output: Path) -> None:
    """Write out the questionnaire a dpia PDF (or .docx) was made from."""
    attachments = _from_docx(pdf) if pdf.suffix.lower() == ".docx" else _from_pdf(pdf)
    if not attachments:
        click.echo(f"dpia: {pdf}: no embedded questionnaire", err=True)
        raise SystemExit(Exit.INVALID)
    for name, contents in attachments.items():
        target = output / Path(name).name  # never a path from inside the PDF
        write_atomic(target, contents[0])
        click.echo(str(target))


def _from_pdf(pdf: Path) -> dict[str, list[bytes]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return dict(PdfReader(pdf).attachments)
    except (PdfReadError, OSError, ValueError) as e:
        click.echo(f"dpia: {pdf}: not a readable PDF: {e}", err=True)
        raise SystemExit(Exit.INVALID) from None


def _from_docx(docx: Path) -> dict[str, list[bytes]]:
    """The questionnaire from a dpia .docx's custom XML part (standard library only)."""
    from dpia.docx.embedded import read_questionnaires

    try:
        return {name: [data] for name, data in read_questionnaires(docx)}
    except ValueError as e:
        click.echo(f"dpia: {docx}: not a readable .docx: {e}", err=True)
        raise SystemExit(Exit.INVALID) from None
