"""Rendering PDFs in tests, and reading their text back.

PDF renders dominate the suite's time, so the PDFs of whole questionnaires are made once per
session (the `sample_pdfs` fixture in conftest.py), in two worker processes that keep their
fonts warm, and shared by every test that reads them.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pypdf import PdfReader

Key = tuple[Path, str, str]  # (questionnaire, document, language)


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


def _render(key: Key) -> tuple[bytes, list[str], str]:
    """In a worker: one PDF, what WeasyPrint warned about while making it, and its text."""
    from dpia.context.assessment import assess_file
    from dpia.produce import make_document

    path, doc, lang = key
    watch = _Warnings()
    logging.getLogger("weasyprint").addHandler(watch)
    try:
        a = assess_file(path)
        assert a.ok, [str(p) for p in a.validated.problems]
        data = make_document(a, doc, lang, "pdf")
    finally:
        logging.getLogger("weasyprint").removeHandler(watch)
    return data, watch.seen, _text(PdfReader(io.BytesIO(data)))


class SharedPdfs:
    """PDFs rendered on first request and kept for the session. Workers are started (not
    forked: the parent may hold WeasyPrint's font state) once and reused."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: dict[Key, Path] = {}
        self.pool: ProcessPoolExecutor | None = None

    def get(self, keys: list[Key]) -> dict[Key, Path]:
        missing = [k for k in dict.fromkeys(keys) if k not in self.paths]
        if missing:
            if self.pool is None:
                workers = max(1, min(2, os.cpu_count() or 1))
                spawn = multiprocessing.get_context("spawn")
                self.pool = ProcessPoolExecutor(workers, mp_context=spawn)
            done = self.pool.map(_render, missing)
            for key, (data, warnings, content) in zip(missing, done, strict=True):
                assert warnings == [], f"WeasyPrint warned while rendering {key}: {warnings}"
                path, doc, lang = key
                # A folder per PDF: questionnaires in different folders may share a name.
                target = self.folder / str(len(self.paths)) / f"{path.stem}.{doc}.{lang}.pdf"
                target.parent.mkdir()
                target.write_bytes(data)
                _TEXTS[target] = content
                self.paths[key] = target
        return {k: self.paths[k] for k in keys}

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


# Text extraction costs about as much as the render: each PDF's text is read once.
_TEXTS: dict[Path, str] = {}


def _text(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))


def text(path: Path) -> str:
    """The PDF's text, pages joined, white space folded."""
    if path not in _TEXTS:
        _TEXTS[path] = _text(PdfReader(path))
    return _TEXTS[path]
