"""Rules of the knowledge-security check: the least verdict the answers allow, and findings.

Each `Requirement` is a reason the answers give for a verdict at least as strict as its
`minimum`; the strictest decides what `dpia screen` reports. A verdict weaker than a reason
requires is an error located at that reason's field. The thresholds follow the issue and
the Nationale Leidraad Kennisveiligheid: a restricted country, a critical technology with a
defence-linked partner, or a possible dual-use item without an export-control check are more
than an institute may weigh alone, so they go to the committee.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dpia.data.knowledge_security import RESTRICTED_COUNTRIES
from dpia.load import Severity
from dpia.model.enums import Labelled, Status
from dpia.model.knowledge import KnowledgeCheck
from dpia.model.knowledge_enums import (
    ExportOutcome,
    FunderType,
    KsMeasureKind,
    Ties,
    Verdict,
    Weight,
)
from dpia.model.labels import N_, english_label
from dpia.rules.finding import E, Finding, Loc, W
from dpia.rules.naming import SHORTER, Named
from dpia.rules.transfers import EEA

ORDER = list(Verdict)  # least to most restrictive
WEIGHTS = list(Weight)
TIED = {Ties.direct, Ties.indirect, Ties.unknown}  # not known counts: unclear goes up


@dataclass(frozen=True)
class Requirement:
    minimum: Verdict
    reason: Finding  # what in the answers asks for it, located; its severity is unused


@dataclass(frozen=True)
class Screening:
    """What `dpia screen` says of a knowledge-security check."""

    required: Verdict
    reasons: list[Requirement]  # those that set `required`, then the weaker ones
    verdict: Verdict  # the verdict the file gives
    final: Verdict | None  # the committee's binding verdict if given, else the verdict

    @property
    def too_weak(self) -> bool:
        return stricter(self.required, self.verdict)


def stricter(a: Verdict, b: Verdict) -> bool:
    return ORDER.index(a) > ORDER.index(b)


def _reason(
    minimum: Verdict, code: str, loc: Loc, msg: str, **params: str | Labelled | Named
) -> Requirement:
    return Requirement(minimum, Finding(code, W, loc, msg, params))


def requirements(c: KnowledgeCheck) -> list[Requirement]:
    """Every reason for a stricter verdict, strictest first, then in questionnaire order."""
    out: list[Requirement] = []
    restricted = set(RESTRICTED_COUNTRIES.codes())
    for i, p in enumerate(c.partners):
        if p.sanctioned:
            # An asset freeze forbids making economic resources available to a listed
            # entity (e.g. Reg. (EU) No 269/2014 art. 2): no committee can allow that.
            out.append(
                _reason(
                    Verdict.do_not_proceed,
                    "ks-sanctioned-partner",
                    ("partners", i, "sanctioned"),
                    N_("partner {id} is on a sanctions or end-user list"),
                    id=Named(p.id, p.name),
                )
            )
        if p.country in restricted:
            out.append(
                _reason(
                    Verdict.refer,
                    "ks-restricted-country",
                    ("partners", i, "country"),
                    N_(
                        "partner {id} is based in a country under EU restrictive measures "
                        "({country}: {act})"
                    ),
                    id=Named(p.id, p.name),
                    country=p.country,
                    act=RESTRICTED_COUNTRIES.get(p.country).note,
                )
            )
        if c.field.critical_areas and p.ties in TIED:
            out.append(
                _reason(
                    Verdict.refer,
                    "ks-critical-technology-security-ties",
                    ("partners", i, "ties"),
                    N_(
                        "an EU critical technology area is involved and partner {id} has "
                        "ties to military or security bodies: {ties}"
                    ),
                    id=Named(p.id, p.name),
                    ties=p.ties,
                )
            )
    f = c.field
    if f.dual_use and f.export_check is None:
        out.append(
            _reason(
                Verdict.refer,
                "ks-dual-use-unchecked",
                ("field", "dual_use"),
                N_("a dual-use item may be involved and no export-control check was done"),
            )
        )
    if f.military_end_use:
        out.append(
            _reason(
                Verdict.refer,
                "ks-military-end-use",
                ("field", "military_end_use"),
                N_("the results could have a military end use"),
            )
        )
    for i, funder in enumerate(c.funding.funders):
        if funder.type is FunderType.military_or_security:
            out.append(
                _reason(
                    Verdict.refer,
                    "ks-security-funder",
                    ("funding", "funders", i, "type"),
                    N_("'{name}' is a military or security body that funds the collaboration"),
                    name=funder.name,
                )
            )
    for i, r in enumerate(c.risks):
        if r.residual is Weight.high:
            out.append(
                _reason(
                    Verdict.refer,
                    "ks-high-residual-risk",
                    ("risks", i, "residual"),
                    N_("risk {id} stays high after its measures"),
                    id=Named(r.id, r.description),
                )
            )
        elif r.level is not Weight.low:
            out.append(
                _reason(
                    Verdict.proceed_with_measures,
                    "ks-risk-needs-measures",
                    ("risks", i, "level"),
                    N_("risk {id} is {level} and needs its measures"),
                    id=Named(r.id, r.description),
                    level=r.level,
                )
            )
    if f.export_check is not None and f.export_check.outcome is ExportOutcome.licence_needed:
        out.append(
            _reason(
                Verdict.proceed_with_measures,
                "ks-export-licence-needed",
                ("field", "export_check", "outcome"),
                N_("an export licence is needed before controlled technology is shared"),
            )
        )
    if not c.publication.free:
        out.append(
            _reason(
                Verdict.proceed_with_measures,
                "ks-publication-restricted",
                ("publication", "free"),
                N_("the partner or funder can restrict publication of the results"),
            )
        )
    return sorted(out, key=lambda r: -ORDER.index(r.minimum))


def screen(c: KnowledgeCheck) -> Screening:
    reasons = requirements(c)
    required = reasons[0].minimum if reasons else Verdict.proceed
    committee = c.decision.committee
    final: Verdict | None = c.decision.verdict
    if c.decision.verdict is Verdict.refer:
        given = committee.verdict if committee else None
        final = Verdict(given.value) if given else None
    return Screening(required, reasons, c.decision.verdict, final)


# ---------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class TooWeak(Finding):
    """The verdict is weaker than one reason requires; the reason's text is part of it."""

    reason: Finding | None = None

    def text(self, translate: Callable[[str], str] = str) -> str:
        values = {
            k: translate(english_label(v)) if isinstance(v, Labelled) else v
            for k, v in self.params.items()
        }
        reason = self.reason.text(translate) if self.reason else ""
        return translate(self.message).format(reason=reason, **values)


