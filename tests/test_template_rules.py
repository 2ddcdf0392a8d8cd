"""Templates read the typed context and decide nothing: no counts, limits or code lists that a
second renderer (DOCX) would have to repeat. A simple scan of every template for the forms
such rules took before they moved into the context builders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TAG = re.compile(r"{{.*?}}|{%.*?%}", re.S)

# In the text: a count shown "out of" a number written into the template.
OUT_OF_LITERAL = re.compile(r"}}\s*/\s*\d")
# Inside {{ }} and {% %}:
RULES = {
    "a slice or index by a number": re.compile(r"\[\s*-?\d*\s*:\s*-?\d*\s*\]|\[\s*\d+\s*\]"),
    "a comparison with a number": re.compile(r"(==|!=|<=|>=|<|>)\s*-?\d"),
    "a filter that selects items": re.compile(r"\b(select|reject)attr\b"),
    "a list of codes": re.compile(r"\|\s*value\s+(not\s+)?in\b"),
    "two codes combined": re.compile(r"\|\s*value\s*==.*\b(and|or)\b.*\|\s*value\s*=="),
    "a branch on the language": re.compile(r"\blang\s*(==|!=|in\b)"),
}


def rules_in(source: str) -> list[str]:
    found = [f"{m.group(0)!r}: a count out of a literal" for m in OUT_OF_LITERAL.finditer(source)]
    for tag in TAG.findall(source):
        found += [f"{tag!r}: {what}" for what, rule in RULES.items() if rule.search(tag)]
    return found


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.j2")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_no_template_holds_a_rule(path: Path) -> None:
    assert rules_in(path.read_text()) == []


@pytest.mark.parametrize(
    "snippet",
    [
        "{{ screening.edpb_applying|length }} / 9",
        "{% for mm in open_measures[:6] %}",
        "{% if errors|length > 8 %}",
        '{% set errors = findings|selectattr("where.severity", "equalto", "error")|list %}',
        '{% if p.role|value in ("processor", "sub_processor") %}',
        '{% if ai.risk_tier|value == "high_risk" and ai.act_role|value == "deployer" %}',
        "{{ n.replace(',', '.' if lang == 'nl' else ',') }}",
    ],
)
def test_the_scan_finds_the_rules_templates_used_to_hold(snippet: str) -> None:
    assert rules_in(snippet)


def test_the_scan_lets_layout_and_wording_pass() -> None:
    layout = '<text x="{{ x + size / 2 }}" y="{{ y + 22 + loop.index0 * 9 }}">{{ id }}</text>'
    wording = '{% if advice|value == "do_not_sign" %}Do not sign{% endif %}'
    assert rules_in(layout) == [] and rules_in(wording) == []
