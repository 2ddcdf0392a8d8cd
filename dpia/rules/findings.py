"""All findings for a questionnaire: runs every registered check."""

from __future__ import annotations

from dpia.load import Severity
from dpia.model import Questionnaire
from dpia.rules import checks_data, checks_governance, checks_public
from dpia.rules.finding import CHECKS, Finding

# The check modules register themselves on import.
_MODULES = (checks_data, checks_governance, checks_public)


def findings(q: Questionnaire) -> list[Finding]:
    """All findings, errors first, then in the order of the questionnaire."""
    found = [f for fn in CHECKS for f in fn(q)]
    return sorted(found, key=lambda f: f.severity is not Severity.error)
