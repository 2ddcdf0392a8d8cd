"""The engine of a batch run: finding questionnaires, deciding what is stale, rendering in
worker processes, and the manifest that remembers what each output was made from. The
process pool and the progress shown are the front end's (`dpia.cli.batch`)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dpia import __version__
from dpia.context.assessment import Assessment, assess_file
from dpia.load.source import MAX_BYTES, SUFFIXES
from dpia.pdf.files import write_atomic
from dpia.produce.limits import limit_memory
from dpia.produce.make import make_document, output_name
from dpia.produce.registry import DOCUMENTS
from dpia.resources import LOCALES, TEMPLATES

MANIFEST = ".dpia-manifest.json"


@dataclass(frozen=True)
class Job:
    source: Path  # the questionnaire
    doc: str
    lang: str
    fmt: str
    target: Path  # the output file
    key: str  # hash of everything the output depends on
    # Parsed already by the parent when the file was new or changed; sent along so that the
    # worker need not parse it again. None: the worker reads the file.
    assessment: Assessment | None = field(default=None, compare=False, repr=False)
    root: Path | None = None  # the batch folder, inside which the files it extends must lie
    processor: str | None = None  # for a per-processor document: whose it is


def candidates(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(file, root) for every YAML/JSON file named or found below a named folder; the root is
    what output folders mirror."""
    out = []
    for root in paths:
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES)
            out += [(p, root) for p in files if p.is_file() and not p.name.startswith(".")]
        else:
            out.append((root, root.parent))
    return out


