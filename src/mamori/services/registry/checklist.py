"""Progress on each procurement checkpoint and contract item of a system, with evidence files."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mamori.content import loader
from mamori.db.models import AISystem, ChecklistProgress, EvidenceFile
from mamori.db.types import now
from mamori.errors import Problem, RequestInvalidError
from mamori.i18n import Lang
from mamori.services.registry import assessments, systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import (
    Database,
    Public,
    check_version,
    not_found,
    record,
    state_of,
)
from mamori.vocabulary import ChecklistStatus

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


class ChecklistUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(
        ge=0, description="The version this change is based on; 0 for an item never updated yet"
    )
    status: ChecklistStatus | None = None
    note: str | None = Field(default=None, max_length=20000)


class EvidenceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    filename: str = Field(min_length=1, max_length=255)
    media_type: str = Field(default="application/octet-stream", max_length=100)
    content_base64: str = Field(description="The file's bytes, base64-encoded (at most 10 MB)")


class EvidencePublic(Public):
    id: int
    filename: str
    media_type: str
    sha256: str
    size: int
    uploaded_by: int | None
    uploaded_at: dt.datetime


class ChecklistItem(BaseModel):
    checkpoint_id: str
    number: int | None
    kind: str
    """``procurement`` (a checkpoint of the Procurement Check Sheet) or ``contract``."""
    title: str
    included: bool | None
    """Whether the latest assessment includes it (None: the system has no assessment yet)."""
    status: str
    note: str
    version: int
    updated_at: dt.datetime | None
    evidence: list[EvidencePublic]


def _known_items(
    db: Database, session: Session, system: AISystem, lang: Lang
) -> dict[str, tuple[int | None, str, str, bool | None]]:
    """Every checkpoint id of the pack of the latest assessment (or the default pack)."""
    latest = assessments.latest(session, system.id)
    if latest is not None:
        result = latest.result.get(lang, latest.result.get("ja", {}))
        items = {}
        for kind, key in (
            ("procurement", "procurement_checkpoints"),
            ("contract", "contract_items"),
        ):
            for entry in result.get(key, []):
                items[entry["id"]] = (entry["number"], kind, entry["title"], entry["included"])
        return items
    pack = loader.load(
        system.project.get("pack") or db.settings.default_pack, db.settings.packs
    ).pack
    found: dict[str, tuple[int | None, str, str, bool | None]] = {}
    for checkpoint in pack.checkpoints:
        found[checkpoint.id] = (checkpoint.number, "procurement", checkpoint.title(lang), None)
    for item in pack.contract_items:
        found[item.id] = (item.number, "contract", item.title(lang), None)
    return found


def _evidence(session: Session, progress_id: int) -> list[EvidencePublic]:
    rows = session.scalars(
        select(EvidenceFile)
        .where(EvidenceFile.progress_id == progress_id)
        .order_by(EvidenceFile.id)
    )
    return [EvidencePublic.model_validate(row) for row in rows]


def get(db: Database, actor: Actor, system_id: int, lang: Lang = "ja") -> list[ChecklistItem]:
    with db.read() as session:
        system = systems.load(session, actor, system_id, "checklist.read")
        known = _known_items(db, session, system, lang)
        progress = {
            row.checkpoint_id: row
            for row in session.scalars(
                select(ChecklistProgress).where(ChecklistProgress.system_id == system.id)
            )
        }
        items = []
        for checkpoint_id, (number, kind, title, included) in known.items():
            row = progress.get(checkpoint_id)
            items.append(
                ChecklistItem(
                    checkpoint_id=checkpoint_id,
                    number=number,
                    kind=kind,
                    title=title,
                    included=included,
                    status=row.status if row else "not_started",
                    note=row.note if row else "",
                    version=row.version if row else 0,
                    updated_at=row.updated_at if row else None,
                    evidence=_evidence(session, row.id) if row else [],
                )
            )
        return items


def _progress(
    db: Database, session: Session, actor: Actor, system_id: int, checkpoint_id: str
) -> tuple[AISystem, ChecklistProgress | None]:
    system = systems.load(session, actor, system_id, "checklist.update")
    if checkpoint_id not in _known_items(db, session, system, "ja"):
        raise not_found("checkpoint", checkpoint_id)
    row = session.scalar(
        select(ChecklistProgress).where(
            ChecklistProgress.system_id == system.id,
            ChecklistProgress.checkpoint_id == checkpoint_id,
        )
    )
    return system, row


def update(
    db: Database,
    actor: Actor,
    system_id: int,
    checkpoint_id: str,
    data: ChecklistUpdate,
    lang: Lang = "ja",
) -> ChecklistItem:
    with db.write() as session:
        system, row = _progress(db, session, actor, system_id, checkpoint_id)
        check_version("checklist_item", system.id, row.version if row else 0, data.version)
        if row is None:
            row = ChecklistProgress(system_id=system.id, checkpoint_id=checkpoint_id, version=0)
            session.add(row)
        if data.status is not None:
            row.status = data.status
        if data.note is not None:
            row.note = data.note
        row.version += 1
        row.updated_by = actor.person_id
        row.updated_at = now()
        session.flush()
        record(
            session,
            actor,
            "checklist.update",
            "checklist",
            f"{system.id}:{checkpoint_id}",
            org_id=system.org_id,
            state=state_of(row),
            detail={"status": row.status},
        )
    return next(i for i in get(db, actor, system_id, lang) if i.checkpoint_id == checkpoint_id)


def add_evidence(
    db: Database, actor: Actor, system_id: int, checkpoint_id: str, data: EvidenceCreate
) -> EvidencePublic:
    try:
        content = base64.b64decode(data.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise RequestInvalidError(
            problems=[Problem("content_base64", "problem.request_value", {"detail": "base64"})]
        ) from None
    if len(content) > MAX_EVIDENCE_BYTES:
        raise RequestInvalidError(
            problems=[Problem("content_base64", "problem.request_value", {"detail": "≤ 10 MB"})]
        )
    with db.write() as session:
        system, row = _progress(db, session, actor, system_id, checkpoint_id)
        if row is None:
            row = ChecklistProgress(
                system_id=system.id,
                checkpoint_id=checkpoint_id,
                version=1,
                updated_by=actor.person_id,
            )
            session.add(row)
            session.flush()
        evidence = EvidenceFile(
            progress_id=row.id,
            filename=data.filename,
            media_type=data.media_type,
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            content=content,
            uploaded_by=actor.person_id,
        )
        session.add(evidence)
        session.flush()
        record(
            session,
            actor,
            "checklist.evidence",
            "checklist",
            f"{system.id}:{checkpoint_id}",
            org_id=system.org_id,
            state={k: v for k, v in state_of(evidence).items() if k != "content"}
            | {"sha256": evidence.sha256},
        )
        return EvidencePublic.model_validate(evidence)
