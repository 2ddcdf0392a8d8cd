"""Shared set-up: import `dpia` from this checkout, installed or not; PDFs shared by tests."""

import functools
import sys
from collections.abc import Callable, Iterator
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


@pytest.fixture(scope="session")
def sample_docx() -> Callable[[Path, str, str], bytes]:
    """Word documents of whole questionnaires, each made once per session:
    sample_docx(path, doc, lang) -> the .docx bytes."""
    from dpia.context.assessment import assess_file
    from dpia.produce import make_document

    assessed = functools.cache(assess_file)

    @functools.cache
    def made(path: Path, doc: str, lang: str) -> bytes:
        return make_document(assessed(path), doc, lang, "docx")

    return made


@pytest.fixture(autouse=True)
def _address_space_restored() -> Iterator[None]:
    """`dpia render` caps its own process's address space (dpia.produce.limits); run through
    CliRunner, that process is pytest's, and the cap would reach later tests and the browser
    they start (Chromium reserves far more address space than it uses). Put it back."""
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    yield
    if resource.getrlimit(resource.RLIMIT_AS) != before:
        resource.setrlimit(resource.RLIMIT_AS, before)
