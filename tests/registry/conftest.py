"""Fixtures of the registry suite: a database on each backend, people with tokens, an API client.

Every test that takes ``db`` (or ``registry``) runs twice: on a SQLite file of its own and on
PostgreSQL, in a schema of the session emptied before each test; a test that takes ``db_url``
gets an empty database without tables (a new SQLite file, a new PostgreSQL schema dropped after
the test). Where no PostgreSQL server answers, the PostgreSQL variants are skipped with a message
saying how to start one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from mamori.api.app import create_app
from mamori.audit import chain
from mamori.db.models import AuditHead, Base
from mamori.services.registry import (
    assessments,
    consultations,
    identity,
    risk_cases,
    rules,
    systems,
)
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database
from mamori.vocabulary import OrgKind, RiskCaseState, Role
from tests.databases import database_url

BACKENDS = ("sqlite", "postgresql")
OPERATOR = Actor.local_operator("test")
API = "/api/v1"
Response = Any
"""What the in-process client answers (``httpx2.Response`` or ``httpx.Response``, depending on
the Starlette release): tests use ``status_code``, ``json()``, ``text``, ``headers``, ``content``."""

PROJECT: dict[str, Any] = {
    "name": "住民問合せチャットボット",
    "organization": "テスト省",
    "purpose": "住民からの問合せに回答する。",
    "users": "citizens",
    "work": "internal_support",
    "training_data": "none",
    "human_review": "every_output",
    "procurement_pattern": "saas-contract",
    "server_location": "japan",
}
"""A valid project that is possibly high-risk (axis A at level 3: citizens use it), so its
assessment can be taken to the Advisory Board."""


def project(name: str, **changes: Any) -> dict[str, Any]:
    return {**PROJECT, "name": name, **changes}


def create_tables(db: Database) -> None:
    Base.metadata.create_all(db.engine)
    with db.write() as session:
        chain.ensure_head(session)


@contextmanager
def open_database(url: str) -> Iterator[Database]:
    db = Database(url)
    try:
        create_tables(db)
        yield db
    finally:
        db.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with database_url(backend, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def postgres_tables(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """One PostgreSQL schema with the tables, for the whole session, and the SQL that empties it.

    Making and dropping the tables for every test costs half a second on PostgreSQL; emptying
    them (and restarting their id sequences) costs a hundredth, and leaves each test exactly the
    empty registry a new schema would."""
    with database_url("postgresql", tmp_path_factory.mktemp("postgres")) as url:
        database = Database(url)
        try:
            Base.metadata.create_all(database.engine)
            with database.engine.connect() as connection:
                sequences = connection.execute(
                    text(
                        "SELECT sequence_name FROM information_schema.sequences"
                        " WHERE sequence_schema = current_schema()"
                    )
                ).scalars()
                empty = "; ".join(
                    [f'DELETE FROM "{t.name}"' for t in reversed(Base.metadata.sorted_tables)]
                    + [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
                )
        finally:
            database.dispose()
        yield url, empty


@pytest.fixture
def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An empty registry (tables made with ``create_all``, the chain's head row in place):
    a new SQLite file, or the session's PostgreSQL schema emptied for this test."""
    if backend == "sqlite":
        with database_url(backend, tmp_path) as url, open_database(url) as database:
            yield database
        return
    url, empty = request.getfixturevalue("postgres_tables")
    database = Database(url)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql(empty)
        with database.write() as session:
            chain.ensure_head(session)
        yield database
    finally:
        database.dispose()


def audit_seq(db: Database) -> int:
    """How many events the audit chain holds (its head's sequence number)."""
    with db.read() as session:
        return int(session.scalar(select(AuditHead.seq).where(AuditHead.id == 1)) or 0)


_APPS: list[FastAPI] = []


def api_client(db: Database) -> TestClient:
    """An in-process client of the API serving ``db``. Building the app takes a tenth of a second
    (FastAPI analyses every route), so the suite builds it once and points it at each test's
    database; requests within a test are sequential, so the database is always the test's own."""
    if not _APPS:
        _APPS.append(create_app(db))
    app = _APPS[0]
    app.state.db = db
    return TestClient(app)


