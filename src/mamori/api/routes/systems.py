"""/api/v1/systems: the inventory, its assessments, checklist progress and documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from mamori.api.deps import DB, DEFAULT_LIMIT, CurrentActor, Language, Limit, ObjectId, Offset
from mamori.services.registry import assessments, checklist, documents, systems
from mamori.services.registry.common import Page
from mamori.vocabulary import Lifecycle

router = APIRouter(prefix="/systems", tags=["systems"])


@router.post("", status_code=201)
def create_system(db: DB, actor: CurrentActor, body: systems.SystemCreate) -> systems.SystemPublic:
    return systems.create(db, actor, body)


@router.get("")
def list_systems(
    db: DB,
    actor: CurrentActor,
    org: Annotated[
        str | None, Query(description="Organisation code (and everything under it)")
    ] = None,
    lifecycle: Lifecycle | None = None,
    name: Annotated[str | None, Query(max_length=200, description="Part of the name")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[systems.SystemPublic]:
    return systems.list_systems(
        db, actor, org=org, lifecycle=lifecycle, name=name, limit=limit, offset=offset
    )


@router.get("/{system_id}")
def get_system(db: DB, actor: CurrentActor, system_id: ObjectId) -> systems.SystemPublic:
    return systems.get(db, actor, system_id)


@router.patch("/{system_id}")
def update_system(
    db: DB, actor: CurrentActor, system_id: ObjectId, body: systems.SystemUpdate
) -> systems.SystemPublic:
    return systems.update(db, actor, system_id, body)


@router.post("/{system_id}/assessments", status_code=201)
def submit_assessment(
    db: DB,
    actor: CurrentActor,
    lang: Language,
    system_id: ObjectId,
    body: assessments.AssessmentCreate | None = None,
) -> assessments.AssessmentPublic:
    return assessments.submit(db, actor, system_id, body or assessments.AssessmentCreate(), lang)


@router.get("/{system_id}/assessments")
def list_assessments(
    db: DB,
    actor: CurrentActor,
    lang: Language,
    system_id: ObjectId,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[assessments.AssessmentPublic]:
    return assessments.list_for_system(db, actor, system_id, lang=lang, limit=limit, offset=offset)


@router.get("/{system_id}/checklist")
def get_checklist(
    db: DB, actor: CurrentActor, lang: Language, system_id: ObjectId
) -> list[checklist.ChecklistItem]:
    return checklist.get(db, actor, system_id, lang)


@router.patch("/{system_id}/checklist/{checkpoint_id}")
def update_checklist_item(
    db: DB,
    actor: CurrentActor,
    lang: Language,
    system_id: ObjectId,
    checkpoint_id: str,
    body: checklist.ChecklistUpdate,
) -> checklist.ChecklistItem:
    return checklist.update(db, actor, system_id, checkpoint_id, body, lang)


@router.post("/{system_id}/checklist/{checkpoint_id}/evidence", status_code=201)
def add_evidence(
    db: DB,
    actor: CurrentActor,
    system_id: ObjectId,
    checkpoint_id: str,
    body: checklist.EvidenceCreate,
) -> checklist.EvidencePublic:
    return checklist.add_evidence(db, actor, system_id, checkpoint_id, body)


@router.post("/{system_id}/documents", status_code=201)
def generate_documents(
    db: DB, actor: CurrentActor, system_id: ObjectId, body: documents.DocumentsCreate | None = None
) -> list[documents.DocumentPublic]:
    return documents.generate(db, actor, system_id, body or documents.DocumentsCreate())


@router.get("/{system_id}/documents")
def list_documents(
    db: DB, actor: CurrentActor, system_id: ObjectId
) -> list[documents.DocumentPublic]:
    return documents.list_for_system(db, actor, system_id)


documents_router = APIRouter(prefix="/documents", tags=["systems"])


@documents_router.get("/{document_id}")
def download_document(db: DB, actor: CurrentActor, document_id: ObjectId) -> Response:
    meta, content = documents.content(db, actor, document_id)
    name = f"{meta.kind}.{meta.lang}.{meta.format}"
    return Response(
        content,
        media_type=documents.MEDIA_TYPES[meta.format],
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-SHA256": meta.sha256,
        },
    )


assessments_router = APIRouter(prefix="/assessments", tags=["systems"])


@assessments_router.get("/{assessment_id}")
def get_assessment(
    db: DB, actor: CurrentActor, lang: Language, assessment_id: ObjectId
) -> assessments.AssessmentPublic:
    return assessments.get(db, actor, assessment_id, lang)


@assessments_router.post("/{assessment_id}/decision", status_code=201)
def decide_assessment(
    db: DB,
    actor: CurrentActor,
    lang: Language,
    assessment_id: ObjectId,
    body: assessments.DecisionCreate,
) -> assessments.AssessmentPublic:
    return assessments.decide(db, actor, assessment_id, body, lang)
