"""What the pre-scan advises after the verdict: further assessments, how strongly, and whether
they are already done; and an AI practice the AI Act prohibits.

The DPIA's findings and the pre-scan read the same tests, so the pre-scan never calls
"advised" what the DPIA calls a required assessment that is missing:
- transfer impact assessment: `rules.transfers.tia_required` (the finding transfer-without-tia);
- fundamental-rights impact assessment: the Art. 27 date of `dpia.data.ai_act` compared with the
  planned start, for a public body, as the finding fria-missing decides error or warning;
- prohibited practices: the finding prohibited-ai-practice (AI Act Art. 5, applying since the
  date in the same table).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dpia.data.ai_act import DUTIES, Duty
from dpia.model import Questionnaire
from dpia.model.enums import ProhibitedPractice
from dpia.rules.ai_act import duty
from dpia.rules.transfers import needs_tia


class Need(StrEnum):
    required = "required"  # the law asks for it, by the planned start
    required_from = "required_from"  # the law asks for it from a later date (applies_from)
    advised = "advised"
    not_needed = "not_needed"
    unknown = "unknown"  # the answers cannot tell yet


@dataclass(frozen=True)
class Advice:
    key: str  # tia, fria, equality
    need: Need
    done: bool  # the questionnaire records it as done
    applies_from: dt.date | None = None  # for required_from

    @property
    def needed(self) -> bool | None:
        """Whether it is needed at all (None: cannot tell yet)."""
        return None if self.need is Need.unknown else self.need is not Need.not_needed

    @property
    def open(self) -> bool:
        return bool(self.needed) and not self.done


@dataclass(frozen=True)
class FollowUp:
    """Which further assessments the pre-scan advises; None where the answers cannot tell yet."""

    tia: bool | None  # transfer impact assessment (Schrems II, EDPB Recommendations 01/2020)
    fria: bool | None  # fundamental-rights impact assessment (AI Act Art. 27)
    equality: bool  # equality impact assessment
    advice: tuple[Advice, ...] = ()  # the three, with how strongly and whether done
    prohibited: tuple[ProhibitedPractice, ...] = ()  # AI Act Art. 5 practices in scope
    prohibited_since: dt.date = DUTIES[Duty.prohibitions].applies_from


def _tia(q: Questionnaire) -> Advice:
    country = q.meta.organisation.country
    if not q.description.locations:
        return Advice("tia", Need.unknown, False)
    needing = [loc for loc in q.description.locations if needs_tia(country, loc)]
    if not needing:
        return Advice("tia", Need.not_needed, False)
    return Advice("tia", Need.required, all(loc.tia_done for loc in needing))


def fria_advice(q: Questionnaire) -> Advice:
    """The FRIA's advice; the finding fria-missing is an error exactly where it is required."""
    ai = q.ai
    if ai is None:
        return Advice("fria", Need.unknown, False)
    if not ai.annex_iii_uses:
        return Advice("fria", Need.not_needed, False)
    # Art. 27 binds bodies governed by public law (and private bodies providing public
    # services); fria-missing is an error for a public body once the duty applies.
    status = duty(q, Duty.fria)
    if not q.meta.organisation.public_body:
        need, since = Need.advised, None
    elif status.by_start:
        need, since = Need.required, None
    else:
        need, since = Need.required_from, status.application.applies_from
    return Advice("fria", need, ai.fria_done, since)


def _equality(q: Questionnaire) -> Advice:
    edpb = q.screening.edpb
    scoring = any(
        a is not None and a.applies
        for a in (edpb.evaluation_scoring, edpb.automated_decision_legal_effect)
    )
    wanted = q.description.ai_system is not None or q.ai is not None or scoring
    # No Dutch law requires it: advised where AI or scoring can treat groups unequally.
    need = Need.advised if wanted else Need.not_needed
    return Advice("equality", need, q.equality.conclusion is not None)


def follow_up(q: Questionnaire) -> FollowUp:
    tia, fria, equality = _tia(q), fria_advice(q), _equality(q)
    prohibited = tuple(q.ai.prohibited_practices) if q.ai else ()  # as prohibited-ai-practice
    return FollowUp(
        tia.needed,
        fria.needed if q.ai else None,
        bool(equality.needed),
        (tia, fria, equality),
        prohibited,
    )
