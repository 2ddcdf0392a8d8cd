from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click

from dpia.cli.common import report, shown
from dpia.cli.exits import Exit
from dpia.cli.usage import gettext
from dpia.context.assessment import assess_file
from dpia.load.problems import N_
from dpia.produce import (
    DOCUMENTS,
    FORMATS,
    LANGUAGES,
    agreement_processors,
    render_assessment,
)
from dpia.produce.limits import limit_memory
from dpia.produce.make import documents_of


def choices(value: str, allowed: Mapping[str, object]) -> tuple[str, ...]:
    """The registry entries named by an option whose value may be "all"."""
    return tuple(allowed) if value == "all" else (value,)


def check_format(docs: tuple[str, ...], fmt: str, option: str = "--format") -> None:
    """A usage error when a requested document is not made in the format."""
    unsupported = [d for d in docs if fmt not in DOCUMENTS[d].formats]
    if unsupported:
        only = " or ".join(f"--doc {d.name}" for d in DOCUMENTS.values() if fmt in d.formats)
        asked = "all" if len(docs) > 1 else docs[0]
        message = N_("{option} {fmt} is available only with {only}, not --doc {asked}")
        raise click.UsageError(
            gettext(message).format(option=option, fmt=fmt, only=only, asked=asked)
        )


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--doc",
    type=click.Choice([*DOCUMENTS, "all"]),
    default=None,
    help="Default: dpia, or knowledge-security for a knowledge-security check.",
)
@click.option("--lang", type=click.Choice([*LANGUAGES, "all"]), default="all", show_default=True)
@click.option("--format", "fmt", type=click.Choice([*FORMATS]), default="pdf", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the documents.",
)
@click.option(
    "--processor",
    metavar="ID",
    default=None,
    help="For the supplier letter: the processor it goes to (an id under description.parties "
    "with an agreement). Default: the first agreement's.",
)
def render(
    files: tuple[Path, ...],
    doc: str | None,
    lang: str,
    fmt: str,
    output: Path,
    processor: str | None,
) -> None:
    """Render documents as OUTPUT/<name>.<doc>.<lang>.pdf (or .html, or .md for the privacy
    addendum, to paste into a website).

    Invalid files are reported and skipped; exit 1 if any was invalid, 3 if any render failed.
    """
    langs = choices(lang, LANGUAGES)
    if doc is not None:
        check_format(choices(doc, DOCUMENTS), fmt)
    per_processor = [d for d in choices(doc or "dpia", DOCUMENTS) if DOCUMENTS[d].per_processor]
    if processor is not None and not per_processor:
        only = " or ".join(f"--doc {n}" for n, d in DOCUMENTS.items() if d.per_processor)
        raise click.UsageError(f"--processor is used only with {only}")
    limit_memory()  # each document also has a time limit (dpia.produce.limits)
    code = Exit.OK
    for path in files:
        a = assess_file(path)
        if not a.ok:
            report([a], "text")
            code = max(code, Exit.INVALID)
            continue
        # A file's main document is the first of its kind: the DPIA, or the knowledge check.
        docs = choices(doc, DOCUMENTS) if doc else (documents_of(a.kind)[0],)
        try:
            for target in render_assessment(a, docs, langs, fmt, output, processor):
                click.echo(shown(target))
            if per_processor and processor is None:
                _name_the_others(path, agreement_processors(a))
        except Exception as e:
            click.echo(shown(f"{path}: cannot render: {type(e).__name__}: {e}"), err=True)
            code = Exit.RENDER
    raise SystemExit(code)


def _name_the_others(path: Path, processors: list[str]) -> None:
    """A letter goes to one supplier: say which one, and how to make the others' letters."""
    if len(processors) > 1:
        first, others = processors[0], ", ".join(processors[1:])
        message = (
            f"{path}: the supplier letter is made for '{first}', the first processor agreement;"
            f" the other processors with an agreement: {others} (make their letters with"
            " --processor ID, or all of them with dpia batch)"
        )
        click.echo(shown(message), err=True)
