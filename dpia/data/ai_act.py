"""When each AI Act duty applies: one table, so that a change in the law is one line.

Regulation (EU) 2024/1689 entered into force on 1 August 2024. The dates below follow the
project's domain notes (section 18), collected from public sources in autumn 2026; the Annex III
and Annex I dates are those reported after the 2026 "digital omnibus" (the original dates are in
`original`). Check the Official Journal before relying on a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

AS_OF = dt.date(2026, 11, 30)


def N_(message: str) -> str:
    """Mark a label for the catalogs (this package imports nothing from dpia)."""
    return message


ENTRY_INTO_FORCE = dt.date(2024, 8, 1)


class Duty(StrEnum):
    prohibitions = "prohibitions"
    literacy = "literacy"
    gpai_models = "gpai_models"
    transparency = "transparency"
    deployer_high_risk = "deployer_high_risk"
    fria = "fria"
    annex_i_products = "annex_i_products"


@dataclass(frozen=True)
class Application:
    duty: Duty
    label: str  # English, a catalog message
    articles: str
    applies_from: dt.date
    original: dt.date | None  # the date before the omnibus moved it, where it did
    source: str


DUTIES: dict[Duty, Application] = {
    a.duty: a
    for a in (
        Application(
            Duty.prohibitions,
            N_("prohibited practices"),
            "Art. 5",
            dt.date(2025, 2, 2),
            None,
            "Art. 113(a)",
        ),
        Application(
            Duty.literacy,
            N_("AI literacy of staff"),
            "Art. 4",
            dt.date(2025, 2, 2),
            None,
            "Art. 113(a)",
        ),
        Application(
            Duty.gpai_models,
            N_("general-purpose AI models"),
            "Chapter V",
            dt.date(2025, 8, 2),
            None,
            "Art. 113(b)",
        ),
        Application(
            Duty.transparency,
            N_("transparency to people"),
            "Art. 50",
            dt.date(2026, 8, 2),
            None,
            "Art. 113",
        ),
        Application(
            Duty.deployer_high_risk,
            N_("duties of a deployer of a high-risk system"),
            "Art. 26",
            dt.date(2027, 12, 2),
            dt.date(2026, 8, 2),
            "Art. 113; digital omnibus (reported; MinBZK beslishulp, Aug 2026)",
        ),
        Application(
            Duty.fria,
            N_("fundamental-rights impact assessment"),
            "Art. 27",
            dt.date(2027, 12, 2),
            dt.date(2026, 8, 2),
            "Art. 113; digital omnibus (reported; MinBZK beslishulp, Aug 2026)",
        ),
        Application(
            Duty.annex_i_products,
            N_("high-risk AI in products (Annex I)"),
            "Art. 6(1), Annex I",
            dt.date(2028, 8, 2),
            dt.date(2027, 8, 2),
            "Art. 113(c); digital omnibus (reported)",
        ),
    )
}


# The provision behind the privacy addendum's AI block, for its "for the record" block, by the
# system's risk tier and practices (ai.risk_tier, ai.prohibited_practices). Art. 50(1) concerns
# systems that interact with people directly, so it is not named for every AI system: a
# deployer of an Annex III high-risk system informs the people it is used on under Art. 26(11);
# a deployer of emotion recognition informs those exposed under Art. 50(3); for a minimal-risk
# system the AI Act asks nothing and the information is given voluntarily. No dates here: the
# DPIA says from when each duty applies (DUTIES above).
TRANSPARENCY_REFERENCES: dict[str, str] = {
    "high_risk": N_(
        "Informing people that a high-risk AI system is used in decisions about them: Article"
        " 26(11) of the AI Act."
    ),
    "emotion_recognition": N_(
        "Informing people exposed to an emotion recognition system: Article 50(3) of the AI Act."
    ),
    "transparency": N_("Transparency about AI systems: Article 50 of the AI Act."),
    "minimal": N_(
        "Information about a minimal-risk AI system: the AI Act does not require it; we give it"
        " voluntarily."
    ),
}


def transparency_references(tier: str | None, practices: list[str]) -> list[str]:
    """The references that apply to a system of this tier with these practices, in order."""
    keys = [tier] if tier in ("high_risk", "transparency", "minimal") else []
    if any(p.startswith("emotion_recognition") for p in practices):
        keys.append("emotion_recognition")
    return [TRANSPARENCY_REFERENCES[k] for k in keys if k]
