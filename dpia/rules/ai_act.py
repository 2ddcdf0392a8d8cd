"""What the AI Act asks of the organisation, when, and which tier the answers point to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.data.ai_act import DUTIES, Application, Duty
from dpia.model import Questionnaire
from dpia.model.ai import Ai, DeployerDuties
from dpia.model.enums import ActRole, RiskTier


def deployer_duties_due(q: Questionnaire) -> list[str]:
    """The Art. 26 duties this organisation has, as fields of DeployerDuties in the order of
    the article; none unless it deploys a high-risk system. Registration in the EU database
    (Art. 26(8), read with Art. 49(3)) is a duty of public authorities only."""
    ai = q.ai
    if ai is None or ai.risk_tier is not RiskTier.high_risk or ai.act_role is not ActRole.deployer:
        return []
    public = q.meta.organisation.public_body
    return [name for name in DeployerDuties.model_fields if name != "registration" or public]


def start(q: Questionnaire) -> dt.date:
    """The date duties are compared with: the planned start, else the assessment date."""
    return q.meta.planned_start or q.meta.assessment_date


@dataclass(frozen=True)
class DutyStatus:
    application: Application
    by_start: bool  # it applies on or before the planned start


def duty(q: Questionnaire, which: Duty) -> DutyStatus:
    a = DUTIES[which]
    return DutyStatus(a, a.applies_from <= start(q))


def derived_tier(ai: Ai) -> RiskTier:
    """The tier the answers point to: an Art. 5 practice, an Annex III point 3 use, a
    general-purpose system used as deployer (Art. 50 duties), else minimal. Annex I products
    are not asked about, so a typed high risk without Annex III uses is a contradiction to
    explain, not an error."""
    if ai.prohibited_practices:
        return RiskTier.prohibited
    if ai.annex_iii_uses:
        return RiskTier.high_risk
    if ai.general_purpose:
        return RiskTier.transparency
    return RiskTier.minimal


def tier_contradicts(ai: Ai) -> bool:
    typed, derived = ai.risk_tier, derived_tier(ai)
    if typed is RiskTier.out_of_scope:
        return bool(ai.prohibited_practices or ai.annex_iii_uses)
    # A deployer naming the model's tier (gpai) for a general-purpose system agrees.
    agrees = typed is RiskTier.gpai and derived is RiskTier.transparency
    return typed is not derived and not agrees


def ai_in_scope(q: Questionnaire) -> bool:
    """Whether the documents have an AI chapter: an AI system is described, and the assessors
    have not found it outside the AI Act."""
    if q.ai is not None and q.ai.risk_tier is RiskTier.out_of_scope:
        return False
    return q.description.ai_system is not None or q.ai is not None


def duties_by_date(q: Questionnaire) -> list[DutyStatus]:
    """The duties that concern this system, each with its date and whether it applies by the
    planned start."""
    ai = q.ai
    if ai is None or not ai_in_scope(q):
        return []
    wanted = [Duty.prohibitions, Duty.literacy]
    tier = derived_tier(ai)
    if tier is RiskTier.transparency or ai.risk_tier is RiskTier.transparency or ai.general_purpose:
        wanted.append(Duty.transparency)
    if RiskTier.high_risk in (tier, ai.risk_tier) and ai.act_role is ActRole.deployer:
        wanted += [Duty.transparency, Duty.deployer_high_risk, Duty.fria]
    return [duty(q, d) for d in dict.fromkeys(wanted)]
