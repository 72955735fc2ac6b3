"""Advisory Board consultations on possibly high-risk projects: the CAIO asks, the Board advises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mamori.db.models import AISystem, Assessment, Consultation
from mamori.db.types import now
from mamori.errors import (
    PermissionDeniedError,
    Problem,
    RequestInvalidError,
    TransitionNotAllowedError,
)
from mamori.services.registry.access import Actor
from mamori.services.registry.common import (
    DEFAULT_PAGE,
    MAX_ID,
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
from mamori.vocabulary import ConsultationStatus

LONG_TEXT = 20000


class Brief(BaseModel):
    """What the Board needs to advise: the guideline names these four parts."""

    model_config = ConfigDict(extra="forbid")
    outline: str = Field(
        min_length=1, max_length=LONG_TEXT, description="概要 / outline of the project"
    )
    objectives: str = Field(min_length=1, max_length=LONG_TEXT, description="目的 / objectives")
    mitigations: str = Field(
        min_length=1, max_length=LONG_TEXT, description="リスク対策 / risk mitigations"
    )
    quality_assurance: str = Field(
        min_length=1,
        max_length=LONG_TEXT,
        description="品質確保（運用を含む）/ quality assurance including operation",
    )


class ConsultationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    assessment_id: int = Field(ge=1, le=MAX_ID)
    brief: Brief


class AdviceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    advice: str = Field(min_length=1, max_length=LONG_TEXT)


class ConsultationClose(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int


class ConsultationPublic(Public):
    id: int
    system_id: int
    system_name: str = ""
    org_id: int
    assessment_id: int
    status: str
    brief: dict[str, Any]
    advice: str
    advised_by: int | None
    advised_at: dt.datetime | None
    created_by: int | None
    created_at: dt.datetime
    version: int


def _public(session: Session, row: Consultation) -> ConsultationPublic:
    result = ConsultationPublic.model_validate(row)
    result.system_name = (
        session.scalar(select(AISystem.name).where(AISystem.id == row.system_id)) or ""
    )
    return result


def create(db: Database, actor: Actor, data: ConsultationCreate) -> ConsultationPublic:
    with db.write() as session:
        assessment = session.get(Assessment, data.assessment_id)
        system = session.get(AISystem, assessment.system_id) if assessment else None
        if (
            assessment is None
            or system is None
            or not actor.may(
                "assessment.read", org_id=system.org_id, vendor_org_id=system.vendor_org_id
            )
        ):
            raise not_found("assessment", data.assessment_id)
        if not actor.may("consultation.create", org_id=system.org_id):
            raise PermissionDeniedError(action="consultation.create")
        if not (assessment.possibly_high_risk or assessment.consult_advisory_board):
            raise RequestInvalidError(
                problems=[Problem("assessment_id", "problem.not_high_risk_assessment")]
            )
        row = Consultation(
            system_id=system.id,
            org_id=system.org_id,
            assessment_id=assessment.id,
            brief=data.brief.model_dump(),
            created_by=actor.person_id,
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            "consultation.create",
            "consultation",
            row.id,
            org_id=system.org_id,
            state=state_of(row),
            detail={"system_id": system.id, "assessment_id": assessment.id},
        )
        return _public(session, row)


def _load(session: Session, actor: Actor, consultation_id: int) -> Consultation:
    row = session.get(Consultation, consultation_id)
    if row is None or not actor.may("consultation.read", org_id=row.org_id):
        raise not_found("consultation", consultation_id)
    return row


def get(db: Database, actor: Actor, consultation_id: int) -> ConsultationPublic:
    with db.read() as session:
        return _public(session, _load(session, actor, consultation_id))


def list_consultations(
    db: Database,
    actor: Actor,
    *,
    status: ConsultationStatus | None = None,
    system_id: int | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> Page[ConsultationPublic]:
    with db.read() as session:
        statement = select(Consultation).where(
            visible(actor.where("consultation.read"), Consultation.org_id)
        )
        if status is not None:
            statement = statement.where(Consultation.status == status)
        if system_id is not None:
            statement = statement.where(Consultation.system_id == system_id)
        rows, total = paginate(
            session, statement.order_by(Consultation.id.desc()), limit, offset, key=Consultation.id
        )
        return Page(
            items=[_public(session, r) for r in rows], total=total, limit=limit, offset=offset
        )


def advise(
    db: Database, actor: Actor, consultation_id: int, data: AdviceCreate
) -> ConsultationPublic:
    """The Board's advice; it may be revised while the consultation is open."""
    with db.write() as session:
        row = _load(session, actor, consultation_id)
        if not actor.may("consultation.advise", org_id=row.org_id):
            raise PermissionDeniedError(action="consultation.advise")
        check_version("consultation", row.id, row.version, data.version)
        if row.status == "closed":
            raise TransitionNotAllowedError(
                kind="consultation",
                id=str(row.id),
                from_state=row.status,
                to_state="advised",
                allowed="—",
            )
        row.advice, row.status = data.advice, "advised"
        row.advised_by, row.advised_at = actor.person_id, now()
        row.version += 1
        session.flush()
        record(
            session,
            actor,
            "consultation.advise",
            "consultation",
            row.id,
            org_id=row.org_id,
            state=state_of(row),
        )
        return _public(session, row)


def close(
    db: Database, actor: Actor, consultation_id: int, data: ConsultationClose
) -> ConsultationPublic:
    with db.write() as session:
        row = _load(session, actor, consultation_id)
        if not actor.may("consultation.create", org_id=row.org_id):
            raise PermissionDeniedError(action="consultation.close")
        check_version("consultation", row.id, row.version, data.version)
        if row.status != "advised":
            raise TransitionNotAllowedError(
                kind="consultation",
                id=str(row.id),
                from_state=row.status,
                to_state="closed",
                allowed="advised" if row.status == "requested" else "—",
            )
        row.status = "closed"
        row.version += 1
        session.flush()
        record(
            session,
            actor,
            "consultation.close",
            "consultation",
            row.id,
            org_id=row.org_id,
            state=state_of(row),
        )
        return _public(session, row)
