"""`dpia extract`: the files a dpia PDF embeds, written back out so they render it again.

The PDF may come from someone else. Its attachment names are therefore judged before anything
is written: only a questionnaire (.yaml/.yml/.json) or a file one names (a .png/.svg logo),
plain relative names without a leading dot or `..`, inside the output folder; nothing existing
is replaced without --force; sizes are capped before and while decompressing.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import NoReturn

import click

from dpia.cli.exits import Exit
from dpia.load.problems import printable
from dpia.load.source import MAX_BYTES, SUFFIXES
from dpia.pdf.files import write_atomic

MAX_PDF = 256 * 1024 * 1024
MAX_ATTACHMENT = MAX_BYTES  # a questionnaire is at most this large, a logo smaller
REFERENCED = (".png", ".svg")  # files a questionnaire names: its logo
_BAD_CHARACTER = re.compile(r"[\x00-\x1f\x7f\\:]")


def name_problem(name: str) -> str | None:
    """Why an attachment name may not be written (None: it may)."""
    parts = PurePosixPath(name).parts
    if not name or not parts or any(p in ("", ".", "..") for p in name.split("/")):
        return "not a plain file name"
    if name.startswith("/") or any(p.startswith(".") for p in parts):
        return "an absolute or hidden name"
    if _BAD_CHARACTER.search(name) or not name.isprintable():
        return "a name with control or special characters"
    if len(parts) > 4 or len(name) > 200:
        return "a name too long or too deep"
    if PurePosixPath(name).suffix.lower() not in (*SUFFIXES, *REFERENCED):
        return "neither a questionnaire (.yaml, .yml, .json) nor a logo (.png, .svg)"
    return None


def fail(message: str) -> NoReturn:
    click.echo(f"dpia: {printable(message)}", err=True)
    raise SystemExit(Exit.INVALID)


@click.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write the questionnaire (and its logo) into.",
)
@click.option("--force", is_flag=True, help="Replace files that exist already.")
def extract(pdf: Path, output: Path, force: bool) -> None:
    """Write out the questionnaire a dpia PDF (or .docx) was made from, and the logo it names:
    a set that validates and renders the same document again."""
    files = read_docx(pdf) if pdf.suffix.lower() == ".docx" else read_attachments(pdf)
    out = output.resolve()
    targets = []
    for name, data in files.items():
        target = (out / name).resolve()
        if not target.is_relative_to(out):  # a folder inside OUTPUT links elsewhere
            fail(f"{pdf}: attachment {name!r} would be written outside {output}; nothing written")
        if target.exists() and not force:
            fail(f"{output / name} exists; nothing written (use --force to replace it)")
        if target.exists() and not target.is_file():
            fail(f"{output / name} exists and is not a regular file; nothing written")
        targets.append((target, output / name, data))
    for target, shown, data in targets:
        write_atomic(target, data)
        click.echo(printable(str(shown)))


def read_attachments(pdf: Path) -> dict[str, bytes]:
    """The PDF's attachments by name, each name and size checked; exits with a message on a
    PDF that is not one dpia would make."""
    from pypdf import PdfReader, apply_configuration

    if not pdf.is_file():
        fail(f"{pdf}: not a regular file")
    if pdf.stat().st_size > MAX_PDF:
        fail(f"{pdf}: larger than {MAX_PDF} bytes; not a PDF dpia made")
    files: dict[str, bytes] = {}
    try:
        # pypdf decompresses on demand: cap what one stream may inflate to (a Flate bomb)
        with apply_configuration(zlib_maximum_output_length=MAX_ATTACHMENT + 1):
            for name, contents in PdfReader(pdf).attachments.items():
                problem = name_problem(name)
                if problem:
                    fail(f"{pdf}: refused attachment {name!r}: {problem}; nothing written")
                if len(contents) != 1:
                    fail(f"{pdf}: attachment {name!r} appears {len(contents)} times")
                if len(contents[0]) > MAX_ATTACHMENT:
                    fail(f"{pdf}: attachment {name!r} is larger than {MAX_ATTACHMENT} bytes")
                files[name] = contents[0]
    except SystemExit:
        raise
    except Exception as e:  # pypdf raises many kinds on a damaged or hostile file
        reason = str(e)[:200]
        fail(f"{pdf}: not a readable PDF, or its attachments are damaged or too large: {reason}")
    return _with_questionnaire(pdf, files)


def _with_questionnaire(source: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    if not any(PurePosixPath(n).suffix.lower() in SUFFIXES for n in files):
        fail(f"{source}: no embedded questionnaire")
    return files


def read_docx(docx: Path) -> dict[str, bytes]:
    """The questionnaire in a dpia .docx's custom XML part (standard library only), its name
    and size checked like a PDF's attachments."""
    from dpia.docx.embedded import read_questionnaires

    if not docx.is_file():
        fail(f"{docx}: not a regular file")
    try:
        found = read_questionnaires(docx)
    except ValueError as e:
        fail(f"{docx}: not a readable .docx: {str(e)[:200]}")
    files: dict[str, bytes] = {}
    for name, data in found:
        problem = name_problem(name)
        if problem:
            fail(f"{docx}: refused embedded file {name!r}: {problem}; nothing written")
        if len(data) > MAX_ATTACHMENT:
            fail(f"{docx}: embedded file {name!r} is larger than {MAX_ATTACHMENT} bytes")
        files[name] = data
    return _with_questionnaire(docx, files)
