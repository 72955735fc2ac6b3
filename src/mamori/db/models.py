"""The registry's tables (SQLAlchemy 2). Mutable rows carry ``version`` for optimistic concurrency.

JSON columns hold what the engines produce or read (the project description, the assessment
result, a consultation brief); the columns beside them hold what lists are filtered and sorted by.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mamori import vocabulary as v
from mamori.db.types import UTCDateTime, now

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


def _one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    quoted = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or column)


class Organization(Base):
    __tablename__ = "organizations"
    __table_args__ = (_one_of("kind", v.ORG_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    path: Mapped[str] = mapped_column(String(400), index=True)
    """``/1/5/9/``: the ids from the top organisation down to this one, for subtree queries."""
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    version: Mapped[int] = mapped_column(default=1)


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=now)


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("person_id", "org_id", "role", name="person_org_role"),
        _one_of("role", v.ROLES),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    role: Mapped[str] = mapped_column(String(16))


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    """The first characters of the token, to tell tokens apart without storing them."""
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class AISystem(Base):
    __tablename__ = "systems"
    __table_args__ = (
        _one_of("lifecycle", v.LIFECYCLE),
        Index("ix_systems_org_lifecycle", "org_id", "lifecycle"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    vendor_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    lifecycle: Mapped[str] = mapped_column(String(16), default="planning")
    project: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The project description, exactly the fields of ``mamori assess`` (validated on write)."""
    models: Mapped[list[Any]] = mapped_column(JSON, default=list)
    contacts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    publishable: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now)
    version: Mapped[int] = mapped_column(default=1)


