"""/api/v1/consultations: Advisory Board consultations."""

from __future__ import annotations

from fastapi import APIRouter

from mamori.api.deps import DB, DEFAULT_LIMIT, CurrentActor, IdFilter, Limit, ObjectId, Offset
from mamori.services.registry import consultations
from mamori.services.registry.common import Page
from mamori.vocabulary import ConsultationStatus

router = APIRouter(prefix="/consultations", tags=["consultations"])


@router.post("", status_code=201)
def create_consultation(
    db: DB, actor: CurrentActor, body: consultations.ConsultationCreate
) -> consultations.ConsultationPublic:
    return consultations.create(db, actor, body)


@router.get("")
def list_consultations(
    db: DB,
    actor: CurrentActor,
    status: ConsultationStatus | None = None,
    system_id: IdFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[consultations.ConsultationPublic]:
    return consultations.list_consultations(
        db, actor, status=status, system_id=system_id, limit=limit, offset=offset
    )


@router.get("/{consultation_id}")
def get_consultation(
    db: DB, actor: CurrentActor, consultation_id: ObjectId
) -> consultations.ConsultationPublic:
    return consultations.get(db, actor, consultation_id)


@router.post("/{consultation_id}/advice")
def advise(
    db: DB, actor: CurrentActor, consultation_id: ObjectId, body: consultations.AdviceCreate
) -> consultations.ConsultationPublic:
    return consultations.advise(db, actor, consultation_id, body)


@router.post("/{consultation_id}/close")
def close(
    db: DB, actor: CurrentActor, consultation_id: ObjectId, body: consultations.ConsultationClose
) -> consultations.ConsultationPublic:
    return consultations.close(db, actor, consultation_id, body)
