"""Real servers on loopback for the gateway tests: the fake upstream model and the gateway itself,
each a uvicorn server in a thread, and a registry with a system whose rule the staff acknowledged."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai
import pytest
import uvicorn
import yaml

from mamori.devtools.fake_llm import create_app as create_fake_llm
from mamori.proxy.app import build_gateway, create_gateway_app
from mamori.services.gateway import keys
from mamori.services.registry import identity, rules, systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database

OPERATOR = Actor.local_operator("test")
PROJECT: dict[str, Any] = {
    "name": "文書作成支援AI",
    "organization": "テスト省",
    "purpose": "職員が作成する通知文や議事概要の下書き作成と要約を支援する。",
    "users": "staff",
    "work": "internal_support",
    "training_data": "none",
    "input_data": "public",
    "human_review": "every_output",
    "procurement_pattern": "saas-contract",
    "server_location": "japan",
    "contact": "テスト省 AI 担当（内線 1234）",
}


def free_port() -> int:
    with socket.socket() as handle:
        handle.bind(("127.0.0.1", 0))
        return int(handle.getsockname()[1])


class Server:
    """A uvicorn server in a background thread, stopped cleanly."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(
                app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on"
            )
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def upstream() -> Iterator[Server]:
    with Server(create_fake_llm()) as server:
        yield server


@dataclass
class Registry:
    db: Database
    system_id: int
    abroad_system_id: int
    path: Path

    def key(self, user: str = "staff1", system_id: int | None = None) -> str:
        key, _ = keys.create(self.db, OPERATOR, system_id=system_id or self.system_id, user=user)
        return key


def _system(db: Database, **changes: Any) -> int:
    system = systems.create(
        db, OPERATOR, systems.SystemCreate(org="test-ministry", project={**PROJECT, **changes})
    )
    draft = rules.create(db, OPERATOR, rules.RuleCreate(org="test-ministry", system_id=system.id))
    rules.publish(db, OPERATOR, draft.id, rules.RulePublish(version=draft.version))
    return system.id


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    path = tmp_path / "registry.db"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    identity.add_org(db, OPERATOR, code="test-ministry", name="テスト省", kind="ministry")
    for name in ("staff1", "staff2", "newcomer"):
        identity.add_person(db, OPERATOR, name=name, org="test-ministry", role="user")
    system_id = _system(db)
    abroad_id = _system(db, name="海外クラウド翻訳", server_location="abroad")
    for system in (system_id, abroad_id):
        rule = rules.list_rules(db, OPERATOR, system_id=system, status="published")[0]
        for name in ("staff1", "staff2"):
            rules.acknowledge(db, identity.actor_for(db, name), rule.id)
    return Registry(db, system_id, abroad_id, path)


def gateway_config(registry: Registry, upstream: Server, **overrides: Any) -> dict[str, Any]:
    def route(system_id: int, location: str) -> dict[str, Any]:
        return {
            "system": system_id,
            "retention": "redacted",
            "limits": {"requests_per_minute": 1000, "tokens_per_day": 10_000_000},
            "upstreams": [
                {
                    "name": f"fake-{location}",
                    "base_url": f"{upstream.url}/v1",
                    "location": location,
                    "deployment": "saas-contract",
                    "models": {
                        "gpt-4o": "fake-small",
                        "echo": "fake-echo",
                        "slow": "fake-slow",
                        "broken": "fake-error-500",
                        "busy": "fake-error-429",
                    },
                    "read_timeout_s": 2.0,
                }
            ],
        }

    config: dict[str, Any] = {
        "systems": [route(registry.system_id, "japan"), route(registry.abroad_system_id, "abroad")]
    }
    for key, value in overrides.items():
        config[key] = value
    return config


GatewayFactory = Callable[..., Server]


@pytest.fixture
def start_gateway(registry: Registry, upstream: Server, tmp_path: Path) -> Iterator[GatewayFactory]:
    started: list[Server] = []

    def start(edit: Callable[[dict[str, Any]], None] | None = None) -> Server:
        config = gateway_config(registry, upstream)
        if edit is not None:
            edit(config)
        file = tmp_path / f"gateway-{len(started)}.yaml"
        file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        server = Server(create_gateway_app(build_gateway(registry.db, file))).__enter__()
        started.append(server)
        return server

    yield start
    for server in started:
        server.__exit__(None, None, None)


def client(gateway: Server, key: str, **options: Any) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{gateway.url}/v1", api_key=key, max_retries=0, **options)
