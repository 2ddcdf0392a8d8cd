"""The adversarial catalogue: questionnaires, logos, PDFs and folders from someone else.

Each case builds a small world in a temporary folder (a questionnaire folder `q/`, a folder of
secrets `secret/` holding a planted marker, an output folder `out/` with earlier good output in
it), runs `dpia` in a child process and judges what a user would see:

- the exit code and a located message (a substring of what was printed);
- no traceback and no "internal error";
- no hang: the run ends within a time limit;
- no leak: the planted marker appears nowhere in what was printed or written (PDF text and
  attachments included);
- no loss: the earlier outputs in `out/` are still there, byte for byte.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader
from ruamel.yaml import YAML

from tests.factory import data

ROOT = Path(__file__).resolve().parent.parent
MARKER = "PLANTED-SECRET-4f1c"
SECRET_YAML = f"meta:\n  title: {MARKER}\n  version: '{MARKER}'\n"
KEEP = {"out/earlier.pdf": b"%PDF- an earlier good output\n", "out/.profile": b"export A=1\n"}
TIME_LIMIT = 90  # seconds for one run; a render of one short document takes a few


def questionnaire(**changes: object) -> str:
    """A valid questionnaire as YAML text, with changes as in tests.factory.data."""
    import io

    buf = io.StringIO()
    YAML(typ="safe", pure=True).dump(data(**changes), buf)
    return buf.getvalue()


Files = dict[str, str | bytes | Callable[[Path], None]]


@dataclass(frozen=True)
class Case:
    id: str
    files: Files  # relative to the case's folder; a callable makes the entry itself
    args: list[str]  # "{d}" stands for the case's folder
    code: int
    says: str  # a regular expression the printed output must match
    not_written: tuple[str, ...] = ()  # paths that must not exist afterwards
    env: dict[str, str] = field(default_factory=dict)


def link(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(target)

    return make


def fifo(path: Path) -> None:
    os.mkfifo(path)


def run_dpia(d: Path, args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    r = subprocess.run(
        [sys.executable, "-m", "dpia", *[a.replace("{d}", str(d)) for a in args]],
        cwd=d,
        capture_output=True,
        timeout=TIME_LIMIT,
        env=full_env,
    )
    return r.returncode, (r.stdout + r.stderr).decode("utf-8", "replace")


def written_text(folder: Path) -> str:
    """Everything written under `folder`, as text: PDFs by their page text, attachments and
    decompressed streams, anything else by its bytes."""
    parts = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        raw = path.read_bytes()
        parts.append(raw.decode("utf-8", "replace"))
        if path.suffix == ".pdf" and raw.startswith(b"%PDF-1"):
            reader = PdfReader(path)
            parts += [p.extract_text() for p in reader.pages]
            parts += [b.decode("utf-8", "replace") for v in reader.attachments.values() for b in v]
            for stream in re.findall(rb"stream\r?\n(.*?)endstream", raw, re.S):
                with contextlib.suppress(zlib.error):
                    parts.append(zlib.decompress(stream).decode("utf-8", "replace"))
    return "\n".join(parts)


def build(d: Path, files: Files) -> None:
    (d / "secret").mkdir()
    (d / "secret" / "secret.yaml").write_text(SECRET_YAML)
    (d / "secret" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f"<text>{MARKER}</text></svg>"
    )
    for name, content in {**KEEP, **files}.items():
        path = d / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)


def judge(case: Case, d: Path) -> str:
    code, output = run_dpia(d, case.args, case.env)
    assert "Traceback" not in output, output
    assert "internal error" not in output, output
    assert code == case.code, output
    assert re.search(case.says, output), output
    assert MARKER not in output, output
    assert MARKER not in written_text(d / "out")
    for name, content in KEEP.items():
        assert (d / name).read_bytes() == content, f"{name} was lost"
    for name in case.not_written:
        assert not (d / name).exists(), f"{name} was written"
    return output


VALID = questionnaire()


# fmt: off
CASES: list[Case] = [
    # --- extends: a base must stay inside the questionnaire's folder (or the batch root)
    Case("extends-absolute",
         {"q/a.yaml": "extends: {d}/secret/secret.yaml\n" + VALID},
         ["validate", "q/a.yaml"], 1,
         r"q/a.yaml:1:10: extends: the base file must be inside q: "),
    Case("extends-dotdot",
         {"q/a.yaml": "extends: ../secret/secret.yaml\n" + VALID},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"q/a.yaml:1:10: extends: the base file must be inside q: "),
    Case("extends-link-out",
         {"q/base.yaml": link("../secret/secret.yaml"),
          "q/a.yaml": "extends: base.yaml\n" + VALID},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"q/a.yaml:1:10: extends: the base file must be inside q: "),
    Case("extends-link-loop",
         {"q/base.yaml": link("base.yaml"), "q/a.yaml": "extends: base.yaml\n" + VALID},
         ["validate", "q/a.yaml"], 1, r"q/a.yaml:1:10: extends: cannot be read: .* link loop"),
    Case("extends-fifo",
         {"q/base.yaml": fifo, "q/a.yaml": "extends: base.yaml\n" + VALID},
         ["validate", "q/a.yaml"], 1, r"q/a.yaml:1:10: extends: base file is not a regular file"),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile(case: Case, tmp_path: Path) -> None:
    d = tmp_path.resolve()
    files = {
        k: v.replace("{d}", str(d)) if isinstance(v, str) else v for k, v in case.files.items()
    }
    build(d, files)
    judge(case, d)
