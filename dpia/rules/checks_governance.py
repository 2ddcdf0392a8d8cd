"""Checks on risks, AI, consultation, screening and translations."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from dpia.data.ai_act import Duty
from dpia.model import Questionnaire
from dpia.model.ai import DeployerDuties
from dpia.model.enums import (
    Characteristic,
    Classification,
    Impact,
    MeasureStatus,
    ProhibitedPractice,
    RiskLevel,
    ServiceKind,
    Status,
    ToolPicker,
    Verdict,
)
from dpia.model.labels import N_
from dpia.rules.ai_act import (
    DutyStatus,
    deployer_duties_due,
    derived_tier,
    duties_by_date,
    duty,
    start,
    tier_contradicts,
)
from dpia.rules.decision import Art36, art36, proceeding
from dpia.rules.finding import E, Finding, Loc, Param, W, check, ngettext, walk_texts
from dpia.rules.follow_up import Need, fria_advice
from dpia.rules.jurisdiction import seat
from dpia.rules.naming import named, named_all
from dpia.rules.risk import SCALE, AssessedRisk, assess
from dpia.rules.screening import contradicting_signals, screen_questionnaire


@check
def _risks(q: Questionnaire) -> Iterator[Finding]:
    assessed = assess(q.risks)
    for i, a in enumerate(assessed):
        loc: Loc = ("risks", i)
        if not a.risk.measures and a.inherent is not RiskLevel.low:
            yield Finding(
                "risk-without-measures",
                W,
                (*loc, "measures"),
                N_("risk {id} is {level} but no measure addresses it"),
                {"id": named(q, "risk", a.risk.id), "level": a.inherent},
            )
        r = a.risk
        if _rises(a):
            yield Finding(
                "residual-above-inherent",
                W,
                (*loc, "residual_likelihood"),
                N_("risk {id} is rated higher after its measures than before"),
                {"id": named(q, "risk", r.id)},
            )
    unmotivated = [
        a.risk.id
        for a in assessed
        if not a.direct
        and (a.risk.likelihood_motivation is None or a.risk.impact_motivation is None)
    ]
    if unmotivated:
        yield Finding(
            "risk-motivation-missing",
            W,
            ("risks",),
            N_("the likelihood and impact of risks {ids} are not motivated (Rijksmodel)"),
            {"ids": named_all(q, "risk", unmotivated)},
        )
    for i, a in enumerate(assessed):
        if a.residual is RiskLevel.unknown:
            yield Finding(
                "residual-unknown",
                W,
                ("risks", i, "residual_level"),
                N_("the residual risk of {id} is unknown: find out what is needed to rate it"),
                {"id": named(q, "risk", a.risk.id)},
            )
    status, planned = art36(q), q.consultation.prior_consultation
    authority = seat(q).authority
    params: dict[str, Param] = {
        "ids": named_all(q, "risk", status.high),
        "authority": authority or "",
    }
    if status.state is Art36.required and not (planned and (planned.planned or status.filed)):
        yield Finding(
            "prior-consultation-needed",
            E,
            ("consultation", "prior_consultation"),
            N_(
                "residual risk stays high ({ids}): the supervisory authority ({authority}) "
                "must be consulted before processing starts (Art. 36)"
            )
            if authority
            else N_(
                "residual risk stays high ({ids}): the supervisory authority must be "
                "consulted before processing starts (Art. 36)"
            ),
            params,
        )
    elif status.state is Art36.moot:
        yield Finding(
            "prior-consultation-if-proceeding",
            W,
            ("consultation", "decision", "outcome"),
            N_(
                "the decision is not to proceed; proceeding would first need the high residual "
                "risks ({ids}) lowered, or a prior consultation of the supervisory authority "
                "(Art. 36)"
            ),
            params,
        )
    for i, m in enumerate(q.measures):
        if m.due and m.status is not MeasureStatus.implemented and m.due < q.meta.assessment_date:
            yield Finding(
                "measure-overdue",
                W,
                ("measures", i, "due"),
                N_("measure {id} was due before the assessment date and is not implemented"),
                {"id": named(q, "measure", m.id)},
            )


@check
def _ai(q: Questionnaire) -> Iterator[Finding]:
    system, ai = q.description.ai_system, q.ai
    if system is not None:
        tool: Loc = ("description", "ai_system", "tool_picker")
        if system.tool_picker is ToolPicker.red:
            yield Finding(
                "tool-picker-red",
                E,
                tool,
                N_("the AI tool picker marks '{name}' red: not to be used"),
                {"name": system.name},
            )
        elif system.tool_picker is ToolPicker.orange:
            yield Finding(
                "tool-picker-orange",
                W,
                tool,
                N_("the AI tool picker marks '{name}' orange: only under its conditions"),
                {"name": system.name},
            )
        training = system.service is ServiceKind.public and system.inputs_train_model
        if training and q.meta.classification in (
            Classification.confidential,
            Classification.secret,
        ):
            yield Finding(
                "confidential-into-public-ai",
                E,
                ("description", "ai_system", "service"),
                N_(
                    "{label} information would go into a public AI service that trains "
                    "on its inputs"
                ),
                {"label": q.meta.classification},
            )
        if system.inputs_train_model and any(s.minors for s in q.description.data_subjects):
            yield Finding(
                "children-data-train-model",
                W,
                ("description", "ai_system", "inputs_train_model"),
                N_("children's inputs are used to train the vendor's model"),
            )
        if ai is None:
            yield Finding(
                "ai-unanswered",
                W,
                ("description", "ai_system"),
                N_("an AI system is used but the ai section is not filled in"),
            )
    if ai is None:
        return
    if ai.decisions_about_people and ai.human_oversight is None:
        yield Finding(
            "ai-decisions-without-oversight",
            E,
            ("ai", "human_oversight"),
            N_(
                "AI outputs are used for decisions about people without human oversight "
                "(Art. 22 GDPR, Art. 14 and 26(2) AI Act)"
            ),
        )
    for i, practice in enumerate(ai.prohibited_practices):
        message = (
            N_("emotion recognition in education is prohibited (AI Act Art. 5(1)(f))")
            if practice is ProhibitedPractice.emotion_recognition_edu
            else N_("{practice} is a prohibited AI practice (AI Act Art. 5)")
        )
        yield Finding(
            "prohibited-ai-practice",
            E,
            ("ai", "prohibited_practices", i),
            message,
            {"practice": practice},
        )
    # Each duty is an error only where it applies by the planned start (domain notes, 18).
    fria = duty(q, Duty.fria)
    if ai.annex_iii_uses and not ai.fria_done:
        yield Finding(
            "fria-missing",
            # The pre-scan's advice reads the same test (rules.follow_up.fria_advice).
            E if fria_advice(q).need is Need.required else W,
            ("ai", "fria_done"),
            N_(
                "a high-risk use under Annex III needs a fundamental-rights impact assessment "
                "before first use (AI Act Art. 27, applies from {date}; planned start {start})"
            ),
            _dates(q, fria),
        )
    if tier_contradicts(ai):
        yield Finding(
            "ai-tier-contradiction",
            W,
            ("ai", "risk_tier"),
            N_(
                "the risk tier is given as '{tier}', but the answers point to '{derived}' "
                "(Art. 5 practices, Annex III uses, general-purpose use)"
            ),
            {"tier": ai.risk_tier, "derived": derived_tier(ai)},
        )
    statuses = {s.application.duty: s for s in duties_by_date(q)}
    for key, field, code, message in (
        (
            Duty.transparency,
            "transparency",
            "ai-transparency-missing",
            N_(
                "how people learn they deal with AI is not recorded (AI Act Art. 50, applies "
                "from {date}; planned start {start})"
            ),
        ),
        (
            Duty.literacy,
            "literacy",
            "ai-literacy-missing",
            N_(
                "how staff gain AI literacy is not recorded (AI Act Art. 4, applies from "
                "{date}; planned start {start})"
            ),
        ),
    ):
        status = statuses.get(key)
        if status is not None and getattr(ai, field) is None:
            yield Finding(
                code, E if status.by_start else W, ("ai", field), message, _dates(q, status)
            )
    if due := deployer_duties_due(q):
        skip = set(DeployerDuties.model_fields) - set(due)
        if articles := _unanswered_articles(ai.deployer_duties, skip):
            deployer = duty(q, Duty.deployer_high_risk)
            yield Finding(
                "deployer-duty-unanswered",
                E if deployer.by_start else W,
                ("ai", "deployer_duties"),
                N_(
                    "how the deployer duties of AI Act Art. {articles} are met is not recorded "
                    "(they apply from {date}; planned start {start})"
                ),
                {"articles": articles, **_dates(q, deployer)},
            )
    if ai.fria is not None and (articles := _unanswered_articles(ai.fria)):
        yield Finding(
            "fria-incomplete",
            W,
            ("ai", "fria"),
            N_("the fundamental-rights impact assessment lacks AI Act Art. {articles}"),
            {"articles": articles},
        )


def _dates(q: Questionnaire, status: DutyStatus) -> dict[str, str]:
    return {"date": status.application.applies_from.isoformat(), "start": start(q).isoformat()}


_ORDER = [RiskLevel.low, RiskLevel.medium, RiskLevel.high]


def _rises(a: AssessedRisk) -> bool:
    """The risk is rated higher after its measures than before."""
    r = a.risk
    if not a.direct and not a.residual_direct:
        assert r.likelihood and r.severity and r.residual_likelihood and r.residual_severity
        return SCALE.index(r.residual_likelihood) > SCALE.index(r.likelihood) or SCALE.index(
            r.residual_severity
        ) > SCALE.index(r.severity)
    known = a.residual in _ORDER and a.inherent in _ORDER
    return known and _ORDER.index(a.residual) > _ORDER.index(a.inherent)


def _unanswered_articles(answers: BaseModel, skip: set[str] | None = None) -> str:
    """The articles of the questions left empty, as "26(4), 26(5)". Each question's
    description starts with its article."""
    return ", ".join(
        str(info.description).split(" ", 1)[0]
        for name, info in type(answers).model_fields.items()
        if getattr(answers, name) is None and name not in (skip or ())
    )


@check
def _consultation(q: Questionnaire) -> Iterator[Finding]:
    c, meta = q.consultation, q.meta
    final = meta.status is Status.final
    if final and c.dpo_advice is None:
        yield Finding(
            "final-without-dpo-advice",
            E,
            ("consultation", "dpo_advice"),
            N_("a final DPIA needs the advice of the data protection officer (Art. 35(2))"),
        )
    if c.dpo_advice and not c.dpo_advice.followed and c.dpo_advice.why_not is None:
        yield Finding(
            "dpo-advice-ignored",
            W,
            ("consultation", "dpo_advice", "why_not"),
            N_("the DPO's advice is not followed and no reason is recorded"),
        )
    if c.views is None or (not c.views.asked and c.views.why_not is None):
        yield Finding(
            "views-not-recorded",
            W,
            ("consultation", "views"),
            N_(
                "record the views of data subjects or their representatives, or why they "
                "were not sought (Art. 35(9))"
            ),
        )
    if final and c.decision is None:
        yield Finding(
            "decision-missing",
            W,
            ("consultation", "decision"),
            N_("a final DPIA records the decision on the processing"),
        )
    if meta.review_date is None:
        yield Finding(
            "review-date-missing",
            W,
            ("meta",),
            N_("no review date: a DPIA is reviewed when the risk changes (Art. 35(11))"),
        )
    elif meta.review_date <= meta.assessment_date:
        yield Finding(
            "review-date-past",
            E,
            ("meta", "review_date"),
            N_("the review date is not after the assessment date"),
        )
    if q.description.purposes and not q.lawfulness.transparency.privacy_statement_updated:
        yield Finding(
            "privacy-statement-not-updated",
            W,
            ("lawfulness", "transparency", "privacy_statement_updated"),
            N_("the privacy statement does not yet cover this processing (Art. 13/14)"),
        )


@check
def _screening(q: Questionnaire) -> Iterator[Finding]:
    result = screen_questionnaire(q)
    if result.unanswered:
        yield Finding(
            "screening-incomplete",
            W,
            ("screening",),
            N_("screening questions still unanswered: {count}"),
            {"count": str(len(result.unanswered))},
        )
    signals = contradicting_signals(q)
    if result.verdict is Verdict.not_required and signals:
        # One finding for the whole screening, naming every signal, not one per criterion.
        yield Finding(
            "screening-contradicted",
            W,
            ("screening", "edpb"),
            N_(
                "the screening finds no DPIA needed, but the description shows {signals}: "
                "check the EDPB criteria"
            ),
            {"signals": signals},
        )


@check
def _translations(q: Questionnaire) -> Iterator[Finding]:
    """With two answer languages declared, every text should be given in both."""
    if len(q.meta.languages) < 2:
        return
    for loc, text in walk_texts(q):
        missing = [lang for lang in q.meta.languages if lang not in text.languages()]
        if text.plain is not None or missing:
            yield Finding(
                "missing-translation",
                W,
                loc,
                N_(
                    "answer lacks the {langs} text; the documents show the other language "
                    "with a marker"
                ),
                {"langs": "/".join(missing) if text.plain is None else "nl/en"},
            )


@check
def _equality(q: Questionnaire) -> Iterator[Finding]:
    for c in Characteristic:
        answer = q.equality.characteristics.get(c)
        if answer and answer.impact is Impact.negative and answer.mitigation is None:
            yield Finding(
                "negative-impact-unmitigated",
                W,
                ("equality", "characteristics", c.value, "impact"),
                N_("a negative impact on {characteristic} is expected without a mitigation"),
                {"characteristic": c},
            )


@check
def _jurisdiction(q: Questionnaire) -> Iterator[Finding]:
    place = seat(q)
    if not place.encoded:
        yield Finding(
            "jurisdiction-not-encoded",
            W,
            ("meta", "organisation", "country"),
            N_(
                "dpia has no data for {country}: the documents name no supervisory authority, "
                "use the GDPR's default age of digital consent (16) and screen on the EDPB "
                "criteria only"
            ),
            {"country": place.country},
        )


def decision_conflicts(q: Questionnaire, errors: int) -> Iterator[Finding]:
    """A decision to proceed against what the assessment found. Run by rules.findings after
    every other check, since it counts their errors; not registered with @check."""
    if not proceeding(q):
        return
    loc: Loc = ("consultation", "decision", "outcome")
    if q.ai is not None and q.ai.prohibited_practices:
        yield Finding(
            "decision-conflict",
            E,
            loc,
            N_(
                "the decision is to proceed while a prohibited AI practice is in scope "
                "(AI Act Art. 5)"
            ),
        )
    if art36(q).open:
        yield Finding(
            "decision-conflict",
            E,
            loc,
            N_(
                "the decision is to proceed while prior consultation of the supervisory "
                "authority is required and has not been filed (Art. 36)"
            ),
        )
    if errors:
        one, many = ngettext(
            "the decision is to proceed while {count} error remains in this assessment",
            "the decision is to proceed while {count} errors remain in this assessment",
        )
        yield Finding("decision-conflict", E, loc, one, {"count": str(errors)}, many)
