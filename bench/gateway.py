"""Benchmark the gateway: latency it adds over calling the upstream directly, and sustained throughput.

    .venv/bin/python bench/gateway.py                      # 100 req/s for 20 s per target, then max rate
    .venv/bin/python bench/gateway.py --seconds 5 --concurrency 32
    .venv/bin/python bench/gateway.py --litellm /path/to/venv/bin/litellm   # side by side with LiteLLM

Everything runs as separate processes on loopback: the fake upstream (`mamori dev fake-llm`), the
gateway (`mamori gateway serve`, default policy derived for a plain staff system, durable audit on
SQLite, retention `redacted`), optionally LiteLLM's proxy in front of the same fake upstream, and
this script as the load generator. Prompts are ~2 KB of administrative text from the guard's corpus
(documents that carry no personal data, so they are forwarded, not blocked).

Latency is measured open-loop: request i is sent at t0 + i/rate whatever happened before, and its
time runs from that moment to the last byte of the answer. "Added" is a target's percentile minus
the direct upstream's. It measures; it always exits 0 unless a server cannot start.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import yaml
from benchlib import build_prompts, free_port, load_corpus, percentile

from mamori.services.gateway import keys
from mamori.services.registry import identity, rules, systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database

BIN = Path(sys.executable).parent
LITELLM_KEY = "sk-bench-" + os.urandom(16).hex()
"""LiteLLM refuses to start without a master key; it authenticates the bench's requests with it."""
PROJECT = {
    "name": "文書作成支援AI",
    "organization": "ベンチ省",
    "purpose": "職員が作成する通知文、会議資料、議事概要、調達関係文書の下書き作成と要約を支援する。",
    "users": "staff",
    "work": "internal_support",
    "training_data": "none",
    "input_data": "internal",
    "human_review": "every_output",
    "procurement_pattern": "saas-contract",
    "server_location": "japan",
}


def wait_up(url: str, process: subprocess.Popen[bytes], name: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{name} exited with {process.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    sys.exit(f"{name} did not start")


def setup(workdir: Path, upstream_port: int) -> tuple[str, str, Path]:
    url = f"sqlite:///{workdir / 'bench.db'}"
    db = Database(url)
    db.upgrade()
    operator = Actor.local_operator("bench")
    identity.add_org(db, operator, code="bench", name="ベンチ省", kind="ministry")
    identity.add_person(db, operator, name="staff", org="bench", role="user")
    system = systems.create(db, operator, systems.SystemCreate(org="bench", project=PROJECT))
    draft = rules.create(db, operator, rules.RuleCreate(org="bench", system_id=system.id))
    published = rules.publish(db, operator, draft.id, rules.RulePublish(version=draft.version))
    rules.acknowledge(db, identity.actor_for(db, "staff"), published.id)
    key, _ = keys.create(db, operator, system_id=system.id, user="staff")
    config = {
        "systems": [
            {
                "system": system.id,
                "retention": "redacted",
                "limits": {"requests_per_minute": 10_000_000, "tokens_per_day": 10_000_000_000},
                "upstreams": [
                    {
                        "name": "fake",
                        "base_url": f"http://127.0.0.1:{upstream_port}/v1",
                        "location": "japan",
                        "deployment": "saas-contract",
                        "models": {"gpt-4o": "fake-small"},
                    }
                ],
            }
        ]
    }
    path = workdir / "gateway.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    db.dispose()
    return url, key, path


CLOSED_LOOP_FIRST = 10_000_000
"""The first request number of the throughput phase, after those of the latency phase."""


def _payload(prompt: str, n: int) -> bytes:
    """Request ``n``: its prompt made unique, so that no text is screened twice (the gateway
    remembers the findings of texts it saw, as a conversation sends them again every turn)."""
    return json.dumps(
        {"model": "gpt-4o", "messages": [{"role": "user", "content": f"{prompt}\n（No. {n}）"}]},
        ensure_ascii=False,
    ).encode()


async def paced(
    base: str, key: str, prompts: list[str], rate: float, seconds: float
) -> tuple[list[float], dict[int, int]]:
    total = int(rate * seconds)
    bodies = [_payload(prompts[i % len(prompts)], i) for i in range(total + 50)]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    headers = {"Authorization": f"Bearer {key}", "content-type": "application/json"}
    connector = aiohttp.TCPConnector(limit=200)
    async with aiohttp.ClientSession(
        base_url=base + "/", connector=connector, headers=headers
    ) as client:
        for i in range(50):  # warm the connections and the server
            async with client.post("chat/completions", data=bodies[total + i]) as response:
                await response.read()
        start = time.perf_counter()

        async def one(i: int) -> None:
            scheduled = start + i / rate
            delay = scheduled - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            async with client.post("chat/completions", data=bodies[i]) as response:
                await response.read()
                latencies.append((time.perf_counter() - scheduled) * 1000)
                statuses[response.status] = statuses.get(response.status, 0) + 1

        await asyncio.gather(*(one(i) for i in range(total)))
    return latencies, statuses


async def closed_loop(
    base: str, key: str, prompts: list[str], concurrency: int, seconds: float
) -> tuple[float, dict[int, int]]:
    done = 0
    statuses: dict[int, int] = {}
    headers = {"Authorization": f"Bearer {key}", "content-type": "application/json"}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(
        base_url=base + "/", connector=connector, headers=headers
    ) as client:
        stop = time.perf_counter() + seconds

        async def worker(w: int) -> None:
            nonlocal done
            i = w
            while time.perf_counter() < stop:
                async with client.post(
                    "chat/completions",
                    data=_payload(prompts[i % len(prompts)], CLOSED_LOOP_FIRST + i),
                ) as response:
                    await response.read()
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                done += 1
                i += concurrency

        began = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(concurrency)))
        return done / (time.perf_counter() - began), statuses


