"""All findings for a questionnaire: runs every registered check."""

from __future__ import annotations

from dpia.load import Severity
from dpia.model import Questionnaire
from dpia.rules import (
    checks_automated,
    checks_central,
    checks_consent,
    checks_data,
    checks_governance,
    checks_operations,
    checks_public,
    checks_roles,
    checks_service,
)
from dpia.rules.finding import CHECKS, Finding

# The check modules register themselves on import.
_MODULES = (
    checks_data,
    checks_consent,
    checks_automated,
    checks_roles,
    checks_service,
    checks_governance,
    checks_central,
    checks_public,
    checks_operations,
)


def findings(q: Questionnaire) -> list[Finding]:
    """All findings, errors first, then in the order of the questionnaire."""
    found = [f for fn in CHECKS for f in fn(q)]
    errors = sum(1 for f in found if f.severity is Severity.error)
    found += checks_governance.decision_conflicts(q, errors)
    return sorted(found, key=lambda f: f.severity is not Severity.error)
