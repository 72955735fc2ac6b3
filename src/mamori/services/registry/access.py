"""Who may do what, where. Deny by default: an action not granted here is refused.

A person holds roles in organisations. A grant gives a role an action over a *scope*:

- ``subtree``: objects of the organisation the role is held in, or of any organisation under it
  (a CAIO at the ministry sees every bureau; a planner of one division sees that division);
- ``vendor``: systems the role's organisation (a vendor) is contracted for, and their objects;
- ``own``: objects the person reported themselves, inside the subtree;
- ``global``: every ministry (the Digital Agency's secretariat, the Advisory Board).

``docs/roles.md`` is generated from ``GRANTS`` and a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from mamori.vocabulary import Role

Scope = Literal["subtree", "vendor", "own", "global"]
Action = Literal[
    "system.read",
    "system.create",
    "system.update",
    "assessment.read",
    "assessment.create",
    "assessment.decide",
    "checklist.read",
    "checklist.update",
    "risk_case.read",
    "risk_case.report",
    "risk_case.respond",
    "risk_case.transition",
    "consultation.read",
    "consultation.create",
    "consultation.advise",
    "rule.read",
    "rule.write",
    "ministry_rule.write",
    "rule.acknowledge",
    "report.read",
    "audit.read",
]

_CAIO: dict[Action, Scope] = {
    action: "subtree"
    for action in (
        "system.read",
        "system.create",
        "system.update",
        "assessment.read",
        "assessment.create",
        "assessment.decide",
        "checklist.read",
        "checklist.update",
        "risk_case.read",
        "risk_case.report",
        "risk_case.respond",
        "risk_case.transition",
        "consultation.read",
        "consultation.create",
        "rule.read",
        "rule.write",
        "ministry_rule.write",
        "rule.acknowledge",
        "report.read",
        "audit.read",
    )
}

GRANTS: dict[Role, dict[Action, Scope]] = {
    "caio": _CAIO,
    "planner": {
        "system.read": "subtree",
        "system.create": "subtree",
        "system.update": "subtree",
        "assessment.read": "subtree",
        "assessment.create": "subtree",
        "checklist.read": "subtree",
        "checklist.update": "subtree",
        "risk_case.read": "subtree",
        "risk_case.report": "subtree",
        "consultation.read": "subtree",
        "rule.read": "subtree",
        "rule.write": "subtree",
        "rule.acknowledge": "subtree",
    },
    "provider": {
        "system.read": "vendor",
        "assessment.read": "vendor",
        "checklist.read": "vendor",
        "checklist.update": "vendor",
        "risk_case.read": "vendor",
        "risk_case.report": "vendor",
        "risk_case.respond": "vendor",
        "rule.read": "vendor",
        "rule.acknowledge": "vendor",
    },
    "user": {
        "system.read": "subtree",
        "risk_case.report": "subtree",
        "risk_case.read": "own",
        "rule.read": "subtree",
        "rule.acknowledge": "subtree",
    },
    "board": {
        "consultation.read": "global",
        "consultation.advise": "global",
        "risk_case.read": "global",
        "risk_case.transition": "global",
    },
    "secretariat": {
        "system.read": "global",
        "assessment.read": "global",
        "checklist.read": "global",
        "risk_case.read": "global",
        "consultation.read": "global",
        "rule.read": "global",
        "report.read": "global",
        "audit.read": "global",
    },
    "admin": {
        "system.read": "subtree",
        "rule.read": "subtree",
        "audit.read": "subtree",
    },
}


@dataclass(frozen=True)
class Grant:
    role: Role
    org_id: int
    subtree: frozenset[int]
    """The organisation and every organisation under it."""


@dataclass(frozen=True)
class Where:
    """Where an actor may do one action: the union of what each of their grants allows."""

    everywhere: bool = False
    orgs: frozenset[int] = frozenset()
    vendors: frozenset[int] = frozenset()
    own_orgs: frozenset[int] = frozenset()
    roles: frozenset[str] = frozenset()

    @property
    def nowhere(self) -> bool:
        return not (self.everywhere or self.orgs or self.vendors or self.own_orgs)


@dataclass(frozen=True)
class Actor:
    """The person behind a request (or the local operator behind a CLI command)."""

    person_id: int | None
    name: str
    grants: tuple[Grant, ...] = ()
    operator: bool = False
    """The local command line (``mamori org add`` …): trusted, acts everywhere, audited as such."""
    _where: dict[str, Where] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def local_operator(cls, name: str) -> Actor:
        return cls(person_id=None, name=name, operator=True)

    @property
    def audit_name(self) -> str:
        return f"cli:{self.name}" if self.operator else f"person:{self.person_id}:{self.name}"

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(grant.role for grant in self.grants)

    def where(self, action: Action) -> Where:
        cached = self._where.get(action)
        if cached is not None:
            return cached
        if self.operator:
            result = Where(everywhere=True, roles=frozenset({"operator"}))
        else:
            everywhere = False
            orgs: set[int] = set()
            vendors: set[int] = set()
            own: set[int] = set()
            roles: set[str] = set()
            for grant in self.grants:
                scope = GRANTS[grant.role].get(action)
                if scope is None:
                    continue
                roles.add(grant.role)
                if scope == "global":
                    everywhere = True
                elif scope == "subtree":
                    orgs |= grant.subtree
                elif scope == "vendor":
                    vendors.add(grant.org_id)
                else:
                    own |= grant.subtree
            result = Where(
                everywhere, frozenset(orgs), frozenset(vendors), frozenset(own), frozenset(roles)
            )
        self._where[action] = result
        return result

    def may(
        self,
        action: Action,
        *,
        org_id: int | None,
        vendor_org_id: int | None = None,
        owner_id: int | None = None,
    ) -> bool:
        """Whether this actor may do ``action`` on an object of ``org_id`` (vendor, owner)."""
        where = self.where(action)
        if where.everywhere:
            return True
        if org_id is not None and org_id in where.orgs:
            return True
        if vendor_org_id is not None and vendor_org_id in where.vendors:
            return True
        return (
            owner_id is not None
            and owner_id == self.person_id
            and org_id is not None
            and org_id in where.own_orgs
        )

    def roles_for(
        self, action: Action, *, org_id: int | None, vendor_org_id: int | None = None
    ) -> frozenset[str]:
        """The roles through which this actor may do ``action`` here (for state machines whose
        edges belong to particular roles)."""
        if self.operator:
            return frozenset({"operator"})
        found: set[str] = set()
        for grant in self.grants:
            scope = GRANTS[grant.role].get(action)
            if (
                scope == "global"
                or (scope == "subtree" and org_id in grant.subtree)
                or (scope == "vendor" and vendor_org_id == grant.org_id)
            ):
                found.add(grant.role)
        return frozenset(found)


def role_table(roles: Iterable[Role] = tuple(GRANTS)) -> list[tuple[str, dict[str, str]]]:
    """(action, {role: scope}) rows for the documentation."""
    actions: list[str] = []
    for role in roles:
        actions += [a for a in GRANTS[role] if a not in actions]
    order = list(Action.__args__)  # type: ignore[attr-defined]
    actions.sort(key=order.index)
    return [
        (action, {role: GRANTS[role].get(action, "") for role in roles})  # type: ignore[call-overload]
        for action in actions
    ]
