"""The vocabularies of the DPV export and how our codes map onto their terms.

Terms are those of the W3C Data Privacy Vocabulary (DPV) 2.3, its latest release, checked
term by term against the concept tables in the w3c/dpv repository (2.3/dpv/dpv.csv,
2.3/risk/risk.csv, 2.3/legal/eu/gdpr/eu-gdpr.csv, 2.3/legal/eu/aiact/modules/*.csv). Every
term is in DPV 2.0 as well, except the AI Act's system classes (HighRiskAISystem and its
Annex III classes, ProhibitedAISystem, GPAISystem), which 2.3 added. The IRIs are the
versionless namespaces (https://w3id.org/dpv#, ...), which point to the latest release.
Where DPV has no term (document status, the AI Act tiers below high risk, feared events, our
data kinds), the project's own namespace DPIA is used; the README lists those terms.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef

from dpia.model.enums import (
    ActRole,
    AnnexIIIUse,
    Art9Exception,
    DataKind,
    LawfulBasis,
    Level,
    MeasureKind,
    MeasureStatus,
    Outcome,
    ProhibitedPractice,
    RiskLevel,
    RiskTier,
    Role,
    SpecialCategory,
    TransferMechanism,
    Verdict,
)

DPV = Namespace("https://w3id.org/dpv#")
RISK = Namespace("https://w3id.org/dpv/risk#")
EU_GDPR = Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
EU_AIACT = Namespace("https://w3id.org/dpv/legal/eu/aiact#")
AI = Namespace("https://w3id.org/dpv/ai#")
LOC = Namespace("https://w3id.org/dpv/loc#")
PD = Namespace("https://w3id.org/dpv/pd#")
# This project's terms, where DPV has none. A URN: it names, it does not resolve.
DPIA = Namespace("urn:dpia:vocab#")

PREFIXES = {
    "dpv": DPV,
    "risk": RISK,
    "eu-gdpr": EU_GDPR,
    "eu-aiact": EU_AIACT,
    "ai": AI,
    "loc": LOC,
    "pd": PD,
    "dpia": DPIA,
}

# Art. 6(1)(a)-(f): eu-gdpr:A6-1-a ... A6-1-f.
LAWFUL_BASIS: dict[LawfulBasis, URIRef] = {
    LawfulBasis.consent: EU_GDPR["A6-1-a"],
    LawfulBasis.contract: EU_GDPR["A6-1-b"],
    LawfulBasis.legal_obligation: EU_GDPR["A6-1-c"],
    LawfulBasis.vital_interests: EU_GDPR["A6-1-d"],
    LawfulBasis.public_task: EU_GDPR["A6-1-e"],
    LawfulBasis.legitimate_interests: EU_GDPR["A6-1-f"],
}

# Art. 9(2)(a)-(j): our codes start with the letter of the point.
ART9: dict[Art9Exception, URIRef] = {e: EU_GDPR[f"A9-2-{e.value[0]}"] for e in Art9Exception}

# Chapter V. The EU-US Data Privacy Framework is an adequacy decision under Art. 45(3).
TRANSFER: dict[TransferMechanism, URIRef] = {
    TransferMechanism.adequacy: EU_GDPR["A45-3"],
    TransferMechanism.eu_us_dpf: EU_GDPR["A45-3"],
    TransferMechanism.legally_binding_instrument: EU_GDPR["A46-2-a"],
    TransferMechanism.bcr: EU_GDPR["A46-2-b"],
    TransferMechanism.scc: EU_GDPR["A46-2-c"],
    TransferMechanism.code_of_conduct: EU_GDPR["A46-2-e"],
    TransferMechanism.certification: EU_GDPR["A46-2-f"],
}

# Art. 9(1) categories as DPV's personal-data categories (pd:); "sex life or sexual
# orientation" is pd:Sexual, the category above both.
SPECIAL: dict[SpecialCategory, tuple[URIRef, ...]] = {
    SpecialCategory.racial_ethnic_origin: (PD.Race, PD.EthnicOrigin),
    SpecialCategory.political_opinions: (PD.PoliticalOpinion,),
    SpecialCategory.religious_philosophical_beliefs: (PD.ReligiousBelief, PD.PhilosophicalBelief),
    SpecialCategory.trade_union_membership: (PD.TradeUnionMembership,),
    SpecialCategory.genetic_data: (PD.Genetic,),
    SpecialCategory.biometric_unique_id: (PD.Biometric,),
    SpecialCategory.health_data: (PD.Health,),
    SpecialCategory.sex_life_orientation: (PD.Sexual,),
}
# Criminal-offence data (Art. 10) and national identification numbers (Art. 87).
KIND: dict[DataKind, URIRef] = {DataKind.criminal: PD.Criminal, DataKind.national_id: PD.OfficialID}

# Party roles: the class of the party and the property that links it to the processing.
ROLE: dict[Role, tuple[URIRef, URIRef]] = {
    Role.controller: (DPV.DataController, DPV.hasDataController),
    Role.joint_controller: (DPV.JointDataControllers, DPV.hasJointDataControllers),
    Role.processor: (DPV.DataProcessor, DPV.hasDataProcessor),
    Role.sub_processor: (DPV.DataSubProcessor, DPV.hasDataProcessor),
    Role.third_party: (DPV.ThirdParty, DPV.hasRecipientThirdParty),
    Role.recipient: (DPV.Recipient, DPV.hasRecipient),
}

# The CNIL four-level scales onto DPV's five-level scales (risk:5LikelihoodLevels,
# risk:5SeverityLevels), leaving out the middle step that CNIL deliberately does not have.
LIKELIHOOD: dict[Level, URIRef] = {
    Level.negligible: RISK.VeryLowLikelihood,
    Level.limited: RISK.LowLikelihood,
    Level.significant: RISK.HighLikelihood,
    Level.maximum: RISK.VeryHighLikelihood,
}
SEVERITY: dict[Level, URIRef] = {
    Level.negligible: RISK.VeryLowSeverity,
    Level.limited: RISK.LowSeverity,
    Level.significant: RISK.HighSeverity,
    Level.maximum: RISK.VeryHighSeverity,
}
# Our three risk levels are DPV's three (risk:3RiskLevels).
RISK_LEVEL: dict[RiskLevel, URIRef] = {
    RiskLevel.low: RISK.LowRisk,
    RiskLevel.medium: RISK.ModerateRisk,
    RiskLevel.high: RISK.HighRisk,
}


def risk_level(level: RiskLevel) -> URIRef:
    """DPV's term for a level; a residual level the assessors could not rate is ours."""
    return RISK_LEVEL.get(level, DPIA["level-unknown"])


