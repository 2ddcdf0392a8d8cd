"""Every closed list of values in the questionnaire. Their labels live in the gettext catalogs."""

from enum import StrEnum


class Sector(StrEnum):
    primary = "primary"
    secondary = "secondary"
    vocational = "vocational"
    higher = "higher"
    research = "research"
    other = "other"


class Status(StrEnum):
    draft = "draft"
    final = "final"


class Classification(StrEnum):
    public = "public"
    internal = "internal"
    confidential = "confidential"
    secret = "secret"


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class EdpbCriterion(StrEnum):
    """EDPB/WP29 WP248 rev.01: the nine criteria that point to high risk."""

    evaluation_scoring = "evaluation_scoring"
    automated_decision_legal_effect = "automated_decision_legal_effect"
    systematic_monitoring = "systematic_monitoring"
    sensitive_highly_personal_data = "sensitive_highly_personal_data"
    large_scale = "large_scale"
    matching_combining_datasets = "matching_combining_datasets"
    vulnerable_data_subjects = "vulnerable_data_subjects"
    innovative_technology = "innovative_technology"
    prevents_right_or_service = "prevents_right_or_service"


class ApCategory(StrEnum):
    """The Autoriteit Persoonsgegevens list of processing that always needs a DPIA (2019)."""

    covert_investigation = "covert_investigation"
    blacklists = "blacklists"
    fraud_prevention = "fraud_prevention"
    credit_scores = "credit_scores"
    financial_situation = "financial_situation"
    genetic_data = "genetic_data"
    health_data = "health_data"
    partnerships = "partnerships"
    camera_surveillance = "camera_surveillance"
    flexible_camera_surveillance = "flexible_camera_surveillance"
    employee_monitoring = "employee_monitoring"
    location_data = "location_data"
    communication_data = "communication_data"
    internet_of_things = "internet_of_things"
    profiling = "profiling"
    behaviour_observation_influence = "behaviour_observation_influence"
    biometric_data = "biometric_data"


class ServiceKind(StrEnum):
    public = "public"
    private = "private"


class ToolPicker(StrEnum):
    green = "green"
    orange = "orange"
    red = "red"
    unlisted = "unlisted"


class DataKind(StrEnum):
    ordinary = "ordinary"
    sensitive = "sensitive"
    special = "special"
    criminal = "criminal"
    national_id = "national_id"


class SpecialCategory(StrEnum):
    """Art. 9(1) AVG/GDPR."""

    racial_ethnic_origin = "racial_ethnic_origin"
    political_opinions = "political_opinions"
    religious_philosophical_beliefs = "religious_philosophical_beliefs"
    trade_union_membership = "trade_union_membership"
    genetic_data = "genetic_data"
    biometric_unique_id = "biometric_unique_id"
    health_data = "health_data"
    sex_life_orientation = "sex_life_orientation"


class Art9Exception(StrEnum):
    """Art. 9(2)(a)-(j) AVG/GDPR."""

    a_explicit_consent = "a_explicit_consent"
    b_employment_social_security = "b_employment_social_security"
    c_vital_interests = "c_vital_interests"
    d_nonprofit_members = "d_nonprofit_members"
    e_made_public = "e_made_public"
    f_legal_claims = "f_legal_claims"
    g_substantial_public_interest = "g_substantial_public_interest"
    h_health_social_care = "h_health_social_care"
    i_public_health = "i_public_health"
    j_archiving_research_statistics = "j_archiving_research_statistics"


class NationalId(StrEnum):
    bsn = "bsn"
    pgn = "pgn"
    other = "other"


class Role(StrEnum):
    controller = "controller"
    joint_controller = "joint_controller"
    # Decides purposes and means of its own, apart from the school: not joint control.
    independent_controller = "independent_controller"
    provider = "provider"  # provides data to the processing (verstrekker)
    processor = "processor"
    sub_processor = "sub_processor"
    third_party = "third_party"
    recipient = "recipient"


class TransferMechanism(StrEnum):
    """Chapter V AVG/GDPR. `none` is for processing inside the EEA."""

    none = "none"
    adequacy = "adequacy"
    eu_us_dpf = "eu_us_dpf"
    scc = "scc"
    bcr = "bcr"
    code_of_conduct = "code_of_conduct"
    certification = "certification"
    legally_binding_instrument = "legally_binding_instrument"
    art49_derogation = "art49_derogation"


class LawfulBasis(StrEnum):
    """Art. 6(1)(a)-(f) AVG/GDPR."""

    consent = "consent"
    contract = "contract"
    legal_obligation = "legal_obligation"
    vital_interests = "vital_interests"
    public_task = "public_task"
    legitimate_interests = "legitimate_interests"


class ConsentBy(StrEnum):
    data_subject = "data_subject"
    parent = "parent"
    both = "both"


class BiometricNeed(StrEnum):
    """Why a person must be identified by biometric data (UAVG art. 29 allows only the first
    two in the Netherlands)."""

    authentication = "authentication"
    security = "security"
    convenience = "convenience"


class AlternativeOutcome(StrEnum):
    """What became of a less intrusive alternative (Art. 35(7)(b), subsidiarity)."""

    rejected = "rejected"
    offered_alongside = "offered_alongside"
    chosen = "chosen"


