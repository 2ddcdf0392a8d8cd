"""Run `dpia ARGS` and write every path Python opened to OUT (JSON): `python tests/audit_open.py
OUT ARGS...`. An audit hook (PEP 578) sees each open() and os.open() of the process."""

from __future__ import annotations

import json
import os
import sys

opened: list[str] = []


def hook(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and isinstance(args[0], str | bytes):
        path = os.fsdecode(args[0])
        opened.append(path)


def main() -> None:
    out = sys.argv[1]
    sys.argv = ["dpia", *sys.argv[2:]]
    sys.addaudithook(hook)
    from dpia.cli import cli

    try:
        cli.main(standalone_mode=False)
    finally:
        with open(out, "w") as f:
            json.dump(opened, f)


if __name__ == "__main__":
    main()
