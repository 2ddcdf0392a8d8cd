"""The risk trajectory as a chart: stacked bars of residual risks by level, one per version.

The geometry is worked out here, in numbers; a template macro only draws the rectangles and
labels it is given (WeasyPrint draws inline SVG; no script is involved).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.model.enums import RiskLevel
from dpia.review.trajectory import LEVELS, Point

HEIGHT = 150  # of the plot area, in px
BAR, GAP = 44, 36  # bar width and the space between bars
LEFT, TOP, BOTTOM = 26, 12, 34  # margins: axis numbers, headroom, version and date labels
LEGEND = 110  # width kept for the legend on the right
MIN_LABELLED = 12  # px: a segment lower than this shows no count (it would not fit)


@dataclass(frozen=True)
class Segment:
    level: RiskLevel
    count: int
    y: float
    height: float
    labelled: bool  # tall enough to carry its count


@dataclass(frozen=True)
class Bar:
    version: str
    date: dt.date
    x: float
    total: int
    segments: list[Segment]  # low at the bottom, high on top


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    base: float  # y of the axis
    left: float
    bar_width: float
    bars: list[Bar]
    ticks: list[tuple[int, float]]  # (count, y)
    legend_x: float
    levels: tuple[RiskLevel, ...]


def chart(points: list[Point]) -> Chart:
    top = max((p.total for p in points), default=0) or 1
    scale = HEIGHT / top
    base = TOP + HEIGHT
    bars = []
    for i, p in enumerate(points):
        y = float(base)
        segments = []
        for lvl in reversed(LEVELS):  # low first, drawn from the axis up
            h = p.counts[lvl] * scale
            y -= h
            if p.counts[lvl]:
                segments.append(Segment(lvl, p.counts[lvl], y, h, h >= MIN_LABELLED))
        bars.append(Bar(p.version, p.date, LEFT + GAP / 2 + i * (BAR + GAP), p.total, segments))
    step = max(1, -(-top // 4))  # about four gridlines, whole numbers
    ticks = [(n, base - n * scale) for n in range(0, top + 1, step)]
    plot_width = LEFT + len(points) * (BAR + GAP)
    return Chart(
        width=plot_width + LEGEND,
        height=base + BOTTOM,
        base=base,
        left=LEFT,
        bar_width=BAR,
        bars=bars,
        ticks=ticks,
        legend_x=plot_width + 12,
        levels=LEVELS,
    )
