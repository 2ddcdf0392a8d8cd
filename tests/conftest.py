"""Shared set-up: import `dpia` from this checkout, installed or not; PDFs shared by tests."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.pdfs import SharedPdfs  # noqa: E402 - needs the path above


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedPdfs]:
    """PDFs of whole questionnaires, each rendered once per session: ask with .get(keys)."""
    shared = SharedPdfs(tmp_path_factory.mktemp("pdfs"))
    yield shared
    shared.close()
