"""The privacy addendum's public text: which sections need it, and findings where it is missing.

The addendum is published to the people concerned, so it prints only answers written for them
(fields marked public in the model). Each section that would otherwise stay empty gets a
located warning here, so the author knows what to write before publishing.
"""

from __future__ import annotations

from collections.abc import Iterator

from dpia.languages import LANGUAGES
from dpia.model import Questionnaire
from dpia.model.description import DataSubject
from dpia.model.enums import LawfulBasis, Outcome, Sector
from dpia.model.labels import N_
from dpia.rules.finding import Finding, W, check
from dpia.rules.jurisdiction import seat

# Where `learners` is left out, minors count as the organisation's own learners only at a
# primary or secondary school: elsewhere (a vocational college, a university) minors are
# bystanders or relatives far more often than the institution's own students.
_SCHOOLS = frozenset({Sector.primary, Sector.secondary})


def own_learners(q: Questionnaire, s: DataSubject) -> bool:
    """Whether a group of people concerned are the organisation's own pupils or students."""
    if s.learners is not None:
        return s.learners
    return s.minors and not s.staff and q.meta.organisation.sector in _SCHOOLS


def addendum_applies(q: Questionnaire) -> bool:
    """Whether there is anything to tell people: not when the decision is not to proceed."""
    decision = q.consultation.decision
    return decision is None or decision.outcome is not Outcome.stop


def young_children(q: Questionnaire) -> bool:
    """Whether some of the organisation's own learners are under the age of digital consent
    (Art. 8 GDPR) of its country, read from the jurisdiction table: only then does the addendum
    have a part written for the children themselves. Children who are bystanders (a sibling in
    the room) are not its readers; the main text mentions them in one line."""
    age = seat(q).consent_age
    return any(
        own_learners(q, s) and s.minors and (s.age_range is None or s.age_range.min < age)
        for s in q.description.data_subjects
    )


def other_minors(q: Questionnaire) -> bool:
    """Whether children other than the organisation's own learners may be concerned."""
    return any(s.minors and not own_learners(q, s) for s in q.description.data_subjects)


def relies_on_interests(q: Questionnaire) -> bool:
    return any(b.basis is LawfulBasis.legitimate_interests for b in q.lawfulness.lawful_bases)


def _wanted(q: Questionnaire) -> Iterator[tuple[str, bool]]:
    """Each public text of the addendum and whether the addendum has a section for it."""
    p = q.public
    yield "summary", p.summary is None
    yield "must_provide", p.must_provide is None
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
    # The public texts exist only in the answers' languages: an addendum in another language
    # prints them untranslated beside its own prose (a Dutch text 40 % English), so it is not
    # publishable in that language, and the document says so as it does for a draft
    # (dpia.context.privacy_addendum, `language_missing`). The warning here is raised only for
    # the language the people concerned read in the organisation's country (the jurisdiction
    # table: Dutch for a Dutch school): that is the addendum the organisation must publish. A
    # Dutch-only file is not warned that its English addendum would be Dutch; the English
    # document still carries the mark. A warning, not an error: the DPIA itself may well be
    # monolingual.
    local = seat(q).language
    if local is not None and local in LANGUAGES and local not in q.meta.languages:
        yield Finding(
            "public-text-language-missing",
            W,
            ("meta", "languages"),
            N_(
                "no public texts in '{language}' (meta.languages), the language of the people"
                " concerned: the privacy addendum in '{language}' is marked not for publication"
            ),
            {"language": local},
        )
