"""The world a hostile-input case runs in, and how it is judged (tests/test_hostile.py).

A case builds a temporary folder: the questionnaire folder `q/`, a folder of secrets `secret/`
holding a planted marker, an output folder `out/` with earlier good output in it. It runs
`dpia` in a child process and judges what a user would see: exit code, message, no traceback,
no hang (a time limit), no leak (the marker nowhere in what was printed or written), no loss
(the earlier outputs byte for byte).
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
    written: tuple[str, ...] = ()  # PDFs the good files around the hostile one must give
    readonly: str = ""  # a folder mounted read-only (a tmpfs) for the run


def link(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(target)

    return make


def fifo(path: Path) -> None:
    os.mkfifo(path)


def png(width: int, height: int, idat: bytes | None = None, end: bool = True) -> bytes:
    """A PNG of one grey channel; its pixel data all zero unless `idat` is given."""
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    if idat is None:
        raw = zlib.compressobj(9)
        row = b"\0" * (width + 1)
        idat = b"".join(raw.compress(row) for _ in range(height)) + raw.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
    return out + (chunk(b"IEND", b"") if end else b"")


def use_bomb(levels: int = 12) -> str:
    """An SVG of nested <use> chains: each level draws the one below ten times."""
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
        '<defs><rect id="l0" width="1" height="1"/>',
    ]
    for i in range(1, levels):
        uses = "".join(f'<use xlink:href="#l{i - 1}"/>' for _ in range(10))
        parts.append(f'<g id="l{i}">{uses}</g>')
    parts.append(f'</defs><use xlink:href="#l{levels - 1}"/></svg>')
    return "".join(parts)


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    '<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>'
)


def with_logo(name: str) -> str:
    return questionnaire(**{"meta.logo": name})


def pdf_with(attachments: dict[str, bytes], bomb: int = 0) -> Callable[[Path], None]:
    """A PDF with these attachments (a hostile one: dpia did not make it); with `bomb`, one
    more attachment `bomb.yaml` whose Flate stream inflates to that many zero bytes."""

    def make(path: Path) -> None:
        import pikepdf

        pdf = pikepdf.new()
        pdf.add_blank_page()
        for name, content in attachments.items():
            pdf.attachments[name] = pikepdf.AttachedFileSpec(pdf, content, filename=name)
        if bomb:
            spec = pikepdf.AttachedFileSpec(pdf, b"x", filename="bomb.yaml")
            stream = spec.get_file().obj
            stream.write(zlib.compress(b"\0" * bomb, 9), filter=pikepdf.Name.FlateDecode)
            pdf.attachments["bomb.yaml"] = spec
        pdf.save(path)

    return make


def run_dpia(
    d: Path, args: list[str], env: dict[str, str] | None = None, readonly: str = ""
) -> tuple[int, str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    command = [sys.executable, "-m", "dpia", *[a.replace("{d}", str(d)) for a in args]]
    if readonly:  # root ignores permission bits: a read-only file system it cannot ignore
        (d / readonly).mkdir(parents=True, exist_ok=True)
        mount = 'mount -t tmpfs -o ro,size=1m tmpfs "$0" && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", mount, str(d / readonly), *command]
    r = subprocess.run(
        command,
        cwd=d,
        capture_output=True,
        stdin=subprocess.DEVNULL,
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
    if case.readonly and subprocess.run(["unshare", "-m", "true"]).returncode != 0:
        pytest.skip("cannot mount a read-only file system here (unshare -m)")
    code, output = run_dpia(d, case.args, case.env, case.readonly)
    assert "Traceback" not in output, output
    assert "internal error" not in output, output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", output), output
    assert code == case.code, output
    assert re.search(case.says, output), output
    assert MARKER not in output, output
    assert MARKER not in written_text(d / "out")
    for name, content in KEEP.items():
        assert (d / name).read_bytes() == content, f"{name} was lost"
    for name in case.not_written:
        assert not (d / name).exists(), f"{name} was written"
    for name in case.written:
        pages = PdfReader(d / name).pages
        assert "Pilot" in " ".join(p.extract_text() for p in pages), f"{name}: not the document"
    return output


VALID = questionnaire()
