"""Checks on roles per party and per feature: joint control, a vendor acting as controller,
parts of the processing that no agreement covers (Art. 26, 28; domain notes section 17)."""

from __future__ import annotations

from collections.abc import Iterator

from dpia.model import Questionnaire
from dpia.model.enums import Role
from dpia.model.labels import N_
from dpia.rules.finding import E, Finding, Loc, W, check

_PROCESSING = (Role.processor, Role.sub_processor)


@check
def _roles(q: Questionnaire) -> Iterator[Finding]:
    for i, party in enumerate(q.description.parties):
        loc: Loc = ("description", "parties", i)
        params = {"name": party.name}
        if Role.joint_controller in party.roles():
            if party.arrangement is None or not party.arrangement.in_place:
                yield Finding(
                    "joint-control-without-arrangement",
                    E,
                    (*loc, "arrangement"),
                    N_(
                        "'{name}' is a joint controller, but no arrangement under Art. 26 "
                        "sets out who does what"
                    ),
                    params,
                )
            elif not party.arrangement.essence_available:
                yield Finding(
                    "joint-arrangement-not-public",
                    W,
                    (*loc, "arrangement", "essence_available"),
                    N_(
                        "the essence of the arrangement with '{name}' is not made available "
                        "to the people concerned (Art. 26(2))"
                    ),
                    params,
                )
        for j, scope in enumerate(party.other_roles):
            here: Loc = (*loc, "other_roles", j)
            if scope.role is Role.independent_controller and scope.legal_basis is None:
                # The 2021 Dutch education assessment of an office suite: the vendor claimed
                # controllership of diagnostic data without any ground; rated a high risk.
                yield Finding(
                    "controller-without-basis",
                    E,
                    (*here, "legal_basis"),
                    N_(
                        "'{name}' acts as an independent controller over data the organisation "
                        "provides, without a recorded legal ground for it"
                    ),
                    params,
                )
            if scope.role in _PROCESSING and scope.agreement is not True:
                yield Finding(
                    "scope-without-agreement",
                    E if scope.agreement is False else W,
                    (*here, "agreement"),
                    N_("no processor agreement is recorded for part of the work of '{name}'"),
                    params,
                )
        if party.roles_disputed is not None:
            yield Finding(
                "roles-disputed",
                E,
                (*loc, "roles_disputed"),
                N_(
                    "the roles of '{name}' are disputed: settle them before relying on the "
                    "processor agreement"
                ),
                params,
            )
    names = {p.id: p.name for p in q.description.parties if p.id}
    for where, agreement in q.agreements():
        if not agreement.own_purposes:
            continue
        name = names.get(agreement.processor or "")
        yield Finding(
            "processor-own-purposes",
            E,
            (*where, "own_purposes"),
            N_(
                "the processor agreement with '{name}' lets the processor use the "
                "organisation's data for purposes of its own; it then acts as a controller "
                "(Art. 28(10))"
            )
            if name
            else N_(
                "the processor agreement lets the processor use the organisation's data for "
                "purposes of its own; it then acts as a controller (Art. 28(10))"
            ),
            {"name": name} if name else {},
        )