class Assessment(Base):
    """Immutable: the engine's result under one pack. The CAIO's decision is a row of its own."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("systems.id"), index=True)
    pack: Mapped[str] = mapped_column(String(64))
    pack_hash: Mapped[str] = mapped_column(String(80))
    project_hash: Mapped[str] = mapped_column(String(64))
    possibly_high_risk: Mapped[bool] = mapped_column(Boolean)
    consult_advisory_board: Mapped[bool] = mapped_column(Boolean)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=now)


class AssessmentDecision(Base):
    __tablename__ = "assessment_decisions"
    __table_args__ = (_one_of("decision", v.CAIO_DECISIONS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    rationale: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    decided_at: Mapped[dt.datetime] = mapped_column(default=now)


class ChecklistProgress(Base):
    __tablename__ = "checklist_progress"
    __table_args__ = (
        UniqueConstraint("system_id", "checkpoint_id", name="system_checkpoint"),
        _one_of("status", v.CHECKLIST_STATUSES),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("systems.id"), index=True)
    checkpoint_id: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=now)
    version: Mapped[int] = mapped_column(default=1)


class EvidenceFile(Base):
    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    progress_id: Mapped[int] = mapped_column(ForeignKey("checklist_progress.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(default=now)


class StoredDocument(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int | None] = mapped_column(ForeignKey("systems.id"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    kind: Mapped[str] = mapped_column(String(64))
    lang: Mapped[str] = mapped_column(String(2))
    format: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=now)


class UserRuleVersion(Base):
    """A users' rule of a ministry (``system_id`` empty) or of one system; each edit is a new row."""

    __tablename__ = "user_rules"
    __table_args__ = (
        UniqueConstraint("org_id", "system_id", "number", name="rule_number"),
        _one_of("status", v.RULE_STATUSES),
        # One published rule per system at a time: the gateway checks acknowledgements against it.
        Index(
            "uq_user_rules_published_system",
            "system_id",
            unique=True,
            sqlite_where=text("status = 'published'"),
            postgresql_where=text("status = 'published'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    system_id: Mapped[int | None] = mapped_column(ForeignKey("systems.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    lang: Mapped[str] = mapped_column(String(2), default="ja")
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    published_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    version: Mapped[int] = mapped_column(default=1)


class Acknowledgement(Base):
    __tablename__ = "acknowledgements"
    __table_args__ = (UniqueConstraint("rule_id", "person_id", name="rule_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("user_rules.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    acknowledged_at: Mapped[dt.datetime] = mapped_column(default=now)


class RiskCase(Base):
    __tablename__ = "risk_cases"
    __table_args__ = (
        _one_of("state", v.RISK_CASE_STATES),
        _one_of("severity", v.SEVERITIES),
        _one_of("source", v.RISK_CASE_SOURCES),
        Index("ix_risk_cases_org_state", "org_id", "state"),
        Index("ix_risk_cases_org_reported", "org_id", "reported_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("systems.id"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    """The system's organisation when reported (lists are filtered by it without a join)."""
    category: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="reported")
    source: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    what_happened: Mapped[str] = mapped_column(Text)
    impact: Mapped[str] = mapped_column(Text, default="")
    personal_data_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    countermeasure: Mapped[str] = mapped_column(Text, default="")
    root_cause: Mapped[str] = mapped_column(Text, default="")
    recurrence_prevention: Mapped[str] = mapped_column(Text, default="")
    dedup_key: Mapped[str | None] = mapped_column(String(200), index=True)
    """Set by automatic reporters (the gateway): one open case per person, system and kind."""
    occurrences: Mapped[int] = mapped_column(default=1)
    reported_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    reported_at: Mapped[dt.datetime] = mapped_column(default=now)
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now)
    version: Mapped[int] = mapped_column(default=1)


class RiskCaseTransition(Base):
    __tablename__ = "risk_case_transitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("risk_cases.id"), index=True)
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(default=now)


class Consultation(Base):
    """An Advisory Board consultation on a possibly high-risk project."""

    __tablename__ = "consultations"
    __table_args__ = (_one_of("status", v.CONSULTATION_STATUSES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("systems.id"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"))
    status: Mapped[str] = mapped_column(String(16), default="requested")
    brief: Mapped[dict[str, Any]] = mapped_column(JSON)
    advice: Mapped[str] = mapped_column(Text, default="")
    advised_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    advised_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    version: Mapped[int] = mapped_column(default=1)


class AuditEvent(Base):
    """One link of the hash chain. Rows are only ever inserted (see mamori.audit)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_object", "object_type", "object_id"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    org_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """The ministry-level organisation the object belongs to, so a CAIO reads only their own."""
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    state_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the last link. Locking it serialises writers, so the chain never forks."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64))


class GatewayKey(Base):
    """A gateway key: one person using one AI system. Only its hash is stored."""

    __tablename__ = "gateway_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    system_id: Mapped[int] = mapped_column(ForeignKey("systems.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class Exchange(Base):
    """One request through the gateway (allowed, redacted, blocked or failed) and its outcome.

    Text is kept only as the system's retention setting says; the hashes always are. The row's
    state hash is linked into the audit chain by the event that ``audit_seq`` names."""

    __tablename__ = "gateway_exchanges"
    __table_args__ = (
        Index("ix_gateway_exchanges_system_at", "system_id", "at"),
        Index("ix_gateway_exchanges_risk", "person_id", "system_id", "risk_kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[str] = mapped_column(String(40), unique=True)
    # Not indexed: the chain reaches an exchange by its request id (the event's object id), and
    # every index costs a page write in each of the gateway's commits.
    audit_seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column()
    key_id: Mapped[int | None] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(Integer)  # leads ix_gateway_exchanges_risk
    system_id: Mapped[int | None] = mapped_column(Integer)
    endpoint: Mapped[str] = mapped_column(String(40))
    upstream: Mapped[str] = mapped_column(String(100), default="")
    model: Mapped[str] = mapped_column(String(200), default="")
    decision: Mapped[str] = mapped_column(String(16))
    """``allow``, ``flag``, ``redact``, ``block`` or ``error``."""
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    findings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    """``[{"where": "input"|"output", "type", "start", "end", "action"}]`` — offsets, never text."""
    status: Mapped[int] = mapped_column(Integer)
    stream: Mapped[bool] = mapped_column(Boolean, default=False)
    prompt_sha256: Mapped[str] = mapped_column(String(64), default="")
    answer_sha256: Mapped[str] = mapped_column(String(64), default="")
    prompt_text: Mapped[str | None] = mapped_column(Text, default=None)
    answer_text: Mapped[str | None] = mapped_column(Text, default=None)
    retention: Mapped[str] = mapped_column(String(16), default="none")
    risk_kind: Mapped[str | None] = mapped_column(String(32), default=None)
    """A serious blocked attempt (``marking``, ``my_number``, ``abroad``, ``injection``)."""
    prompt_tokens: Mapped[int | None] = mapped_column(Integer, default=None)
    completion_tokens: Mapped[int | None] = mapped_column(Integer, default=None)
    screening_ms: Mapped[float] = mapped_column(default=0.0)
    upstream_ms: Mapped[float] = mapped_column(default=0.0)
    total_ms: Mapped[float] = mapped_column(default=0.0)
