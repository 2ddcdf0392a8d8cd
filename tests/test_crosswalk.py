"""The cross-walk to the Model DPIA Rijksdienst stays true: generated, and naming real fields."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from dpia.model.fields import walk

ROOT = Path(__file__).resolve().parent.parent


def _crosswalk() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crosswalk", ROOT / "docs" / "crosswalk.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CROSSWALK = _crosswalk()
DATA = CROSSWALK.load()


def test_markdown_is_up_to_date() -> None:
    expected = CROSSWALK.markdown(DATA)
    assert CROSSWALK.OUTPUT.read_text(encoding="utf-8") == expected, (
        "docs/rijksmodel.md is stale: run `python docs/crosswalk.py`"
    )


def test_every_listed_path_exists_in_the_model() -> None:
    known = {".".join(f.path).replace(".-", "[]") for f in walk()}
    missing = [
        (row["id"], p)
        for rows in DATA.values()
        for row in rows
        for p in CROSSWALK.paths(row)
        if p.removesuffix("[]") not in known
    ]
    assert missing == []


def test_every_row_has_a_place_or_a_reason() -> None:
    for rows in DATA.values():
        for row in rows:
            assert (CROSSWALK.paths(row) and row.get("shows")) or row.get("reason"), row["id"]


def test_the_120_fields_of_points_1_to_17_are_all_listed_once() -> None:
    ids = [row["id"] for row in DATA["dpia"]]
    assert len(ids) == len(set(ids)) == CROSSWALK.FIELDS_1_17
    points = {int(re.match(r"\d+", i).group()) for i in ids}  # type: ignore[union-attr]
    assert points == set(range(1, 18))


def test_at_least_nine_in_ten_fields_of_points_1_to_17_have_a_place() -> None:
    assert CROSSWALK.covered(DATA["dpia"]) >= 108
