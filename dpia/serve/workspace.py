"""The folder `dpia serve` works in: which files it may open, list and create.

Every name a browser sends goes through `Workspace.path`, which refuses anything that is not
a questionnaire file inside the folder once every symbolic link is resolved: `..`, absolute
paths, links pointing out, hidden files and other suffixes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dpia.context.assessment import Assessment, assess_file
from dpia.load.source import SUFFIXES
from dpia.pdf.files import write_atomic
from dpia.produce.starter import new_questionnaire

MAX_FILES = 500  # a folder with more questionnaires than this is listed in part


class Refused(ValueError):
    """A name outside the folder, or not a questionnaire."""


def version(path: Path) -> str:
    """What a form last saw of a file: a hash of its bytes (changes with every edit)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class Entry:
    name: str  # relative to the folder, with '/'
    assessment: Assessment


class Workspace:
    def __init__(self, folder: Path) -> None:
        self.root = folder.resolve(strict=True)

    def path(self, name: str, *, exists: bool = True) -> Path:
        """The file called `name` in the folder; Refused unless it is a questionnaire inside
        it (after resolving symbolic links)."""
        pure = PurePosixPath(name)
        if (
            not name
            or "\\" in name
            or "\x00" in name
            or pure.is_absolute()
            or any(part in ("", ".", "..") or part.startswith(".") for part in pure.parts)
            or pure.suffix.lower() not in SUFFIXES
        ):
            raise Refused(name)
        target = (self.root / pure).resolve()
        if not target.is_relative_to(self.root):
            raise Refused(name)
        if exists and not target.is_file():
            raise Refused(name)
        return target

    def name(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def files(self) -> list[Path]:
        """Questionnaire files in the folder and below it, links out of it left out."""
        found = []
        for p in sorted(self.root.rglob("*")):
            rel = p.relative_to(self.root)
            if any(part.startswith(".") for part in rel.parts) or p.suffix.lower() not in SUFFIXES:
                continue
            try:
                self.path(rel.as_posix())
            except Refused:
                continue
            found.append(p)
            if len(found) >= MAX_FILES:
                break
        return found

    def entries(self) -> list[Entry]:
        """Every questionnaire with its verdict, for the start page (other YAML files, such
        as a schema, are left out)."""
        out = []
        for p in self.files():
            a = assess_file(p)
            loaded = a.validated.loaded
            if loaded is not None and "meta" not in loaded.data and len(loaded.sources) == 1:
                continue  # not a questionnaire
            out.append(Entry(self.name(p), a))
        return out

    def create(self, name: str, preset: str, lang: str, today: dt.date) -> Path:
        """A new questionnaire from the same starter as `dpia init`; never overwrites."""
        name = name.strip()
        if not re.fullmatch(r"[\w][\w .-]{0,80}", name):
            raise Refused(name)
        if not name.lower().endswith((".yaml", ".yml")):
            name += ".yaml"
        target = self.path(name, exists=False)
        if target.exists():
            raise FileExistsError(name)
        write_atomic(target, new_questionnaire(preset, lang, today).encode())
        target.chmod(0o666 & ~_umask())
        return target


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