def start_litellm(
    binary: str, upstream_port: int, port: int, workdir: Path
) -> subprocess.Popen[bytes]:
    config = {
        "model_list": [
            {
                "model_name": "gpt-4o",
                "litellm_params": {
                    "model": "openai/fake-small",
                    "api_base": f"http://127.0.0.1:{upstream_port}/v1",
                    "api_key": "x",
                },
            }
        ],
        "litellm_settings": {"drop_params": True, "telemetry": False},
    }
    path = workdir / "litellm.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {
        **os.environ,
        "LITELLM_LOG": "ERROR",
        "LITELLM_TELEMETRY": "False",
        "LITELLM_MASTER_KEY": LITELLM_KEY,
    }
    return subprocess.Popen(
        [binary, "--config", str(path), "--port", str(port), "--num_workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rate", type=float, default=100.0, help="requests per second in the latency phase"
    )
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each latency phase")
    parser.add_argument("--throughput-seconds", type=float, default=10.0)
    parser.add_argument(
        "--concurrency", type=int, default=32, help="clients in the throughput phase"
    )
    parser.add_argument("--workers", type=int, default=1, help="gateway worker processes")
    parser.add_argument(
        "--litellm",
        default=str(BIN / "litellm") if (BIN / "litellm").exists() else None,
        help="path of the `litellm` command (default: beside this Python, if installed)",
    )
    args = parser.parse_args()

    records, _ = load_corpus(7, 2000)
    clean = [
        r
        for r in records
        if r.get("genre") in ("hard_negative", "scope_in", "procurement_memo")
        and not r.get("entities")
    ]
    prompts = build_prompts(clean, 200)
    workdir = Path(tempfile.mkdtemp(prefix="mamori-gw-bench-"))
    upstream_port, gateway_port, litellm_port = free_port(), free_port(), free_port()
    url, key, config = setup(workdir, upstream_port)
    quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [
        subprocess.Popen(
            [str(BIN / "mamori"), "dev", "fake-llm", "--port", str(upstream_port)], **quiet
        )
    ]
    try:
        wait_up(f"http://127.0.0.1:{upstream_port}/healthz", processes[0], "fake upstream")
        gateway = subprocess.Popen(
            [
                str(BIN / "mamori"),
                "gateway",
                "serve",
                "--config",
                str(config),
                "--db",
                url,
                "--port",
                str(gateway_port),
                "--workers",
                str(args.workers),
            ],
            **quiet,
        )
        processes.append(gateway)
        wait_up(f"http://127.0.0.1:{gateway_port}/healthz", gateway, "gateway")
        targets = {
            "upstream directly": (f"http://127.0.0.1:{upstream_port}/v1", "x"),
            "mamori gateway": (f"http://127.0.0.1:{gateway_port}/v1", key),
        }
        if args.litellm:
            litellm = start_litellm(args.litellm, upstream_port, litellm_port, workdir)
            processes.append(litellm)
            wait_up(f"http://127.0.0.1:{litellm_port}/health/liveliness", litellm, "litellm")
            targets["LiteLLM proxy"] = (f"http://127.0.0.1:{litellm_port}/v1", LITELLM_KEY)
        mean = sum(len(p.encode()) for p in prompts) / len(prompts)
        print(
            f"prompts: {len(prompts)}, mean {mean:.0f} B UTF-8; {args.rate:.0f} req/s for {args.seconds:.0f} s per target\n"
        )
        print(
            f"{'target':22} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'added p50':>10} {'added p99':>10}  statuses"
        )
        base50 = base99 = 0.0
        for name, (base, token) in targets.items():
            latencies, statuses = asyncio.run(paced(base, token, prompts, args.rate, args.seconds))
            p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
            if name == "upstream directly":
                base50, base99 = p50, p99
            added = (
                "" if name == "upstream directly" else f"{p50 - base50:10.2f} {p99 - base99:10.2f}"
            )
            print(f"{name:22} {p50:8.2f} {p99:8.2f} {max(latencies):8.2f} {added:>21}  {statuses}")
        print(
            f"\nthroughput, {args.concurrency} concurrent clients for {args.throughput_seconds:.0f} s:"
        )
        for name, (base, token) in targets.items():
            rate, statuses = asyncio.run(
                closed_loop(base, token, prompts, args.concurrency, args.throughput_seconds)
            )
            print(f"  {name:22} {rate:8.0f} req/s  {statuses}")
        metrics = httpx.get(f"http://127.0.0.1:{gateway_port}/metrics").text
        print("\ngateway's own view (mamori_gateway_added_seconds, time inside the gateway):")
        for line in metrics.splitlines():
            if line.startswith("mamori_gateway_added_seconds_count") or line.startswith(
                "mamori_gateway_added_seconds_sum"
            ):
                print("  " + line)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
