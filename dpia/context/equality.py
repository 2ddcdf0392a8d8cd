"""The typed context of the equality impact assessment (`--doc equality`)."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.model.ai import Characteristics
from dpia.model.enums import Characteristic, Impact


@dataclass(frozen=True)
class EqualityContext(DocumentBase):
    negative: list[Characteristic]  # an expected negative impact
    unassessed: list[Characteristic]  # no answer, or an impact still unknown
    mitigation_expected: list[Characteristic]  # a negative or unknown impact
    # Which law leads the table: the Dutch grounds (Grondwet art. 1, AWGB, WGBH/CZ, Wgbl) for a
    # Dutch organisation, with the UK Equality Act's characteristics mapped beside them; the
    # Equality Act (and its PSED) for a UK one. Every organisation the model can describe today
    # is Dutch; a country of establishment would set this per organisation.
    dutch_grounds_lead: bool


def equality_context(base: DocumentBase) -> EqualityContext:
    answers = {c: base.q.equality.characteristics.get(c) for c in Characteristic}
    return EqualityContext(
        **vars(base),
        negative=[c for c, a in answers.items() if a and a.impact is Impact.negative],
        unassessed=[c for c, a in answers.items() if a is None or a.impact is Impact.unknown],
        mitigation_expected=mitigation_expected(base.q.equality.characteristics),
        dutch_grounds_lead=True,
    )


def mitigation_expected(answers: Characteristics) -> list[Characteristic]:
    """The characteristics whose answer calls for a mitigation: an impact that is negative or
    not known yet (the table shows a gap there rather than a dash)."""
    expected = (Impact.negative, Impact.unknown)
    return [c for c in Characteristic if (a := answers.get(c)) and a.impact in expected]
