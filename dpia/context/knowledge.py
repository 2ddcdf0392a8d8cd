"""The typed context of the knowledge-security check (`--doc knowledge-security`).

Everything the document shows is decided here or in dpia.rules.knowledge: the template only
lays it out. Field names shared with the other documents (`q`, `lang`, `findings`, ...) let
it use the same page frame (templates/shared/base.html.j2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.context.assessment import Assessment
from dpia.context.common import CentralSource, LocatedFinding, Shortlist, translated
from dpia.data.knowledge_security import (
    CRITICAL_TECHNOLOGIES,
    DUAL_USE_CATEGORIES,
    RESTRICTED_COUNTRIES,
    Table,
)
from dpia.load import Severity
from dpia.model.base import Text
from dpia.model.description import Location
from dpia.model.enums import TransferMechanism
from dpia.model.knowledge import KnowledgeCheck, KsMeasure, KsRisk, Partner
from dpia.model.knowledge_enums import KsMeasureStatus, Verdict, Weight
from dpia.rules.knowledge import Requirement, Screening, TooWeak, screen
from dpia.rules.transfers import EEA


@dataclass(frozen=True)
class LinkedDpia:
    """The DPIA of the same collaboration, whose transfer analysis the check reuses."""

    file: str
    title: Text  # the DPIA's title
    transfers: list[Location]  # its locations outside the EEA, with their mechanism
    without_mechanism: list[Location]


@dataclass(frozen=True)
class KnowledgeContext:
    lang: str
    first_lang: str
    translated: bool  # dpia.context.common.translated
    q: KnowledgeCheck
    findings: list[LocatedFinding]
    source_name: str
    date: dt.date
    logo: str | None
    source_embedded: bool  # whether the output carries the questionnaire (a PDF does)
    screening: Screening
    final: Verdict | None  # the outcome: the committee's verdict when referred
    referred: bool  # the verdict is to refer the case to the committee
    export_check_needed: bool  # a dual-use item or a military end use may be involved
    restricted_partners: list[Partner]  # partners in a country under restrictive measures
    outside_eea: list[Partner]
    highest_opportunity: Weight | None
    highest_residual: Weight | None
    risks_by_measure: dict[str, list[KsRisk]]  # measure id -> the risks it addresses
    open_measures: list[KsMeasure]
    linked: LinkedDpia | None
    # The reference tables used, for their dates and sources in the annex.
    critical_table: Table
    dual_use_table: Table
    restricted_table: Table
    summary_reasons: Shortlist[Requirement]  # what the one-page summary has room for
    summary_errors: Shortlist[LocatedFinding]
    # The cover's central-assessment line is for a school's overlay of a joint DPIA; a
    # knowledge-security check names no central assessment.
    central: CentralSource | None = None


def _highest(levels: list[Weight]) -> Weight | None:
    order = list(Weight)
    return max(levels, key=order.index) if levels else None


# What the one-page summary has room for; the rest are in the annex.
SUMMARY_REASONS = 6
SUMMARY_ERRORS = 3


def knowledge_context(a: Assessment, lang: str, source_embedded: bool) -> KnowledgeContext:
    c = a.knowledge
    result = screen(c)
    restricted = set(RESTRICTED_COUNTRIES.codes())
    # A verdict weaker than a reason asks for is flagged beside the verdict, and the reasons
    # are listed already: the summary's errors are the others.
    errors = [
        f
        for f in a.findings
        if f.where.severity is Severity.error and not isinstance(f.finding, TooWeak)
    ]
    linked = None
    if a.linked_dpia is not None and c.personal_data.dpia_file is not None:
        away = [loc for loc in a.linked_dpia.description.locations if loc.country not in EEA]
        linked = LinkedDpia(
            file=c.personal_data.dpia_file,
            title=a.linked_dpia.meta.title,
            transfers=away,
            without_mechanism=[x for x in away if x.mechanism is TransferMechanism.none],
        )
    return KnowledgeContext(
        lang=lang,
        first_lang=c.meta.languages[0].value,
        translated=translated(c, lang),
        q=c,
        findings=a.findings,
        source_name=a.source[0],
        date=c.meta.assessment_date,
        logo=a.logo.url if a.logo else None,
        source_embedded=source_embedded,
        screening=result,
        final=result.final,
        referred=c.decision.verdict is Verdict.refer,
        export_check_needed=c.field.dual_use or c.field.military_end_use,
        restricted_partners=[p for p in c.partners if p.country in restricted],
        outside_eea=[p for p in c.partners if p.country not in EEA],
        highest_opportunity=_highest([o.weight for o in c.opportunities]),
        highest_residual=_highest([r.residual for r in c.risks]),
        risks_by_measure={m.id: [r for r in c.risks if m.id in r.measures] for m in c.measures},
        open_measures=[m for m in c.measures if m.status is not KsMeasureStatus.in_place],
        linked=linked,
        critical_table=CRITICAL_TECHNOLOGIES,
        dual_use_table=DUAL_USE_CATEGORIES,
        restricted_table=RESTRICTED_COUNTRIES,
        summary_reasons=Shortlist.of(result.reasons, SUMMARY_REASONS),
        summary_errors=Shortlist.of(errors, SUMMARY_ERRORS),
    )
