"""Documents generated for a stored system (specification draft, check sheets, rule, brief),
kept with their hash so what was sent to a vendor can be shown later, byte for byte."""

from __future__ import annotations

import datetime as dt
import hashlib

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from mamori.content import loader
from mamori.db.models import AISystem, StoredDocument
from mamori.documents import Format, build_project_documents, render
from mamori.i18n import Lang, t
from mamori.rules import evaluate
from mamori.services.registry import assessments, systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database, Public, not_found, record

MEDIA_TYPES: dict[str, str] = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class DocumentsCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lang: Lang = "ja"
    format: Format = "docx"


class DocumentPublic(Public):
    id: int
    system_id: int | None
    assessment_id: int | None
    kind: str
    lang: str
    format: str
    sha256: str
    size: int = 0
    created_at: dt.datetime


def generate(
    db: Database, actor: Actor, system_id: int, data: DocumentsCreate
) -> list[DocumentPublic]:
    """Every document of the system's latest assessment (a new assessment first if it has none)."""
    with db.read() as session:
        system = systems.load(session, actor, system_id, "assessment.create")
        latest = assessments.latest(session, system.id)
    if latest is None:
        assessments.submit(db, actor, system_id, assessments.AssessmentCreate())
    with db.write() as session:
        system = systems.load(session, actor, system_id, "assessment.create")
        latest = assessments.latest(session, system.id)
        assert latest is not None
        project = systems.validated_project(system.project)
        loaded = loader.load(latest.pack, db.settings.packs)
        result = evaluate(project, loaded)
        contact = project.contact or db.settings.contact or t("doc.rule.contact_unset", data.lang)
        stored = []
        for document in build_project_documents(
            result, loaded.pack, data.lang, dt.date.today(), contact
        ):
            content = render(document, data.format)
            row = StoredDocument(
                system_id=system.id,
                org_id=system.org_id,
                assessment_id=latest.id,
                kind=document.kind,
                lang=data.lang,
                format=data.format,
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                created_by=actor.person_id,
            )
            session.add(row)
            session.flush()
            record(
                session,
                actor,
                "document.create",
                "document",
                row.id,
                org_id=system.org_id,
                state={"sha256": row.sha256, "kind": row.kind, "system_id": system.id},
            )
            public = DocumentPublic.model_validate(row)
            public.size = len(content)
            stored.append(public)
        return stored


def content(db: Database, actor: Actor, document_id: int) -> tuple[DocumentPublic, bytes]:
    with db.read() as session:
        row = session.get(StoredDocument, document_id)
        system = session.get(AISystem, row.system_id) if row and row.system_id else None
        # Read where the assessment they are built from is read: the risk-assessment document
        # says what GET /assessments/{id} says, so ``system.read`` alone is not enough.
        if row is None or not actor.may(
            "assessment.read",
            org_id=row.org_id,
            vendor_org_id=system.vendor_org_id if system else None,
        ):
            raise not_found("document", document_id)
        public = DocumentPublic.model_validate(row)
        public.size = len(row.content)
        return public, row.content


def list_for_system(db: Database, actor: Actor, system_id: int) -> list[DocumentPublic]:
    with db.read() as session:
        systems.load(session, actor, system_id, "assessment.read")
        rows = session.scalars(
            select(StoredDocument)
            .where(StoredDocument.system_id == system_id)
            .order_by(StoredDocument.id.desc())
            .limit(200)
        )
        out = []
        for row in rows:
            public = DocumentPublic.model_validate(row)
            public.size = len(row.content)
            out.append(public)
        return out
