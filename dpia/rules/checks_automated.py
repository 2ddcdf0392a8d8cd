"""Checks on automated decisions (Art. 22 GDPR; domain notes section 7).

A decision with legal or similarly significant effect (the screening's EDPB criterion) that no
person weighs before it takes effect is barred by Art. 22(1), unless an exception of Art. 22(2)
applies: a contract, Union or member-state law, or explicit consent. Under an exception the
person keeps at least the right to human intervention, to give their view and to contest the
decision (Art. 22(3)). This follows the text of Art. 22 and the WP29 guidelines on automated
decision-making (WP251 rev.01), which hold that a routine confirmation by a person is no human
involvement; a law-based exception must bring its own safeguards (22(2)(b)), and those are
asked here in the same three terms.
"""

from __future__ import annotations

from collections.abc import Iterator

from dpia.model import Questionnaire
from dpia.model.enums import Art22Safeguard
from dpia.model.labels import N_
from dpia.rules.finding import E, Finding, Loc, W, check


def significant_decisions(q: Questionnaire) -> bool:
    """The screening marks automated decisions with legal or similarly significant effect."""
    answer = q.screening.edpb.automated_decision_legal_effect
    return answer is not None and answer.applies


@check
def _automated_decision(q: Questionnaire) -> Iterator[Finding]:
    if not significant_decisions(q):
        return
    loc: Loc = ("lawfulness", "automated_decision")
    answer = q.lawfulness.automated_decision
    if answer is None:
        yield Finding(
            "automated-decision-unanswered",
            W,
            loc,
            N_(
                "the screening finds decisions with legal or similarly significant effect: "
                "record whether a person weighs each one before it takes effect (Art. 22)"
            ),
        )
        return
    if answer.human_involvement:
        return
    if answer.exception is None:
        yield Finding(
            "automated-decision-barred",
            E,
            (*loc, "exception"),
            N_(
                "decisions with legal or similarly significant effect are taken without "
                "meaningful human involvement and no exception of Art. 22(2) is recorded: "
                "Art. 22(1) bars them"
            ),
        )
        return
    missing = tuple(s for s in Art22Safeguard if s not in answer.safeguards)
    if missing:
        yield Finding(
            "automated-decision-safeguards-missing",
            W,
            (*loc, "safeguards"),
            N_(
                "a solely automated decision relies on {exception} but lacks safeguards of "
                "Art. 22(3): {missing}"
            ),
            {"exception": answer.exception, "missing": missing},
        )
