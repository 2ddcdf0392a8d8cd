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

import base64
import contextlib
import datetime as dt
import json
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
    # --- logos: judged by their bytes in `validate`, never decoded there; a render fails on
    #     any image error rather than leave the logo out
    Case("logo-png-13000-square",
         {"q/a.yaml": with_logo("logo.png"), "q/logo.png": png(13000, 13000, idat=b"")},
         ["validate", "q/a.yaml"], 1,
         r"q/a.yaml:\d+:\d+: meta.logo: the logo is 13000 x 13000 pixels; at most 16 megapixels"),
    Case("logo-png-huge-render",
         {"q/a.yaml": with_logo("logo.png"), "q/logo.png": png(13000, 13000, idat=b"")},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"meta.logo: the logo is 13000 x 13000 pixels", not_written=("out/a.screening.en.pdf",)),
    Case("logo-text-as-png",
         {"q/a.yaml": with_logo("logo.png"), "q/logo.png": "not an image\n"},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the logo is not a PNG image"),
    Case("logo-png-cut-off",
         {"q/a.yaml": with_logo("logo.png"), "q/logo.png": png(40, 40, end=False)},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the logo is a damaged PNG image \(it is cut"),
    Case("logo-png-bad-pixels",
         {"q/a.yaml": with_logo("logo.png"), "q/logo.png": png(40, 40, idat=b"garbage!")},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"meta.logo: the logo is a damaged PNG image \(its pixel data is missing, cut off",
         not_written=("out/a.screening.en.pdf",)),
    Case("logo-svg-use-bomb",
         {"q/a.yaml": with_logo("logo.svg"), "q/logo.svg": use_bomb()},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"meta.logo: the SVG logo takes more than 20000 elements to draw"),
    Case("logo-svg-use-cycle",
         {"q/a.yaml": with_logo("logo.svg"),
          "q/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#b"/></g>'
                        '<g id="b"><use href="#a"/></g></svg>'},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the SVG logo takes more than"),
    Case("logo-svg-entities",
         {"q/a.yaml": with_logo("logo.svg"), "q/logo.svg": LAUGHS},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the SVG logo declares a DOCTYPE or entities"),
    Case("logo-svg-reaches-out",
         {"q/a.yaml": with_logo("logo.svg"),
          "q/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="file://{d}/secret/'
                        'logo.svg" width="9" height="9"/></svg>'},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the SVG logo refers to something outside"),
    Case("logo-svg-css-import",
         {"q/a.yaml": with_logo("logo.svg"),
          "q/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "http://x/";'
                        '</style></svg>'},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the SVG logo refers to something outside"),
    Case("logo-svg-not-xml",
         {"q/a.yaml": with_logo("logo.svg"), "q/logo.svg": "<svg"},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the logo is not a well-formed SVG image"),
    Case("logo-link-out",
         {"q/a.yaml": with_logo("logo.svg"), "q/logo.svg": link("../secret/logo.svg")},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"meta.logo: the logo must be inside the questionnaire's folder"),
    Case("logo-link-loop",
         {"q/a.yaml": with_logo("logo.png"), "q/logo.png": link("logo.png")},
         ["validate", "q/a.yaml"], 1, r"meta.logo: cannot be read: the logo's path is a link"),
    Case("logo-fifo",
         {"q/a.yaml": with_logo("logo.png"), "q/logo.png": fifo},
         ["validate", "q/a.yaml"], 1, r"meta.logo: the logo must be a regular file"),
    # --- text that would change what the document says around it
    Case("bidi-override-yaml",
         {"q/a.yaml": questionnaire(**{"meta.title": "Pilot \u202egnissecorp"})},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"q/a.yaml:\d+:\d+: meta.title: text contains a bidirectional control character"
         r" \(U\+202E\), which could reverse the document's own text"),
    Case("bidi-isolate-json",
         {"q/a.json": json.dumps(data(**{"risks.0.title": "x\u2067y"}), default=str)},
         ["validate", "q/a.json"], 1,
         r"q/a.json:1:\d+: risks\[0\].title: text contains a bidirectional control character"
         r" \(U\+2067\)"),
    Case("cjk-not-in-font",
         {"q/a.yaml": questionnaire(**{"description.proposal": "Pilot 你好 met leerlingen"})},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"q/a.yaml:\d+:\d+: description.proposal: text contains '你' \(U\+4F60\), which the"
         r" bundled font cannot draw"),
    Case("emoji-not-in-font",
         {"q/a.json": json.dumps(data(**{"risks.0.title": "Leak \U0001f600"}), default=str)},
         ["validate", "q/a.json"], 1,
         r"q/a.json:1:\d+: risks\[0\].title: text contains '\U0001f600' \(U\+1F600\)"),
    # --- names that would drive the terminal
    Case("escape-in-file-name-validate",
         {"q/\x1b[31mred.yaml": VALID},
         ["validate", "q/\x1b[31mred.yaml"], 0,
         r"q/\\x1b\[31mred.yaml: valid"),
    Case("escape-in-file-name-render",
         {"q/\x1b]0;title\x07.yaml": VALID},
         ["render", "q/\x1b]0;title\x07.yaml", "--doc", "screening", "--lang", "en",
          "-o", "out"], 0,
         r"out/\\x1b\]0;title\\x07.screening.en.pdf"),
    Case("escape-in-file-name-screen",
         {"q/\x1b[2J.yaml": VALID},
         ["screen", "q/\x1b[2J.yaml"], 0, r"q/\\x1b\[2J.yaml: "),
    # --- batch: one hostile file is named, the others are rendered
    Case("batch-link-out",
         {"q/good.yaml": VALID, "q/evil.yaml": link("../secret/secret.yaml")},
         ["batch", "q", "-o", "out", "--doc", "screening", "--lang", "en", "-j", "1", "-q"], 1,
         r"q/evil.yaml: a link to a file outside the batch folder; not read",
         written=("out/good.screening.en.pdf",)),
    Case("batch-link-loop",
         {"q/good.yaml": VALID, "q/loop.yaml": link("loop.yaml")},
         ["batch", "q", "-o", "out", "--doc", "screening", "--lang", "en", "-j", "1", "-q"], 0,
         r"1 rendered, 0 unchanged, 0 failed",  # a link to nothing is no file: not listed
         written=("out/good.screening.en.pdf",)),
    Case("batch-same-output-names",
         {"q/a.yaml": VALID, "q/a.json": json.dumps(data(), default=str)},
         ["batch", "q", "-o", "out", "--doc", "screening", "--lang", "en", "-j", "1", "-q"], 1,
         r"q/a.yaml: its documents would have the same names as those of .*q/a.json"
         r" \(a.screening.en.pdf\); rename one of the two",
         written=("out/a.screening.en.pdf",)),
    Case("batch-extends-in-root-and-out",
         {"q/base.yaml": "base_only: true\n" + VALID,
          "q/region/school.yaml": "extends: ../base.yaml\nmeta:\n  version: '2'\n",
          "q/evil.yaml": "extends: ../secret/secret.yaml\n" + VALID},
         ["batch", "q", "-o", "out", "--doc", "screening", "--lang", "en", "-j", "1", "-q"], 1,
         r"q/evil.yaml:1:10: extends: the base file must be inside q: q/evil.yaml -> secret",
         written=("out/region/school.screening.en.pdf",)),
    Case("batch-manifest-lists-dev-zero",
         {"q/a.yaml": VALID,
          "out/.dpia-manifest.json": json.dumps({"dpia": "0", "outputs": {}, "files": {
              "{d}/q/a.yaml": {"sources": {"/dev/zero": "0", "{d}/secret/secret.yaml": "0"},
                               "inputs": "0", "skip": None}}})},
         ["batch", "q", "-o", "out", "--doc", "screening", "--lang", "en", "-j", "1", "-q"], 0,
         r"1 rendered, 0 unchanged, 0 failed", written=("out/a.screening.en.pdf",)),
    Case("batch-read-only-output",
         {"q/a.yaml": VALID},
         ["batch", "q", "-o", "out/ro", "--doc", "screening", "--lang", "en", "-j", "1"], 3,
         r"dpia: cannot write into out/ro: Read-only file system", readonly="out/ro"),
    Case("render-read-only-output",
         {"q/a.yaml": VALID},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out/ro"], 3,
         r"q/a.yaml: cannot render: .*Read-only file system", readonly="out/ro"),
    Case("batch-time-limit",
         {"q/a.yaml": VALID, "q/b.yaml": VALID},
         ["batch", "q", "-o", "out", "--doc", "screening", "--lang", "en", "-j", "1", "-q"], 1,
         r"failed: q/b.yaml\nb.screening.en.pdf: LimitExceeded: took longer than 0.001 s,"
         r" the limit for one document", env={"DPIA_DOCUMENT_SECONDS": "0.001"}),
    Case("render-time-limit",
         {"q/a.yaml": VALID},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 3,
         r"q/a.yaml: cannot render: LimitExceeded: took longer than 0.001 s, the limit for one",
         env={"DPIA_DOCUMENT_SECONDS": "0.001"}, not_written=("out/a.screening.en.pdf",)),
    # --- devices, pipes and odd encodings as questionnaires
    Case("validate-fifo",
         {"q/a.yaml": fifo}, ["validate", "q/a.yaml"], 1,
         r"q/a.yaml:1:1: not a regular file \(a device, pipe or socket\)"),
    Case("validate-dev-zero",
         {"q/a.yaml": link("/dev/zero")}, ["validate", "q/a.yaml"], 1,
         r"/dev/zero:1:1: not a regular file \(a device, pipe or socket\)"),
    Case("validate-dev-stdin",
         {"q/a.yaml": link("/dev/stdin")}, ["validate", "q/a.yaml"], 1,
         r":1:1: (not a regular file|no such file)"),
    Case("render-utf16",
         {"q/a.yaml": VALID.encode("utf-16")},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"q/a.yaml:1:1: file is not valid UTF-8 \(byte 0xff\); save it as UTF-8"),
    Case("render-utf8-bom",
         {"q/a.yaml": VALID.encode("utf-8-sig")},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 0,
         r"out/a.screening.en.pdf", written=("out/a.screening.en.pdf",)),
    Case("render-nul-byte",
         {"q/a.yaml": VALID.encode().replace(b"Pilot", b"Pi\x00lot")},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"q/a.yaml:\d+:\d+: the file contains a control character \(U\+0000\)"),
    Case("render-alias-bomb",
         {"q/a.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a,"
                      " *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                      "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"q/a.yaml:\d+:\d+: alias \*\w takes the file past 100000 values"),
    Case("render-python-tag",
         {"q/a.yaml": "meta: !!python/object/apply:os.system ['cat {d}/secret/secret.yaml']\n"},
         ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", "out"], 1,
         r"YAML tags such as !!python/object/apply:os.system are not allowed"),
    # --- extract: a PDF from someone else writes only questionnaire names, never over a file
    Case("extract-dotfile",
         {"in.pdf": pdf_with({".profile": b"rm -rf ~\n", "a.yaml": VALID.encode()})},
         ["extract", "in.pdf", "-o", "out"], 1,
         r"in.pdf: refused attachment '.profile': an absolute or hidden name; nothing written",
         not_written=("out/a.yaml",)),
    Case("extract-overwrite",
         {"in.pdf": pdf_with({"earlier.pdf": b"x", "a.yaml": VALID.encode()})},
         ["extract", "in.pdf", "-o", "out"], 1,
         r"refused attachment 'earlier.pdf': neither a questionnaire"),
    Case("extract-existing-needs-force",
         {"in.pdf": pdf_with({"a.yaml": VALID.encode()}), "out/a.yaml": "mine\n"},
         ["extract", "in.pdf", "-o", "out"], 1,
         r"out/a.yaml exists; nothing written \(use --force to replace it\)"),
    Case("extract-dotdot",
         {"in.pdf": pdf_with({"..": b"x", "a.yaml": b"meta: {}\n"})},
         ["extract", "in.pdf", "-o", "out"], 1, r"refused attachment '..': not a plain file"),
    Case("extract-path",
         {"in.pdf": pdf_with({"../../x.yaml": b"meta: {}\n"})},
         ["extract", "in.pdf", "-o", "out"], 1, r"refused attachment '../../x.yaml'",
         not_written=("x.yaml",)),
    Case("extract-empty-name",
         {"in.pdf": pdf_with({"": b"meta: {}\n"})},
         ["extract", "in.pdf", "-o", "out"], 1, r"refused attachment '': not a plain file"),
    Case("extract-control-name",
         {"in.pdf": pdf_with({"\x1b[2Jevil.yaml": b"meta: {}\n"})},
         ["extract", "in.pdf", "-o", "out"], 1,
         r"refused attachment '\\x1b\[2Jevil.yaml': a name with control"),
    Case("extract-flate-bomb",
         {"in.pdf": pdf_with({}, bomb=64 * 1024 * 1024)},
         ["extract", "in.pdf", "-o", "out"], 1,
         r"in.pdf: not a readable PDF, or its attachments are damaged or too large",
         not_written=("out/bomb.yaml",)),
    Case("extract-not-a-pdf",
         {"in.pdf": MARKER + " plain text\n"},
         ["extract", "in.pdf", "-o", "out"], 1, r"in.pdf: not a readable PDF"),
    Case("extract-fifo",
         {"in.pdf": fifo}, ["extract", "in.pdf", "-o", "out"], 1, r"in.pdf: not a regular file"),
    Case("extract-no-questionnaire",
         {"in.pdf": pdf_with({"logo.png": b"x"})},
         ["extract", "in.pdf", "-o", "out"], 1, r"in.pdf: no embedded questionnaire"),
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


def test_an_image_that_cannot_be_drawn_fails_the_render() -> None:
    """WeasyPrint logs an image it cannot load and leaves a gap; dpia fails instead, without
    quoting the data: URL (which would print the whole image)."""
    from dpia.pdf.weasy import RenderRefused, Source, writer

    bad = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"x" * 3000).decode()
    with pytest.raises(RenderRefused) as e:
        writer().pdf(f'<p>Hi</p><img src="{bad}">', [Source("a.yaml", b"")], dt.date(2026, 1, 1))
    assert str(e.value).startswith("an image (the logo) could not be drawn")
    assert "base64" not in str(e.value) and len(str(e.value)) < 300


def test_long_words_stay_on_the_page(tmp_path: Path) -> None:
    """A 3000-character title, a 500-character word in running text, in a table cell and a
    300-character name: every word of the PDF lies inside the page's text area."""
    word = "Onafgebrokenwoord" * 30
    path = tmp_path / "long.yaml"
    path.write_text(
        questionnaire(
            **{
                "meta.title": "T" + "x" * 3000,
                "description.proposal": f"Begin {word} einde",
                "risks.0.title": f"Risk {word}",
                "description.parties.0.name": "Org" + word[:290],
            }
        )
    )
    code, output = run_dpia(tmp_path, ["render", "long.yaml", "--lang", "en", "-o", "out"])
    assert code == 0, output
    pdf = tmp_path / "out" / "long.dpia.en.pdf"
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    right = 595.28 - 18 / 25.4 * 72  # A4 less the right margin of 18 mm
    words = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', boxes)
    assert words and max(float(x) for x in words) <= right + 1
    content = re.sub(r"[\s\u200b]+", "", PdfReader(pdf).pages[0].extract_text() or "")
    content += re.sub(r"[\s\u200b]+", "", "".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert word in content and "Org" + word[:290] in content


def test_the_font_check_reads_the_same_cmap_as_fonttools() -> None:
    from fontTools.ttLib import TTFont

    from dpia.load.glyphs import FONTS, drawable

    fonts = [set(TTFont(p).getBestCmap()) for p in sorted(FONTS.glob("*.ttf"))]
    assert drawable() - {9, 10, 13} == set.intersection(*fonts)
    assert ord("ë") in drawable() and ord("€") in drawable() and 0x4F60 not in drawable()


def test_an_escaped_surrogate_pair_in_json_is_one_character(tmp_path: Path) -> None:
    """JSON writes U+1F600 as two escapes; they are read as the one character (which the font
    check then names), never as two lone surrogates."""
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data(**{"meta.title": "Leak \U0001f600"}), default=str))
    from dpia.model import validate_file

    [problem] = validate_file(path).problems
    assert "(U+1F600), which the bundled font cannot draw" in problem.message


def test_a_document_out_of_memory_fails_with_the_limit_named() -> None:
    from dpia.produce.limits import MEMORY, LimitExceeded, document_limits

    expected = r"needed more than 2 GiB of memory, the limit for"
    with pytest.raises(LimitExceeded, match=expected), document_limits():
        raise MemoryError
    assert MEMORY == 2 * 1024**3


def test_render_caps_its_address_space(tmp_path: Path) -> None:
    """`dpia render` (and each batch worker) runs under RLIMIT_AS, so a document that needs
    more memory fails instead of taking the machine's."""
    probe = (
        "import resource, dpia.produce.limits as l; l.limit_memory();"
        " print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    )
    r = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert int(r.stdout) == 2 * 1024**3


def test_a_render_opens_only_the_package_the_questionnaires_folder_and_the_system(
    tmp_path: Path,
) -> None:
    """The README's promise, checked with an audit hook on every open() of a render: the
    package's own code and assets, the questionnaire's folder (the file, the base it extends,
    its logo), the output folder, Python's own libraries, and the system's temporary folder
    for files WeasyPrint creates itself. Nothing beside the questionnaire's folder."""
    import tempfile

    from dpia.resources import LOCALES, TEMPLATES

    build(tmp_path, {})
    q = tmp_path / "q"
    q.mkdir()
    (q / "base.yaml").write_text("base_only: true\n" + questionnaire(**{"meta.logo": "logo.svg"}))
    (q / "school.yaml").write_text("extends: base.yaml\nmeta:\n  version: '2'\n")
    (q / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    (q / "evil.yaml").write_text("extends: ../secret/secret.yaml\n" + questionnaire())
    log = tmp_path / "opened.json"
    r = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "audit_open.py"), str(log), "render",
         "q/school.yaml", "q/evil.yaml", "--lang", "en", "-o", "out"],
        cwd=tmp_path, capture_output=True, text=True, timeout=TIME_LIMIT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert r.returncode == 1, r.stderr  # evil.yaml is refused, school.yaml rendered
    assert "q/evil.yaml:1:10: extends: the base file must be inside q" in r.stdout + r.stderr
    assert (tmp_path / "out" / "school.dpia.en.pdf").is_file()
    temp = Path(tempfile.gettempdir()).resolve()
    allowed = [
        ROOT / "dpia", TEMPLATES, LOCALES, q, tmp_path / "out",
        Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix),
        Path("/usr/share/zoneinfo"), Path("/usr/share/fonts"), Path("/usr/lib"),
    ]  # fmt: skip
    allowed = [a.resolve() for a in allowed]
    system_files = {Path("/dev/null"), Path("/etc/mime.types"), temp, log}
    opened = {Path(p).resolve() for p in json.loads(log.read_text())}
    assert q.resolve() / "logo.svg" in opened and q.resolve() / "base.yaml" in opened
    strays = [
        p
        for p in opened
        if p not in system_files
        and not any(p.is_relative_to(a) for a in allowed)
        # files in the temporary folder itself, or WeasyPrint's own folder in it
        and not (p.parent == temp or p.parent.name.startswith("weasyprint-"))
    ]
    assert strays == []
    assert not any(p.is_relative_to(tmp_path / "secret") for p in opened)


def test_a_full_disk_keeps_the_earlier_output(tmp_path: Path) -> None:
    """On a full disk the render fails with a message, the earlier PDF stays whole and no
    temporary file is left behind."""
    if subprocess.run(["unshare", "-m", "true"]).returncode != 0:
        pytest.skip("cannot mount a small file system here (unshare -m)")
    build(tmp_path, {"q/a.yaml": VALID})
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (
        'mount -t tmpfs -o size=48k tmpfs "$0" && printf EARLIER > "$0/a.screening.en.pdf"'
        ' && head -c 40000 /dev/zero > "$0/filler"; "$@"; rc=$?;'
        ' echo "kept: $(cat "$0/a.screening.en.pdf")"; ls -A "$0"; exit $rc'
    )
    args = ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", str(disk)]
    r = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, str(disk), sys.executable, "-m", "dpia", *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=TIME_LIMIT,
        stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert r.returncode == 3, r.stdout + r.stderr
    assert "q/a.yaml: cannot render: OSError: [Errno 28] No space left on device" in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout.split() == ["kept:", "EARLIER", "a.screening.en.pdf", "filler"]


def test_two_processes_writing_one_output_leave_one_whole_document(tmp_path: Path) -> None:
    build(tmp_path, {"q/a.yaml": VALID})
    args = ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "dpia", *args, out],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for out in ("out", "out", "alone")
    ]
    assert [p.wait(TIME_LIMIT) for p in runs] == [0, 0, 0]
    for p in runs:
        assert p.stdout is not None
        p.stdout.close()
    together = (tmp_path / "out" / "a.screening.en.pdf").read_bytes()
    assert together == (tmp_path / "alone" / "a.screening.en.pdf").read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".profile", "a.screening.en.pdf", "earlier.pdf"
    ]  # fmt: skip


SECRET_LINKS = (
    '<img src="file://{d}/secret/logo.svg"><link rel="attachment" href="file://{d}/secret/'
    'secret.yaml"><script>x()</script>{{{{ 7*7 }}}}{{% if 1 %}}IF{{% endif %}}'
    "![i](file://{d}/secret/logo.svg)<style>@import url(http://127.0.0.1:9/)</style>"
)
TEXT_FIELDS = [
    "meta.title", "description.proposal", "description.purposes.0.description",
    "description.data_subjects.0.category", "description.personal_data.0.name",
    "description.personal_data.0.retention", "risks.0.title", "measures.0.title",
    "consultation.dpo_advice.advice", "consultation.views.summary",
    "screening.edpb.vulnerable_data_subjects.reason",
]  # fmt: skip
NAME_FIELDS = [  # at most 300 characters
    "meta.organisation.name", "description.parties.0.name",
    "lawfulness.lawful_bases.0.legal_provision",
]  # fmt: skip


def test_markup_and_template_code_in_every_kind_of_answer_stay_text(tmp_path: Path) -> None:
    """The same payload in every kind of free-text answer (titles, names, long text, table
    cells, reasons), in every document as HTML and in the DPIA as PDF: no element, no template
    evaluated, no planted file read or embedded."""
    payload = SECRET_LINKS.format(d=tmp_path)
    names = '<img src="file://{d}/secret/logo.svg"><script>x()</script>{{{{ 7*7 }}}}'
    answers = dict.fromkeys(TEXT_FIELDS, payload)
    answers.update(dict.fromkeys(NAME_FIELDS, names.format(d=tmp_path)))
    build(tmp_path, {"q/a.yaml": questionnaire(**answers)})
    code, output = run_dpia(
        tmp_path, ["render", "q/a.yaml", "--doc", "all", "--lang", "en", "--format", "html",
                   "-o", "out"]
    )  # fmt: skip
    assert code == 0, output
    code, output = run_dpia(tmp_path, ["render", "q/a.yaml", "--lang", "en", "-o", "out"])
    assert code == 0, output
    pages = sorted((tmp_path / "out").glob("a.*.html"))
    assert len(pages) == 5
    for page in pages:
        html = page.read_text()
        assert "<img" not in html.replace('<img class="logo"', "") and "<script" not in html
        assert '<link rel="attachment"' not in html and "<style>@import" not in html
        assert "{{ 7*7 }}" in html and ">49<" not in html and "IF{%" in html
    assert MARKER not in written_text(tmp_path / "out")
    assert list(PdfReader(tmp_path / "out" / "a.dpia.en.pdf").attachments) == ["a.yaml"]


def crashing_run(job: object) -> object:
    """A batch worker's `run` that dies, as a process does when a C library aborts, for the
    questionnaire named crash.yaml (module level: the pool pickles it by name)."""
    from dpia.produce.batch import Job, run

    assert isinstance(job, Job)
    if job.source.stem == "crash":
        os._exit(134)
    return run(job)


def test_a_document_that_kills_its_worker_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from dpia.cli import batch as batch_cli
    from dpia.cli import cli

    for name in ("a", "crash", "b"):
        (tmp_path / "q").mkdir(exist_ok=True)
        (tmp_path / "q" / f"{name}.yaml").write_text(VALID)
    monkeypatch.setattr(batch_cli, "run", crashing_run)
    args = ["batch", str(tmp_path / "q"), "-o", str(tmp_path / "out"), "--doc", "screening"]
    r = CliRunner().invoke(cli, [*args, "--lang", "en", "-j", "2", "-q"])
    assert r.exit_code == 1, r.output
    assert "crash.screening.en.pdf: the process rendering it stopped" in r.output
    assert "2 rendered, 0 unchanged, 1 failed" in r.output
    for name in ("a", "b"):
        pages = PdfReader(tmp_path / "out" / f"{name}.screening.en.pdf").pages
        assert "Pilot" in pages[0].extract_text()
