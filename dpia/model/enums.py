"""Every closed list of values in the questionnaire, each value with its English label.

The label, written once beside the value, is a catalog message: documents show its translation
(Dutch from locales/). The codes in questionnaires stay English identifiers.
"""

from enum import StrEnum
from typing import Self


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is shown."""
    return message


class Labelled(StrEnum):
    """A closed list of string values, each written as `code = "code", N_("English label")`."""

    _value_: str
    label: str  # English; a catalog message

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Sector(Labelled):
    primary = "primary", N_("primary education")
    secondary = "secondary", N_("secondary education")
    vocational = "vocational", N_("vocational education")
    higher = "higher", N_("higher education")
    research = "research", N_("research institution")
    other = "other", N_("other organisation")


class Register(Labelled):
    """How the Dutch public text addresses its readers (English has one "you")."""

    formal = "formal", N_("formal: 'u' (parents, staff)")
    informal = "informal", N_("informal: 'je' (students of 16 and over)")


class Status(Labelled):
    draft = "draft", N_("draft")
    final = "final", N_("final")


class Classification(Labelled):
    public = "public", N_("public")
    internal = "internal", N_("internal")
    confidential = "confidential", N_("confidential")
    secret = "secret", N_("secret")


class Lang(Labelled):
    nl = "nl", N_("Dutch")
    en = "en", N_("English")


class EdpbCriterion(Labelled):
    """EDPB/WP29 WP248 rev.01: the nine criteria that point to high risk."""

    evaluation_scoring = "evaluation_scoring", N_("Evaluation or scoring, including profiling")
    automated_decision_legal_effect = (
        "automated_decision_legal_effect",
        N_("Automated decisions with legal or similarly significant effect"),
    )
    systematic_monitoring = "systematic_monitoring", N_("Systematic monitoring")
    sensitive_highly_personal_data = (
        "sensitive_highly_personal_data",
        N_("Sensitive or highly personal data"),
    )
    large_scale = "large_scale", N_("Processing on a large scale")
    matching_combining_datasets = (
        "matching_combining_datasets",
        N_("Matching or combining datasets"),
    )
    vulnerable_data_subjects = "vulnerable_data_subjects", N_("Vulnerable data subjects")
    innovative_technology = "innovative_technology", N_("Innovative use of new technology")
    prevents_right_or_service = (
        "prevents_right_or_service",
        N_("Prevents exercising a right or using a service or contract"),
    )


class ApCategory(Labelled):
    """The Autoriteit Persoonsgegevens list of processing that always needs a DPIA (2019)."""

    covert_investigation = "covert_investigation", N_("Covert investigation")
    blacklists = "blacklists", N_("Blacklists and warning lists")
    fraud_prevention = "fraud_prevention", N_("Fraud prevention")
    credit_scores = "credit_scores", N_("Credit scores")
    financial_situation = "financial_situation", N_("Financial situation")
    genetic_data = "genetic_data", N_("Genetic data")
    health_data = "health_data", N_("Health data")
    partnerships = "partnerships", N_("Data-sharing partnerships")
    camera_surveillance = "camera_surveillance", N_("Camera surveillance")
    flexible_camera_surveillance = (
        "flexible_camera_surveillance",
        N_("Flexible camera surveillance"),
    )
    employee_monitoring = "employee_monitoring", N_("Monitoring of employees")
    location_data = "location_data", N_("Location data")
    communication_data = "communication_data", N_("Communication data")
    internet_of_things = "internet_of_things", N_("Internet of things")
    profiling = "profiling", N_("Profiling")
    behaviour_observation_influence = (
        "behaviour_observation_influence",
        N_("Observing or influencing behaviour"),
    )
    biometric_data = "biometric_data", N_("Biometric data for identification")


class ServiceKind(Labelled):
    public = "public", N_("public service")
    private = "private", N_("private (contracted) instance")


class ToolPicker(Labelled):
    green = "green", N_("green")
    orange = "orange", N_("orange")
    red = "red", N_("red")
    unlisted = "unlisted", N_("not listed")


class DataKind(Labelled):
    ordinary = "ordinary", N_("ordinary")
    sensitive = "sensitive", N_("sensitive")
    special = "special", N_("special category")
    criminal = "criminal", N_("criminal-offence data")
    national_id = "national_id", N_("national identification number")


class SpecialCategory(Labelled):
    """Art. 9(1) AVG/GDPR."""

    racial_ethnic_origin = "racial_ethnic_origin", N_("racial or ethnic origin")
    political_opinions = "political_opinions", N_("political opinions")
    religious_philosophical_beliefs = (
        "religious_philosophical_beliefs",
        N_("religious or philosophical beliefs"),
    )
    trade_union_membership = "trade_union_membership", N_("trade union membership")
    genetic_data = "genetic_data", N_("genetic data")
    biometric_unique_id = "biometric_unique_id", N_("biometric data for unique identification")
    health_data = "health_data", N_("health data")
    sex_life_orientation = "sex_life_orientation", N_("sex life or sexual orientation")


class Art9Exception(Labelled):
    """Art. 9(2)(a)-(j) AVG/GDPR."""

    a_explicit_consent = "a_explicit_consent", N_("9(2)(a) explicit consent")
    b_employment_social_security = (
        "b_employment_social_security",
        N_("9(2)(b) employment and social security law"),
    )
    c_vital_interests = "c_vital_interests", N_("9(2)(c) vital interests")
    d_nonprofit_members = "d_nonprofit_members", N_("9(2)(d) non-profit body, members only")
    e_made_public = "e_made_public", N_("9(2)(e) manifestly made public by the data subject")
    f_legal_claims = "f_legal_claims", N_("9(2)(f) legal claims")
    g_substantial_public_interest = (
        "g_substantial_public_interest",
        N_("9(2)(g) substantial public interest"),
    )
    h_health_social_care = "h_health_social_care", N_("9(2)(h) health or social care")
    i_public_health = "i_public_health", N_("9(2)(i) public health")
    j_archiving_research_statistics = (
        "j_archiving_research_statistics",
        N_("9(2)(j) archiving, research or statistics"),
    )


class NationalId(Labelled):
    bsn = "bsn", N_("citizen service number (BSN)")
    pgn = "pgn", N_("personal education number (PGN)")
    other = "other", N_("other national number")


class Role(Labelled):
    controller = "controller", N_("controller")
    joint_controller = "joint_controller", N_("joint controller")
    # Decides purposes and means of its own, apart from the school: not joint control.
    independent_controller = "independent_controller", N_("independent controller")
    provider = "provider", N_("provider of data")  # verstrekker
    processor = "processor", N_("processor")
    sub_processor = "sub_processor", N_("sub-processor")
    third_party = "third_party", N_("third party")
    recipient = "recipient", N_("recipient")


class TransferMechanism(Labelled):
    """Chapter V AVG/GDPR. `none` is for processing inside the EEA."""

    none = "none", N_("none (inside the EEA)")
    adequacy = "adequacy", N_("adequacy decision (Art. 45)")
    eu_us_dpf = "eu_us_dpf", N_("EU-US Data Privacy Framework (Art. 45)")
    scc = "scc", N_("standard contractual clauses (SCC, Art. 46)")
    bcr = "bcr", N_("binding corporate rules (BCR, Art. 47)")
    code_of_conduct = "code_of_conduct", N_("approved code of conduct (Art. 46)")
    certification = "certification", N_("approved certification (Art. 46)")
    legally_binding_instrument = (
        "legally_binding_instrument",
        N_("binding instrument between public bodies (Art. 46(2)(a))"),
    )
    art49_derogation = "art49_derogation", N_("derogation (Art. 49)")
    other = "other", N_("other mechanism")


class LawfulBasis(Labelled):
    """Art. 6(1)(a)-(f) AVG/GDPR."""

    consent = "consent", N_("consent (Art. 6(1)(a))")
    contract = "contract", N_("contract (Art. 6(1)(b))")
    legal_obligation = "legal_obligation", N_("legal obligation (Art. 6(1)(c))")
    vital_interests = "vital_interests", N_("vital interests (Art. 6(1)(d))")
    public_task = "public_task", N_("public task (Art. 6(1)(e))")
    legitimate_interests = "legitimate_interests", N_("legitimate interests (Art. 6(1)(f))")


class ConsentBy(Labelled):
    data_subject = "data_subject", N_("the data subject")
    parent = "parent", N_("a parent or guardian")
    # Who consents follows the age of digital consent of the controller's country (Art. 8).
    both = "both", N_("a parent below the age of digital consent, the person from that age")


class BiometricNeed(Labelled):
    """Why a person must be identified by biometric data (UAVG art. 29 allows only the first
    two in the Netherlands)."""

    authentication = "authentication", N_("authentication")
    security = "security", N_("security")
    convenience = "convenience", N_("convenience")


class AlternativeOutcome(Labelled):
    """What became of a less intrusive alternative (Art. 35(7)(b), subsidiarity)."""

    rejected = "rejected", N_("rejected")
    offered_alongside = "offered_alongside", N_("offered alongside")
    chosen = "chosen", N_("chosen instead")


class DataSubjectRight(Labelled):
    """The rights the Rijksmodel's point 15 asks about, in its order."""

    access = "access", N_("Right of access (Art. 15)")
    rectification = "rectification", N_("Rectification and completion (Art. 16)")
    erasure = "erasure", N_("Erasure (Art. 17)")
    restriction = "restriction", N_("Restriction of processing (Art. 18)")
    portability = "portability", N_("Data portability (Art. 20)")
    automated_decisions = "automated_decisions", N_("Automated decisions (Art. 22)")
    objection = "objection", N_("Objection (Art. 21)")
    information = "information", N_("Clear information (Art. 12-14)")


