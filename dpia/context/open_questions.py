"""The questions a DPIA leaves open: the one list its annex prints and its body marks.

The body prints "not answered" only through the template global `unanswered(path)`, which
marks the cell with the question's path when the path is in this list and prints a dash
otherwise; the annex lists the same paths in words. So the body cannot say "not answered"
where the annex does not list the question; tests/test_open_questions.py checks the other
direction for the samples (every listed question has its cell in the body).
"""

from __future__ import annotations

from dpia.context.common import Loc, unanswered
from dpia.context.equality import mitigation_expected
from dpia.model import Questionnaire
from dpia.rules.ai_act import ai_in_scope, deployer_duties_due
from dpia.rules.parties import PROCESSOR_ROLES

# Left out of a DPIA's open questions, each for a reason:
# - screening: the pre-scan's own questions; the DPIA shows its verdict and says whether the
#   pre-scan is complete, and `--doc screening` lists what it still needs.
# - a risk's likelihood and impact motivation, and whether an access request can be answered:
#   the findings `risk-motivation-missing` and `service-data-access-unknown` name them where they
#   matter, in the annex's list of findings.
# - lawfulness.alternatives: the finding `alternatives-missing` names it where it matters; the
#   summary says "none recorded".
# - meta.planned_start: without it the assessment date stands in, as the model says.
# - the sign-off's names and dates: the table is filled in by hand when it is signed.
# - the three aims of the equality duty: asked by the equality assessment (`--doc equality`).
_ELSEWHERE = {
    ("screening",),
    ("equality", "psed"),
    ("risks", "-", "likelihood_motivation"),
    ("risks", "-", "impact_motivation"),
    ("description", "personal_data", "-", "access_answerable"),
    ("lawfulness", "alternatives"),
    ("meta", "planned_start"),
    ("consultation", "sign_off", "-", "name"),
    ("consultation", "sign_off", "-", "date"),
}
# The authority's advice and outcome are asked once the consultation has been filed: before,
# the document prints no record of it.
_AFTER_FILING = {"advice", "outcome"}


def dpia_gaps(q: Questionnaire) -> list[Loc]:
    """The DPIA's open questions, in questionnaire order."""
    filed = q.consultation.prior_consultation
    is_filed = bool(filed and (filed.filed_on or filed.outcome or filed.advice))

    def asked(loc: Loc) -> bool:
        shape = tuple("-" if isinstance(part, int) else part for part in loc)
        if any(shape[: len(e)] == e for e in _ELSEWHERE):
            return False
        if loc[:2] == ("consultation", "prior_consultation") and loc[2:3]:
            return is_filed or loc[2] not in _AFTER_FILING
        views = q.consultation.views
        if views is not None and loc[:2] == ("consultation", "views") and loc[2:3]:
            # What they said is asked where they were asked, why not where they were not.
            return loc[2] != ("why_not" if views.asked else "summary")
        if loc[:2] == ("description", "personal_data") and loc[3:] == ("retention",):
            # Marked unknown, the period is not a question left open but an answer (and a
            # finding: retention-unknown).
            return not q.description.personal_data[int(loc[2])].retention_unknown
        # Without an AI system in the AI Act's scope the AI chapter is left out: so are its
        # questions, and the AI system's description.
        if loc[0] == "ai" or loc[:2] == ("description", "ai_system"):
            return ai_in_scope(q)
        return True

    found = [g for g in unanswered(q) if asked(g)] + _shown_beside(q)
    sections = list(type(q).model_fields)
    return sorted(found, key=lambda loc: sections.index(str(loc[0])))  # stable: in order


def _shown_beside(q: Questionnaire) -> list[Loc]:
    """Questions the walk of the model leaves to the findings but the DPIA's body shows as rows
    of their own: the Art. 26 duties due and the FRIA's elements (for a high-risk system), and a
    mitigation where the equality impact is negative or unknown, and whether a processor or
    sub-processor has its agreement (the walk leaves `agreement` out: other parties have none)."""
    out: list[Loc] = [
        ("description", "parties", i, "agreement")
        for i, p in enumerate(q.description.parties)
        if p.role in PROCESSOR_ROLES and p.agreement is None
    ]
    if q.ai is not None and ai_in_scope(q):
        duties = q.ai.deployer_duties
        out += [
            ("ai", "deployer_duties", k)
            for k in deployer_duties_due(q)
            if getattr(duties, k) is None
        ]
        if q.ai.fria is not None:
            out += [("ai", "fria", k) for k in _FRIA if getattr(q.ai.fria, k) is None]
    answers = q.equality.characteristics
    out += [
        ("equality", "characteristics", c.value, "mitigation")
        for c in mitigation_expected(answers)
        if (a := answers.get(c)) is not None and a.mitigation is None
    ]
    return out


# The FRIA's elements of Art. 27(1)(a)-(f), as the DPIA's table lists them.
_FRIA = (
    "processes",
    "period_frequency",
    "affected_groups",
    "risks_of_harm",
    "oversight",
    "measures",
)


def dotted(loc: Loc) -> str:
    """A location as the body and the annex mark it: `risks.0.measures`."""
    return ".".join(str(part) for part in loc)
