"""The pre-scan's follow-up advice agrees with the DPIA's findings: what the DPIA calls an
error (a missing fundamental-rights impact assessment) the pre-scan calls required, not advised."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dpia.context.assessment import assess_file
from dpia.produce import prepare

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {"en": "Required: the assessment records it as missing", "nl": "Vereist"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_missing_fria_is_required_in_the_prescan_too(lang: str, tmp_path: Path) -> None:
    # Started after the Art. 27 duty applies (2 December 2027), a missing FRIA is an error.
    # A copy beside the sample's own files (its images are read from its folder).
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    path = tmp_path / "samples" / "late.yaml"
    sample = (ROOT / "samples" / "vocational-exam-proctoring.yaml").read_text()
    assert "  planned_start: 2027-01-11\n" in sample
    late = sample.replace("  planned_start: 2027-01-11\n", "  planned_start: 2028-01-05\n")
    path.write_text(late)
    a = assess_file(path)
    errors = {f.finding.code for f in a.findings if f.where.severity.value == "error"}
    assert "fria-missing" in errors
    request = prepare(a, "screening", lang, "html")
    assert request.context.required == {"fria"}  # type: ignore[attr-defined]
    fria = request.html.split("(AI Act Art. 27)" if lang == "en" else "(art. 27 AI-verordening)")
    assert REQUIRED[lang] in fria[1].split("</tr>")[0]


def test_no_error_no_requirement() -> None:
    a = assess_file(ROOT / "samples" / "primary-learning-analytics.yaml")
    assert prepare(a, "screening", "en", "html").context.required == set()  # type: ignore[attr-defined]