class FurtherUse(Labelled):
    """Rijksmodel 13: how a use for another purpose than the original one is justified
    (Art. 6(4) AVG/GDPR)."""

    permitted_by_law = "permitted_by_law", N_("permitted by Union or member-state law")
    compatible = "compatible", N_("compatible with the original purpose")
    # Not among the Rijksmodel's options, which assume a lawful further use; an assessment must
    # be able to record that a planned use fails the Art. 6(4) test.
    incompatible = "incompatible", N_("not compatible: needs a lawful basis of its own (Art. 6(4))")
    not_applicable = "not_applicable", N_("not applicable (no further processing)")


class Level(Labelled):
    """The CNIL four-level scale for likelihood and severity."""

    negligible = "negligible", N_("negligible")
    limited = "limited", N_("limited")
    significant = "significant", N_("significant")
    maximum = "maximum", N_("maximum")


class FearedEvent(Labelled):
    illegitimate_access = "illegitimate_access", N_("illegitimate access to data")
    unwanted_modification = "unwanted_modification", N_("unwanted modification of data")
    data_disappearance = "data_disappearance", N_("disappearance of data")
    discrimination = "discrimination", N_("discrimination")
    # e.g. generated text about a person
    inaccurate_information = "inaccurate_information", N_("inaccurate information about a person")
    reidentification = "reidentification", N_("re-identification of pseudonymised data")
    chilling_effect = "chilling_effect", N_("chilling effect")
    loss_of_control = "loss_of_control", N_("loss of control over one's data")
    other = "other", N_("other harm")


