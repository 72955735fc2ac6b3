"""The inventory: every AI system of a ministry, its project description and lifecycle stage."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from mamori.content.project import Project
from mamori.content.project_file import project_problem
from mamori.db.models import AISystem, Organization
from mamori.db.types import now
from mamori.errors import PermissionDeniedError, Problem, RequestInvalidError
from mamori.services.registry.access import Action, Actor
from mamori.services.registry.common import (
    DEFAULT_PAGE,
    Database,
    Page,
    Public,
    check_version,
    not_found,
    paginate,
    record,
    state_of,
    visible,
)
from mamori.services.registry.identity import org_by_code
from mamori.vocabulary import Lifecycle

NAME_MAX = 200
"""Length of the systems.name column."""


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    role: str = Field(default="", max_length=100)
    email: str = Field(default="", max_length=200)


class SystemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    org: str = Field(min_length=1, description="Code of the owning organisation / 所管組織コード")
    project: dict[str, Any] = Field(
        description="The project description, the same fields as `mamori assess` (`mamori schema project`)"
    )
    lifecycle: Lifecycle = "planning"
    vendor: str | None = Field(default=None, description="Code of the vendor organisation")
    models: list[str] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    publishable: bool = False


class SystemUpdate(BaseModel):
    """Only the fields given change; ``project`` keys are merged into the stored description."""

    model_config = ConfigDict(extra="forbid")
    version: int = Field(description="The version this change is based on (409 if stale)")
    project: dict[str, Any] | None = None
    lifecycle: Lifecycle | None = None
    vendor: str | None = None
    models: list[str] | None = None
    contacts: list[Contact] | None = None
    publishable: bool | None = None


class SystemPublic(Public):
    id: int
    org_id: int
    org: str
    vendor_org_id: int | None
    vendor: str | None
    name: str
    lifecycle: str
    project: dict[str, Any]
    models: list[str]
    contacts: list[Contact]
    publishable: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


def validated_project(data: dict[str, Any], field: str = "project") -> Project:
    try:
        project = Project.model_validate(data)
    except ValidationError as invalid:
        raise RequestInvalidError(
            problems=[project_problem(error, prefix=field) for error in invalid.errors()]
        ) from None
    # The name is also the system's name column: longer would fail inside PostgreSQL.
    if len(project.name) > NAME_MAX:
        raise RequestInvalidError(
            problems=[
                Problem(f"{field}.name", "problem.request_value", {"detail": f"≤ {NAME_MAX}"})
            ]
        )
    return project


def _vendor(session: Session, code: str | None) -> Organization | None:
    if code is None:
        return None
    vendor = org_by_code(session, code, "vendor")
    if vendor.kind != "vendor":
        raise RequestInvalidError(
            problems=[Problem("vendor", "problem.org_kind", {"detail": "vendor"})]
        )
    return vendor


def org_codes(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = sorted(i for i in ids if i is not None)
    return dict(
        session.execute(
            select(Organization.id, Organization.code).where(Organization.id.in_(wanted))
        ).all()
    )


def public(session: Session, system: AISystem, codes: dict[int, str] | None = None) -> SystemPublic:
    """The public shape; ``codes`` (organisation id → code) saves a query per row in lists."""
    if codes is None:
        codes = org_codes(session, {system.org_id, system.vendor_org_id})
    return SystemPublic(
        id=system.id,
        org_id=system.org_id,
        org=codes[system.org_id],
        vendor_org_id=system.vendor_org_id,
        vendor=codes.get(system.vendor_org_id) if system.vendor_org_id else None,
        name=system.name,
        lifecycle=system.lifecycle,
        project=system.project,
        models=list(system.models),
        contacts=[Contact.model_validate(c) for c in system.contacts],
        publishable=system.publishable,
        created_at=system.created_at,
        updated_at=system.updated_at,
        version=system.version,
    )


def load(
    session: Session, actor: Actor, system_id: int, action: Action = "system.read"
) -> AISystem:
    """The system, if the actor may see it (else 404) and may do ``action`` on it (else 403)."""
    system = session.get(AISystem, system_id)
    if system is None:
        raise not_found("system", system_id)
    where = {"org_id": system.org_id, "vendor_org_id": system.vendor_org_id}
    sees = actor.may("system.read", **where)
    acts = action == "system.read" or actor.may(action, **where)
    if not sees and not (acts and action != "system.read"):
        raise not_found("system", system_id)  # its existence is not disclosed
    if not acts:
        raise PermissionDeniedError(action=action)
    return system


def create(db: Database, actor: Actor, data: SystemCreate) -> SystemPublic:
    project = validated_project(data.project)
    with db.write() as session:
        return public(session, insert(session, actor, data, project))


def insert(session: Session, actor: Actor, data: SystemCreate, project: Project) -> AISystem:
    """Add one system inside the caller's transaction (an import adds many in one)."""
    org = org_by_code(session, data.org)
    if not actor.may("system.create", org_id=org.id):
        raise PermissionDeniedError(action="system.create")
    vendor = _vendor(session, data.vendor)
    system = AISystem(
        org_id=org.id,
        vendor_org_id=vendor.id if vendor else None,
        name=project.name,
        lifecycle=data.lifecycle,
        project=project.model_dump(mode="json", exclude_none=True),
        models=data.models,
        contacts=[c.model_dump() for c in data.contacts],
        publishable=data.publishable,
        created_by=actor.person_id,
    )
    session.add(system)
    session.flush()
    record(
        session, actor, "system.create", "system", system.id, org_id=org.id, state=state_of(system)
    )
    return system


