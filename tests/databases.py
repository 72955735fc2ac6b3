"""Databases of their own for tests: a new SQLite file, or a new PostgreSQL schema dropped after
the test; where no PostgreSQL server answers, the PostgreSQL variant is skipped with a message
saying how to start one."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_URL = os.environ.get(
    "MAMORI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@functools.cache
def postgres_problem() -> str | None:
    """Why the PostgreSQL variant cannot run here (None: it can)."""
    engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        return f"{type(error).__name__}: {str(error).strip().splitlines()[0]}"
    finally:
        engine.dispose()
    return None


def skip_without_postgres() -> None:
    problem = postgres_problem()
    if problem is not None:
        pytest.skip(
            f"PostgreSQL is not reachable at {POSTGRES_URL} ({problem}). To run the PostgreSQL "
            "variants, start a server on 127.0.0.1:5432 with a database `test` that user "
            "`postgres` may use with trust auth — e.g. `docker run -d -p 5432:5432 "
            "-e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:16`, or "
            "`sudo pg_ctlcluster 15 main start && createdb -U postgres test` — or set "
            "MAMORI_TEST_POSTGRES_URL to the URL of another server."
        )


@contextmanager
def database_url(backend: str, directory: Path) -> Iterator[str]:
    """A URL of an empty database of its own: a new SQLite file, or a new PostgreSQL schema
    (put first on the search path by the URL itself, so the CLI can open it too)."""
    if backend == "sqlite":
        yield f"sqlite:///{directory / 'registry.db'}"
        return
    skip_without_postgres()
    schema = f"mamori_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
