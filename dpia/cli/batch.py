from __future__ import annotations

import importlib
import itertools
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

import click

from dpia.cli.common import file_language, problem_lines
from dpia.cli.exits import Exit
from dpia.cli.render import check_format, choices
from dpia.context.assessment import assess_file
from dpia.produce import DOCUMENTS, FORMATS, LANGUAGES
from dpia.produce.batch import (
    Job,
    Known,
    Manifest,
    candidates,
    init_worker,
    plan,
    run,
    skip_reason,
)
from dpia.render.i18n import Translator


@dataclass
class Tally:
    rendered: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)  # (file, located error)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


class Progress:
    """A bar redrawn in place on a terminal; otherwise one plain line per document."""

    def __init__(self, bar: bool) -> None:
        self.total, self.bar, self.done, self.start = 0, bar, 0, time.monotonic()

    def step(self, tally: Tally, line: str) -> None:
        self.done += 1
        if not self.bar:
            click.echo(line, err=True)
            return
        width = 28
        filled = width * self.done // max(self.total, 1)
        secs = int(time.monotonic() - self.start)
        click.echo(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
            f"  rendered {len(tally.rendered)}  failed {len(tally.failed)}"
            f"  {secs // 60:02d}:{secs % 60:02d}",
            err=True,
            nl=False,
        )

    def close(self) -> None:
        if self.bar and self.total:
            click.echo(err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the documents; the input folders' structure is mirrored inside it.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=os.cpu_count() or 1,
    show_default=True,
    help="Worker processes.",
)
@click.option("--doc", type=click.Choice([*DOCUMENTS, "all"]), default="all", show_default=True)
@click.option("--lang", type=click.Choice([*LANGUAGES, "all"]), default="all", show_default=True)
@click.option(
    "--output-format",
    "fmt",
    type=click.Choice([*FORMATS]),
    default="pdf",
    show_default=True,
    help="Format of the documents.",
)
@click.option("--force", is_flag=True, help="Render everything, changed or not.")
@click.option("-q", "--quiet", is_flag=True, help="Plain lines instead of a progress bar.")
@click.option(
    "--format",
    "summary_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Format of the summary.",
)
def batch(
    paths: tuple[Path, ...],
    output: Path,
    jobs: int,
    doc: str,
    lang: str,
    fmt: str,
    force: bool,
    quiet: bool,
    summary_format: str,
) -> None:
    """Render every questionnaire in PATHS (files or folders, recursively) into OUTPUT.

    Only documents whose inputs changed are rendered again (a manifest in OUTPUT records what
    each was made from). A bad file is reported and the others go on; exit 1 if any failed.
    """
    start = time.monotonic()
    docs, langs = choices(doc, DOCUMENTS), choices(lang, LANGUAGES)
    if doc == "all":  # every document made in the format
        docs = tuple(d for d in docs if fmt in DOCUMENTS[d].formats)
    check_format(docs, fmt, "--output-format")
    tally = Tally()
    output.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(output)

    def stale() -> Iterator[Job]:
        """The documents to render, found file by file so workers start on the first."""
        for path, root in candidates(list(paths)):
            known, assessment = manifest.known(path), None  # unchanged files: not parsed
            if known is None:
                assessment = assess_file(path)
                loaded, skip = assessment.validated.loaded, skip_reason(assessment)
                if loaded is None or (assessment.validated.problems and not skip):
                    problems = assessment.validated.problems
                    t = Translator(file_language(assessment, None))  # the file's own language
                    tally.failed.append((path, "\n".join(problem_lines(problems, t))))
                    continue
                sources = [*loaded.sources, *assessment.linked_sources]
                kind = assessment.kind
                known = Known(manifest.remember(path, sources, skip, kind), skip, kind)
            own = tuple(d for d in docs if DOCUMENTS[d].kind == known.kind)
            if known.skip or not own:
                tally.skipped.append((path, known.skip or f"no --doc {doc} from a {known.kind}"))
                continue
            for job in plan(path, root, known.inputs, own, langs, fmt, output):
                if force or not manifest.fresh(job):
                    yield replace(job, assessment=assessment)
                else:
                    tally.unchanged.append(job.target)
        manifest.record()

    bar = sys.stderr.isatty() and not quiet
    interrupted = _render(stale(), jobs, fmt, manifest, tally, bar)
    _summary(tally, time.monotonic() - start, summary_format, interrupted)
    if summary_format == "text" and not interrupted:
        from dpia.cli.status import attention_lines  # the register's attention list

        for line in attention_lines(list(paths)):
            click.echo(line)
    if interrupted:
        raise SystemExit(130)
    raise SystemExit(Exit.INVALID if tally.failed else Exit.OK)


def _render(
    todo: Iterator[Job], workers: int, fmt: str, manifest: Manifest, tally: Tally, bar: bool
) -> bool:
    """Render the jobs over a process pool, started at the first job; returns whether
    Ctrl-C stopped the run."""
    progress = Progress(bar)
    futures: dict[Future[tuple[Job, str]], Job] = {}
    collected: set[Future[tuple[Job, str]]] = set()

    def collect(future: Future[tuple[Job, str]]) -> None:
        collected.add(future)
        job = futures[future]
        try:
            _, digest = future.result()
        except Exception as e:  # one failed document must not stop the others
            tally.failed.append((job.source, f"{job.target.name}: {type(e).__name__}: {e}"))
            progress.step(tally, f"failed   {job.target}: {e}")
            return
        manifest.record(job, digest)
        tally.rendered.append(job.target)
        progress.step(tally, f"rendered {job.target}")

    first = next(todo, None)
    if first is None:
        return False
    for module in FORMATS[fmt].preload:  # imported once here, inherited by forked workers
        importlib.import_module(module)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker) as pool:
        try:
            for job in itertools.chain([first], todo):
                futures[pool.submit(run, job)] = job
                progress.total += 1
                for future in [f for f in futures if f.done() and f not in collected]:
                    collect(future)
            for future in as_completed(futures):
                if future not in collected:
                    collect(future)
        except KeyboardInterrupt:
            # Workers ignore SIGINT: documents already started finish and are recorded, so
            # every output on disk is complete and in the manifest; the rest never start.
            click.echo("\ninterrupted: finishing the documents in progress", err=True)
            started = [f for f in futures if not f.cancel()]
            wait(started)
            for future in started:
                if future not in collected:
                    collect(future)
            progress.close()
            return True
    progress.close()
    return False


def _summary(tally: Tally, seconds: float, fmt: str, interrupted: bool) -> None:
    if fmt == "json":
        data = {
            "rendered": [str(p) for p in tally.rendered],
            "unchanged": [str(p) for p in tally.unchanged],
            "failed": [{"file": str(f), "error": e} for f, e in tally.failed],
            "skipped": [{"file": str(f), "why": w} for f, w in tally.skipped],
            "interrupted": interrupted,
            "seconds": round(seconds, 2),
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for path, error in tally.failed:
        click.echo(f"failed: {path}\n{error}", err=True)
    if not tally.rendered and not tally.failed:
        click.echo("nothing to render: every document is up to date", err=True)
    click.echo(
        f"{len(tally.rendered)} rendered, {len(tally.unchanged)} unchanged, "
        f"{len(tally.failed)} failed, {len(tally.skipped)} skipped in {seconds:.1f} s",
        err=True,
    )
