"""/api/v1/audit: the audit trail (read-only) and its verification."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from mamori.api.deps import DB, DEFAULT_LIMIT, CurrentActor, Limit, Offset
from mamori.errors import PermissionDeniedError
from mamori.services.registry import audit
from mamori.services.registry.common import Page

router = APIRouter(prefix="/audit", tags=["audit"])


class VerificationOut(BaseModel):
    ok: bool
    events: int
    broken_at: int | None
    reason: str


@router.get("")
def list_audit_events(
    db: DB,
    actor: CurrentActor,
    object: Annotated[
        str | None, Query(max_length=100, description="type or type:id, e.g. system:12")
    ] = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[audit.AuditEventPublic]:
    return audit.events(db, actor, object=object, action=action, limit=limit, offset=offset)


@router.get("/verify")
def verify_audit_chain(db: DB, actor: CurrentActor) -> VerificationOut:
    if not actor.where("audit.read").everywhere:
        raise PermissionDeniedError(action="audit.verify")
    result = audit.verify(db)
    return VerificationOut(
        ok=result.ok, events=result.events, broken_at=result.broken_at, reason=result.reason
    )