class Registry:
    """A registry with an API client: organisations, people with tokens, and requests as them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.client = api_client(db)
        self.tokens: dict[str, str] = {}
        self.orgs: dict[str, int] = {}

    # --- set-up through the services, as the local operator ---------------------------------

    def org(self, code: str, kind: OrgKind = "ministry", parent: str | None = None) -> int:
        self.orgs[code] = identity.add_org(
            self.db, OPERATOR, code=code, name=f"{code} 組織", kind=kind, parent=parent
        ).id
        return self.orgs[code]

    def org_id(self, code: str) -> int:
        return self.orgs[code]

    def person(self, name: str, org: str, role: Role) -> str:
        """Add the person (or another role of theirs) and return a token of theirs."""
        identity.add_person(self.db, OPERATOR, name=name, org=org, role=role)
        if name not in self.tokens:
            self.tokens[name], _ = identity.create_token(self.db, OPERATOR, user=name)
        return self.tokens[name]

    def person_id(self, name: str) -> int:
        person_id = identity.actor_for(self.db, name).person_id
        assert person_id is not None
        return person_id

    def actor(self, name: str) -> Actor:
        return identity.actor_for(self.db, name)

    def system(
        self, org: str, name: str, *, vendor: str | None = None, **changes: Any
    ) -> systems.SystemPublic:
        return systems.create(
            self.db,
            OPERATOR,
            systems.SystemCreate(org=org, project=project(name, **changes), vendor=vendor),
        )

    def assess(self, system_id: int) -> assessments.AssessmentPublic:
        return assessments.submit(self.db, OPERATOR, system_id, assessments.AssessmentCreate())

    def risk_case(
        self, system_id: int, *, by: str | None = None, title: str = "誤回答"
    ) -> risk_cases.RiskCasePublic:
        actor = self.actor(by) if by else OPERATOR
        return risk_cases.report(
            self.db,
            actor,
            risk_cases.RiskCaseCreate(
                system_id=system_id,
                category=risk_cases.categories(self.db)[0],
                severity="medium",
                title=title,
                what_happened="回答に誤りがあった。",
            ),
        )

    def move(self, case_id: int, *states: RiskCaseState) -> risk_cases.RiskCasePublic:
        """Walk a risk case through ``states`` as the operator."""
        case = risk_cases.get(self.db, OPERATOR, case_id)
        for state in states:
            case = risk_cases.transition(
                self.db,
                OPERATOR,
                case_id,
                risk_cases.TransitionCreate(version=case.version, to_state=state),
            )
        return case

    def consultation(self, assessment_id: int) -> consultations.ConsultationPublic:
        return consultations.create(
            self.db,
            OPERATOR,
            consultations.ConsultationCreate(
                assessment_id=assessment_id,
                brief=consultations.Brief(
                    outline="概要", objectives="目的", mitigations="対策", quality_assurance="品質"
                ),
            ),
        )

    def rule(
        self, org: str, system_id: int | None = None, *, publish: bool = True
    ) -> rules.RulePublic:
        rule = rules.create(
            self.db,
            OPERATOR,
            rules.RuleCreate(org=org, system_id=system_id, text=f"# 利用者ルール {org}\n"),
        )
        if publish:
            rule = rules.publish(
                self.db, OPERATOR, rule.id, rules.RulePublish(version=rule.version)
            )
        return rule

    # --- requests ---------------------------------------------------------------------------

    def headers(self, who: str | None, **extra: str) -> dict[str, str]:
        headers = dict(extra)
        if who is not None:
            headers["Authorization"] = f"Bearer {self.tokens[who]}"
        return headers

    def request(self, who: str | None, method: str, path: str, **kwargs: Any) -> Response:
        headers = {**self.headers(who), **kwargs.pop("headers", {})}
        self.client.app.state.db = self.db  # type: ignore[attr-defined]
        return self.client.request(method, API + path, headers=headers, **kwargs)

    def get(self, who: str | None, path: str, **kwargs: Any) -> Response:
        return self.request(who, "GET", path, **kwargs)

    def post(self, who: str | None, path: str, **kwargs: Any) -> Response:
        return self.request(who, "POST", path, **kwargs)

    def patch(self, who: str | None, path: str, **kwargs: Any) -> Response:
        return self.request(who, "PATCH", path, **kwargs)

    def audit_seq(self) -> int:
        return audit_seq(self.db)


@pytest.fixture
def registry(db: Database) -> Registry:
    return Registry(db)


@pytest.fixture
def ministry(registry: Registry) -> Registry:
    """One ministry with a division, a vendor, the Board, and a person in each role:
    ``caio`` and ``admin`` at the ministry, ``planner`` and ``user`` in its division,
    ``provider`` at the vendor, ``board`` at the Board, ``secretariat`` at the Digital Agency."""
    registry.org("moa")
    registry.org("moa-d", "division", "moa")
    registry.org("ven", "vendor")
    registry.org("adv", "board")
    registry.org("da")
    registry.person("caio", "moa", "caio")
    registry.person("admin", "moa", "admin")
    registry.person("planner", "moa-d", "planner")
    registry.person("user", "moa-d", "user")
    registry.person("provider", "ven", "provider")
    registry.person("board", "adv", "board")
    registry.person("secretariat", "da", "secretariat")
    return registry
