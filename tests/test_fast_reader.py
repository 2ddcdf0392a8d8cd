"""The fast reader (libyaml) must build exactly what the full reader (ruamel.yaml) builds.

It may give a file up, never read it differently: every file it accepts is read again by the
full reader here and the two trees are compared, types and positions included.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from dpia.load import LoadError
from dpia.load.fast import read_plain
from dpia.load.source import MAX_DEPTH, MAX_NODES, read_full
from dpia.load.tree import LMap, LSeq

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    p
    for folder in ("samples", "tests/bad")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in (".yaml", ".yml", ".json") and p.name != "dpia.schema.json"
)


# DPIA_FUZZ_EXAMPLES=5000 for a deeper run than the suite's (that one took 80 s and passed).
_EXAMPLES = int(os.environ.get("DPIA_FUZZ_EXAMPLES", "400"))


def _fast(text: str) -> Any:
    return read_plain(text, "f", MAX_DEPTH, MAX_NODES)


def _same(a: Any, b: Any, where: str = "") -> None:
    """Equal values of equal types (True is not 1 here), and equal positions."""
    assert type(a) is type(b), where
    if isinstance(a, LMap):
        assert a.pos == b.pos and list(a) == list(b), where
        assert a.key_pos == b.key_pos and a.val_pos == b.val_pos, where
        for key in a:
            _same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, LSeq):
        assert a.pos == b.pos and a.item_pos == b.item_pos and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where


def _agree(text: str) -> bool:
    """Whether the fast reader took `text`; when it did, the full reader built the same tree."""
    tree = _fast(text)
    if not isinstance(tree, LMap):
        return False
    try:
        full, problems = read_full(text, "f", is_json=False)
    except LoadError as e:  # pragma: no cover - the failure message is the point
        pytest.fail(f"fast reader took what the full reader refuses: {e}")
    assert problems == []
    _same(tree, full)
    return True


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_samples_and_bad_inputs_agree(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    took = _agree(text)
    if path.parts[-2] == "samples" or "samples" in path.parts:
        assert took, "every sample is plain enough for the fast reader"


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # a tag
        "<<: {a: 1}\n",  # a merge key
        "a: 0o17\n",  # a number spelled the YAML 1.2 way
        "a: 2025-02-30\n",  # an impossible date
        "a: 1\n---\nb: 2\n",  # two documents
        "a:\tb\n",  # a tab
        "1: a\n",  # a key that is not text
        "? [a]\n: b\n",  # a list as a key
        "a:\n  ? {b: [1]}\n  : c\n",  # a mapping as a key
        "a: '\x07'\n",  # a control character
        "- a\n",  # not a mapping
        "a: [" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",  # too deep
    ],
)
def test_gives_up_on_what_only_the_full_reader_words(text: str) -> None:
    assert not isinstance(_fast(text), LMap)


def test_typed_values_and_positions() -> None:
    tree = _fast("a: no\nb: true\nc: -12\nd: 1.5\ne: 2026-11-23\nf:\ng:\n  - 'x'\n  - |\n    y\n")
    assert tree == {
        "a": "no",
        "b": True,
        "c": -12,
        "d": 1.5,
        "e": dt.date(2026, 11, 23),
        "f": None,
        "g": ["x", "y\n"],
    }
    assert str(tree.val_pos["g"]) == "f:8:3" and str(tree["g"].item_pos[1]) == "f:9:5"


_text = st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), max_size=12)
_scalar = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.dates()
    | st.sampled_from(["no", "on", "~", "0o7", "1_000", ".5", "1e3", "<<", "=", "a: b", "#x"])
    | _text
)
_tree = st.recursive(
    _scalar,
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(_text, kids, max_size=3),
    max_leaves=25,
)


@settings(max_examples=_EXAMPLES, deadline=None, database=None)
@given(
    data=st.dictionaries(_text, _tree, min_size=1, max_size=5),
    flow=st.sampled_from([False, True, None]),
    width=st.sampled_from([20, 80, 4096]),
)
def test_dumped_data_agrees(data: dict[str, Any], flow: bool | None, width: int) -> None:
    """Data written by a YAML emitter in block, flow and mixed styles, short lines folded."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    yaml.width = width
    out = io.StringIO()
    yaml.dump(data, out)
    _agree(out.getvalue())


_KEYS = ["a", "b", "title", "? a", "'q'", '"é"', "😀", "x y", "-", "[a]", "? {a: 1}", "1", "~"]
_VALUES = [
    "", " no", " true", " ~", " 1", " 1.0", " -3", " 2026-01-02", " x y", " 'it''s'", ' "\\u00e9"',
    " |", " >-", " [a, b]", " {a: 1}", " [", " # c", " a: b", " &x a", " *x",
]  # fmt: skip
_line = st.tuples(
    st.integers(-1, 1),  # one level out, the same level, or one level in
    st.sampled_from(["", "- "]),
    st.sampled_from(_KEYS),
    st.sampled_from([":", ":", ""]),
    st.sampled_from(_VALUES),
    st.sampled_from(["\n", "\r\n", "\n\n", "\n  # c\n"]),
)


@settings(max_examples=_EXAMPLES, deadline=None, database=None)
@given(lines=st.lists(_line, min_size=1, max_size=12))
def test_yaml_ish_lines_agree(lines: list[tuple[int, str, str, str, str, str]]) -> None:
    """Lines of keys, items and values at wandering indentation, many of them not valid."""
    text, level = [], 0
    for step, dash, key, colon, value, end in lines:
        level = max(0, level + step)
        text.append("  " * level + dash + key + colon + value + end)
    _agree("".join(text))


_VALID_LINES = (ROOT / "tests/bad/_valid.yaml").read_text("utf-8").splitlines(keepends=True)
_edit = st.tuples(
    st.integers(0, len(_VALID_LINES) - 1),
    st.sampled_from(["delete", "indent", "outdent", "value", "copy"]),
    st.sampled_from(_VALUES),
)


@settings(max_examples=_EXAMPLES, deadline=None, database=None)
@given(edits=st.lists(_edit, min_size=1, max_size=3))
def test_edited_questionnaire_agrees(edits: list[tuple[int, str, str]]) -> None:
    """A real questionnaire with lines deleted, copied, moved in or out, or given new values."""
    lines = list(_VALID_LINES)
    for index, what, value in edits:
        i = index % len(lines)
        line = lines[i]
        if what == "delete":
            del lines[i]
        elif what == "copy":
            lines.insert(i, line)
        elif what == "indent":
            lines[i] = "  " + line
        elif what == "outdent":
            lines[i] = line[2:] if line.startswith("  ") else line
        elif ":" in line:
            lines[i] = line.split(":", 1)[0] + ":" + value + "\n"
    _agree("".join(lines) or "\n")