class Level(StrEnum):
    """The CNIL four-level scale for likelihood and severity."""

    negligible = "negligible"
    limited = "limited"
    significant = "significant"
    maximum = "maximum"


class FearedEvent(StrEnum):
    illegitimate_access = "illegitimate_access"
    unwanted_modification = "unwanted_modification"
    data_disappearance = "data_disappearance"
    discrimination = "discrimination"
    inaccurate_information = "inaccurate_information"  # e.g. generated text about a person
    reidentification = "reidentification"  # of pseudonymised data
    chilling_effect = "chilling_effect"
    loss_of_control = "loss_of_control"
    other = "other"


class MeasureKind(StrEnum):
    technical = "technical"
    organisational = "organisational"
    legal = "legal"
    contractual = "contractual"


class MeasureStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    implemented = "implemented"


class ControlStatus(StrEnum):
    in_place = "in_place"
    partial = "partial"
    absent = "absent"
    unknown = "unknown"


class Rating(StrEnum):
    """BIV (availability, integrity, confidentiality) rating."""

    low = "low"
    medium = "medium"
    high = "high"


class DecisionUse(StrEnum):
    admission = "admission"
    learning_outcomes = "learning_outcomes"
    exam_proctoring = "exam_proctoring"
    recruitment = "recruitment"
    other = "other"


class ActRole(StrEnum):
    provider = "provider"
    deployer = "deployer"
    importer = "importer"
    distributor = "distributor"


class RiskTier(StrEnum):
    prohibited = "prohibited"
    high_risk = "high_risk"
    transparency = "transparency"
    minimal = "minimal"
    gpai = "gpai"


class AnnexIIIUse(StrEnum):
    """AI Act Annex III point 3, education and vocational training."""

    edu_access_admission = "edu_access_admission"
    edu_evaluate_learning_outcomes = "edu_evaluate_learning_outcomes"
    edu_assess_education_level = "edu_assess_education_level"
    edu_proctoring = "edu_proctoring"


class ProhibitedPractice(StrEnum):
    """AI Act Art. 5(1) practices that matter in education."""

    manipulation = "manipulation"
    exploit_vulnerabilities = "exploit_vulnerabilities"
    social_scoring = "social_scoring"
    untargeted_face_scraping = "untargeted_face_scraping"
    emotion_recognition_edu = "emotion_recognition_edu"
    biometric_categorisation_sensitive = "biometric_categorisation_sensitive"


class Characteristic(StrEnum):
    """UK Equality Act 2010 s.4, with the Dutch grounds shown beside them in the documents."""

    age = "age"
    disability = "disability"
    gender_reassignment = "gender_reassignment"
    marriage_civil_partnership = "marriage_civil_partnership"
    pregnancy_maternity = "pregnancy_maternity"
    race = "race"
    religion_or_belief = "religion_or_belief"
    sex = "sex"
    sexual_orientation = "sexual_orientation"


class Impact(StrEnum):
    positive = "positive"
    neutral = "neutral"
    negative = "negative"
    unknown = "unknown"


class ClauseStatus(StrEnum):
    present = "present"
    partial = "partial"
    missing = "missing"
    not_applicable = "not_applicable"


class Representative(StrEnum):
    parents_council = "parents_council"
    student_council = "student_council"
    works_council = "works_council"
    participation_council = "participation_council"
    other = "other"


class RiskLevel(StrEnum):
    """Level of a risk, from likelihood and severity (see dpia.rules.risk)."""

    low = "low"
    medium = "medium"
    high = "high"
    unknown = "unknown"  # a residual risk the assessors could not rate: itself a finding


class Verdict(StrEnum):
    """Outcome of the DPIA screening."""

    required = "required"
    recommended = "recommended"
    not_required = "not_required"


class Art28Item(StrEnum):
    """What a processor agreement must cover: Art. 28(3)(a)-(h) and the items around it."""

    a_documented_instructions = "a_documented_instructions"
    b_confidentiality = "b_confidentiality"
    c_security = "c_security"
    d_subprocessors = "d_subprocessors"
    e_assist_rights = "e_assist_rights"
    f_assist_32_36 = "f_assist_32_36"
    g_delete_or_return = "g_delete_or_return"
    h_audits_information = "h_audits_information"
    subprocessor_authorisation = "subprocessor_authorisation"
    breach_notification = "breach_notification"
    transfers = "transfers"
    audits = "audits"


class ConsultationOutcome(StrEnum):
    """Where a prior consultation (Art. 36) stands."""

    pending = "pending"
    no_objection = "no_objection"
    advice_with_conditions = "advice_with_conditions"
    advised_against = "advised_against"


class Outcome(StrEnum):
    proceed = "proceed"
    proceed_with_conditions = "proceed_with_conditions"
    stop = "stop"


class SectorItem(StrEnum):
    """The Dutch education sector's documents around a processor agreement (Privacyconvenant)."""

    model_agreement = "model_agreement"
    privacy_annex = "privacy_annex"
    security_annex = "security_annex"


class SigningAdvice(StrEnum):
    """Outcome of the processor-agreement checklist (see dpia.rules.checklist)."""

    ready = "ready"
    after_changes = "after_changes"
    do_not_sign = "do_not_sign"
