"""Roles per party as the documents show them: each further role with what it means."""

from __future__ import annotations

from dataclasses import dataclass

from dpia.model.description import Party, RoleScope
from dpia.model.enums import Role

# Roles under which a party decides for itself what happens to the data.
CONTROLLING = (Role.controller, Role.joint_controller, Role.independent_controller)


@dataclass(frozen=True)
class ScopeView:
    scope: RoleScope
    ids: list[str]  # the operations and data categories it covers
    controls: bool  # the party decides itself for this part
    basis_missing: bool  # an independent controller over our data without a legal ground


def scopes(parties: list[Party]) -> dict[str, list[ScopeView]]:
    return {
        p.id: [
            ScopeView(
                s,
                [*s.operations, *s.data],
                s.role in CONTROLLING,
                s.role is Role.independent_controller and s.legal_basis is None,
            )
            for s in p.other_roles
        ]
        for p in parties
    }
