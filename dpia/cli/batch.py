from __future__ import annotations

import importlib
import itertools
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

import click

from dpia.cli.common import file_language, problem_lines, shown
from dpia.cli.exits import Exit
from dpia.cli.render import check_format, choices
from dpia.context.assessment import assess_file
from dpia.produce import DOCUMENTS, FORMATS, LANGUAGES, agreement_processors
from dpia.produce.batch import (
    Job,
    Known,
    Manifest,
    candidates,
    init_worker,
    outside_root,
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
            click.echo(shown(line), err=True)
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
    _check_writable(output)
    manifest = Manifest(output, [p if p.is_dir() else p.parent for p in paths])
    claimed: dict[Path, Path] = {}  # output -> the questionnaire it is made from

    def stale() -> Iterator[Job]:
        """The documents to render, found file by file so workers start on the first."""
        for path, root in candidates(list(paths)):
            if why := outside_root(path, root):
                tally.failed.append((path, f"{shown(path)}: {why}"))
                continue
            known, assessment = manifest.known(path), None  # unchanged files: not parsed
            if known is None:
                assessment = assess_file(path, root)
                loaded, skip = assessment.validated.loaded, skip_reason(assessment)
                if loaded is None or (assessment.validated.problems and not skip):
                    problems = assessment.validated.problems
                    t = Translator(file_language(assessment, None))  # the file's own language
                    tally.failed.append((path, "\n".join(problem_lines(problems, t))))
                    continue
                sources = [*loaded.sources, *assessment.linked_sources]
                kind, processors = assessment.kind, tuple(agreement_processors(assessment))
                inputs = manifest.remember(path, sources, skip, kind, processors)
                known = Known(inputs, skip, kind, processors)
            own = tuple(d for d in docs if DOCUMENTS[d].kind == known.kind)
            if known.skip or not own:
                tally.skipped.append((path, known.skip or f"no --doc {doc} from a {known.kind}"))
                continue
            planned = plan(path, root, known.inputs, own, langs, fmt, output, known.processors)
            if clash := next((claimed[j.target] for j in planned if j.target in claimed), None):
                message = (
                    f"{shown(path)}: its documents would have the same names as those of"
                    f" {shown(clash)} ({shown(planned[0].target.name)}); rename one of the two"
                )
                tally.failed.append((path, message))
                continue
            claimed.update((j.target, path) for j in planned)
            for job in planned:
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


def _check_writable(output: Path) -> None:
    """Stop before any work when OUTPUT cannot be written (a read-only folder or disk): every
    document and the manifest would fail, the manifest with a traceback."""
    try:
        output.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=output, prefix=".dpia-probe.")
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        click.echo(f"dpia: cannot write into {shown(output)}: {shown(e.strerror or e)}", err=True)
        raise SystemExit(Exit.RENDER) from None


def _render(
    todo: Iterator[Job], workers: int, fmt: str, manifest: Manifest, tally: Tally, bar: bool
) -> bool:
    """Render the jobs over a process pool, started at the first job; returns whether
    Ctrl-C stopped the run."""
    progress = Progress(bar)
    futures: dict[Future[tuple[Job, str]], Job] = {}
    collected: set[Future[tuple[Job, str]]] = set()
    # Jobs caught in a pool whose worker died (a crash in a C library, or memory past the
    # limit where a library aborts instead of raising): each is tried again on its own.
    broken: list[Job] = []

    def collect(future: Future[tuple[Job, str]]) -> None:
        collected.add(future)
        job = futures[future]
        try:
            _, digest = future.result()
        except BrokenProcessPool:
            broken.append(job)
            return
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
                progress.total += 1
                try:
                    futures[pool.submit(run, job)] = job
                except BrokenProcessPool:
                    broken.append(job)
                    continue
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
    for job in broken:
        _alone(job, manifest, tally, progress)
    progress.close()
    return False


def _alone(job: Job, manifest: Manifest, tally: Tally, progress: Progress) -> None:
    """Render one job in a pool of its own, so that a document that kills its process fails
    alone and is named, while the others caught in the same pool are rendered."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context, initializer=init_worker) as pool:
        try:
            _, digest = pool.submit(run, job).result()
        except BrokenProcessPool:
            why = "the process rendering it stopped (a crash, or memory past the limit)"
            tally.failed.append((job.source, f"{job.target.name}: {why}"))
            progress.step(tally, f"failed   {job.target}: {why}")
            return
        except Exception as e:
            tally.failed.append((job.source, f"{job.target.name}: {type(e).__name__}: {e}"))
            progress.step(tally, f"failed   {job.target}: {e}")
            return
    manifest.record(job, digest)
    tally.rendered.append(job.target)
    progress.step(tally, f"rendered {job.target}")


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
        lines = "\n".join(shown(line) for line in error.splitlines())
        click.echo(f"failed: {shown(path)}\n{lines}", err=True)
    if not tally.rendered and not tally.failed:
        click.echo("nothing to render: every document is up to date", err=True)
    click.echo(
        f"{len(tally.rendered)} rendered, {len(tally.unchanged)} unchanged, "
        f"{len(tally.failed)} failed, {len(tally.skipped)} skipped in {seconds:.1f} s",
        err=True,
    )
