"""`dpia export --format dpv`: JSON-LD in DPV terms that answers SPARQL like the questionnaire."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.context.dpia import DpiaContext, dpia_context
from dpia.export.vocab import AI_TIER, ANNEX_III, LAWFUL_BASIS, risk_level
from tests.factory import data
from tests.test_security import HOSTILE

# rdflib's own JSON-LD parser still builds a ConjunctiveGraph inside
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph:DeprecationWarning")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    [
        *ROOT.glob("samples/*.yaml"),
        *ROOT.glob("samples/joint/*.yaml"),
        *ROOT.glob("samples/review/*.yaml"),
    ]
)
PREFIXES = """
PREFIX dpv: <https://w3id.org/dpv#>
PREFIX risk: <https://w3id.org/dpv/risk#>
PREFIX eu-gdpr: <https://w3id.org/dpv/legal/eu/gdpr#>
PREFIX dct: <http://purl.org/dc/terms/>
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, bytes]:
    out = tmp_path_factory.mktemp("dpv")
    r = CliRunner().invoke(cli, ["export", *map(str, SAMPLES), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return {p: (out / f"{p.stem}.dpv.jsonld").read_bytes() for p in SAMPLES}


def context(path: Path) -> DpiaContext:
    return dpia_context(assess_file(path).document_base("en", source_embedded=False))


def parsed(data: bytes) -> Graph:
    return Graph().parse(data=data, format="json-ld")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_purposes_and_their_legal_bases(exported: dict[Path, bytes], path: Path) -> None:
    g, ctx = parsed(exported[path]), context(path)
    rows = g.query(
        PREFIXES
        + """SELECT ?id ?basis WHERE {
             ?proc a dpv:Process ; dpv:hasPurpose ?p .
             ?p a dpv:Purpose ; dct:identifier ?id .
             OPTIONAL { ?p dpv:hasLegalBasis ?basis } }"""
    )
    got: dict[str, set[str]] = {}
    for row in rows:
        got.setdefault(str(row.id), set())
        if row.basis is not None:
            got[str(row.id)].add(str(row.basis))
    expected = {
        p.id: {
            str(LAWFUL_BASIS[b.basis]) for b in ctx.q.lawfulness.lawful_bases if b.purpose == p.id
        }
        for p in ctx.q.description.purposes
    }
    assert got == expected
    assert len(got) == len(ctx.q.description.purposes) > 0
    # the bases really are the GDPR extension's Art. 6(1) terms
    assert all(
        b.startswith("https://w3id.org/dpv/legal/eu/gdpr#A6-1-") for v in got.values() for b in v
    )


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_risks_per_level(exported: dict[Path, bytes], path: Path) -> None:
    g, ctx = parsed(exported[path]), context(path)

    def counts(query: str) -> Counter[str]:
        return Counter({str(r.level): int(r.n) for r in g.query(PREFIXES + query)})

    inherent = counts(
        """SELECT ?level (COUNT(?r) AS ?n) WHERE {
             ?proc dpv:hasRisk ?r . ?r dpv:hasRiskLevel ?level } GROUP BY ?level"""
    )
    residual = counts(
        """SELECT ?level (COUNT(?rr) AS ?n) WHERE {
             ?proc dpv:hasRisk ?r . ?r dpv:hasResidualRisk ?rr .
             ?rr a dpv:ResidualRisk ; dpv:hasRiskLevel ?level } GROUP BY ?level"""
    )
    assert inherent == Counter(str(risk_level(a.inherent)) for a in ctx.risks)
    assert residual == Counter(str(risk_level(a.residual)) for a in ctx.risks)
    assert sum(residual.values()) == len(ctx.q.risks)
    # Art. 36: a high residual risk shows as the eu-gdpr outcome that calls for consultation
    consult = g.query(
        PREFIXES + "ASK { ?d a dpv:DPIA ; dpv:hasAuditStatus eu-gdpr:DPIAOutcomeDPAConsultation }"
    ).askAnswer
    assert consult is ctx.prior_consultation


def test_proctoring_sample_in_detail(exported: dict[Path, bytes]) -> None:
    """Special-category data with its Art. 9(2) exceptions, a transfer with its mechanism,
    measures with status, the AI system and the organisation's AI Act role."""
    g = parsed(exported[ROOT / "samples" / "vocational-exam-proctoring.yaml"])
    art9 = {
        str(r.b)
        for r in g.query(PREFIXES + "SELECT ?b WHERE { ?p a dpv:Process ; dpv:hasLegalBasis ?b }")
    }
    assert art9 and all("#A9-2-" in b for b in art9)
    special = PREFIXES + "PREFIX pd: <https://w3id.org/dpv/pd#>"
    special += " ASK { ?d a dpv:SpecialCategoryPersonalData , pd:%s }"
    assert g.query(special % "Biometric").askAnswer and g.query(special % "Health").askAnswer
    statuses = {
        str(r.s).rsplit("#", 1)[1]
        for r in g.query(
            PREFIXES
            + "SELECT ?s WHERE { ?m a dpv:RiskMitigationMeasure ; dpv:hasActivityStatus ?s }"
        )
    }
    assert statuses <= {"ActivityPlanned", "ActivityOngoing", "ActivityCompleted"} and statuses
    assert g.query(
        PREFIXES
        + """PREFIX eu-aiact: <https://w3id.org/dpv/legal/eu/aiact#>
        ASK { ?s a eu-aiact:AISystem . ?o a dpv:DataController , eu-aiact:AIDeployer }"""
    ).askAnswer


@pytest.mark.parametrize("path", SAMPLES[:2], ids=lambda p: p.stem)
def test_same_bytes_every_run(exported: dict[Path, bytes], path: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["export", str(path), "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / f"{path.stem}.dpv.jsonld").read_bytes() == exported[path]


def test_hostile_answers_stay_literals(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    answers = {"risks.0.title": HOSTILE, "description.purposes.0.description": HOSTILE}
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**answers), f)
    r = CliRunner().invoke(cli, ["export", str(path), "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    g = parsed((tmp_path / "hostile.dpv.jsonld").read_bytes())
    texts = {str(o) for o in g.objects()}
    assert HOSTILE in texts  # one literal, exactly as written
    assert not any(str(s).startswith("file:") for s in g.subjects())


def test_invalid_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {title: x}\n")
    r = CliRunner().invoke(cli, ["export", str(bad), "-o", str(tmp_path)])
    assert r.exit_code == 1
    assert "bad.yaml" in r.output and not (tmp_path / "bad.dpv.jsonld").exists()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_ai_act_classification(exported: dict[Path, bytes], path: Path) -> None:
    """The AI system carries DPV 2.3's class for its tier and Annex III uses, where DPV has one,
    and always the tier as our code."""
    g, q = parsed(exported[path]), assess_file(path).questionnaire
    types = {
        str(r.t)
        for r in g.query(
            "PREFIX eu-aiact: <https://w3id.org/dpv/legal/eu/aiact#>"
            " SELECT ?t WHERE { ?s a eu-aiact:AISystem ; a ?t }"
        )
    }
    if q.ai is None:
        return
    expected = {str(ANNEX_III[u]) for u in q.ai.annex_iii_uses}
    if q.ai.risk_tier in AI_TIER:
        expected.add(str(AI_TIER[q.ai.risk_tier]))
    assert expected <= types
    tiers = [str(t) for t in g.objects(None, URIRef("urn:dpia:vocab#aiActRiskTier"))]
    assert tiers == [f"urn:dpia:vocab#tier-{q.ai.risk_tier.value}"]


def test_a_knowledge_security_check_is_refused(tmp_path: Path) -> None:
    check = ROOT / "samples" / "knowledge-security" / "exchange-oslo.yaml"
    r = CliRunner().invoke(cli, ["export", str(check), "-o", str(tmp_path)])
    assert r.exit_code == 1 and "has no DPV export; only a DPIA" in r.output
    assert not list(tmp_path.iterdir())
