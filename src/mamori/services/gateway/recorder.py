"""The gateway's audit: every exchange becomes one row and one link of the audit chain, committed
before the answer is released. Requests that arrive together share one commit (group commit).

A single writer thread owns the database session: requests hand their record over and await a
future; the thread writes whatever has queued up in one transaction, commits, and resolves every
future. A failed commit fails every waiting request, so the gateway can refuse (fail closed).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
import queue
import sqlite3
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Dialect, bindparam, func, insert, select, update
from sqlalchemy.exc import OperationalError

from mamori.audit import chain
from mamori.db.models import Exchange, Organization, RiskCase
from mamori.db.prepared import Prepared
from mamori.db.types import now
from mamori.i18n import t
from mamori.services.registry.common import Database, top_of

log = logging.getLogger("mamori.gateway")

AUDIT_ACTOR = "gateway"
MAX_BATCH = 512
CHECKPOINT_INTERVAL_S = 1.0
WRITE_TIMEOUT_S = 30.0
"""How long a request waits for its record to be taken into a commit, and then for that commit."""
WITHHELD_REASON = "audit_timeout"


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


def withheld(record: ExchangeRecord) -> ExchangeRecord:
    """``record`` as it must be written once its requester was answered 503 because the wait for
    the audit ran out: the answer was not released (a refusal stays a refusal)."""
    return replace(
        record,
        decision=record.decision if record.decision == "block" else "error",
        status=503,
        reasons=[*record.reasons, WITHHELD_REASON],
    )


@dataclass(eq=False)
class _Pending:
    """A record handed to the writer thread, and whether the thread has taken it into a commit
    or its requester, tired of waiting, has withdrawn it (then it is written as withheld)."""

    record: ExchangeRecord
    loop: asyncio.AbstractEventLoop
    done: asyncio.Future[None]
    taken: bool = False
    withdrawn: bool = False


@dataclass(frozen=True)
class RiskRule:
    window: dt.timedelta = dt.timedelta(hours=24)
    injection_repeats: int = 3


_STOP = object()


class _Busy(Exception):  # noqa: N818 - a signal to fall back, not an error
    """The database is being written by someone else (an inline commit does not wait)."""


class Recorder:
    def __init__(
        self, db: Database, risk_rule: RiskRule | None = None, *, withdraw_late: bool = True
    ) -> None:
        """``withdraw_late``: when a wait runs out while the record is still queued, the record is
        written later as withheld (503, ``audit_timeout``) — right when the caller then refuses
        the request; a gateway configured to answer anyway passes False."""
        self.db = db
        self.withdraw_late = withdraw_late
        self.risk_rule = risk_rule or RiskRule()
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="mamori-audit-writer", daemon=True)
        self._ministry: dict[int, int] = {}
        self._open: Connection | None = None
        self._inline: Connection | None = None
        self._inline_allowed = db.engine.dialect.name == "sqlite"
        self._idle = threading.Lock()
        """Held while a commit runs (the thread's or an inline one), so they take turns."""
        self._claims = threading.Lock()
        """Decides, for a record whose wait ran out, whether it is withdrawn or being committed."""
        self._stopping = threading.Event()
        self._checkpointer = threading.Thread(
            target=self._checkpoints, name="mamori-audit-checkpoint", daemon=True
        )
        self._prepared: _ExchangeStatements | None = None
        self.commits = 0
        self.records = 0

    def start(self) -> None:
        self._thread.start()
        if self.db.engine.dialect.name == "sqlite":
            self._checkpointer.start()

    def stop(self) -> None:
        self._queue.put(_STOP)
        self._thread.join(timeout=30)
        self._stopping.set()
        if self._checkpointer.is_alive():
            self._checkpointer.join(timeout=30)

    async def write(self, record: ExchangeRecord) -> None:
        """Return once the record is committed; raise if it could not be. A record whose wait runs
        out may be withdrawn (see ``withdraw_late``), but never a stream's closing record: the
        answer has gone out by then, whatever happens to the record.

        On SQLite, when nothing else is being written, the record is committed right here: a
        quarter of a millisecond, where waking the writer thread costs more. That attempt never
        waits for a lock (busy timeout 0): if another writer holds the database, the record goes
        to the writer thread, so the event loop is never stalled. Network databases always use
        the thread."""
        if self._inline_allowed and self._idle.acquire(blocking=False):
            try:
                self._commit_inline(record)
                return
            except _Busy:
                pass  # someone else is writing: hand it to the thread, which may wait
            finally:
                self._idle.release()
        withdraw = self.withdraw_late and not record.completes
        loop = asyncio.get_running_loop()
        pending = _Pending(record, loop, loop.create_future())
        # Nobody may be waiting when the commit ends (a withdrawn or cancelled wait): its outcome
        # is read here, so asyncio never logs the exception, whose text can quote the record.
        pending.done.add_done_callback(functools.partial(_late_outcome, pending))
        self._queue.put(pending)
        try:
            await asyncio.wait_for(asyncio.shield(pending.done), WRITE_TIMEOUT_S)
            return
        except TimeoutError:
            with self._claims:  # decided once: the thread may take it right after
                taken = pending.taken
                pending.withdrawn = withdraw and not taken
        if not taken:
            # Still queued: the requester is refused (503), and the record will say so when the
            # thread gets to it, instead of claiming an answer that was never released.
            raise TimeoutError("the audit writer did not take the record in time")
        # Being committed: its outcome decides. A commit that hangs beyond this too fails the
        # request while the record may still land as written (logged by the gateway).
        await asyncio.wait_for(pending.done, WRITE_TIMEOUT_S)

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
            with self._claims:
                records = []
                for pending in batch:
                    pending.taken = True
                    records.append(
                        withheld(pending.record) if pending.withdrawn else pending.record
                    )
            error: BaseException | None = None
            try:
                with self._idle:
                    self._commit(records)
            except BaseException as failure:  # the database is down or refused: fail them all
                error = failure
            for pending in batch:
                pending.loop.call_soon_threadsafe(_settle, pending.done, error)

    def _statements(self, connection: Connection) -> _ExchangeStatements:
        if self._prepared is None:
            self._prepared = _ExchangeStatements(connection.dialect)
        return self._prepared

    def _connection(self) -> Connection:
        """The writer's own connection, kept open: checking one out of the pool for every commit
        costs more than the commit itself. A broken one is dropped and opened again next time."""
        if self._open is None or self._open.closed or self._open.invalidated:
            self._open = self.db.engine.execution_options(mamori_write=True).connect()
            if self._open.dialect.name == "sqlite":
                # A WAL checkpoint inside a commit takes milliseconds; the checkpointer thread
                # does it beside the writer instead.
                self._open.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
                self._open.commit()
        return self._open

    def inline_connection(self) -> Connection:
        """The connection of inline commits (SQLite, the event loop's thread). The gateway reads
        keys on it too: its own commits then leave ``PRAGMA data_version`` as it was, so a key
        lookup can tell from that one number whether anybody else has written since."""
        if self._inline is None or self._inline.closed or self._inline.invalidated:
            connection = self.db.engine.execution_options(mamori_write=True).connect()
            # On the driver, which is in autocommit: through SQLAlchemy these would begin a
            # transaction, i.e. BEGIN IMMEDIATE, which may wait for another writer — on the loop.
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute("PRAGMA busy_timeout=0")
            driver.execute("PRAGMA wal_autocheckpoint=0")
            self._inline = connection
        return self._inline

    def _commit_inline(self, record: ExchangeRecord) -> None:
        connection = self.inline_connection()
        try:
            self._commit_on(connection, [record])
        except (OperationalError, sqlite3.OperationalError) as error:
            self._drop_inline(connection)
            # SQLAlchemy wraps the driver's error; the driver-level transaction raises it bare.
            reason = str(error.orig if isinstance(error, OperationalError) else error)
            if "locked" in reason or "busy" in reason:
                raise _Busy from None
            raise
        except BaseException:
            self._drop_inline(connection)
            raise

    def _drop_inline(self, connection: Connection) -> None:
        """Discard the inline connection, not back into the pool: it carries busy_timeout=0, and
        the key lookup must never meet its driver again under a new owner (see KeyLookup)."""
        self._inline = None
        connection.invalidate()
        connection.close()

    def _checkpoints(self) -> None:
        """SQLite only: move the write-ahead log into the database every second, off the hot path."""
        with self.db.engine.connect() as connection:
            while not self._stopping.wait(CHECKPOINT_INTERVAL_S):
                try:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
                    connection.commit()
                except Exception:  # a busy or broken database: the next round tries again
                    connection.rollback()

    def _commit(self, records: list[ExchangeRecord]) -> None:
        connection = self._connection()
        try:
            self._commit_on(connection, records)
        except BaseException:
            self._open = None
            connection.invalidate()  # not back into the pool: it carries the writer's pragmas
            connection.close()
            raise

    def _commit_on(self, connection: Connection, records: list[ExchangeRecord]) -> None:
        if connection.dialect.name == "sqlite" and all(
            not record.risk_kind and (record.org_id is None or record.org_id in self._ministry)
            for record in records
        ):
            # Every statement of these records is prepared and runs on the driver's cursor, so
            # the transaction can be the driver's too: SQLAlchemy's begin and commit (events,
            # an executed BEGIN IMMEDIATE) cost more than the SQLite work itself.
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute("BEGIN IMMEDIATE")
            try:
                self._write(connection, records)
                driver.commit()
            except BaseException:
                driver.rollback()
                raise
        else:  # a risk case or a new ministry: ORM-free still, but through SQLAlchemy's Core
            with connection.begin():
                self._write(connection, records)
        self.commits += 1

    def _write(self, connection: Connection, records: list[ExchangeRecord]) -> None:
        """Link and insert ``records`` inside the caller's transaction."""
        statements = self._statements(connection)
        links = chain.Batch(connection)
        inserts: list[dict[str, Any]] = []
        for record in records:
            if record.completes and self._already_completed(connection, record, statements):
                continue  # a retry of a record a timed-out wait had already handed over
            fields = {name: getattr(record, name) for name in EXCHANGE_FIELDS}
            ministry = self._ministry_of(connection, record.org_id)
            seq = links.append(
                actor=AUDIT_ACTOR,
                action="gateway.exchange.completed" if record.completes else "gateway.exchange",
                object_type="exchange",
                object_id=record.request_id,
                org_id=ministry,
                state=fields,
                detail={
                    "decision": record.decision,
                    "system_id": record.system_id,
                    "status": record.status,
                },
            )
            if record.completes:
                changed = {f"p_{k}": v for k, v in fields.items() if k not in _KEPT_FROM_OPENING}
                statements.complete.execute(
                    connection, {**changed, "p_audit_seq": seq, "p_request": record.request_id}
                )
            else:
                inserts.append({**{f"p_{k}": v for k, v in fields.items()}, "p_audit_seq": seq})
            if record.risk_kind and record.person_id is not None and record.system_id is not None:
                if inserts:  # the count of earlier attempts must see this one
                    statements.insert.execute_many(connection, inserts)
                    inserts = []
                self._risk_case(connection, links, record, ministry)
            self.records += 1
        statements.insert.execute_many(connection, inserts)
        links.flush()

    @staticmethod
    def _already_completed(
        connection: Connection, record: ExchangeRecord, statements: _ExchangeStatements
    ) -> bool:
        """Whether the exchange was completed already: a closing record always carries the
        answer's hash, an opening one never does. Completing twice would add a second link."""
        cursor = statements.answer_hash.execute(connection, {"p_request": record.request_id})
        row = cursor.fetchone()
        cursor.close()
        return row is not None and bool(row[0])

    def _ministry_of(self, connection: Connection, org_id: int | None) -> int | None:
        if org_id is None:
            return None
        if org_id not in self._ministry:
            path = connection.scalar(select(Organization.path).where(Organization.id == org_id))
            self._ministry[org_id] = top_of(path) if path else org_id
        return self._ministry[org_id]

    def _risk_case(
        self,
        connection: Connection,
        links: chain.Batch,
        record: ExchangeRecord,
        ministry: int | None,
    ) -> None:
        signal = RISK_SIGNALS[record.risk_kind or ""]
        since = record.at - self.risk_rule.window
        if signal.kind == "injection":
            attempts = (
                connection.scalar(
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
        existing = connection.execute(
            select(RiskCase.id)
            .where(
                RiskCase.dedup_key == key, RiskCase.state != "closed", RiskCase.reported_at >= since
            )
            .order_by(RiskCase.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if existing is not None:
            connection.execute(
                update(RiskCase)
                .where(RiskCase.id == existing)
                .values(
                    occurrences=RiskCase.occurrences + 1,
                    version=RiskCase.version + 1,
                    updated_at=now(),
                )
            )
            case_id, action = existing, "risk_case.recur"
        else:
            case_id = connection.execute(
                insert(RiskCase)
                .values(
                    system_id=record.system_id,
                    org_id=record.org_id,
                    category=signal.category,
                    severity=signal.severity,
                    state="reported",
                    source="gateway",
                    title=t(f"gateway.risk.title.{signal.kind}", "ja"),
                    what_happened=t("gateway.risk.what", "ja", request=record.request_id),
                    impact="",
                    personal_data_involved=signal.kind in ("my_number", "abroad"),
                    countermeasure="",
                    root_cause="",
                    recurrence_prevention="",
                    dedup_key=key,
                    occurrences=1,
                    # The person is the case's subject, not its reporter: ``user`` may read the
                    # cases they reported, not the ones the CAIO holds about them.
                    reported_by=None,
                    reported_at=now(),
                    updated_at=now(),
                    version=1,
                )
                .returning(RiskCase.id)
            ).scalar_one()
            action = "risk_case.report"
        state = connection.execute(select(RiskCase).where(RiskCase.id == case_id)).mappings().one()
        links.append(
            actor=AUDIT_ACTOR,
            action=action,
            object_type="risk_case",
            object_id=case_id,
            org_id=ministry,
            state=dict(state),
            detail={"kind": signal.kind, "request": record.request_id},
        )


EXCHANGE_FIELDS = (
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
_KEPT_FROM_OPENING = frozenset({"request_id", "at"})


class _ExchangeStatements:
    def __init__(self, dialect: Dialect) -> None:
        columns = (*EXCHANGE_FIELDS, "audit_seq")
        self.insert = Prepared(
            insert(Exchange).values({c: bindparam(f"p_{c}") for c in columns}), dialect
        )
        changed = [c for c in columns if c not in _KEPT_FROM_OPENING]
        self.complete = Prepared(
            update(Exchange)
            .where(Exchange.request_id == bindparam("p_request"))
            .values({c: bindparam(f"p_{c}") for c in changed}),
            dialect,
        )
        self.answer_hash = Prepared(
            select(Exchange.answer_sha256).where(Exchange.request_id == bindparam("p_request")),
            dialect,
        )


def _late_outcome(pending: _Pending, done: asyncio.Future[None]) -> None:
    if done.cancelled():
        return
    error = done.exception()  # read, so that an unawaited failure is not logged with its text
    if error is not None and pending.withdrawn:
        log.error(
            json.dumps(
                {
                    "event": "withheld_record_lost",
                    "request_id": pending.record.request_id,
                    "error": type(error).__name__,
                }
            )
        )


def _settle(done: asyncio.Future[None], error: BaseException | None) -> None:
    if done.done():
        return
    if error is None:
        done.set_result(None)
    else:
        done.set_exception(error)
