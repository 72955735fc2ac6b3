"""Several gateway instances on one PostgreSQL database, with rate limits shared through Redis."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
import yaml
from sqlalchemy import func, select

from mamori.audit import chain
from mamori.db.models import Exchange
from mamori.proxy.app import build_gateway, create_gateway_app
from mamori.services.gateway import keys
from mamori.services.registry import identity, rules, systems
from mamori.services.registry.common import Database
from tests.databases import database_url
from tests.gateway.conftest import OPERATOR, PROJECT, Server, client

REDIS = "redis://127.0.0.1:6379/0"


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    with database_url("postgresql", tmp_path) as url:
        yield url


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping())
    except Exception:
        return False


def test_two_instances_share_one_chain_and_one_rate_limit(
    postgres_url: str, upstream: Server, tmp_path: Path
) -> None:
    if not _redis_up():
        pytest.skip("Redis not reachable at 127.0.0.1:6379; start it to run this test")
    setup = Database(postgres_url)
    setup.upgrade()
    identity.add_org(setup, OPERATOR, code="pg-ministry", name="テスト省", kind="ministry")
    identity.add_person(setup, OPERATOR, name="staff", org="pg-ministry", role="user")
    system = systems.create(
        setup, OPERATOR, systems.SystemCreate(org="pg-ministry", project=PROJECT)
    )
    draft = rules.create(setup, OPERATOR, rules.RuleCreate(org="pg-ministry", system_id=system.id))
    published = rules.publish(setup, OPERATOR, draft.id, rules.RulePublish(version=draft.version))
    rules.acknowledge(setup, identity.actor_for(setup, "staff"), published.id)
    key, _ = keys.create(setup, OPERATOR, system_id=system.id, user="staff")
    config: dict[str, Any] = {
        "redis_url": REDIS,
        "systems": [
            {
                "system": system.id,
                "limits": {"requests_per_minute": 41, "tokens_per_day": 10_000_000},
                "upstreams": [
                    {
                        "name": "fake",
                        "base_url": f"{upstream.url}/v1",
                        "location": "japan",
                        "deployment": "saas-contract",
                    }
                ],
            }
        ],
    }
    file = tmp_path / "gateway.yaml"
    file.write_text(yaml.safe_dump(config), encoding="utf-8")
    instances = [
        Server(create_gateway_app(build_gateway(Database(postgres_url), file))) for _ in range(2)
    ]
    for instance in instances:
        instance.__enter__()
    outcomes: list[str] = []
    # The limit counts per clock minute: start well inside one so the whole burst falls in it.
    if time.time() % 60 > 45:
        time.sleep(61 - time.time() % 60)
    try:

        def send(instance: Server, count: int) -> None:
            api = client(instance, key)
            for _ in range(count):
                try:
                    api.chat.completions.create(
                        model="fake-small",
                        messages=[{"role": "user", "content": "議事概要を要約して"}],
                    )
                    outcomes.append("ok")
                except openai.RateLimitError:
                    outcomes.append("limited")

        threads = [
            threading.Thread(target=send, args=(instance, 20))
            for instance in instances
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        api = client(instances[0], key)
        with pytest.raises(
            openai.RateLimitError
        ):  # 80 sent + this one > 41 per minute, across both
            api.chat.completions.create(
                model="fake-small", messages=[{"role": "user", "content": "もう一件"}]
            )
    finally:
        for instance in instances:
            instance.__exit__(None, None, None)
    assert outcomes.count("ok") == 41 and outcomes.count("limited") == 39
    with setup.read() as session:
        assert session.scalar(select(func.count()).select_from(Exchange)) == 81
        verification = chain.verify(session)
    assert verification.ok, verification
