"""The likelihood x severity heat map as a PNG, drawn like the SVG in the PDF
(templates/shared/macros.html.j2): colour shows the level, and so does the letter in each
cell, so the map reads in black and white too.

An image rather than a Word table: it keeps the PDF's familiar picture, and Word tables cannot
rotate or scale as one figure. Pillow is already installed with WeasyPrint. The risk table
beside it gives the same facts as text, and the picture carries a description for screen
readers.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from dpia.context.chart import Chart
from dpia.context.dpia import HeatCell
from dpia.model.enums import Level, RiskLevel
from dpia.resources import SHARED

FILLS = {RiskLevel.low: "#cfe8d4", RiskLevel.medium: "#fde3a7", RiskLevel.high: "#f4b6b0"}
# The heat map's fills differ in lightness too (low light, medium middle, high dark), so that
# it reads in black and white, as templates/shared/macros.html.j2's heat_map.
HEAT_FILLS = {RiskLevel.low: "#e3f1e5", RiskLevel.medium: "#f2c14e", RiskLevel.high: "#e07a70"}
INK, MUTED = "#1d2430", "#5a6473"
SCALE = 4  # pixels per SVG unit: about 290 dpi at the size it is shown
CELL, LEFT, TOP = 46, 62, 14


@cache
def _font(weight: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(SHARED / "fonts" / f"OpenSans-{weight}.ttf"), round(size * SCALE))


def png(
    cells: list[list[HeatCell]],
    matrix: list[list[RiskLevel]],
    labels: dict[Level, str],
    level_labels: dict[RiskLevel, str],
    axis: tuple[str, str],
) -> bytes:
    """cells[severity][likelihood] = the risk ids shown; labels in the document's language."""
    width, height = LEFT + 4 * CELL + 4, TOP + 4 * CELL + 34
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[int, int]:
        return round(x * SCALE), round(y * SCALE)

    scale = list(Level)
    draw.text(at(0, 1), axis[0], fill=INK, font=_font("Semibold", 7))
    for s in range(4):
        y = TOP + (3 - s) * CELL
        draw.text(
            at(LEFT - 4, y + CELL / 2),
            labels[scale[s]],
            fill=MUTED,
            font=_font("Regular", 6.5),
            anchor="rm",
        )
        for lk in range(4):
            x = LEFT + lk * CELL
            level = matrix[s][lk]
            draw.rectangle(
                [at(x, y), at(x + CELL, y + CELL)],
                fill=HEAT_FILLS[level],
                outline="white",
                width=round(1.5 * SCALE),
            )
            letter = level_labels[level][:1].upper()
            draw.text(at(x + 4, y + 3), letter, fill=INK, font=_font("Bold", 7))
            ids = cells[s][lk]  # the ids drawn, row by row, and how many more
            for i, row in enumerate(ids.rows):
                draw.text(
                    at(x + CELL / 2, y + 19 + i * 9),
                    " ".join(row),
                    fill=INK,
                    font=_font("Semibold", 7.5),
                    anchor="mm",
                )
            if ids.more:
                draw.text(
                    at(x + CELL - 3, y + CELL - 3),
                    f"+{ids.more}",
                    fill=INK,
                    font=_font("Regular", 6.5),
                    anchor="rs",
                )
    for lk in range(4):
        draw.text(
            at(LEFT + lk * CELL + CELL / 2, TOP + 4 * CELL + 7),
            labels[scale[lk]],
            fill=MUTED,
            font=_font("Regular", 6.5),
            anchor="mm",
        )
    draw.text(
        at(LEFT + 4 * CELL, TOP + 4 * CELL + 26),
        axis[1],
        fill=INK,
        font=_font("Semibold", 7),
        anchor="rs",
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def trajectory_png(c: Chart, level_labels: dict[RiskLevel, str], months: list[str]) -> bytes:
    """The risk trajectory (stacked bars per version) from the geometry in dpia.context.chart,
    drawn as the PDF's macro draws it; `months` are the bars' dates in the document's
    language."""
    image = Image.new("RGB", (round(c.width * SCALE), round(c.height * SCALE)), "white")
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[int, int]:
        return round(x * SCALE), round(y * SCALE)

    right = c.legend_x - 12
    for n, y in c.ticks:
        draw.line([at(c.left, y), at(right, y)], fill="#c9d0da", width=max(1, SCALE // 2))
        draw.text(at(c.left - 4, y), str(n), fill=MUTED, font=_font("Regular", 6.5), anchor="rm")
    for bar, month in zip(c.bars, months, strict=True):
        middle = bar.x + c.bar_width / 2
        for s in bar.segments:
            box = [at(bar.x, s.y), at(bar.x + c.bar_width, s.y + s.height)]
            draw.rectangle(box, fill=FILLS[s.level], outline="white", width=SCALE)
            if s.labelled:
                draw.text(at(middle, s.y + s.height / 2), str(s.count), fill=INK,
                          font=_font("Semibold", 7), anchor="mm")  # fmt: skip
        draw.text(at(middle, c.base + 8), bar.version, fill=INK, font=_font("Semibold", 7),
                  anchor="mm")  # fmt: skip
        draw.text(at(middle, c.base + 18), month, fill=MUTED, font=_font("Regular", 6),
                  anchor="mm")  # fmt: skip
    draw.line([at(c.left, c.base), at(right, c.base)], fill=INK, width=SCALE)
    for i, level in enumerate(c.levels):
        y = 14 + i * 14
        draw.rectangle([at(c.legend_x, y), at(c.legend_x + 9, y + 9)], fill=FILLS[level])
        draw.text(at(c.legend_x + 13, y + 4.5), level_labels[level], fill=INK,
                  font=_font("Regular", 7), anchor="lm")  # fmt: skip
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
