"""The privacy addendum's public text: which sections need it, and findings where it is missing.

The addendum is published to the people concerned, so it prints only answers written for them
(fields marked public in the model). Each section that would otherwise stay empty gets a
located warning here, so the author knows what to write before publishing.
"""

from __future__ import annotations

from collections.abc import Iterator

from dpia.model import Questionnaire
from dpia.model.enums import LawfulBasis, Outcome
from dpia.model.labels import N_
from dpia.rules.finding import Finding, W, check

# The age of digital consent (Art. 8 GDPR) where the Netherlands set it (UAVG art. 5: 16).
# Below it, the addendum also speaks to the children themselves. A jurisdiction table may
# replace this constant where another country sets another age.
DIGITAL_CONSENT_AGE = 16


def addendum_applies(q: Questionnaire) -> bool:
    """Whether there is anything to tell people: not when the decision is not to proceed."""
    decision = q.consultation.decision
    return decision is None or decision.outcome is not Outcome.stop


def young_children(q: Questionnaire) -> bool:
    """Whether some of the people concerned are under the age of digital consent."""
    return any(
        s.minors and (s.age_range is None or s.age_range.min < DIGITAL_CONSENT_AGE)
        for s in q.description.data_subjects
    )


def relies_on_interests(q: Questionnaire) -> bool:
    return any(b.basis is LawfulBasis.legitimate_interests for b in q.lawfulness.lawful_bases)


def _wanted(q: Questionnaire) -> Iterator[tuple[str, bool]]:
    """Each public text of the addendum and whether the addendum has a section for it."""
    p = q.public
    yield "summary", p.summary is None
    yield "ai", q.description.ai_system is not None and p.ai is None
    yield "interests", relies_on_interests(q) and p.interests is None
    yield "retention", bool(q.description.personal_data) and p.retention is None
    decisions = bool(q.ai and q.ai.decisions_about_people)
    yield "decisions", decisions and p.decisions is None
    yield "for_children", young_children(q) and p.for_children is None


@check
def _public_text(q: Questionnaire) -> Iterator[Finding]:
    if not addendum_applies(q):
        return
    message = N_(
        "the privacy addendum has no public text for '{section}' yet; it prints only text"
        " written for the people concerned"
    )
    for name, missing in _wanted(q):
        if missing:
            yield Finding("public-text-missing", W, ("public", name), message, {"section": name})
    for i, p in enumerate(q.description.purposes):
        if p.public is None:
            loc = ("description", "purposes", i, "public")
            yield Finding("public-text-missing", W, loc, message, {"section": p.id})
