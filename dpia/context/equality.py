"""The typed context of the equality impact assessment (`--doc equality`)."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.model.enums import Characteristic, Impact


@dataclass(frozen=True)
class EqualityContext(DocumentBase):
    negative: list[Characteristic]  # an expected negative impact
    unassessed: list[Characteristic]  # no answer, or an impact still unknown


def equality_context(base: DocumentBase) -> EqualityContext:
    answers = {c: base.q.equality.characteristics.get(c) for c in Characteristic}
    return EqualityContext(
        **vars(base),
        negative=[c for c, a in answers.items() if a and a.impact is Impact.negative],
        unassessed=[c for c, a in answers.items() if a is None or a.impact is Impact.unknown],
    )
