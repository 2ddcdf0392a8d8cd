"""The assessment as JSON-LD in DPV 2.3 terms (`dpia export FILE --format dpv`).

Made from the DPIA's typed context, like the documents: the same risk levels, screening verdict
and Art. 36 conclusion. Subjects are named inside the assessment's own URN
(urn:dpia:assessment:<file stem>#<kind>-<id>), so two exports of one file name the same things.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from dpia.context.dpia import DpiaContext
from dpia.export.vocab import (
    AI_ROLE,
    AI_TIER,
    ANNEX_III,
    ART9,
    DECISION,
    DPIA,
    DPV,
    EU_AIACT,
    EU_GDPR,
    KIND,
    LAWFUL_BASIS,
    LIKELIHOOD,
    LOC,
    MEASURE_KIND,
    MEASURE_STATUS,
    NECESSITY,
    PRACTICE_SYSTEM,
    PREFIXES,
    ROLE,
    SEVERITY,
    SPECIAL,
    TRANSFER,
    risk_level,
)
from dpia.model import Text
from dpia.model.enums import DataKind, RiskLevel
from dpia.rules.transfers import EEA


class _Writer:
    """Adds the triples of one assessment to a graph."""

    def __init__(self, ctx: DpiaContext, stem: str) -> None:
        self.ctx = ctx
        self.g = Graph()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.g.bind("dct", DCTERMS)
        self.base = Namespace(f"urn:dpia:assessment:{quote(stem, safe='')}#")

    def node(self, kind: str, id_: str = "") -> URIRef:
        return self.base[f"{kind}-{id_}" if id_ else kind]

    def add(self, s: URIRef | BNode, p: URIRef, o: URIRef | BNode | Literal) -> None:
        self.g.add((s, p, o))

    def text(self, s: URIRef, p: URIRef, value: Text | None) -> None:
        """Every language a text is written in, as a language-tagged literal."""
        if value is None:
            return
        if value.plain is not None:
            self.add(s, p, Literal(value.plain, lang=self.ctx.first_lang))
            return
        for lang in sorted(value.languages()):
            self.add(s, p, Literal(getattr(value, lang), lang=lang))

    def code(self, s: URIRef, p: URIRef, scheme: str, value: str) -> None:
        """One of our codes, where DPV has no term for it: dpia:<scheme>-<code>."""
        self.add(s, p, DPIA[f"{scheme}-{value}"])

    # ------------------------------------------------------------------ sections
    def assessment(self) -> URIRef:
        q, ctx = self.ctx.q, self.ctx
        dpia, proc = self.node("dpia"), self.node("processing")
        self.add(dpia, RDF.type, DPV.DPIA)
        self.text(dpia, DCTERMS.title, q.meta.title)
        self.add(dpia, DCTERMS.date, Literal(q.meta.assessment_date.isoformat(), datatype=XSD.date))
        self.add(dpia, DCTERMS.hasVersion, Literal(q.meta.version))
        self.code(dpia, DPIA.documentStatus, "status", q.meta.status.value)
        # the eu-gdpr DPIA statuses are audit statuses in DPV
        self.add(dpia, DPV.hasAuditStatus, NECESSITY[ctx.screening.verdict])
        for status in self.outcomes():
            self.add(dpia, DPV.hasAuditStatus, status)
        decision = q.consultation.decision
        if decision is not None:
            self.add(dpia, DPV.hasAuditStatus, DECISION[decision.outcome])
            self.code(dpia, DPIA.decision, "decision", decision.outcome.value)
        self.add(dpia, DPIA.priorConsultationRequired, Literal(ctx.prior_consultation))
        self.add(proc, RDF.type, DPV.Process)
        self.add(proc, DPV.hasImpactAssessment, dpia)
        self.add(dpia, DCTERMS.subject, proc)
        return proc

    def outcomes(self) -> list[URIRef]:
        """eu-gdpr DPIA outcome statuses that follow from the residual risks."""
        if not self.ctx.risks:
            return []
        if self.ctx.prior_consultation:
            return [EU_GDPR.DPIAOutcomeHighResidualRisk, EU_GDPR.DPIAOutcomeDPAConsultation]
        if all(a.residual is RiskLevel.low for a in self.ctx.risks):
            return [EU_GDPR.DPIAOutcomeRisksMitigated]
        return [EU_GDPR.DPIAOutcomeRisksAcceptable]

    def description(self, proc: URIRef) -> None:
        q = self.ctx.q
        d = q.description
        org = self.node("organisation")
        self.add(org, RDF.type, DPV.DataController)
        self.add(org, RDFS.label, Literal(q.meta.organisation.name))
        self.add(proc, DPV.hasDataController, org)
        for o in d.operations:
            n = self.node("operation", o.id)
            self.add(n, RDF.type, DPV.Processing)
            self.text(n, DCTERMS.description, o.description)
            self.add(proc, DPV.hasProcessing, n)
        bases = q.lawfulness.lawful_bases
        for p in d.purposes:
            n = self.node("purpose", p.id)
            self.add(n, RDF.type, DPV.Purpose)
            self.add(n, DCTERMS.identifier, Literal(p.id))
            self.text(n, DCTERMS.description, p.description)
            for b in (b for b in bases if b.purpose == p.id):
                self.add(n, DPV.hasLegalBasis, LAWFUL_BASIS[b.basis])
            self.add(proc, DPV.hasPurpose, n)
        for s in d.data_subjects:
            n = self.node("subject", s.id)
            self.add(n, RDF.type, DPV.DataSubject)
            if s.minors:
                self.add(n, RDF.type, DPV.Child)
            if s.vulnerable:
                self.add(n, RDF.type, DPV.VulnerableDataSubject)
            self.text(n, RDFS.label, s.category)
            self.add(proc, DPV.hasDataSubject, n)
        for c in d.personal_data:
            n = self.node("data", c.id)
            self.add(n, RDF.type, DPV.PersonalData)
            if c.kind is DataKind.special:
                self.add(n, RDF.type, DPV.SpecialCategoryPersonalData)
            elif c.kind is DataKind.sensitive:
                self.add(n, RDF.type, DPV.SensitivePersonalData)
            self.code(n, DPIA.dataKind, "kind", c.kind.value)
            if c.special_category is not None:
                self.code(n, DPIA.specialCategory, "special", c.special_category.value)
                for term in SPECIAL[c.special_category]:
                    self.add(n, RDF.type, term)
            if c.kind in KIND:
                self.add(n, RDF.type, KIND[c.kind])
            self.text(n, RDFS.label, c.name)
            self.add(proc, DPV.hasPersonalData, n)
        for sc in q.lawfulness.special_categories:
            self.add(proc, DPV.hasLegalBasis, ART9[sc.exception])
        for party in d.parties:
            n = self.node("party", party.id)
            cls, link = ROLE[party.role]
            self.add(n, RDF.type, cls)
            self.add(n, RDFS.label, Literal(party.name))
            self.add(n, DPV.hasCountry, LOC[party.country])
            self.add(proc, link, n)
        for loc in d.locations:
            n = self.node("location", loc.id)
            self.add(n, RDF.type, DPV.Location)
            self.add(n, DPV.hasCountry, LOC[loc.country])
            self.text(n, DCTERMS.description, loc.description)
            self.add(proc, DPV.hasLocation, n)
            if loc.country not in EEA:
                self.add(n, RDF.type, DPIA.ThirdCountryTransfer)
                mechanism = TRANSFER.get(loc.mechanism)
                if mechanism is not None:
                    self.add(n, DPV.hasLegalBasis, mechanism)
                self.code(n, DPIA.transferMechanism, "mechanism", loc.mechanism.value)
                self.add(n, DPIA.transferImpactAssessmentDone, Literal(loc.tia_done))

    def risks(self, proc: URIRef) -> None:
        for m in self.ctx.measures.values():
            n = self.node("measure", m.id)
            self.add(n, RDF.type, MEASURE_KIND[m.kind])
            self.add(n, RDF.type, DPV.RiskMitigationMeasure)
            self.text(n, DCTERMS.title, m.title)
            self.add(n, DPV.hasActivityStatus, MEASURE_STATUS[m.status])
            if m.due is not None:
                self.add(n, DPIA.due, Literal(m.due.isoformat(), datatype=XSD.date))
            self.add(proc, DPV.hasTechnicalOrganisationalMeasure, n)
        for a in self.ctx.risks:
            r = a.risk
            n, res = self.node("risk", r.id), self.node("residual-risk", r.id)
            self.add(n, RDF.type, DPV.Risk)
            self.add(n, DCTERMS.identifier, Literal(r.id))
            self.text(n, DCTERMS.title, r.title)
            self.code(n, DPIA.fearedEvent, "event", r.feared_event.value)
            # A risk rated directly (a level with its motivation) has no likelihood or severity.
            if r.likelihood is not None and r.severity is not None:
                self.add(n, DPV.hasLikelihood, LIKELIHOOD[r.likelihood])
                self.add(n, DPV.hasSeverity, SEVERITY[r.severity])
            self.add(n, DPV.hasRiskLevel, risk_level(a.inherent))
            for mid in r.measures:
                self.add(n, DPV.isMitigatedByMeasure, self.node("measure", mid))
            self.add(res, RDF.type, DPV.ResidualRisk)
            if r.residual_likelihood is not None and r.residual_severity is not None:
                self.add(res, DPV.hasLikelihood, LIKELIHOOD[r.residual_likelihood])
                self.add(res, DPV.hasSeverity, SEVERITY[r.residual_severity])
            self.add(res, DPV.hasRiskLevel, risk_level(a.residual))
            self.add(n, DPV.hasResidualRisk, res)
            self.add(res, DPV.isResidualRiskOf, n)
            self.add(proc, DPV.hasRisk, n)

    def ai(self, proc: URIRef) -> None:
        q = self.ctx.q
        system = q.description.ai_system
        if system is None and q.ai is None:
            return
        n = self.node("ai-system")
        self.add(n, RDF.type, EU_AIACT.AISystem)
        if system is not None:
            self.add(n, RDFS.label, Literal(system.name))
            self.add(n, DPIA.vendor, Literal(system.vendor))
            self.add(n, DPIA.inputsTrainModel, Literal(system.inputs_train_model))
        self.add(proc, DPIA.usesAISystem, n)
        if q.ai is None:
            return
        org = self.node("organisation")
        self.add(org, RDF.type, AI_ROLE[q.ai.act_role])
        # The tier as DPV's class where it has one, and always as our code (DPV has no
        # class for the transparency and minimal-risk tiers).
        if q.ai.risk_tier in AI_TIER:
            self.add(n, RDF.type, AI_TIER[q.ai.risk_tier])
        self.code(n, DPIA.aiActRiskTier, "tier", q.ai.risk_tier.value)
        for use in q.ai.annex_iii_uses:
            self.add(n, RDF.type, ANNEX_III[use])
            self.code(n, DPIA.annexIIIUse, "annex3", use.value)
        for practice in q.ai.prohibited_practices:
            if practice in PRACTICE_SYSTEM:
                self.add(n, RDF.type, PRACTICE_SYSTEM[practice])
            self.code(n, DPIA.prohibitedPractice, "art5", practice.value)
        if q.ai.fria_done:
            fria = self.node("fria")
            self.add(fria, RDF.type, DPV.FRIA)
            self.add(proc, DPV.hasImpactAssessment, fria)


def graph(ctx: DpiaContext, stem: str) -> Graph:
    w = _Writer(ctx, stem)
    proc = w.assessment()
    w.description(proc)
    w.risks(proc)
    w.ai(proc)
    return w.g


def to_jsonld(ctx: DpiaContext, stem: str) -> bytes:
    """JSON-LD with the prefixes as its @context, keys sorted: the same bytes every run."""
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {
        "dct": str(DCTERMS),
        "rdfs": str(RDFS),
    }
    text = graph(ctx, stem).serialize(format="json-ld", context=context, auto_compact=True)
    return (json.dumps(_ordered(json.loads(text)), indent=2, ensure_ascii=False) + "\n").encode()


def _ordered(value: Any) -> Any:
    """Keys and arrays in a fixed order. The export uses no @list, so every array is a set
    in JSON-LD and its order carries no meaning; sorting it makes the bytes reproducible."""
    if isinstance(value, dict):
        return {k: _ordered(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        items = [_ordered(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value
