"""What every registry use case shares: the database handle, pages, versions, audit entries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    and_,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from mamori.audit import chain
from mamori.db import migrate
from mamori.db.engine import is_sqlite, make_engine, read_session, write_session
from mamori.db.models import AuditHead, Organization
from mamori.errors import DatabaseNotReadyError, NotFoundError, StaleVersionError
from mamori.services.registry.access import Actor, Where
from mamori.settings import Settings

T = TypeVar("T")
MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_ID = 2**31 - 1
"""The largest id a table holds (a 32-bit integer on PostgreSQL): larger ones are invalid input,
refused before they reach a query (where they would overflow the driver or the column)."""


class Database:
    """One registry database. Cheap to pass around; holds the engine (and its pool)."""

    def __init__(
        self, url: str, *, engine: Engine | None = None, settings: Settings | None = None
    ) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self.settings = settings or Settings()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Database:
        settings = settings or Settings()
        return cls(settings.database_url, settings=settings)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction. Writers take turns from their first read: SQLite starts the
        transaction with ``BEGIN IMMEDIATE``; on PostgreSQL it first locks the audit chain's head
        row, which every write appends to anyway. Otherwise two writers could both read version
        n and pass the version check, and the second would silently overwrite the first (or
        collide on a unique key, as two first updates of one checklist item do)."""
        with write_session(self.engine) as session:
            if not is_sqlite(self.engine):
                session.execute(
                    select(AuditHead.id).where(AuditHead.id == chain.HEAD_ID).with_for_update()
                )
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with read_session(self.engine) as session:
            yield session

    def upgrade(self) -> None:
        migrate.upgrade(self.engine)

    def check_ready(self) -> None:
        """Refuse to serve a database whose schema is older (or newer) than this mamori."""
        current, head = migrate.current(self.engine), migrate.head()
        if current != head:
            raise DatabaseNotReadyError(
                url=self.engine.url.render_as_string(hide_password=True),
                current=str(current or "empty"),
                head=str(head),
            )

    def dispose(self) -> None:
        self.engine.dispose()


class Public(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


def paginate(
    session: Session, statement: Select[Any], limit: int, offset: int, key: Any = None
) -> tuple[list[Any], int]:
    """One page of ``statement``'s rows and the count of all of them.

    With ``key`` (the primary-key column) the page is found on the index alone and only its rows
    are read in full: sorting thousands of whole rows to keep fifty costs more than the query."""
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    # maintain_column_froms: without it a statement whose WHERE names no column (an actor who
    # sees everything: ``WHERE true``) loses its FROM and counts one row.
    total = session.scalar(
        statement.with_only_columns(func.count(), maintain_column_froms=True).order_by(None)
    )
    if key is None:
        return list(session.scalars(statement.limit(limit).offset(offset))), int(total or 0)
    ids = list(session.scalars(statement.with_only_columns(key).limit(limit).offset(offset)))
    entity = statement.column_descriptions[0]["entity"]
    by_key = {
        getattr(row, key.key): row for row in session.scalars(select(entity).where(key.in_(ids)))
    }
    return [by_key[i] for i in ids if i in by_key], int(total or 0)


def visible(
    where: Where,
    org_column: Any,
    vendor_column: Any = None,
    owner_column: Any = None,
    actor_id: int | None = None,
) -> ColumnElement[bool]:
    """The SQL condition for rows an actor may see (``Where`` from ``Actor.where``)."""
    if where.everywhere:
        return true()
    clauses: list[ColumnElement[bool]] = []
    if where.orgs:
        clauses.append(org_column.in_(sorted(where.orgs)))
    if where.vendors and vendor_column is not None:
        clauses.append(vendor_column.in_(sorted(where.vendors)))
    if where.own_orgs and owner_column is not None and actor_id is not None:
        clauses.append(and_(owner_column == actor_id, org_column.in_(sorted(where.own_orgs))))
    return or_(*clauses) if clauses else false()


def check_version(kind: str, object_id: int, current: int, given: int) -> None:
    if current != given:
        raise StaleVersionError(
            kind=kind, id=str(object_id), given=str(given), current=str(current)
        )


def not_found(kind: str, object_id: object) -> NotFoundError:
    return NotFoundError(kind=kind, id=str(object_id))


def ministry_of(session: Session, org_id: int) -> int:
    """The top organisation above ``org_id`` (its ministry, or the vendor itself)."""
    org = session.get(Organization, org_id)
    if org is None:
        raise not_found("organization", org_id)
    return top_of(org.path)


def top_of(path: str) -> int:
    """The first organisation of a ``/1/5/9/`` path: the ministry (or the vendor, the Board)."""
    return int(path.strip("/").split("/")[0])


def record(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: object,
    *,
    org_id: int | None,
    state: dict[str, Any] | None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append the audit event for a write, in the write's own transaction."""
    chain.append(
        session,
        actor=actor.audit_name,
        action=action,
        object_type=object_type,
        object_id=object_id,
        org_id=ministry_of(session, org_id) if org_id is not None else None,
        state=state,
        detail=detail,
    )


def state_of(row: Any) -> dict[str, Any]:
    """Every column of a row, for the audit trail's state hash."""
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}
