"""The commented starter questionnaire that `dpia init` writes and `dpia serve` starts from."""

from __future__ import annotations

import datetime as dt

from dpia.resources import TEMPLATES

PRESETS = ("screening", "dpia")


def starter(preset: str, lang: str, today: dt.date) -> str:
    """The starter text: the pre-scan, plus the other sections for a full DPIA; dated today,
    with the review a year later. It validates as it is."""
    parts = ["starter-screening.yaml"] + (["starter-sections.yaml"] if preset == "dpia" else [])
    text = "\n".join((TEMPLATES / lang / p).read_text(encoding="utf-8") for p in parts)
    text = text.replace("2000-01-01", today.isoformat())
    return text.replace("2001-01-01", (today + dt.timedelta(days=365)).isoformat())
