"""Which characters the bundled fonts can draw.

A character no bundled font covers is drawn from whatever font the machine has (so the PDF's
bytes depend on the machine) or not at all (CJK and emoji came out blank, without a word). The
loader refuses such characters where they are written instead. The fonts' `cmap` tables are
read here with `struct` (format 4, the only one they hold): fontTools would cost validate a
fifth of a second.
"""

from __future__ import annotations

import struct
from functools import cache

from dpia.resources import SHARED

FONTS = SHARED / "fonts"


@cache
def drawable() -> frozenset[int]:
    """The code points every bundled font draws (a character may be set in any style)."""
    sets = [_cmap(path.read_bytes()) for path in sorted(FONTS.glob("*.ttf"))]
    common = frozenset.intersection(*sets) if sets else frozenset()
    return common | frozenset((0x09, 0x0A, 0x0D))  # white space the document folds


def _cmap(font: bytes) -> frozenset[int]:
    (tables,) = struct.unpack(">H", font[4:6])
    for i in range(tables):
        tag, _, offset, _ = struct.unpack(">4sIII", font[12 + 16 * i : 28 + 16 * i])
        if tag == b"cmap":
            return _best_subtable(font, offset)
    return frozenset()


def _best_subtable(font: bytes, cmap: int) -> frozenset[int]:
    (count,) = struct.unpack(">H", font[cmap + 2 : cmap + 4])
    for i in range(count):
        platform, encoding, offset = struct.unpack(
            ">HHI", font[cmap + 4 + 8 * i : cmap + 12 + 8 * i]
        )
        at = cmap + offset
        if (platform, encoding) == (3, 1) and struct.unpack(">H", font[at : at + 2])[0] == 4:
            return _format4(font, at)
    raise ValueError("bundled font without a Unicode BMP cmap (format 4)")


def _format4(font: bytes, at: int) -> frozenset[int]:
    (seg2,) = struct.unpack(">H", font[at + 6 : at + 8])
    n = seg2 // 2
    ends = struct.unpack(f">{n}H", font[at + 14 : at + 14 + seg2])
    starts_at = at + 16 + seg2
    starts = struct.unpack(f">{n}H", font[starts_at : starts_at + seg2])
    deltas = struct.unpack(f">{n}h", font[starts_at + seg2 : starts_at + 2 * seg2])
    ranges_at = starts_at + 2 * seg2
    offsets = struct.unpack(f">{n}H", font[ranges_at : ranges_at + seg2])
    codes = set()
    for k, (start, end, delta, offset) in enumerate(
        zip(starts, ends, deltas, offsets, strict=True)
    ):
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                where = ranges_at + 2 * k + offset + 2 * (code - start)
                (glyph,) = struct.unpack(">H", font[where : where + 2])
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(code)
    return frozenset(codes)
