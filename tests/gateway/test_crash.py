"""Kill the gateway with SIGKILL under load and restart it: every answer a client received has its
audit record, and the audit chain still verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import yaml
from sqlalchemy import select

from mamori.audit import chain
from mamori.db.models import Exchange
from tests.gateway.conftest import Registry, Server, free_port, gateway_config

MAMORI = str(Path(sys.executable).parent / "mamori")
PROMPTS = (
    "会議の議事概要を要約してください",
    "田中一郎さんの電話番号は090-1234-5678です。",
    "個人番号 123456789018 を確認",
)


def _start(config: Path, url: str, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [MAMORI, "gateway", "serve", "--config", str(config), "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the gateway did not start")


def test_every_received_answer_survives_a_sigkill(
    registry: Registry, upstream: Server, tmp_path: Path
) -> None:
    config = tmp_path / "gateway.yaml"
    config.write_text(
        yaml.safe_dump(gateway_config(registry, upstream), allow_unicode=True), encoding="utf-8"
    )
    url = f"sqlite:///{registry.path}"
    key = registry.key()
    port = free_port()
    process = _start(config, url, port)
    received: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def load(worker: int) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as http:
            n = 0
            while not stop.is_set():
                prompt = PROMPTS[(worker + n) % len(PROMPTS)]
                n += 1
                try:
                    response = http.post(
                        "/v1/chat/completions",
                        headers={"Authorization": f"Bearer {key}"},
                        json={
                            "model": "gpt-4o",
                            "stream": n % 4 == 0,
                            "messages": [{"role": "user", "content": prompt}],
                        },
                    )
                except httpx.TransportError:
                    continue  # the gateway is gone: no answer was received
                if response.status_code in (200, 403):
                    with lock:
                        received.append(response.headers["x-request-id"])

    workers = [threading.Thread(target=load, args=(i,)) for i in range(6)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 20
    while len(received) < 150 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    stop.set()
    for worker in workers:
        worker.join(10)
    assert len(received) >= 150, "the load did not get going"

    restarted = _start(config, url, port)
    try:
        answer = httpx.post(
            f"http://127.0.0.1:{port}/v1/chat/completions",
            headers={"Authorization": f"Bearer {key}"},
            json={"model": "gpt-4o", "messages": [{"role": "user", "content": PROMPTS[0]}]},
            timeout=10,
        )
        assert answer.status_code == 200
        assert "server" not in answer.headers  # the gateway does not name its software
    finally:
        restarted.terminate()
        restarted.wait(10)
    with registry.db.read() as session:
        recorded = set(session.scalars(select(Exchange.request_id)))
        assert set(received) <= recorded, (
            f"{len(set(received) - recorded)} answers have no audit record"
        )
        verification = chain.verify(session)
    assert verification.ok, verification
