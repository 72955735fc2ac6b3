"""Assessments: the planning engine's result for a stored system, kept immutable, and the CAIO's
own decision on it (the finder is a reference; the CAIO decides)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mamori.audit.chain import digest
from mamori.content import loader
from mamori.content.loader import LoadedPack
from mamori.db.models import AISystem, Assessment, AssessmentDecision
from mamori.errors import PackNotFoundError, PermissionDeniedError, Problem, RequestInvalidError
from mamori.i18n import LANGS, Lang
from mamori.rules import evaluate
from mamori.services.registry import systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import (
    DEFAULT_PAGE,
    Database,
    Page,
    Public,
    not_found,
    paginate,
    record,
    state_of,
)
from mamori.vocabulary import CaioDecision


class AssessmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pack: str | None = Field(
        default=None,
        description="Guideline pack, e.g. ds920@2.0 (default: the project's, else the newest)",
    )


class DecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: CaioDecision
    rationale: str = Field(min_length=1, max_length=20000)


class DecisionPublic(Public):
    id: int
    assessment_id: int
    decision: str
    rationale: str
    decided_by: int | None
    decided_at: dt.datetime


class AssessmentPublic(Public):
    id: int
    system_id: int
    pack: str
    pack_hash: str
    project_hash: str
    possibly_high_risk: bool
    consult_advisory_board: bool
    created_by: int | None
    created_at: dt.datetime
    result: dict[str, Any]
    """The same JSON as ``mamori assess --json``, in the language asked for."""
    decision: DecisionPublic | None = None


def _load_pack(db: Database, ref: str, field: str) -> LoadedPack:
    try:
        return loader.load(ref, db.settings.packs)
    except PackNotFoundError:
        known = tuple(loc.ref for loc in loader.discover(loader.search_roots(db.settings.packs)))
        raise RequestInvalidError(
            problems=[Problem(field, "problem.project_pack", {"ref": ref}, known)]
        ) from None


def public(session: Session, row: Assessment, lang: Lang) -> AssessmentPublic:
    decision = session.scalar(
        select(AssessmentDecision)
        .where(AssessmentDecision.assessment_id == row.id)
        .order_by(AssessmentDecision.id.desc())
        .limit(1)
    )
    return AssessmentPublic(
        id=row.id,
        system_id=row.system_id,
        pack=row.pack,
        pack_hash=row.pack_hash,
        project_hash=row.project_hash,
        possibly_high_risk=row.possibly_high_risk,
        consult_advisory_board=row.consult_advisory_board,
        created_by=row.created_by,
        created_at=row.created_at,
        result=row.result.get(lang, row.result.get("ja", {})),
        decision=DecisionPublic.model_validate(decision) if decision else None,
    )


def submit(
    db: Database, actor: Actor, system_id: int, data: AssessmentCreate, lang: Lang = "ja"
) -> AssessmentPublic:
    """Assess the stored system exactly as ``mamori assess`` would, and keep the result."""
    with db.read() as session:
        system = systems.load(session, actor, system_id, "assessment.create")
        project = systems.validated_project(system.project)
    ref = data.pack or project.pack or db.settings.default_pack
    loaded = _load_pack(db, ref, "pack")
    result = evaluate(project, loaded)
    with db.write() as session:
        system = systems.load(session, actor, system_id, "assessment.create")
        row = Assessment(
            system_id=system.id,
            pack=loaded.ref,
            pack_hash=loaded.content_hash,
            project_hash=digest(system.project),
            possibly_high_risk=result.possibly_high_risk,
            consult_advisory_board=result.consult_advisory_board,
            result={code: result.public(code) for code in LANGS},
            created_by=actor.person_id,
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            "assessment.create",
            "assessment",
            row.id,
            org_id=system.org_id,
            state=state_of(row),
            detail={"system_id": system.id, "pack": loaded.ref},
        )
        return public(session, row, lang)


def _load(session: Session, actor: Actor, assessment_id: int) -> tuple[Assessment, AISystem]:
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise not_found("assessment", assessment_id)
    system = session.get(AISystem, row.system_id)
    assert system is not None
    if not actor.may("assessment.read", org_id=system.org_id, vendor_org_id=system.vendor_org_id):
        raise not_found("assessment", assessment_id)
    return row, system


def get(db: Database, actor: Actor, assessment_id: int, lang: Lang = "ja") -> AssessmentPublic:
    with db.read() as session:
        row, _ = _load(session, actor, assessment_id)
        return public(session, row, lang)


def list_for_system(
    db: Database,
    actor: Actor,
    system_id: int,
    *,
    lang: Lang = "ja",
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> Page[AssessmentPublic]:
    with db.read() as session:
        systems.load(session, actor, system_id, "assessment.read")
        statement = (
            select(Assessment)
            .where(Assessment.system_id == system_id)
            .order_by(Assessment.id.desc())
        )
        rows, total = paginate(session, statement, limit, offset, key=Assessment.id)
        return Page(
            items=[public(session, r, lang) for r in rows], total=total, limit=limit, offset=offset
        )


def latest(session: Session, system_id: int) -> Assessment | None:
    return session.scalar(
        select(Assessment)
        .where(Assessment.system_id == system_id)
        .order_by(Assessment.id.desc())
        .limit(1)
    )


def decide(
    db: Database, actor: Actor, assessment_id: int, data: DecisionCreate, lang: Lang = "ja"
) -> AssessmentPublic:
    """Record the CAIO's decision; a later decision supersedes an earlier one (both are kept)."""
    with db.write() as session:
        row, system = _load(session, actor, assessment_id)
        if not actor.may("assessment.decide", org_id=system.org_id):
            raise PermissionDeniedError(action="assessment.decide")
        decision = AssessmentDecision(
            assessment_id=row.id,
            decision=data.decision,
            rationale=data.rationale,
            decided_by=actor.person_id,
        )
        session.add(decision)
        session.flush()
        record(
            session,
            actor,
            "assessment.decide",
            "assessment",
            row.id,
            org_id=system.org_id,
            state=state_of(decision),
            detail={"decision": data.decision},
        )
        return public(session, row, lang)
