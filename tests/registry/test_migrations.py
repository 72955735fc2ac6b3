"""The real Alembic migration builds exactly the schema the models describe, on both backends.

(Every other test builds its tables with ``create_all``; this one keeps the two in step.)"""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData

from mamori.audit import chain
from mamori.db import migrate
from mamori.db.models import AuditHead, Base
from mamori.errors import DatabaseNotReadyError
from mamori.services.registry.common import Database
from tests.registry.conftest import Registry, create_tables


def test_the_migration_matches_the_models_and_the_database_is_ready(db_url: str) -> None:
    db = Database(db_url)
    try:
        with pytest.raises(DatabaseNotReadyError) as refused:
            db.check_ready()
        assert refused.value.params["current"] == "empty"
        db.upgrade()
        db.check_ready()
        assert migrate.current(db.engine) == migrate.head()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
            # ...and the comparison is not blind: a column the migration lacks is reported
            wider = MetaData(naming_convention=Base.metadata.naming_convention)
            for table in Base.metadata.tables.values():
                table.to_metadata(wider)
            wider.tables["systems"].append_column(Column("surplus", Integer))
            missing = compare_metadata(context, wider)
        assert differences == []
        assert [d[0] for d in missing] == ["add_column"]
        # the chain's head row is made by the migration, so the first write can append at once
        with db.read() as session:
            head = session.get(AuditHead, chain.HEAD_ID)
            assert head is not None and (head.seq, head.hash) == (0, chain.GENESIS)
        Registry(db).org("moa")
        with db.read() as session:
            assert chain.verify(session).events == 1
        db.upgrade()  # running it again changes nothing
        db.check_ready()
    finally:
        db.dispose()


def test_tables_made_without_the_migration_are_not_ready(db: Database) -> None:
    with pytest.raises(DatabaseNotReadyError):
        db.check_ready()


def test_create_tables_matches_what_the_suite_relies_on(db_url: str) -> None:
    """The suite's own set-up (create_all + ensure_head) gives a chain that accepts writes."""
    db = Database(db_url)
    try:
        create_tables(db)
        create_tables(db)  # idempotent: a second head row would break the chain
        registry = Registry(db)
        registry.org("moa")
        assert registry.audit_seq() == 1
    finally:
        db.dispose()