class MeasureKind(Labelled):
    technical = "technical", N_("technical")
    organisational = "organisational", N_("organisational")
    legal = "legal", N_("legal")
    contractual = "contractual", N_("contractual")


class MeasureStatus(Labelled):
    planned = "planned", N_("planned")
    in_progress = "in_progress", N_("in progress")
    implemented = "implemented", N_("implemented")


class ControlStatus(Labelled):
    in_place = "in_place", N_("in place")
    partial = "partial", N_("partly in place")
    absent = "absent", N_("absent")
    unknown = "unknown", N_("unknown")


class Rating(Labelled):
    """BIV (availability, integrity, confidentiality) rating."""

    low = "low", N_("low")
    medium = "medium", N_("medium")
    high = "high", N_("high")


class DecisionUse(Labelled):
    admission = "admission", N_("admission")
    learning_outcomes = "learning_outcomes", N_("assessment of learning outcomes")
    exam_proctoring = "exam_proctoring", N_("exam proctoring")
    recruitment = "recruitment", N_("recruitment")
    other = "other", N_("other decisions")


class Art22Exception(Labelled):
    """The exceptions of Art. 22(2) GDPR to the ban on solely automated decisions."""

    contract = "contract", N_("necessary for a contract with the person (Art. 22(2)(a))")
    law = "law", N_("authorised by Union or member-state law (Art. 22(2)(b))")
    explicit_consent = "explicit_consent", N_("explicit consent (Art. 22(2)(c))")


class Art22Safeguard(Labelled):
    """The safeguards Art. 22(3) GDPR asks for at least."""

    human_intervention = "human_intervention", N_("a person can be asked to intervene")
    express_view = "express_view", N_("the person can give their point of view")
    contest = "contest", N_("the person can contest the decision")


