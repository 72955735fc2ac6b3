"""Property-based requests from the OpenAPI schema: no operation answers with a server error.

Schemathesis generates requests for every operation of ``/api/v1/openapi.json`` (valid and
invalid ones, odd strings, huge numbers) and sends them in-process as the ministry's CAIO, to a
SQLite registry holding one object of each kind (so that small ids exist). Bounded and
derandomised, so it runs in seconds and the same way every time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from mamori.api.app import create_app
from mamori.services.registry.common import Database
from tests.registry.conftest import Registry, database_url, open_database

EXAMPLES = 15


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    directory: Path = tmp_path_factory.mktemp("schemathesis")
    with database_url("sqlite", directory) as url, open_database(url) as db:
        registry = Registry(db)
        registry.org("moa")
        registry.org("moa-d", "division", "moa")
        registry.org("ven", "vendor")
        registry.person("caio", "moa", "caio")
        system_id = registry.system("moa-d", "チャットボット", vendor="ven").id
        assessment_id = registry.assess(system_id).id
        registry.risk_case(system_id)
        registry.consultation(assessment_id)
        registry.rule("moa", system_id)
        yield registry


@pytest.fixture(scope="module")
def api_schema(seeded: Registry) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(seeded.db))


def _operations() -> list[tuple[str, str]]:
    """(method, path) of every operation, read from the app's schema at collection time (building
    the schema touches no database)."""
    app = create_app(Database("sqlite://"))
    return [
        (method.upper(), path) for path, item in app.openapi()["paths"].items() for method in item
    ]


OPERATIONS = _operations()


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_operation_answers_with_a_server_error(
    api_schema: schemathesis.BaseSchema, seeded: Registry, method: str, path: str
) -> None:
    operation = api_schema[path][method]
    headers = seeded.headers("caio")

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        case=st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )
    )
    def each(case: Any) -> None:
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])

    each()


def test_the_schema_has_every_route(api_schema: schemathesis.BaseSchema) -> None:
    """The operations tried above are the API's: its schema has (at least) these."""
    assert len(OPERATIONS) >= 25
    for method, path in [
        ("PATCH", "/api/v1/systems/{system_id}"),
        ("POST", "/api/v1/risk-cases/{case_id}/transitions"),
        ("POST", "/api/v1/consultations/{consultation_id}/advice"),
        ("GET", "/api/v1/reports/periodic"),
    ]:
        assert (method, path) in OPERATIONS
        assert api_schema[path][method] is not None