KnowledgeRule = Callable[[KnowledgeCheck], Iterator[Finding]]
RULES: list[KnowledgeRule] = []


def rule(fn: KnowledgeRule) -> KnowledgeRule:
    RULES.append(fn)
    return fn


def knowledge_findings(c: KnowledgeCheck) -> list[Finding]:
    """All findings, errors first, then in the order the rules run."""
    found = [f for fn in RULES for f in fn(c)]
    return sorted(found, key=lambda f: f.severity is not Severity.error)


@rule
def _verdict(c: KnowledgeCheck) -> Iterator[Finding]:
    for req in requirements(c):
        if stricter(req.minimum, c.decision.verdict):
            yield TooWeak(
                req.reason.code,
                E,
                req.reason.loc,
                N_("{reason}: this requires at least '{minimum}', but the verdict is '{verdict}'"),
                {"minimum": req.minimum, "verdict": c.decision.verdict},
                reason=req.reason,
            )


@rule
def _committee(c: KnowledgeCheck) -> Iterator[Finding]:
    d = c.decision
    if d.verdict is Verdict.refer and (d.committee is None or d.committee.verdict is None):
        yield Finding(
            "ks-committee-verdict-pending",
            W,
            ("decision", "committee") if d.committee else ("decision", "verdict"),
            N_("the case is referred but the committee's binding verdict is not recorded yet"),
        )
    if d.verdict is not Verdict.refer and d.committee is not None:
        yield Finding(
            "ks-committee-without-referral",
            W,
            ("decision", "committee"),
            N_("a committee verdict is recorded but the verdict is not 'refer to the committee'"),
        )


