"""Append to the chain inside the caller's transaction, and verify the whole chain.

Each event's hash covers the previous event's hash and every field of the event, including the
hash of the object's new state. Editing a row breaks its own hash; deleting or reordering rows
breaks the sequence or the link to the previous hash; deleting the newest rows is caught by the
head row, which is updated in the same transaction as every append.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, bindparam, insert, select, update
from sqlalchemy.orm import Session

from mamori.db.models import AuditEvent, AuditHead
from mamori.db.prepared import Prepared
from mamori.db.types import now

GENESIS = "0" * 64
HEAD_ID = 1
VERIFY_BATCH = 2000


def canonical(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8, datetimes in ISO form."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain
    ).encode("utf-8")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    raise TypeError(f"cannot put {type(value).__name__} into the audit trail")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def _link(prev_hash: str, event: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical(event)).hexdigest()


@dataclass
class _Row:
    """An event's columns, linked without an ORM object (the batch writer inserts these directly:
    instrumented attributes cost more than hashing the event)."""

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
    hash: str = ""


def _fields(event: AuditEvent | _Row) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": event.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": event.actor,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "org_id": event.org_id,
        "detail": event.detail,
        "state_hash": event.state_hash,
    }


def _linked(
    seq: int,
    prev_hash: str,
    actor: str,
    action: str,
    object_type: str,
    object_id: object,
    org_id: int | None,
    state: Mapping[str, Any] | None,
    detail: Mapping[str, Any] | None,
) -> _Row:
    """The event after ``seq``/``prev_hash``, hashed into the chain."""
    event = _Row(
        seq=seq + 1,
        at=now(),
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        org_id=org_id,
        detail=dict(detail or {}),
        state_hash=digest(state) if state is not None else GENESIS,
        prev_hash=prev_hash,
    )
    event.hash = _link(prev_hash, _fields(event))
    return event


def ensure_head(session: Session) -> None:
    """Create the head row of an empty chain (migrations do this; tests that create tables directly call it)."""
    if session.get(AuditHead, HEAD_ID) is None:
        session.add(AuditHead(id=HEAD_ID, seq=0, hash=GENESIS))
        session.flush()


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    object_type: str,
    object_id: object,
    org_id: int | None,
    state: Mapping[str, Any] | None,
    detail: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Add one event after the current head, in the caller's transaction.

    ``state`` is the object's new state; only its hash is kept in the chain (the object itself
    is in its own table). ``detail`` is stored as is: never put prompt text or personal data in it.
    """
    head = session.execute(
        select(AuditHead).where(AuditHead.id == HEAD_ID).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        raise RuntimeError("the audit chain has no head row; run `mamori db upgrade`")
    event = AuditEvent(
        **asdict(
            _linked(
                head.seq, head.hash, actor, action, object_type, object_id, org_id, state, detail
            )
        )
    )
    session.add(event)
    head.seq, head.hash = event.seq, event.hash
    session.flush()
    return event


class _Statements:
    """The batch writer's three statements, compiled once per database dialect."""

    def __init__(self, dialect: Dialect) -> None:
        self.head = Prepared(
            select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == HEAD_ID).with_for_update(),
            dialect,
        )
        self.insert = Prepared(
            insert(AuditEvent).values({c: bindparam(f"p_{c}") for c in _EVENT_COLUMNS}), dialect
        )
        self.move_head = Prepared(
            update(AuditHead)
            .where(AuditHead.id == HEAD_ID)
            .values(seq=bindparam("p_seq"), hash=bindparam("p_hash")),
            dialect,
        )


_EVENT_COLUMNS = (
    "seq",
    "at",
    "actor",
    "action",
    "object_type",
    "object_id",
    "org_id",
    "detail",
    "state_hash",
    "prev_hash",
    "hash",
)
_STATEMENTS: dict[str, _Statements] = {}


class Batch:
    """Many events appended in one transaction on a Core connection (the gateway's writer):
    the head is locked once, events are linked in memory and inserted together."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        dialect = connection.dialect
        if dialect.name not in _STATEMENTS:
            _STATEMENTS[dialect.name] = _Statements(dialect)
        self.statements = _STATEMENTS[dialect.name]
        head = self.statements.head.execute(connection).fetchone()
        if head is None:
            raise RuntimeError("the audit chain has no head row; run `mamori db upgrade`")
        self.seq, self.hash = int(head[0]), str(head[1])
        self.rows: list[dict[str, Any]] = []

    def append(
        self,
        *,
        actor: str,
        action: str,
        object_type: str,
        object_id: object,
        org_id: int | None,
        state: Mapping[str, Any] | None,
        detail: Mapping[str, Any] | None = None,
    ) -> int:
        """Link one event; returns its sequence number (inserted by ``flush``)."""
        event = _linked(
            self.seq, self.hash, actor, action, object_type, object_id, org_id, state, detail
        )
        self.seq, self.hash = event.seq, event.hash
        self.rows.append({f"p_{column}": getattr(event, column) for column in _EVENT_COLUMNS})
        return event.seq

    def flush(self) -> None:
        if not self.rows:
            return
        self.statements.insert.execute_many(self.connection, self.rows)
        self.statements.move_head.execute(self.connection, {"p_seq": self.seq, "p_hash": self.hash})
        self.rows = []


@dataclass(frozen=True)
class Verification:
    events: int
    broken_at: int | None = None
    """The sequence number of the first link that does not hold (None: the chain is intact)."""
    reason: str = ""
    """``edited`` (a row's content changed), ``missing`` (a row was deleted or the order changed),
    ``relinked`` (a row points at another previous hash), ``truncated`` (newest rows deleted)."""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session, progress: Callable[[int], None] | None = None) -> Verification:
    """Walk the whole chain in order; stop at the first broken link."""
    expected_seq, prev_hash, count = 1, GENESIS, 0
    statement = (
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=VERIFY_BATCH)
    )
    for event in session.scalars(statement):
        if event.seq != expected_seq:
            return Verification(count, expected_seq, "missing")
        if event.prev_hash != prev_hash:
            return Verification(count, event.seq, "relinked")
        if _link(prev_hash, _fields(event)) != event.hash:
            return Verification(count, event.seq, "edited")
        prev_hash, expected_seq, count = event.hash, expected_seq + 1, count + 1
        if progress is not None and count % VERIFY_BATCH == 0:
            progress(count)
        session.expunge(event)
    head = session.get(AuditHead, HEAD_ID)
    if head is None or head.seq != count or head.hash != prev_hash:
        return Verification(count, count + 1, "truncated")
    return Verification(count)
