from __future__ import annotations

from pathlib import Path

import click

from dpia.cli.common import report
from dpia.cli.exits import Exit
from dpia.context.assessment import Assessment, assess_file
from dpia.context.build import DOCUMENTS, build_context
from dpia.pdf.files import write_atomic
from dpia.render.engine import render as render_html
from dpia.render.standalone import standalone
from dpia.render.to_markdown import MARKDOWN_DOCUMENTS, to_markdown
from dpia.resources import LANGUAGES


def choices(value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    return allowed if value == "all" else (value,)


def output_name(path: Path, doc: str, lang: str, fmt: str) -> str:
    return f"{path.stem}.{doc}.{lang}.{fmt}"


def render_document(a: Assessment, doc: str, lang: str, fmt: str) -> bytes:
    """The bytes of one document in one language and format."""
    html = render_html(doc, build_context(doc, a, lang))
    if fmt == "html":
        return standalone(html).encode()
    if fmt == "md":
        return to_markdown(html).encode()
    from dpia.pdf.weasy import Source, writer  # WeasyPrint only when a PDF is written

    sources = [Source(name, data) for name, data in a.attachments]
    return writer().pdf(html, sources, a.questionnaire.meta.assessment_date)


def render_assessment(
    a: Assessment, docs: tuple[str, ...], langs: tuple[str, ...], fmt: str, out: Path
) -> list[Path]:
    """Write every requested document; returns the paths written. Raises on failure."""
    written = []
    for doc in docs:
        for lang in langs:
            target = out / output_name(a.validated.path, doc, lang, fmt)
            write_atomic(target, render_document(a, doc, lang, fmt))
            written.append(target)
    return written


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--doc", type=click.Choice([*DOCUMENTS, "all"]), default="dpia", show_default=True)
@click.option("--lang", type=click.Choice([*LANGUAGES, "all"]), default="all", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["pdf", "html", "md"]), default="pdf", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the documents.",
)
def render(files: tuple[Path, ...], doc: str, lang: str, fmt: str, output: Path) -> None:
    """Render documents as OUTPUT/<name>.<doc>.<lang>.pdf (or .html, or .md for the privacy
    addendum, to paste into a website).

    Invalid files are reported and skipped; exit 1 if any was invalid, 3 if any render failed.
    """
    if fmt == "md" and doc not in MARKDOWN_DOCUMENTS:
        only = " or ".join(f"--doc {d}" for d in MARKDOWN_DOCUMENTS)
        raise click.UsageError(f"--format md is available only with {only}, not --doc {doc}")
    code = Exit.OK
    for path in files:
        a = assess_file(path)
        if not a.ok:
            report([a], "text")
            code = max(code, Exit.INVALID)
            continue
        try:
            for target in render_assessment(
                a, choices(doc, DOCUMENTS), choices(lang, LANGUAGES), fmt, output
            ):
                click.echo(str(target))
        except Exception as e:
            click.echo(f"{path}: cannot render: {type(e).__name__}: {e}", err=True)
            code = Exit.RENDER
    raise SystemExit(code)
