"""Reading the audit trail and proving it unbroken."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from mamori.audit import chain
from mamori.db.models import AuditEvent
from mamori.errors import PermissionDeniedError
from mamori.services.registry.access import Actor
from mamori.services.registry.common import DEFAULT_PAGE, Database, Page, Public, paginate, visible


class AuditEventPublic(Public):
    seq: int
    at: dt.datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    org_id: int | None
    detail: dict[str, Any]
    state_hash: str
    prev_hash: str
    hash: str


def events(
    db: Database,
    actor: Actor,
    *,
    object: str | None = None,
    action: str | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> Page[AuditEventPublic]:
    """Events, newest first. ``object`` is ``type`` or ``type:id`` (``system:12``)."""
    where = actor.where("audit.read")
    if where.nowhere:
        raise PermissionDeniedError(action="audit.read")
    with db.read() as session:
        statement = select(AuditEvent).where(visible(where, AuditEvent.org_id))
        if object:
            kind, _, object_id = object.partition(":")
            statement = statement.where(AuditEvent.object_type == kind)
            if object_id:
                statement = statement.where(AuditEvent.object_id == object_id)
        if action:
            statement = statement.where(AuditEvent.action == action)
        rows, total = paginate(
            session, statement.order_by(AuditEvent.seq.desc()), limit, offset, key=AuditEvent.seq
        )
        return Page(
            items=[AuditEventPublic.model_validate(r) for r in rows],
            total=total,
            limit=limit,
            offset=offset,
        )


def verify(db: Database, progress: Callable[[int], None] | None = None) -> chain.Verification:
    with db.read() as session:
        return chain.verify(session, progress)
