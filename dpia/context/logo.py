"""The questionnaire's logo, checked before anything draws it.

A logo comes with a questionnaire that may come from someone else. Drawing it is where the
cost hides: a 20 KiB PNG can declare 13000 x 13000 pixels (1.4 GB to decode), and a 1.6 KiB
SVG of nested `<use>` chains never finishes. So the bytes are judged here, in `validate`,
without decoding anything: a PNG by its signature and the dimensions in its IHDR chunk, an SVG
by a parse that refuses entities, outside references and more drawing work than a logo needs.
"""

from __future__ import annotations

import base64
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

MAX_LOGO = 1024 * 1024  # bytes
MAX_PIXELS = 16_000_000  # a print logo needs well under 2 megapixels
MAX_SIDE = 8192
MAX_SVG_WORK = 20_000  # elements drawn, counting each `<use>` as what it repeats
MAX_DEPTH = 200  # nesting, `<use>` included
TYPES = {".png": "image/png", ".svg": "image/svg+xml"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Logo:
    name: str  # the path as meta.logo gives it, relative to the questionnaire's folder
    data: bytes
    mime: str

    @property
    def url(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode()}"


def read_logo(folder: Path, name: str, what: str = "logo") -> tuple[Logo | None, str | None]:
    """The logo `name` (relative to `folder`), or why it cannot be used. Only a regular PNG
    or SVG file inside the questionnaire's folder is read. `what` names it in the reasons: the
    images of the proposal (description.proposal_images) are read and judged the same way."""
    try:
        path = (folder / name).resolve()
    except (OSError, RuntimeError):
        return None, f"cannot be read: the {what}'s path is a link loop"
    if not path.is_relative_to(folder):
        return None, f"the {what} must be inside the questionnaire's folder"
    suffix = path.suffix.lower()
    if suffix not in TYPES:
        return None, f"the {what} must be a .png or .svg file"
    if not path.exists():
        return None, f"no such file: {name}"
    if not path.is_file():
        return None, f"the {what} must be a regular file"
    if path.stat().st_size > MAX_LOGO:
        return None, f"the {what} is larger than {MAX_LOGO} bytes"
    with path.open("rb") as f:
        data = f.read(MAX_LOGO + 1)
    problem = check_png(data, what) if suffix == ".png" else check_svg(data, what)
    if problem:
        return None, problem
    relative = path.relative_to(folder).as_posix()
    return Logo(relative, data, TYPES[suffix]), None


def check_png(data: bytes, what: str = "logo") -> str | None:
    """Why these bytes are not a PNG a document may draw (None: they are). WeasyPrint copies a
    PNG's compressed pixels into the PDF as they are, so a damaged one would give a PDF with a
    broken picture: the chunks' checksums and the amount of pixel data are checked here, by
    inflating the data in steps without keeping it (no pixel is decoded)."""
    if not data.startswith(PNG_SIGNATURE):
        return f"the {what} is not a PNG image (its first bytes are not the PNG signature)"
    chunks, problem = _chunks(data, what)
    if problem:
        return problem
    if not chunks or chunks[0][0] != b"IHDR" or len(chunks[0][1]) != 13:
        return f"the {what} is a damaged PNG image (no IHDR header)"
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour)
    if not width or not height or channels is None or depth not in (1, 2, 4, 8, 16):
        return f"the {what} is a damaged PNG image (impossible size or colour type)"
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return (
            f"the {what} is {width} x {height} pixels; at most {MAX_PIXELS // 1_000_000}"
            f" megapixels and {MAX_SIDE} pixels a side are drawn (a document needs far fewer)"
        )
    expected = _pixel_bytes(width, height, channels * depth, interlace == 1)
    inflated = _inflated_size(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    if inflated != expected:
        return f"the {what} is a damaged PNG image (its pixel data is missing, cut off or corrupt)"
    return None


def _chunks(data: bytes, what: str) -> tuple[list[tuple[bytes, bytes]], str | None]:
    chunks: list[tuple[bytes, bytes]] = []
    at = len(PNG_SIGNATURE)
    while True:
        if at + 12 > len(data):
            return chunks, f"the {what} is a damaged PNG image (it is cut off: no IEND at the end)"
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        crc = data[at + 8 + length : at + 12 + length]
        if len(body) != length or len(crc) != 4:
            return chunks, f"the {what} is a damaged PNG image (it is cut off: no IEND at the end)"
        if zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            return chunks, f"the {what} is a damaged PNG image (a chunk fails its checksum)"
        if kind == b"IEND":
            return chunks, None
        chunks.append((kind, body))
        at += 12 + length


_ADAM7 = [
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
]  # (x start, y start, x step, y step) of the seven interlace passes


def _pixel_bytes(width: int, height: int, bits: int, interlaced: bool) -> int:
    """How many bytes the inflated pixel data holds: a filter byte, then the row."""
    passes = _ADAM7 if interlaced else [(0, 0, 1, 1)]
    total = 0
    for x0, y0, dx, dy in passes:
        w, h = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        if w and h:
            total += h * (1 + (w * bits + 7) // 8)
    return total


def _inflated_size(stream: bytes) -> int:
    """The size `stream` inflates to, -1 when it is not a whole zlib stream; measured in steps
    of a megabyte so a bomb costs time in proportion to the size already capped, not memory."""
    inflater, size = zlib.decompressobj(), 0
    try:
        part = inflater.decompress(stream, 1 << 20)
        while part:
            size += len(part)
            part = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
    except zlib.error:
        return -1
    return size if inflater.eof else -1


_OUTSIDE = re.compile(r"""url\(\s*['"]?(?!#)|@import""", re.I)
_SVG = "{http://www.w3.org/2000/svg}"
_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")


def check_svg(data: bytes, what: str = "logo") -> str | None:
    """Why these bytes are not an SVG a document may draw (None: they are)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return f"the SVG {what} declares a DOCTYPE or entities, which it does not need"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        return f"the {what} is not a well-formed SVG image ({e})"
    if root.tag != _SVG + "svg":
        return f"the {what} is not an SVG image (its root element is not <svg>)"
    ids: dict[str, ElementTree.Element] = {}
    for el in root.iter():
        if el.get("id"):
            ids[el.get("id", "")] = el
        for key in _HREFS:
            ref = el.get(key)
            if ref is not None and not ref.startswith("#"):
                return f"the SVG {what} refers to something outside itself; only #id references"
        texts = [el.text or "", *el.attrib.values()]
        if any(_OUTSIDE.search(t) for t in texts):
            return f"the SVG {what} refers to something outside itself (url() or @import)"
    if _work(root, ids, {}, ()) > MAX_SVG_WORK:
        return f"the SVG {what} takes more than {MAX_SVG_WORK} elements to draw (nested <use>)"
    return None


def _work(
    el: ElementTree.Element,
    ids: dict[str, ElementTree.Element],
    memo: dict[int, int],
    stack: tuple[int, ...],
) -> int:
    """How many elements drawing `el` visits, each `<use>` counted as a copy of its target;
    a reference cycle counts as too much. Stops counting once past the budget."""
    key = id(el)
    if key in memo:
        return memo[key]
    if key in stack or len(stack) > MAX_DEPTH:
        return MAX_SVG_WORK + 1
    total = 1
    for child in el:
        total += _work(child, ids, memo, (*stack, key))
        if total > MAX_SVG_WORK:
            break
    if el.tag == _SVG + "use":
        ref = next((el.get(k) for k in _HREFS if el.get(k)), "") or ""
        target = ids.get(ref[1:])
        if target is not None:
            total += _work(target, ids, memo, (*stack, key))
    memo[key] = min(total, MAX_SVG_WORK + 1)
    return memo[key]
