"""The gateway's audit: every exchange becomes one row and one link of the audit chain, committed
before the answer is released. Requests that arrive together share one commit (group commit).

A single writer thread owns the database session: requests hand their record over and await a
future; the thread writes whatever has queued up in one transaction, commits, and resolves every
future. A failed commit fails every waiting request, so the gateway can refuse (fail closed).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import queue
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from mamori.audit import chain
from mamori.db.models import Exchange, Organization, RiskCase
from mamori.db.types import now
from mamori.i18n import t
from mamori.services.registry.common import Database, state_of

AUDIT_ACTOR = "gateway"
MAX_BATCH = 512


@dataclass(frozen=True)
class RiskSignal:
    """A blocked attempt serious enough for the CAIO: one case per person, system and kind."""

    kind: str
    """``marking``, ``my_number``, ``abroad`` or ``injection``."""
    category: str
    severity: str


RISK_SIGNALS: dict[str, RiskSignal] = {
    "marking": RiskSignal("marking", "security", "high"),
    "my_number": RiskSignal("my_number", "privacy", "high"),
    "abroad": RiskSignal("abroad", "privacy", "high"),
    "injection": RiskSignal("injection", "security", "medium"),
}


@dataclass
class ExchangeRecord:
    request_id: str
    endpoint: str
    decision: str
    status: int
    at: dt.datetime = field(default_factory=now)
    key_id: int | None = None
    person_id: int | None = None
    system_id: int | None = None
    org_id: int | None = None
    upstream: str = ""
    model: str = ""
    reasons: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    stream: bool = False
    prompt_sha256: str = ""
    answer_sha256: str = ""
    prompt_text: str | None = None
    answer_text: str | None = None
    retention: str = "none"
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    screening_ms: float = 0.0
    upstream_ms: float = 0.0
    total_ms: float = 0.0
    risk_kind: str | None = None
    completes: bool = False
    """This record finishes a streamed exchange recorded when its stream began."""


@dataclass(frozen=True)
class RiskRule:
    window: dt.timedelta = dt.timedelta(hours=24)
    injection_repeats: int = 3


_STOP = object()


class Recorder:
    def __init__(self, db: Database, risk_rule: RiskRule | None = None) -> None:
        self.db = db
        self.risk_rule = risk_rule or RiskRule()
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="mamori-audit-writer", daemon=True)
        self._ministry: dict[int, int] = {}
        self.commits = 0
        self.records = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._queue.put(_STOP)
        self._thread.join(timeout=30)

    async def write(self, record: ExchangeRecord) -> None:
        """Return once the record is committed; raise if it could not be."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._queue.put((record, loop, done))
        await done

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is _STOP:
                return
            batch = [first]
            while len(batch) < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is _STOP:
                    self._queue.put(_STOP)
                    break
                batch.append(item)
            error: BaseException | None = None
            try:
                self._commit([record for record, _, _ in batch])
            except BaseException as failure:  # the database is down or refused: fail them all
                error = failure
            for _, loop, done in batch:
                loop.call_soon_threadsafe(_settle, done, error)

    def _commit(self, records: Iterable[ExchangeRecord]) -> None:
        with self.db.write() as session:
            for record in records:
                self._write_one(session, record)
        self.commits += 1

    def _ministry_of(self, session: Session, org_id: int | None) -> int | None:
        if org_id is None:
            return None
        if org_id not in self._ministry:
            path = session.scalar(select(Organization.path).where(Organization.id == org_id))
            self._ministry[org_id] = int(path.strip("/").split("/")[0]) if path else org_id
        return self._ministry[org_id]

    def _write_one(self, session: Session, record: ExchangeRecord) -> None:
        fields = {
            key: getattr(record, key)
            for key in (
                "request_id",
                "at",
                "key_id",
                "person_id",
                "system_id",
                "endpoint",
                "upstream",
                "model",
                "decision",
                "reasons",
                "findings",
                "status",
                "stream",
                "prompt_sha256",
                "answer_sha256",
                "prompt_text",
                "answer_text",
                "retention",
                "prompt_tokens",
                "completion_tokens",
                "screening_ms",
                "upstream_ms",
                "total_ms",
                "risk_kind",
            )
        }
        if record.completes:
            row = session.scalar(select(Exchange).where(Exchange.request_id == record.request_id))
            if row is None:
                row = Exchange(**fields, audit_seq=0)
                session.add(row)
            else:
                for key, value in fields.items():
                    if key not in ("request_id", "at", "prompt_sha256", "prompt_text") or value:
                        setattr(row, key, value)
        else:
            row = Exchange(**fields, audit_seq=0)
            session.add(row)
        session.flush()
        ministry = self._ministry_of(session, record.org_id)
        state = {k: v for k, v in state_of(row).items() if k != "audit_seq"}
        event = chain.append(
            session,
            actor=AUDIT_ACTOR,
            action="gateway.exchange.completed" if record.completes else "gateway.exchange",
            object_type="exchange",
            object_id=record.request_id,
            org_id=ministry,
            state=state,
            detail={
                "decision": record.decision,
                "system_id": record.system_id,
                "status": record.status,
            },
        )
        row.audit_seq = event.seq
        self.records += 1
        if record.risk_kind and record.person_id is not None and record.system_id is not None:
            self._risk_case(session, record, ministry)

    def _risk_case(self, session: Session, record: ExchangeRecord, ministry: int | None) -> None:
        signal = RISK_SIGNALS[record.risk_kind or ""]
        since = record.at - self.risk_rule.window
        if signal.kind == "injection":
            attempts = (
                session.scalar(
                    select(func.count())
                    .select_from(Exchange)
                    .where(
                        Exchange.person_id == record.person_id,
                        Exchange.system_id == record.system_id,
                        Exchange.risk_kind == "injection",
                        Exchange.at >= since,
                    )
                )
                or 0
            )
            if attempts < self.risk_rule.injection_repeats:
                return
        key = f"gateway:{record.person_id}:{record.system_id}:{signal.kind}"
        case = session.scalar(
            select(RiskCase)
            .where(
                RiskCase.dedup_key == key, RiskCase.state != "closed", RiskCase.reported_at >= since
            )
            .order_by(RiskCase.id.desc())
            .limit(1)
        )
        if case is not None:
            session.execute(
                update(RiskCase)
                .where(RiskCase.id == case.id)
                .values(
                    occurrences=RiskCase.occurrences + 1,
                    version=RiskCase.version + 1,
                    updated_at=now(),
                )
            )
            session.refresh(case)
            action = "risk_case.recur"
        else:
            case = RiskCase(
                system_id=record.system_id,
                org_id=record.org_id,
                category=signal.category,
                severity=signal.severity,
                source="gateway",
                title=t(f"gateway.risk.title.{signal.kind}", "ja"),
                what_happened=t("gateway.risk.what", "ja", request=record.request_id),
                personal_data_involved=signal.kind in ("my_number", "abroad"),
                dedup_key=key,
                reported_by=record.person_id,
            )
            session.add(case)
            session.flush()
            action = "risk_case.report"
        chain.append(
            session,
            actor=AUDIT_ACTOR,
            action=action,
            object_type="risk_case",
            object_id=case.id,
            org_id=ministry,
            state=state_of(case),
            detail={"kind": signal.kind, "request": record.request_id},
        )


def _settle(done: asyncio.Future[None], error: BaseException | None) -> None:
    if done.done():
        return
    if error is None:
        done.set_result(None)
    else:
        done.set_exception(error)
