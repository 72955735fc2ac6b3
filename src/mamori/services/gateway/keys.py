"""Gateway keys: ``mmg_…``, bound to one AI system and one person, issued only after that person
acknowledged the system's published user's rule; revoked at once (every request looks its key up)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, and_, bindparam, select
from sqlalchemy.orm import Session

from mamori.db.models import Acknowledgement, AISystem, GatewayKey, Person, UserRuleVersion
from mamori.db.prepared import Prepared
from mamori.db.types import now
from mamori.errors import GatewayKeyRefusedError, Problem, RequestInvalidError
from mamori.services.registry import rules
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database, Public, not_found, record
from mamori.services.registry.identity import person_by_name

KEY_PREFIX = "mmg_"


class GatewayKeyPublic(Public):
    id: int
    prefix: str
    system_id: int
    person_id: int
    label: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class KeyHolder:
    """Who a request comes from, as its key says; looked up on every request."""

    key_id: int
    person_id: int
    person: str
    system_id: int
    system_version: int
    lifecycle: str
    org_id: int
    acknowledged: bool
    """Whether the person acknowledged the system's *currently* published rule."""
    identity: str = ""
    """A stable, unique name of the key (part of its hash) for counters shared between instances."""


def resolve_system(db: Database, reference: str) -> int:
    """A system named by its id or its exact name."""
    with db.read() as session:
        if reference.isdigit():
            found = session.get(AISystem, int(reference))
        else:
            found = session.scalar(select(AISystem).where(AISystem.name == reference))
        if found is None:
            raise not_found("system", reference)
        return found.id


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create(
    db: Database, actor: Actor, *, system_id: int, user: str, label: str = ""
) -> tuple[str, GatewayKeyPublic]:
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with db.write() as session:
        person = person_by_name(session, user)
        system = session.get(AISystem, system_id)
        if system is None:
            raise not_found("system", system_id)
        if system.lifecycle == "retired":
            raise RequestInvalidError(problems=[Problem("system", "problem.retired")])
        if not rules.has_acknowledged(session, person.id, system.id):
            raise GatewayKeyRefusedError(user=user, system=str(system_id))
        row = GatewayKey(
            key_hash=hash_key(key),
            prefix=key[:10],
            system_id=system.id,
            person_id=person.id,
            label=label,
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            "gateway_key.create",
            "gateway_key",
            row.id,
            org_id=system.org_id,
            state={
                "id": row.id,
                "prefix": row.prefix,
                "system_id": system.id,
                "person_id": person.id,
            },
        )
        return key, GatewayKeyPublic.model_validate(row)


def revoke(db: Database, actor: Actor, key_id: int) -> GatewayKeyPublic:
    with db.write() as session:
        row = session.get(GatewayKey, key_id)
        if row is None:
            raise not_found("token", key_id)
        if row.revoked_at is None:
            row.revoked_at = now()
            system = session.get(AISystem, row.system_id)
            session.flush()
            record(
                session,
                actor,
                "gateway_key.revoke",
                "gateway_key",
                row.id,
                org_id=system.org_id if system else None,
                state={"id": row.id, "revoked_at": row.revoked_at},
            )
        return GatewayKeyPublic.model_validate(row)


def list_keys(db: Database) -> list[GatewayKeyPublic]:
    with db.read() as session:
        return [
            GatewayKeyPublic.model_validate(k)
            for k in session.scalars(select(GatewayKey).order_by(GatewayKey.id))
        ]


HolderQuery = Select[int, int, str, bool, int, int, str, int, int]
"""key id, person id, name, active, system id, version, lifecycle, organisation, acknowledgement id."""


