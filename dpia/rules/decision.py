"""Art. 36 and the decision, read together.

Prior consultation is required when a high residual risk remains *and* the controller goes
ahead (Art. 36(1)); a decision not to proceed makes it moot, though the assessment should say
what proceeding would take (domain notes, section 17). A decision to proceed is in conflict
with the assessment when a prohibited AI practice is in scope, when a required consultation
has not been filed, or while errors remain.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dpia.model import Questionnaire
from dpia.model.enums import Outcome
from dpia.rules.risk import assess, high_residual


class Art36(StrEnum):
    not_needed = "not_needed"  # no high residual risk
    required = "required"  # high residual risk, and the decision is to proceed (or not yet made)
    moot = "moot"  # high residual risk, but the decision is not to proceed


@dataclass(frozen=True)
class Art36Status:
    state: Art36
    high: list[str]  # ids of the risks that stay high
    filed: bool  # the request has been filed with the authority

    @property
    def open(self) -> bool:
        """Required and not yet filed: the processing cannot start."""
        return self.state is Art36.required and not self.filed


def proceeding(q: Questionnaire) -> bool:
    d = q.consultation.decision
    return d is not None and d.outcome in (Outcome.proceed, Outcome.proceed_with_conditions)


def art36(q: Questionnaire) -> Art36Status:
    high = high_residual(assess(q.risks))
    pc = q.consultation.prior_consultation
    filed = pc is not None and pc.filed_on is not None
    d = q.consultation.decision
    if not high:
        state = Art36.not_needed
    elif d is not None and d.outcome is Outcome.stop:
        state = Art36.moot
    else:
        state = Art36.required
    return Art36Status(state, high, filed)
