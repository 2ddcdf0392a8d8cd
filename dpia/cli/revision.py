"""`REV:PATH`: a questionnaire as it was in a git revision, read through `git show`.

The file, and every file it extends, are copied from the revision into a temporary folder
that mirrors their places, so `extends` resolves inside that revision too. git runs as a
subprocess with its arguments as a list (no shell), a revision that could pass for an option
is refused, and each call has a time limit.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from dpia.load import LoadError
from dpia.load.overlay import MAX_CHAIN
from dpia.load.source import read_source

TIMEOUT = 30  # seconds for one git call
_REV = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./~^@{}-]*$")


class RevisionError(Exception):
    """Why a version cannot be read from git; said in one line."""


def split(spec: str) -> tuple[str, Path] | None:
    """('HEAD~1', path) for `HEAD~1:path`; None when `spec` names a file as it is."""
    if Path(spec).exists() or ":" not in spec:
        return None
    rev, _, path = spec.partition(":")
    if not _REV.match(rev):
        raise RevisionError(f"{spec}: '{rev}' is not a git revision")
    return rev, Path(path)


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, timeout=TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise RevisionError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git {args[0]} took longer than {TIMEOUT} s") from None
    if done.returncode != 0:
        first = done.stderr.decode(errors="replace").strip().splitlines()
        raise RevisionError(first[0] if first else f"git {args[0]} failed")
    return done.stdout


def checkout(rev: str, path: Path, into: Path) -> Path:
    """Copy `path` as of `rev`, and the files it extends, below `into`; returns the copy."""
    folder = path.parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent  # the file may be gone from the working tree
    top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    try:
        wanted = PurePosixPath(path.resolve().relative_to(top).as_posix())
    except ValueError:
        raise RevisionError(f"{path} is not inside the git repository at {top}") from None
    first = into / wanted
    for _ in range(MAX_CHAIN + 1):
        copy = into / wanted
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            copy.write_bytes(_git(top, "show", f"{rev}:{wanted}"))
        except RevisionError:
            if copy == first:
                raise
            break  # a base missing in that revision: the loader says so, located
        base = _extends(copy)
        if base is None:
            break
        following = _normal(wanted.parent / base)
        if following is None or (into / following).exists():
            break
        wanted = following  # outside the repository, or a loop: the loader says what is wrong
    return first


def _extends(copy: Path) -> str | None:
    try:
        tree, _ = read_source(copy)
    except LoadError:
        return None  # the loader reports it when the copy is validated
    ext = tree.get("extends")
    return ext if isinstance(ext, str) else None


def _normal(p: PurePosixPath) -> PurePosixPath | None:
    parts: list[str] = []
    for part in p.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return PurePosixPath(*parts) if parts else None


def temporary() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="dpia-rev-")
