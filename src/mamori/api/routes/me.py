"""/api/v1/me: who the token belongs to and what they may do."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from mamori.api.deps import CurrentActor

router = APIRouter(tags=["me"])


class GrantOut(BaseModel):
    role: str
    org_id: int


class MeOut(BaseModel):
    person_id: int | None
    name: str
    grants: list[GrantOut]


@router.get("/me")
def whoami(actor: CurrentActor) -> MeOut:
    return MeOut(
        person_id=actor.person_id,
        name=actor.name,
        grants=[GrantOut(role=g.role, org_id=g.org_id) for g in actor.grants],
    )
