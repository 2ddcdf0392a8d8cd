"""The README's examples of `dpia validate` and `dpia screen` print what the tool prints.

Those examples are the first thing a newcomer compares with their own terminal; a sample that
gains a finding must change the README with it. A line ending in "..." stands for a line that
the README cuts short, and a lone "..." for lines left out.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpia.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("validate", "screen")


def examples() -> list[tuple[str, list[str]]]:
    """(command, printed lines) of each `$ dpia validate|screen` in a console block."""
    found: list[tuple[str, list[str]]] = []
    inside = False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = line == "```console"
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return [(cmd, out) for cmd, out in found if cmd.split()[1] in CHECKED]


def run(command: str) -> list[str]:
    """The lines the command prints: both streams, or stdout, and `| head -N` or `| tail -N`
    when asked."""
    command = command.split("  #")[0].strip()
    head = tail = None
    if "| head -" in command:
        command, _, n = command.partition("| head -")
        head = int(n)
    if "| tail -" in command:
        command, _, n = command.partition("| tail -")
        tail = int(n)
    quiet = "2>/dev/null" in command
    args = shlex.split(command.replace("2>/dev/null", ""))[1:]
    result = CliRunner().invoke(cli, args)
    text = result.stdout if quiet else result.stdout + result.stderr
    lines = text.splitlines()
    return lines[:head] if head else lines[-tail:] if tail else lines


def matches(shown: list[str], printed: list[str]) -> bool:
    i = 0
    for want in shown:
        if want.strip() == "...":  # any lines, up to the next one shown
            nxt = shown[shown.index(want) + 1 :]
            if not nxt:
                return True
            while i < len(printed) and not _same(nxt[0], printed[i]):
                i += 1
            continue
        if i >= len(printed) or not _same(want, printed[i]):
            return False
        i += 1
    return i == len(printed)


def _same(want: str, got: str) -> bool:
    return got.startswith(want[:-3]) if want.endswith(" ...") else want == got


@pytest.mark.parametrize(("command", "shown"), examples(), ids=[c for c, _ in examples()])
def test_readme_example_prints_what_the_tool_prints(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    printed = run(command)
    assert matches(shown, printed), "\n".join(["README:", *shown, "tool:", *printed])


def test_the_examples_are_found() -> None:
    assert len(examples()) >= 5


def update() -> None:
    """Rewrite the printed lines of each checked example with what the tool prints now, a
    long line cut short with " ..." (python -m tests.test_readme; then read the diff)."""
    path = ROOT / "README.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    inside, skipping = False, False
    for line in lines:
        if line.startswith("```"):
            inside, skipping = line == "```console", False
        elif inside and line.startswith("$ "):
            skipping = line[2:].split()[1] in CHECKED
            out.append(line)
            if skipping:
                out += [_cut(printed) for printed in run(line[2:])]
            continue
        elif skipping:
            continue
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _cut(line: str, width: int = 100) -> str:
    if len(line) <= width or not line.lstrip().startswith("- "):
        return line
    return line[:width].rsplit(" ", 1)[0] + " ..."


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    update()