def outside_root(path: Path, root: Path) -> str | None:
    """Why a file found in a batch folder is not read (None: it is read). A symbolic link
    may point anywhere; only files that resolve inside the folder belong to the batch."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "cannot be read: a broken link or a link loop"
    if not resolved.is_relative_to(root.resolve()):
        return "a link to a file outside the batch folder; not read"
    return None


def skip_reason(a: Assessment) -> str | None:
    """Why a file is not a document of its own (None: it is)."""
    loaded = a.validated.loaded
    if loaded is None:
        return None  # a broken questionnaire is not skipped: it fails with its errors
    if "meta" not in loaded.data and len(loaded.sources) == 1:
        return "not a questionnaire"
    if a.ok and a.document.base_only:  # never inherited through `extends`
        return "base only"
    return None


@cache
def assets_digest() -> str:
    """One hash over templates, catalogs, fonts and the package version: if any changes,
    every output is stale."""
    h = hashlib.sha256(__version__.encode())
    for root in (TEMPLATES, LOCALES):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if path.suffix in (".mo", ".pyc"):
                continue  # build output of the .po files, which are hashed themselves
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def file_hashes(sources: list[Path]) -> dict[str, str]:
    return {str(p.resolve()): _sha256(p) for p in sources}


def plan(
    path: Path,
    root: Path,
    inputs: str,
    docs: tuple[str, ...],
    langs: tuple[str, ...],
    fmt: str,
    out: Path,
    processors: tuple[str, ...] = (),
) -> list[Job]:
    """One job per document and language, keyed on the file's inputs, assets and options; a
    per-processor document (the supplier letter) once for each of `processors`, the ids of the
    processors with an agreement, each file named after its processor when there are several."""
    # The folder as named below the root (a link is mirrored where it is, not where it points)
    folder = out / path.absolute().parent.relative_to(root.absolute())
    jobs = []
    for doc in docs:
        whom: list[str | None] = [None]
        if DOCUMENTS[doc].per_processor and processors:
            whom = [*processors]
        for processor in whom:
            named = processor if len(processors) > 1 else None
            for lang in langs:
                options = f"{doc}|{lang}|{fmt}" + (f"|{processor}" if processor else "")
                key = hashlib.sha256(f"{inputs}|{assets_digest()}|{options}".encode())
                target = folder / output_name(path, doc, lang, fmt, named)
                jobs.append(
                    Job(
                        path,
                        doc,
                        lang,
                        fmt,
                        target,
                        key.hexdigest(),
                        root=root,
                        processor=processor,
                    )
                )
    return jobs


@dataclass(frozen=True)
class Known:
    """What the manifest remembers of a questionnaire whose files have not changed since."""

    inputs: str  # hash of the questionnaire and every file it extends
    skip: str | None  # why it is not rendered, if it is not
    kind: str = "dpia"  # its `kind`: only the documents of that kind are made from it
    processors: tuple[str, ...] = ()  # the processors with an agreement: a letter each


class Manifest:
    """out/.dpia-manifest.json: for each questionnaire, the files it was read from and their
    hashes (so an unchanged one need not be parsed again); for each output, the key of its
    inputs and its own hash. Rewritten atomically after every output, so an interrupted run
    leaves it consistent."""

    def __init__(self, out: Path, roots: list[Path] | None = None) -> None:
        self.path = out / MANIFEST
        self.out = out
        # The manifest is a file in the output folder, which may be shared: the paths it lists
        # are hashed only when they are regular files inside a batch folder (never /dev/zero).
        self.roots = [r.resolve() for r in roots or []]
        try:
            data = json.loads(self.path.read_text())
            self.files: dict[str, dict[str, Any]] = data["files"]
            self.outputs: dict[str, dict[str, str]] = data["outputs"]
        except (OSError, ValueError, KeyError, TypeError):
            self.files, self.outputs = {}, {}

    def known(self, path: Path) -> Known | None:
        entry = self.files.get(str(path.resolve()))
        if not entry:
            return None
        try:
            sources = [Path(p) for p in entry["sources"]]
            if not all(self._hashable(p) for p in sources):
                return None
            if file_hashes(sources) != entry["sources"]:
                return None
        except (OSError, TypeError, ValueError):  # a base file was removed, or a bad entry
            return None
        if "kind" not in entry or "processors" not in entry:  # an older manifest: parse again
            return None
        return Known(entry["inputs"], entry.get("skip"), entry["kind"], tuple(entry["processors"]))

    def _hashable(self, path: Path) -> bool:
        resolved = path.resolve()
        inside = not self.roots or any(resolved.is_relative_to(r) for r in self.roots)
        return inside and resolved.is_file() and resolved.stat().st_size <= MAX_BYTES

    def remember(
        self,
        path: Path,
        sources: list[Path],
        skip: str | None,
        kind: str,
        processors: tuple[str, ...] = (),
    ) -> str:
        """Record a questionnaire's files, kind and processors; returns its inputs hash.

        A school's overlay is keyed on its base file too, so a change to the central
        assessment re-renders every school that extends it, not only the schools whose
        decisions need review. That is deliberate: a school's documents print the merged
        assessment, every central item with its mark (a risk set aside still shows its rating
        and the school's reason), and the annex locates findings in the base file. Rendering
        only the schools that adapted or relied on the changed item would leave the others'
        documents showing the old central text. Which schools must *look again* is a different
        question, answered by `dpia status` (and the attention list at the end of a run)."""
        hashes = file_hashes(sources)
        inputs = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
        entry = {
            "sources": hashes,
            "inputs": inputs,
            "skip": skip,
            "kind": kind,
            "processors": list(processors),
        }
        self.files[str(path.resolve())] = entry
        return inputs

    def _name(self, target: Path) -> str:
        return str(target.relative_to(self.out))

    def fresh(self, job: Job) -> bool:
        entry = self.outputs.get(self._name(job.target))
        if not entry or entry.get("inputs") != job.key or not job.target.is_file():
            return False
        return _sha256(job.target) == entry.get("output")

    def record(self, job: Job | None = None, output_hash: str = "") -> None:
        if job is not None:
            self.outputs[self._name(job.target)] = {"inputs": job.key, "output": output_hash}
        data = {"dpia": __version__, "files": self.files, "outputs": self.outputs}
        write_atomic(self.path, json.dumps(data, indent=1, sort_keys=True).encode())


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- in the worker processes


def init_worker() -> None:
    """Ctrl-C is the parent's to handle: it lets running documents finish and stops the rest."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory()


@cache
def _assessment(path: Path, root: Path | None, mtime: float) -> Assessment:
    return assess_file(path, root)


def run(job: Job) -> tuple[Job, str]:
    """Render one document in a worker; returns the output's hash. Raises on failure."""
    # The worker's cached assessment, fonts and Jinja environments stay warm between jobs.
    a = job.assessment or _assessment(job.source, job.root, os.stat(job.source).st_mtime)
    data = make_document(a, job.doc, job.lang, job.fmt, job.processor)
    write_atomic(job.target, data)
    return job, hashlib.sha256(data).hexdigest()
