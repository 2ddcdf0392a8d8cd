"""HTML golden files: one per sample, document and language, under tests/golden/.

They change only on purpose: after changing templates, catalogs or samples, run
`make golden` (python -m tests.golden update), look at the diff, and commit it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dpia.context.assessment import assess_file
from dpia.languages import LANGUAGES
from dpia.produce import prepare
from dpia.produce.make import documents_of

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
LANGS = tuple(LANGUAGES)


def renderable_samples(kind: str | None = "dpia") -> list[Path]:
    """Every sample that is a document of its own (not a base kept only for `extends`), of
    one kind ('dpia', 'knowledge-security') or, with None, of every kind."""
    out = []
    for path in sorted((ROOT / "samples").rglob("*.yaml")):
        a = assess_file(path)
        assert a.ok, [str(p) for p in a.validated.problems]
        if not a.document.base_only and kind in (None, a.kind):
            out.append(path)
    return out


def golden_name(sample: Path, doc: str, lang: str) -> Path:
    rel = sample.relative_to(ROOT / "samples").with_suffix("")
    return GOLDEN / f"{str(rel).replace('/', '__')}.{doc}.{lang}.html"


def rendered(sample: Path, doc: str, lang: str) -> str:
    """The HTML a PDF is made from (HTML output differs only in its colophon and inlined CSS)."""
    return prepare(assess_file(sample), doc, lang).html


def update() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN.glob("*.html"):
        old.unlink()
    for sample in renderable_samples(kind=None):
        for doc in documents_of(assess_file(sample).kind):
            for lang in LANGS:
                golden_name(sample, doc, lang).write_text(rendered(sample, doc, lang))
    print(f"wrote {len(list(GOLDEN.glob('*.html')))} golden files to {GOLDEN}")


if __name__ == "__main__" and sys.argv[1:] == ["update"]:
    update()
