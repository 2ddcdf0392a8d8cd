"""Which equality law frames the equality impact assessment, by the organisation's country.

Sources (as of AS_OF): for the Netherlands, Article 1 of the Grondwet, the Algemene wet gelijke
behandeling (AWGB), the Wet gelijke behandeling op grond van handicap of chronische ziekte
(WGBH/CZ) and the Wet gelijke behandeling op grond van leeftijd bij de arbeid (Wgbl), as on
wetten.overheid.nl; for Great Britain, the Equality Act 2010, sections 4-12 (the protected
characteristics) and section 149 (the public sector equality duty), as on legislation.gov.uk.
The Act does not extend to Northern Ireland, which has its own equality law (s. 217); the
questionnaire's country code GB stands for the United Kingdom as a whole, so a school in
Northern Ireland should read the table with that in mind.

For any other country no national frame is encoded. The default then uses the nine
characteristics of the Equality Act 2010 as a closed checklist, because they cover the grounds
of Article 21 of the EU Charter of Fundamental Rights and of the EU equal-treatment directives
(2000/43/EC race and ethnic origin, 2000/78/EC religion or belief, disability, age and sexual
orientation in employment, 2006/54/EC sex), which every EU member state has transposed; the
document says so, and that no general equality duty is assumed (our own reading: a reasoned
default, not a statement of that country's law).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

AS_OF = dt.date(2026, 11, 30)


class Leads(StrEnum):
    """Whose list the table of protected grounds follows."""

    dutch_grounds = "dutch_grounds"  # the Dutch grounds, the Equality Act's beside them
    equality_act = "equality_act"  # the Equality Act 2010's characteristics


@dataclass(frozen=True)
class EqualityFrame:
    country: str | None  # None: the default for a country without a frame of its own
    leads: Leads
    mapped_beside: bool  # whether the other list is shown beside the leading one
    duty_applies: bool  # a statutory equality duty (the PSED, s. 149) binds public bodies
    source: str


FRAMES: dict[str, EqualityFrame] = {
    f.country: f
    for f in (
        EqualityFrame(
            "NL",
            Leads.dutch_grounds,
            mapped_beside=True,
            duty_applies=False,
            source="Grondwet art. 1; AWGB; WGBH/CZ; Wgbl (wetten.overheid.nl)",
        ),
        EqualityFrame(
            "GB",
            Leads.equality_act,
            mapped_beside=False,
            duty_applies=True,
            source="Equality Act 2010, ss. 4-12 and 149 (legislation.gov.uk)",
        ),
    )
    if f.country
}

DEFAULT = EqualityFrame(
    None,
    Leads.equality_act,
    mapped_beside=False,
    duty_applies=False,
    source="Equality Act 2010, ss. 4-12, as a checklist; EU Charter art. 21",
)


def equality_frame(country: str) -> EqualityFrame:
    """The frame for an organisation established in `country` (ISO 3166-1 alpha-2)."""
    return FRAMES.get(country, DEFAULT)
