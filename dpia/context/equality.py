"""The typed context of the equality impact assessment (`--doc equality`)."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.context.common import DocumentBase
from dpia.data.equality import EqualityFrame, Leads, equality_frame
from dpia.model import Text
from dpia.model.ai import Characteristics
from dpia.model.enums import Characteristic, Impact, Sector
from dpia.model.labels import GROUND_NAMES, english_label


@dataclass(frozen=True)
class EqualityContext(DocumentBase):
    negative: list[Characteristic]  # an expected negative impact
    unassessed: list[Characteristic]  # no answer, or an impact still unknown
    mitigation_expected: list[Characteristic]  # a negative or unknown impact
    # Which law frames the assessment, by meta.organisation.country (dpia.data.equality): the
    # Dutch grounds (Grondwet art. 1, AWGB, WGBH/CZ, Wgbl) for a Dutch organisation, with the UK
    # Equality Act's characteristics mapped beside them; the Equality Act, and its PSED, for a
    # UK one; for any other country the Equality Act's characteristics as a checklist.
    frame: EqualityFrame
    dutch_grounds_lead: bool  # frame.leads is Leads.dutch_grounds (kept for the renderers)
    # A primary or secondary school: under the Equality Act its pupils are not protected on
    # grounds of age or of marriage and civil partnership (Part 6, Chapter 1); learners in
    # vocational and higher education are students, under other rules.
    pupils: bool
    # The summary's lists in the leading frame's words (catalog messages, each once): the Dutch
    # grounds for a Dutch organisation, else the Equality Act's characteristics.
    negative_names: list[str]
    unassessed_names: list[str]
    # The cover and running header name the processing (public.title, else the AI system's
    # name, else the DPIA's title), as "Equality impact assessment: <processing>".
    processing_title: Text | None
    system_name: str | None


def equality_context(base: DocumentBase) -> EqualityContext:
    answers = {c: base.q.equality.characteristics.get(c) for c in Characteristic}
    frame = equality_frame(base.q.meta.organisation.country)
    negative = [c for c, a in answers.items() if a and a.impact is Impact.negative]
    unassessed = [c for c, a in answers.items() if a is None or a.impact is Impact.unknown]
    return EqualityContext(
        **vars(base),
        negative=negative,
        unassessed=unassessed,
        mitigation_expected=mitigation_expected(base.q.equality.characteristics),
        frame=frame,
        dutch_grounds_lead=frame.leads is Leads.dutch_grounds,
        pupils=base.q.meta.organisation.sector in (Sector.primary, Sector.secondary),
        negative_names=_names(negative, frame.leads is Leads.dutch_grounds),
        unassessed_names=_names(unassessed, frame.leads is Leads.dutch_grounds),
        processing_title=base.q.public.title,
        system_name=base.q.description.ai_system.name if base.q.description.ai_system else None,
    )


def _names(chars: list[Characteristic], dutch: bool) -> list[str]:
    return list(dict.fromkeys(GROUND_NAMES[c] if dutch else english_label(c) for c in chars))


def mitigation_expected(answers: Characteristics) -> list[Characteristic]:
    """The characteristics whose answer calls for a mitigation: an impact that is negative or
    not known yet (the table shows a gap there rather than a dash)."""
    expected = (Impact.negative, Impact.unknown)
    return [c for c in Characteristic if (a := answers.get(c)) and a.impact in expected]