@rule
def _personal_data(c: KnowledgeCheck) -> Iterator[Finding]:
    pd = c.personal_data
    outside = tuple(Named(p.id, p.name, SHORTER) for p in c.partners if p.country not in EEA)
    if pd.exchanged and outside and pd.dpia_file is None and pd.transfer_analysis is None:
        yield Finding(
            "ks-transfer-without-dpia",
            E,
            ("personal_data", "exchanged"),
            N_(
                "personal data go to a partner outside the EEA ({partners}) without a linked "
                "DPIA or transfer analysis"
            ),
            {"partners": outside},
        )


@rule
def _adviser(c: KnowledgeCheck) -> Iterator[Finding]:
    required = screen(c).required
    if ORDER.index(required) >= ORDER.index(Verdict.refer) and not (
        c.adviser and c.adviser.consulted
    ):
        yield Finding(
            "ks-adviser-not-consulted",
            W,
            ("adviser", "consulted") if c.adviser else ("decision", "verdict"),
            N_("a high-risk case ('{required}') without consulting the knowledge-security adviser"),
            {"required": required},
        )


@rule
def _partners(c: KnowledgeCheck) -> Iterator[Finding]:
    for i, p in enumerate(c.partners):
        if p.ties is Ties.unknown and not c.field.critical_areas:  # with one: a reason above
            yield Finding(
                "ks-ties-unknown",
                W,
                ("partners", i, "ties"),
                N_(
                    "the ties of partner {id} to military or security bodies are not known: "
                    "find out before deciding"
                ),
                {"id": Named(p.id, p.name)},
            )


@rule
def _risks(c: KnowledgeCheck) -> Iterator[Finding]:
    for i, r in enumerate(c.risks):
        if r.level is not Weight.low and not r.measures:
            yield Finding(
                "ks-risk-without-measures",
                W,
                ("risks", i, "measures"),
                N_("risk {id} is {level} but no measure addresses it"),
                {"id": Named(r.id, r.description), "level": r.level},
            )
        if WEIGHTS.index(r.residual) > WEIGHTS.index(r.level):
            yield Finding(
                "ks-residual-above-level",
                W,
                ("risks", i, "residual"),
                N_("risk {id} is rated higher after its measures than before"),
                {"id": Named(r.id, r.description)},
            )
    if not c.opportunities:
        yield Finding(
            "ks-no-opportunities",
            W,
            ("opportunities",),
            N_("no opportunities are recorded: risks cannot be weighed against them"),
        )


@rule
def _export_control(c: KnowledgeCheck) -> Iterator[Finding]:
    f = c.field
    if f.dual_use and not f.dual_use_categories:
        yield Finding(
            "ks-dual-use-without-category",
            W,
            ("field", "dual_use_categories"),
            N_("a dual-use item may be involved but no Annex I category is named"),
        )
    needs = f.export_check is not None and f.export_check.outcome is ExportOutcome.licence_needed
    if needs and not any(m.kind is KsMeasureKind.export_licence for m in c.measures):
        yield Finding(
            "ks-licence-not-planned",
            W,
            ("field", "export_check", "outcome"),
            N_("an export licence is needed but no measure applies for one"),
        )


@rule
def _sign_off(c: KnowledgeCheck) -> Iterator[Finding]:
    if c.meta.status is Status.final and c.decision.signed is None:
        yield Finding(
            "ks-not-signed",
            W,
            ("decision", "signed"),
            N_("the check is final but the institute director has not signed it"),
        )
    if c.meta.review_date is None:
        yield Finding(
            "ks-no-review-date",
            W,
            ("meta", "review_date"),
            N_("no review date: a collaboration's risks change, so set one"),
        )
