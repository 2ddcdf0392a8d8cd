"""Whether the questionnaire says what belongs to which processing operation.

The Rijksmodel describes purposes, data and parties per operation (its points 3, 5, 6). An
item that names no operation counts for every operation (dpia.context.operations): right for
the organisation itself, or data every operation touches. But when no item of a list names an
operation while there are several, the list was simply never linked, and each operation's block
would show, say, pupils' marks under an operation that handles none. A supervisor reads each
block literally, so that is worth a warning, and the DPIA says so above the blocks.
"""

from __future__ import annotations

from collections.abc import Iterator

from dpia.model import Questionnaire
from dpia.model.labels import N_
from dpia.rules.finding import Finding, W, check

# The lists whose items each operation's block repeats, with the finding's message for each.
LINKED_LISTS = {
    "purposes": N_(
        "no purpose names a processing operation, so every purpose is shown under each of "
        "the {ops} operations; name the operations each purpose belongs to (Rijksmodel 3)"
    ),
    "personal_data": N_(
        "no category of personal data names a processing operation, so every category is "
        "shown under each of the {ops} operations; name the operations each is processed in "
        "(Rijksmodel 3)"
    ),
    "parties": N_(
        "no party names a processing operation, so every party is shown under each of the "
        "{ops} operations; name the operations each takes part in (Rijksmodel 3)"
    ),
}


def never_linked(q: Questionnaire) -> list[str]:
    """The lists (of LINKED_LISTS) none of whose items names an operation, when there are
    several operations."""
    d = q.description
    if len(d.operations) < 2:
        return []
    return [
        name
        for name in LINKED_LISTS
        if getattr(d, name) and not any(item.operations for item in getattr(d, name))
    ]


@check
def _operations_linked(q: Questionnaire) -> Iterator[Finding]:
    ops = str(len(q.description.operations))
    for name in never_linked(q):
        yield Finding(
            "operation-links-missing", W, ("description", name), LINKED_LISTS[name], {"ops": ops}
        )