def get(db: Database, actor: Actor, system_id: int) -> SystemPublic:
    with db.read() as session:
        return public(session, load(session, actor, system_id))


def list_systems(
    db: Database,
    actor: Actor,
    *,
    org: str | None = None,
    lifecycle: Lifecycle | None = None,
    name: str | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> Page[SystemPublic]:
    with db.read() as session:
        statement = select(AISystem).where(
            visible(actor.where("system.read"), AISystem.org_id, AISystem.vendor_org_id)
        )
        if org is not None:
            root = org_by_code(session, org)
            subtree = select(Organization.id).where(Organization.path.startswith(root.path))
            statement = statement.where(AISystem.org_id.in_(subtree))
        if lifecycle is not None:
            statement = statement.where(AISystem.lifecycle == lifecycle)
        if name:
            statement = statement.where(AISystem.name.contains(name, autoescape=True))
        rows, total = paginate(
            session, statement.order_by(AISystem.id), limit, offset, key=AISystem.id
        )
        codes = org_codes(session, {r.org_id for r in rows} | {r.vendor_org_id for r in rows})
        return Page(
            items=[public(session, row, codes) for row in rows],
            total=total,
            limit=limit,
            offset=offset,
        )


def update(db: Database, actor: Actor, system_id: int, data: SystemUpdate) -> SystemPublic:
    with db.write() as session:
        system = load(session, actor, system_id, "system.update")
        check_version("system", system.id, system.version, data.version)
        if system.lifecycle == "retired":
            raise RequestInvalidError(problems=[Problem("lifecycle", "problem.retired")])
        changes = data.model_dump(exclude_unset=True, exclude={"version"})
        if "project" in changes and data.project is not None:
            merged = {**system.project, **data.project}
            project = validated_project(merged)
            system.project = project.model_dump(mode="json", exclude_none=True)
            system.name = project.name
        if data.lifecycle is not None:
            system.lifecycle = data.lifecycle
        if "vendor" in changes:
            vendor = _vendor(session, data.vendor)
            system.vendor_org_id = vendor.id if vendor else None
        if data.models is not None:
            system.models = data.models
        if data.contacts is not None:
            system.contacts = [c.model_dump() for c in data.contacts]
        if data.publishable is not None:
            system.publishable = data.publishable
        system.version += 1
        system.updated_at = now()
        session.flush()
        record(
            session,
            actor,
            "system.update",
            "system",
            system.id,
            org_id=system.org_id,
            state=state_of(system),
            detail={"fields": sorted(changes)},
        )
        return public(session, system)