def _holder_statement(key_hash: Any) -> HolderQuery:
    published = and_(
        UserRuleVersion.system_id == GatewayKey.system_id, UserRuleVersion.status == "published"
    )
    acknowledged = and_(
        Acknowledgement.rule_id == UserRuleVersion.id,
        Acknowledgement.person_id == GatewayKey.person_id,
    )
    return (
        select(
            GatewayKey.id,
            GatewayKey.person_id,
            Person.name,
            Person.active,
            GatewayKey.system_id,
            AISystem.version,
            AISystem.lifecycle,
            AISystem.org_id,
            Acknowledgement.id,
        )
        .join(Person, Person.id == GatewayKey.person_id)
        .join(AISystem, AISystem.id == GatewayKey.system_id)
        .outerjoin(UserRuleVersion, published)
        .outerjoin(Acknowledgement, acknowledged)
        .where(GatewayKey.key_hash == key_hash, GatewayKey.revoked_at.is_(None))
    )


def _holder(row: Any, key_hash: str) -> KeyHolder | None:
    if row is None or not row[3]:
        return None
    return KeyHolder(
        identity=key_hash[:24],
        key_id=row[0],
        person_id=row[1],
        person=row[2],
        system_id=row[4],
        system_version=row[5],
        lifecycle=row[6],
        org_id=row[7],
        acknowledged=row[8] is not None,
    )


def lookup(session: Session | Connection, key: str) -> KeyHolder | None:
    """The holder of a valid, unrevoked key, in one query; None for anything else."""
    if not key.startswith(KEY_PREFIX):
        return None
    key_hash = hash_key(key)
    return _holder(session.execute(_holder_statement(key_hash)).first(), key_hash)


CACHED_HOLDERS = 10_000
"""Key lookups remembered while the database is unchanged (cleared whole when full)."""


class KeyLookup:
    """``lookup`` for the gateway's hot path: the query is compiled once for the database's
    dialect and run on the driver's cursor, without building a statement per request.

    A revocation takes effect at once. On SQLite the lookup runs on the connection the audit
    records are committed on (``shared``, in the event loop's thread): ``PRAGMA data_version``
    on it changes exactly when another connection or process has committed, so the holders read
    since the last change are served from memory and everything is read anew after any change
    (a revocation, an acknowledgement, a person deactivated …). Any other thread, and a network
    database, takes a pooled connection for each lookup, so that no connection is left idle
    inside a transaction."""

    def __init__(self, engine: Engine, shared: Callable[[], Connection] | None = None) -> None:
        self.engine = engine
        self.statement = Prepared(_holder_statement(bindparam("key_hash")), engine.dialect)
        self.shared = shared if engine.dialect.name == "sqlite" else None
        self._owner: int | None = None
        """The thread that may use ``shared`` (the first to look a key up)."""
        self._cache: dict[str, Any] = {}
        self._cached_for: tuple[Connection, int] | None = None
        """(connection, data_version) the cached rows were read at."""

    def __call__(self, key: str) -> KeyHolder | None:
        if not key.startswith(KEY_PREFIX):
            return None
        key_hash = hash_key(key)
        values = {"key_hash": key_hash}
        if self.shared is not None:
            thread = threading.get_ident()
            if self._owner is None:
                self._owner = thread
            if thread == self._owner:
                try:
                    return _holder(self._remembered(key_hash, values), key_hash)
                except Exception:  # e.g. busy while another process recovers the journal
                    self._cache.clear()
                    self._cached_for = None
        with self.engine.connect() as connection:
            row = self.statement.execute(connection, values).fetchone()
        return _holder(row, key_hash)

    def _remembered(self, key_hash: str, values: dict[str, Any]) -> Any:
        assert self.shared is not None
        shared = self.shared()
        driver = shared.connection.driver_connection
        assert driver is not None  # an open connection always has one
        cursor = driver.cursor()
        try:
            version = cursor.execute("PRAGMA data_version").fetchone()[0]
            # Keyed on the connection object too: a new one starts its own count.
            if self._cached_for is None or self._cached_for != (shared, version):
                self._cache.clear()
                self._cached_for = (shared, version)
            elif key_hash in self._cache:
                return self._cache[key_hash]
            row = cursor.execute(self.statement.sql, self.statement.arguments(values)).fetchone()
        finally:
            cursor.close()
        if len(self._cache) >= CACHED_HOLDERS:
            self._cache.clear()
        self._cache[key_hash] = row
        return row