class ActRole(Labelled):
    provider = "provider", N_("provider")
    deployer = "deployer", N_("deployer")
    importer = "importer", N_("importer")
    distributor = "distributor", N_("distributor")


class RiskTier(Labelled):
    prohibited = "prohibited", N_("prohibited practice (Art. 5)")
    high_risk = "high_risk", N_("high risk (Art. 6, Annex III)")
    transparency = "transparency", N_("transparency obligations (Art. 50)")
    minimal = "minimal", N_("minimal risk")
    gpai = "gpai", N_("general-purpose AI model")
    out_of_scope = "out_of_scope", N_("no AI system under the AI Act (Art. 3(1))")


class AnnexIIIUse(Labelled):
    """AI Act Annex III point 3, education and vocational training."""

    edu_access_admission = "edu_access_admission", N_("access to or admission into education")
    edu_evaluate_learning_outcomes = (
        "edu_evaluate_learning_outcomes",
        N_("evaluating learning outcomes"),
    )
    edu_assess_education_level = (
        "edu_assess_education_level",
        N_("assessing the appropriate level of education"),
    )
    edu_proctoring = "edu_proctoring", N_("monitoring students during tests")


class ProhibitedPractice(Labelled):
    """AI Act Art. 5(1) practices that matter in education."""

    manipulation = "manipulation", N_("manipulative techniques (Art. 5(1)(a))")
    exploit_vulnerabilities = (
        "exploit_vulnerabilities",
        N_("exploiting vulnerabilities (Art. 5(1)(b))"),
    )
    social_scoring = "social_scoring", N_("social scoring (Art. 5(1)(c))")
    untargeted_face_scraping = (
        "untargeted_face_scraping",
        N_("untargeted scraping of facial images (Art. 5(1)(e))"),
    )
    emotion_recognition_edu = (
        "emotion_recognition_edu",
        N_("emotion recognition in education (Art. 5(1)(f))"),
    )
    biometric_categorisation_sensitive = (
        "biometric_categorisation_sensitive",
        N_("biometric categorisation by sensitive traits (Art. 5(1)(g))"),
    )


class Characteristic(Labelled):
    """UK Equality Act 2010 s.4, with the Dutch grounds shown beside them in the documents."""

    age = "age", N_("age")
    disability = "disability", N_("disability")
    gender_reassignment = "gender_reassignment", N_("gender reassignment")
    marriage_civil_partnership = "marriage_civil_partnership", N_("marriage and civil partnership")
    pregnancy_maternity = "pregnancy_maternity", N_("pregnancy and maternity")
    race = "race", N_("race")
    religion_or_belief = "religion_or_belief", N_("religion or belief")
    sex = "sex", N_("sex")
    sexual_orientation = "sexual_orientation", N_("sexual orientation")


class Impact(Labelled):
    positive = "positive", N_("positive")
    neutral = "neutral", N_("neutral")
    negative = "negative", N_("negative")
    unknown = "unknown", N_("unknown")


class ClauseStatus(Labelled):
    present = "present", N_("present")
    partial = "partial", N_("partial")
    missing = "missing", N_("missing")
    not_applicable = "not_applicable", N_("not applicable")


class Representative(Labelled):
    parents_council = "parents_council", N_("parents' council")
    student_council = "student_council", N_("student council")
    works_council = "works_council", N_("works council")
    participation_council = "participation_council", N_("participation council (MR)")
    other = "other", N_("other representatives")


class RiskLevel(Labelled):
    """Level of a risk, from likelihood and severity (see dpia.rules.risk)."""

    low = "low", N_("low")
    medium = "medium", N_("medium")
    high = "high", N_("high")
    # A residual risk the assessors could not rate: itself a finding.
    unknown = "unknown", N_("unknown")


class Frequency(Labelled):
    """How often the processing takes place (Rijksmodel pre-scan 1.5.3)."""

    continuous = "continuous", N_("continuously")
    more_than_monthly = "more_than_monthly", N_("more often than monthly")
    monthly = "monthly", N_("at least monthly")
    yearly = "yearly", N_("at least yearly")
    irregular = "irregular", N_("irregularly")
    once = "once", N_("once")


class RetentionClass(Labelled):
    """How long the data are kept, in the pre-scan's classes (Rijksmodel pre-scan 1.5.4)."""

    years = "years", N_("several years")
    year = "year", N_("a year")
    under_month = "under_month", N_("less than a month")
    under_week = "under_week", N_("less than a week")
    under_day = "under_day", N_("less than 24 hours")


