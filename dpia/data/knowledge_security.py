"""Reference tables for the knowledge-security check of international collaborations.

Codes are the identifiers a questionnaire writes; the English names are gettext messages
(translated in locales/), so documents show them in their own language. Update a table by
changing its entries *and* its `AS_OF` date; documents print the date and the source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Entry:
    code: str
    name: str  # English; a catalog message, except for countries (named by Babel)
    note: str = ""  # a catalog message, or a legal citation for countries


@dataclass(frozen=True)
class Table:
    as_of: dt.date
    source: str  # the legal instrument, by its official citation (not translated)
    entries: tuple[Entry, ...]

    def get(self, code: str) -> Entry:
        return next(e for e in self.entries if e.code == code)

    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.entries)


# The ten areas of the Annex to the Recommendation. The Commission named the first four as
# the ones most likely to present the most sensitive and immediate risks (recital and
# Annex); `note` marks them.
CRITICAL_TECHNOLOGIES = Table(
    as_of=dt.date(2023, 10, 3),
    source="Commission Recommendation (EU) 2023/2113 of 3 October 2023, Annex",
    entries=(
        Entry("semiconductors", N_("Advanced semiconductor technologies"), N_("most urgent")),
        Entry(
            "artificial_intelligence", N_("Artificial intelligence technologies"), N_("most urgent")
        ),
        Entry("quantum", N_("Quantum technologies"), N_("most urgent")),
        Entry("biotechnologies", N_("Biotechnologies"), N_("most urgent")),
        Entry("connectivity", N_("Advanced connectivity, navigation and digital technologies")),
        Entry("sensing", N_("Advanced sensing technologies")),
        Entry("space_propulsion", N_("Space and propulsion technologies")),
        Entry("energy", N_("Energy technologies")),
        Entry("robotics_autonomous", N_("Robotics and autonomous systems")),
        Entry(
            "materials_manufacturing",
            N_("Advanced materials, manufacturing and recycling technologies"),
        ),
    ),
)

# The category headings of the EU control list. Annex I is replaced by a delegated regulation
# about once a year (the items change); the ten headings have stayed the same.
DUAL_USE_CATEGORIES = Table(
    as_of=dt.date(2024, 11, 15),
    source="Regulation (EU) 2021/821, Annex I, as amended by Delegated Regulation (EU) 2024/2547",
    entries=(
        Entry("cat0", N_("Category 0: nuclear materials, facilities and equipment")),
        Entry("cat1", N_("Category 1: special materials and related equipment")),
        Entry("cat2", N_("Category 2: materials processing")),
        Entry("cat3", N_("Category 3: electronics")),
        Entry("cat4", N_("Category 4: computers")),
        Entry("cat5p1", N_("Category 5 part 1: telecommunications")),
        Entry("cat5p2", N_("Category 5 part 2: information security")),
        Entry("cat6", N_("Category 6: sensors and lasers")),
        Entry("cat7", N_("Category 7: navigation and avionics")),
        Entry("cat8", N_("Category 8: marine")),
        Entry("cat9", N_("Category 9: aerospace and propulsion")),
    ),
)

# Countries under EU restrictive measures that reach research: a ban on exporting dual-use
# items or technology, on technical assistance, or on scientific and technical cooperation.
# Arms embargoes alone (and the 1989 declaration on China) are left out: they do not by
# themselves restrict a research collaboration. The list is a screening aid, not legal
# advice: sanctions change often. CHECK IT against the EU Sanctions Map
# (https://www.sanctionsmap.eu) and the Official Journal before relying on it, and update
# AS_OF when you do.
RESTRICTED_COUNTRIES = Table(
    as_of=dt.date(2025, 6, 1),
    source="EU restrictive measures (CFSP); see the EU Sanctions Map",
    entries=(
        Entry("BY", "Belarus", "Regulation (EC) No 765/2006"),
        Entry("IR", "Iran", "Regulations (EU) No 267/2012 and (EU) 2023/1529"),
        Entry("KP", "North Korea", "Regulation (EU) 2017/1509"),
        Entry("MM", "Myanmar/Burma", "Regulation (EU) No 401/2013"),
        Entry("RU", "Russia", "Regulation (EU) No 833/2014"),
        # Economic sanctions were lifted in May 2025; the bans on dual-use and chemical-
        # weapons-related items and on equipment for internal repression stayed.
        Entry("SY", "Syria", "Regulation (EU) No 36/2012"),
    ),
)
