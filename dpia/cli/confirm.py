"""`dpia confirm OVERLAY...`: a school confirms the central assessment as it is now.

Writes into the overlay's `central:` the central version, the date, and a fingerprint of every
central item as confirmed; the school's own marks (adapted, not applicable) stay as written.
Comments and layout of the file are kept (ruamel.yaml round trip); the file is replaced
atomically.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import click
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from dpia.cli.common import report
from dpia.cli.exits import Exit
from dpia.context.assessment import assess_file
from dpia.load import LoadError, load
from dpia.pdf.files import write_atomic
from dpia.review.central import central_items, fingerprint


def _yaml() -> YAML:
    y = YAML()  # round trip: comments, order and quoting stay as the school wrote them
    y.width = 100
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    return y


def confirm_file(path: Path, day: dt.date) -> tuple[str, int, int]:
    """Confirm one overlay; returns (central version, items confirmed, items new to it)."""
    a = assess_file(path)
    loaded = a.validated.loaded
    if not a.ok or loaded is None:
        report([a], "text")
        raise SystemExit(Exit.INVALID)
    if len(loaded.sources) < 2:
        raise click.UsageError(f"{path}: extends no central assessment")
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise click.UsageError(f"{path}: only YAML overlays can be confirmed in place")
    try:
        central = load(loaded.sources[-2])
    except LoadError as e:
        raise click.UsageError(f"{loaded.sources[-2]}: {e.problems[0]}") from None
    items = central_items(central.data)
    y = _yaml()
    doc: Any = y.load(path.read_text(encoding="utf-8"))
    section = doc.setdefault("central", CommentedMap())
    version = str(central.data.get("meta", {}).get("version", ""))
    section["version"] = version
    section["confirmed"] = day
    seen = CommentedMap()
    for name, item in items.items():
        seen[name] = fingerprint(item)
    before = section.get("fingerprints") or {}
    added = sum(name not in before for name in seen)
    section["fingerprints"] = seen
    confirmed = len(seen)
    buf = io.StringIO()
    y.dump(doc, buf)
    write_atomic(path, buf.getvalue().encode("utf-8"))
    return version, confirmed, added


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--date",
    "day",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="The date of the confirmation (YYYY-MM-DD); default today.",
)
def confirm(files: tuple[Path, ...], day: dt.datetime | None) -> None:
    """Confirm the central assessment each school overlay in FILES extends, as it is now:
    record its version and a fingerprint of every central item, so that `dpia status` shows
    which items need review after the central file changes."""
    when = day.date() if day else dt.date.today()
    for path in files:
        version, confirmed, added = confirm_file(path, when)
        click.echo(f"{path}: confirmed central version {version}: {confirmed} items, {added} new")
