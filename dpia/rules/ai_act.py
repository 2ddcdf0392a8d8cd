"""What the AI Act asks of the organisation, beyond the findings."""

from __future__ import annotations

from dpia.model import Questionnaire
from dpia.model.ai import DeployerDuties
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
