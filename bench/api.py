"""Benchmark the registry API: list and detail latency, and the periodic report, on a large registry.

    .venv/bin/python bench/api.py                       # 10,000 systems, 100,000 risk cases, SQLite
    .venv/bin/python bench/api.py --systems 1000 --cases 10000 --requests 100   # a quick look
    .venv/bin/python bench/api.py --db postgresql+psycopg://postgres@127.0.0.1:5432/bench

It seeds a fresh database (organisations, people and a CAIO token through the services; the bulk of
systems and risk cases with plain INSERTs, which is what an import of years of records amounts to),
starts `mamori serve` as a separate process on loopback, and times each request from this process
over real HTTP (httpx, keep-alive). It prints p50 / p95 / max per endpoint and the time of the
periodic report for one ministry. It measures; it always exits 0 unless the server cannot start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from benchlib import free_port, percentile
from sqlalchemy import insert

from mamori.db.models import AISystem, RiskCase
from mamori.services.registry import identity
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database

MINISTRIES = 10
PROJECT = {
    "name": "",
    "organization": "ベンチ省",
    "purpose": "職員の文書作成を支援する。",
    "users": "staff",
    "work": "internal_support",
    "training_data": "none",
    "human_review": "every_output",
    "procurement_pattern": "saas-contract",
    "server_location": "japan",
}
CATEGORIES = ("privacy", "security", "misinformation", "toxic_output", "security_incident", "other")
STATES = ("reported", "triaged", "countermeasure", "board_review", "closed")


def seed(db: Database, systems: int, cases: int) -> str:
    operator = Actor.local_operator("bench")
    ministries = []
    for m in range(MINISTRIES):
        code = f"m{m}"
        ministry = identity.add_org(db, operator, code=code, name=f"ベンチ省{m}", kind="ministry")
        identity.add_org(db, operator, code=f"{code}-b", name="局", kind="bureau", parent=code)
        ministries.append(ministry.id)
    identity.add_person(db, operator, name="caio0", org="m0", role="caio")
    token, _ = identity.create_token(db, operator, user="caio0")
    rng = random.Random(1)
    start = dt.datetime(2025, 4, 1, tzinfo=dt.UTC)
    with db.write() as session:
        rows = []
        for i in range(systems):
            org = ministries[i % MINISTRIES]
            rows.append(
                {
                    "org_id": org,
                    "name": f"システム{i}",
                    "lifecycle": rng.choice(("planning", "operation")),
                    "project": {**PROJECT, "name": f"システム{i}"},
                    "models": [],
                    "contacts": [],
                    "publishable": False,
                    "created_at": start,
                    "updated_at": start,
                    "version": 1,
                }
            )
        session.execute(insert(AISystem), rows)
        rows = []
        for i in range(cases):
            system = rng.randrange(1, systems + 1)
            reported = start + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 600))
            state = rng.choice(STATES)
            rows.append(
                {
                    "system_id": system,
                    "org_id": ministries[(system - 1) % MINISTRIES],
                    "category": rng.choice(CATEGORIES),
                    "severity": rng.choice(("low", "medium", "high")),
                    "state": state,
                    "source": "user",
                    "title": f"事案{i}",
                    "what_happened": "入力に個人情報が含まれていた。",
                    "impact": "",
                    "personal_data_involved": False,
                    "countermeasure": "",
                    "root_cause": "",
                    "recurrence_prevention": "",
                    "occurrences": 1,
                    "reported_at": reported,
                    "closed_at": reported + dt.timedelta(days=3) if state == "closed" else None,
                    "updated_at": reported,
                    "version": 1,
                }
            )
            if len(rows) == 20000:
                session.execute(insert(RiskCase), rows)
                rows = []
        if rows:
            session.execute(insert(RiskCase), rows)
    return token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--systems", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="timed requests per endpoint")
    parser.add_argument("--db", default=None, help="database URL (default: a new SQLite file)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="mamori-bench-"))
    url = args.db or f"sqlite:///{workdir / 'bench.db'}"
    db = Database(url)
    db.upgrade()
    began = time.perf_counter()
    token = seed(db, args.systems, args.cases)
    print(
        f"seeded {args.systems:,} systems and {args.cases:,} risk cases in {time.perf_counter() - began:.1f} s ({url.split('?')[0]})"
    )
    db.dispose()

    port = free_port()
    env = {**os.environ, "MAMORI_DATABASE_URL": url}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "mamori"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"}
    try:
        with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
            for _ in range(100):
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                print("the server did not start")
                sys.exit(1)
            rng = random.Random(2)
            own_systems = [i for i in range(1, args.systems + 1) if (i - 1) % MINISTRIES == 0]
            listing = client.get("/api/v1/risk-cases", params={"limit": 500}).json()["items"]
            own_cases = [c["id"] for c in listing]
            endpoints = {
                "GET /systems (page of 50)": lambda: client.get(
                    "/api/v1/systems", params={"limit": 50, "offset": rng.randrange(0, 900)}
                ),
                "GET /systems?lifecycle=operation": lambda: client.get(
                    "/api/v1/systems", params={"lifecycle": "operation"}
                ),
                "GET /systems/{id}": lambda: client.get(
                    f"/api/v1/systems/{rng.choice(own_systems)}"
                ),
                "GET /risk-cases (page of 50)": lambda: client.get(
                    "/api/v1/risk-cases", params={"limit": 50, "offset": rng.randrange(0, 5000)}
                ),
                "GET /risk-cases?state=board_review": lambda: client.get(
                    "/api/v1/risk-cases", params={"state": "board_review"}
                ),
                "GET /risk-cases/{id}": lambda: client.get(
                    f"/api/v1/risk-cases/{rng.choice(own_cases)}"
                ),
            }
            print(f"\n{'endpoint':38} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            for name, call in endpoints.items():
                for _ in range(10):
                    call()
                times = []
                for _ in range(args.requests):
                    t0 = time.perf_counter()
                    response = call()
                    times.append((time.perf_counter() - t0) * 1000)
                    if response.status_code != 200:
                        print(f"  {name}: HTTP {response.status_code}")
                        break
                print(
                    f"{name:38} {percentile(times, 50):8.2f} {percentile(times, 95):8.2f} {max(times):8.2f}"
                )
            print()
            for fmt in ("json", "xlsx"):
                timings = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    response = client.get(
                        "/api/v1/reports/periodic",
                        params={"org": "m0", "period": "FY2025", "format": fmt},
                    )
                    timings.append(time.perf_counter() - t0)
                print(
                    f"periodic report, one ministry ({args.systems // MINISTRIES:,} systems), FY2025, {fmt}: "
                    f"best {min(timings):.2f} s, worst {max(timings):.2f} s, HTTP {response.status_code}, {len(response.content):,} bytes"
                )
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