# Contractual measures are legal measures in DPV (there is no separate class).
MEASURE_KIND: dict[MeasureKind, URIRef] = {
    MeasureKind.technical: DPV.TechnicalMeasure,
    MeasureKind.organisational: DPV.OrganisationalMeasure,
    MeasureKind.legal: DPV.LegalMeasure,
    MeasureKind.contractual: DPV.LegalMeasure,
}
MEASURE_STATUS: dict[MeasureStatus, URIRef] = {
    MeasureStatus.planned: DPV.ActivityPlanned,
    MeasureStatus.in_progress: DPV.ActivityOngoing,
    MeasureStatus.implemented: DPV.ActivityCompleted,
}

# The screening verdict: DPV has required and not required; "recommended" is ours.
NECESSITY: dict[Verdict, URIRef] = {
    Verdict.required: EU_GDPR.DPIARequired,
    Verdict.recommended: DPIA["verdict-recommended"],
    Verdict.not_required: EU_GDPR.DPIANotRequired,
}
DECISION: dict[Outcome, URIRef] = {
    Outcome.proceed: EU_GDPR.DPIARecommendsProcessingContinue,
    Outcome.proceed_with_conditions: EU_GDPR.DPIARecommendsProcessingContinue,
    Outcome.stop: EU_GDPR.DPIARecommendsProcessingNotContinue,
}
# The AI Act's tiers that DPV 2.3 has a class for; transparency and minimal risk have none.
AI_TIER: dict[RiskTier, URIRef] = {
    RiskTier.prohibited: EU_AIACT.ProhibitedAISystem,
    RiskTier.high_risk: EU_AIACT.HighRiskAISystem,
    RiskTier.gpai: EU_AIACT.GPAISystem,
}
# Annex III point 3 (education): (a) access and admission, (b) evaluating learning outcomes,
# (c) assessing the level of education, (d) monitoring behaviour during tests.
ANNEX_III: dict[AnnexIIIUse, URIRef] = {
    AnnexIIIUse.edu_access_admission: EU_AIACT["HighRiskAISystem-AnnexIII-3-a"],
    AnnexIIIUse.edu_evaluate_learning_outcomes: EU_AIACT["HighRiskAISystem-AnnexIII-3-b"],
    AnnexIIIUse.edu_assess_education_level: EU_AIACT["HighRiskAISystem-AnnexIII-3-c"],
    AnnexIIIUse.edu_proctoring: EU_AIACT["HighRiskAISystem-AnnexIII-3-d"],
}
# Art. 5 practices that name a kind of system DPV has a class for.
PRACTICE_SYSTEM: dict[ProhibitedPractice, URIRef] = {
    ProhibitedPractice.emotion_recognition_edu: EU_AIACT.EmotionRecognitionSystem,
    ProhibitedPractice.biometric_categorisation_sensitive: EU_AIACT.BiometricCategorisationSystem,
}
AI_ROLE: dict[ActRole, URIRef] = {
    ActRole.provider: EU_AIACT.AIProvider,
    ActRole.deployer: EU_AIACT.AIDeployer,
    ActRole.importer: EU_AIACT.AIImporter,
    ActRole.distributor: EU_AIACT.AIDistributor,
}