class BaseRegister(Labelled):
    """Dutch base registers (basisregistraties) the processing uses (pre-scan 5.1.2)."""

    bgt = "bgt", N_("Large-scale topography (BGT)")
    bri = "bri", N_("Income (BRI)")
    brk = "brk", N_("Land registry (BRK)")
    bro = "bro", N_("Subsurface (BRO)")
    brp = "brp", N_("Persons (BRP)")
    brt = "brt", N_("Topography (BRT)")
    brv = "brv", N_("Vehicles (BRV)")
    woz = "woz", N_("Property values (WOZ)")
    hr = "hr", N_("Trade register (HR)")
    bag = "bag", N_("Addresses and buildings (BAG)")


class DigitalService(Labelled):
    """A digital service and children (pre-scan 7.1, after the DSA Art. 28 guidelines)."""

    none = "none", N_("no digital service is offered or used")
    for_minors = "for_minors", N_("a digital service meant mainly for people under 18")
    minors_not_excluded = (
        "minors_not_excluded",
        N_("a digital service not meant for people under 18, who cannot be shown to stay out"),
    )
    minors_excluded = (
        "minors_excluded",
        N_("a digital service that people under 18 can be shown not to use"),
    )


class ScreeningSignal(Labelled):
    """What a description shows that a screening answered "no DPIA needed" overlooks."""

    special = "special", N_("special categories of personal data")
    sensitive = "sensitive", N_("sensitive data")
    large = "large", N_("10,000 or more data subjects")
    vulnerable = "vulnerable", N_("children or other vulnerable people")


class Verdict(Labelled):
    """Outcome of the DPIA screening."""

    required = "required", N_("DPIA required")
    recommended = "recommended", N_("DPIA recommended")
    not_required = "not_required", N_("DPIA not required")


class Art28Item(Labelled):
    """What a processor agreement must cover: Art. 28(3)(a)-(h) and the items around it."""

    a_documented_instructions = (
        "a_documented_instructions",
        N_("processing only on documented instructions"),
    )
    b_confidentiality = "b_confidentiality", N_("confidentiality of the processor's staff")
    c_security = "c_security", N_("security measures (Art. 32)")
    d_subprocessors = "d_subprocessors", N_("conditions for engaging sub-processors")
    e_assist_rights = "e_assist_rights", N_("assistance with data-subject requests")
    f_assist_32_36 = (
        "f_assist_32_36",
        N_("assistance with security, breaches, DPIA and prior consultation"),
    )
    g_delete_or_return = "g_delete_or_return", N_("deletion or return of the data at the end")
    h_audits_information = (
        "h_audits_information",
        N_("information to demonstrate compliance, audits"),
    )
    subprocessor_authorisation = (
        "subprocessor_authorisation",
        N_("authorisation of and flow-down to sub-processors"),
    )
    breach_notification = "breach_notification", N_("notice of personal data breaches (Art. 33)")
    transfers = "transfers", N_("transfers outside the EEA (Chapter V)")
    audits = "audits", N_("audit rights and certifications in practice")


class ConsultationOutcome(Labelled):
    """Where a prior consultation (Art. 36) stands."""

    pending = "pending", N_("awaiting the authority's advice")
    no_objection = "no_objection", N_("no objection")
    advice_with_conditions = "advice_with_conditions", N_("advice with conditions")
    advised_against = "advised_against", N_("advised against")


class Outcome(Labelled):
    proceed = "proceed", N_("proceed")
    proceed_with_conditions = "proceed_with_conditions", N_("proceed with conditions")
    stop = "stop", N_("do not proceed")


class SectorItem(Labelled):
    """The Dutch education sector's documents around a processor agreement (Privacyconvenant)."""

    model_agreement = "model_agreement", N_("Model Verwerkersovereenkomst 4.0 (sector model)")
    privacy_annex = "privacy_annex", N_("privacy information sheet (privacybijsluiter)")
    security_annex = "security_annex", N_("security annex (beveiligingsbijlage)")


class SigningAdvice(Labelled):
    """Outcome of the processor-agreement checklist (see dpia.rules.checklist)."""

    ready = "ready", N_("ready to sign")
    after_changes = "after_changes", N_("sign after changes")
    do_not_sign = "do_not_sign", N_("do not sign")
