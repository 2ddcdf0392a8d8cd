"""The same questionnaire gives the same bytes in every process, at any time, whether
WeasyPrint would subset fonts with libharfbuzz-subset or with its fontTools fallback (which
stamps the current time into each subset font unless SOURCE_DATE_EPOCH is set): the same
bytes on both paths, since the bundled fonts are embedded whole. Each render runs in a child
process of its own; the fallback is forced in the child."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "university-writing-assistant.yaml"
DOCS = ("dpia", "screening")  # the DPIA and a companion
FORMATS = ("pdf", "html")

CHILD = """
import hashlib, json, logging, os, sys
from pathlib import Path

path, fallback, user_epoch = Path(sys.argv[1]), sys.argv[2] == "fallback", sys.argv[3]
if fallback:
    import weasyprint.pdf.fonts as f
    f.harfbuzz_subset = None
if user_epoch:
    os.environ["SOURCE_DATE_EPOCH"] = user_epoch  # the user's own, to be left as it was
warnings = []
handler = logging.Handler()
handler.emit = lambda record: warnings.append(record.getMessage())
logging.getLogger("weasyprint").addHandler(handler)

from dpia.context.assessment import assess_file
from dpia.produce import make_document

a = assess_file(path)
hashes = {
    f"{doc}.{fmt}": hashlib.sha256(make_document(a, doc, "en", fmt)).hexdigest()
    for doc in sys.argv[4].split(",") for fmt in sys.argv[5].split(",")
}
print(json.dumps({
    "hashes": hashes,
    "epoch_after": os.environ.get("SOURCE_DATE_EPOCH"),
    "fonttools": any("fontTools" in w for w in warnings),
}))
"""


def start(path: str, fallback: bool, user_epoch: str = "") -> subprocess.Popen[str]:
    mode = "fallback" if fallback else "harfbuzz"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, path, mode, user_epoch, ",".join(DOCS), ",".join(FORMATS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def result(child: subprocess.Popen[str]) -> dict:
    out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def runs() -> dict[str, list[dict]]:
    """Each path rendered in two processes, the second started 1.1 s after the first ended
    so that a clock stamp would differ; the two paths run side by side."""
    found: dict[str, list[dict]] = {"harfbuzz": [], "fallback": []}
    for epoch in ("", "86400"):  # the second pair with a SOURCE_DATE_EPOCH of the user's own
        children = {
            "harfbuzz": start(str(SAMPLE), False, epoch),
            "fallback": start(str(SAMPLE), True, epoch),
        }
        for mode, child in children.items():
            found[mode].append(result(child))
        if not epoch:
            time.sleep(1.1)
    return found


@pytest.mark.parametrize("mode", ["harfbuzz", "fallback"])
def test_both_renders_give_the_same_bytes(runs: dict, mode: str) -> None:
    first, second = runs[mode]
    assert set(first["hashes"]) == {f"{d}.{f}" for d in DOCS for f in FORMATS}
    assert first["hashes"] == second["hashes"]


def test_both_paths_give_the_same_bytes(runs: dict) -> None:
    """A machine without libharfbuzz-subset makes the very same documents."""
    assert runs["harfbuzz"][0]["hashes"] == runs["fallback"][0]["hashes"]
    assert not any(r["fonttools"] for mode in runs for r in runs[mode]), "a font was subset"


def test_the_users_environment_is_left_as_it_was(runs: dict) -> None:
    for mode in runs:
        unset, own = runs[mode]
        assert unset["epoch_after"] is None
        assert own["epoch_after"] == "86400"
