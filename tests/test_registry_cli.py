"""The registry's command line: db upgrade, org/user/token, demo, inventory import/export, report,
on SQLite and on PostgreSQL (skipped with a message where no server is running)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from mamori.cli.app import app
from tests.databases import database_url


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_url(request.param, tmp_path) as database:
        yield database


def mamori(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_an_empty_database_is_refused_until_upgraded(url: str) -> None:
    code, _, err = mamori("org", "list", "--db", url, "--lang", "en")
    assert code != 0
    assert "mamori db upgrade" in err
    assert mamori("db", "upgrade", "--db", url)[0] == 0
    assert mamori("org", "list", "--db", url)[0] == 0


def test_org_user_token_and_audit(url: str) -> None:
    mamori("db", "upgrade", "--db", url)
    assert mamori("org", "add", "mic", "--name", "総務省", "--db", url)[0] == 0
    assert (
        mamori(
            "org",
            "add",
            "mic-a",
            "--name",
            "行政管理局",
            "--kind",
            "bureau",
            "--parent",
            "mic",
            "--db",
            url,
        )[0]
        == 0
    )
    code, _, err = mamori(
        "org", "add", "bad", "--name", "x", "--kind", "bureau", "--db", url, "--lang", "en"
    )
    assert code == 2 and "parent" in err
    code, _, err = mamori(
        "user",
        "add",
        "--name",
        "tanaka",
        "--org",
        "mic-a",
        "--role",
        "chief",
        "--db",
        url,
        "--lang",
        "en",
    )
    assert code == 2 and "caio" in err  # names the allowed roles
    assert (
        mamori(
            "user", "add", "--name", "tanaka", "--org", "mic-a", "--role", "planner", "--db", url
        )[0]
        == 0
    )
    code, token, _ = mamori("token", "create", "--user", "tanaka", "--db", url)
    assert code == 0 and token.strip().startswith("mmr_")
    code, _, err = mamori("token", "create", "--user", "nobody", "--db", url, "--lang", "en")
    assert code == 2 and "nobody" in err
    code, out, _ = mamori("audit", "verify", "--db", url, "--lang", "en")
    assert code == 0 and "intact (5 events)" in out


def test_demo_loads_once_and_reports(url: str, tmp_path: Path) -> None:
    mamori("db", "upgrade", "--db", url)
    code, out, _ = mamori("demo", "--db", url, "--lang", "en")
    assert code == 0 and "4 systems" in out and "3 risk cases" in out
    code, out, _ = mamori("demo", "--db", url, "--lang", "en")
    assert code == 0 and "already loaded" in out
    report = tmp_path / "report.xlsx"
    code, out, _ = mamori("report", "periodic", "--db", url, "--period", "FY2026", "--out", report)
    assert code == 0
    book = load_workbook(report)
    systems_sheet = book.worksheets[1]
    names = {row[3] for row in systems_sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {
        "文書作成支援AI",
        "制度案内チャットボット",
        "パブリックコメント意見要約システム",
        "旧・議事録要約試行システム",
    }
    code, _, err = mamori(
        "report", "periodic", "--db", url, "--period", "2026Q3", "--out", report, "--lang", "en"
    )
    assert code == 2 and "2026H1" in err
    assert mamori("audit", "verify", "--db", url)[0] == 0


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


GOOD_ROW = {
    "org": "mic",
    "lifecycle": "operation",
    "name": "翻訳支援",
    "organization": "総務省",
    "purpose": "職員の翻訳を支援する。",
    "users": "staff",
    "work": "internal_support",
    "training_data": "none",
    "human_review": "every_output",
    "procurement_pattern": "saas-contract",
    "server_location": "japan",
    "ismap_listed": "はい",
    "examples": "英文メールを訳して|議事録を英訳して",
}


def test_inventory_import_is_all_or_nothing(url: str, tmp_path: Path) -> None:
    mamori("db", "upgrade", "--db", url)
    mamori("org", "add", "mic", "--name", "総務省", "--db", url)
    bad = tmp_path / "bad.csv"
    _write_csv(
        bad,
        [
            GOOD_ROW,
            {**GOOD_ROW, "users": "everyone", "name": "二件目"},
            {**GOOD_ROW, "org": "nowhere"},
        ],
    )
    code, _, err = mamori("inventory", "import", bad, "--db", url, "--lang", "en")
    assert code == 2
    assert "row 3, users" in err and "citizens" in err  # row and column, and what is allowed
    assert "row 4, org" in err and "nowhere" in err
    assert "Nothing was imported" in err
    assert "翻訳支援" not in err and "職員の翻訳" not in err  # cell text is not echoed
    out_file = tmp_path / "inventory.csv"
    mamori("inventory", "export", "--out", out_file, "--db", url)
    assert len(out_file.read_text(encoding="utf-8-sig").strip().splitlines()) == 1  # header only

    good = tmp_path / "good.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(GOOD_ROW))
    sheet.append(list(GOOD_ROW.values()))
    sheet.append([*list(GOOD_ROW.values())[:2], "二件目", *list(GOOD_ROW.values())[3:]])
    book.save(good)
    code, out, _ = mamori("inventory", "import", good, "--db", url, "--lang", "en")
    assert code == 0 and "Imported 2 systems" in out
    mamori("inventory", "export", "--out", out_file, "--db", url)
    exported = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))
    assert [row["name"] for row in exported] == ["翻訳支援", "二件目"]
    assert exported[0]["ismap_listed"] == "True"
    assert exported[0]["examples"] == "英文メールを訳して|議事録を英訳して"
    assert exported[0]["lifecycle"] == "operation"
    # What export writes, import reads back.
    other = tmp_path / "again.csv"
    out_file.replace(other)
    code, out, _ = mamori("inventory", "import", other, "--db", url, "--lang", "en")
    assert code == 0 and "Imported 2 systems" in out


def test_serve_answers_on_its_port_and_refuses_an_old_schema(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    url = f"sqlite:///{tmp_path / 'served.db'}"
    binary = str(Path(sys.executable).parent / "mamori")
    refused = subprocess.run(
        [binary, "serve", "--db", url, "--lang", "en"], capture_output=True, text=True, timeout=60
    )
    assert refused.returncode != 0 and "mamori db upgrade" in refused.stderr
    mamori("db", "upgrade", "--db", url)
    mamori("org", "add", "mic", "--name", "総務省", "--db", url)
    mamori("user", "add", "--name", "kondo", "--org", "mic", "--role", "caio", "--db", url)
    token = mamori("token", "create", "--user", "kondo", "--db", url)[1].strip()
    with socket.socket() as handle:
        handle.bind(("127.0.0.1", 0))
        port = handle.getsockname()[1]
    server = subprocess.Popen(
        [binary, "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "mamori serve did not start"
                time.sleep(0.2)
        assert (
            httpx.get(f"{base}/api/v1/openapi.json").json()["info"]["title"]
            == "mamori registry API"
        )
        listed = httpx.get(f"{base}/api/v1/systems", headers={"Authorization": f"Bearer {token}"})
        assert listed.status_code == 200 and listed.json()["total"] == 0
        assert httpx.get(f"{base}/api/v1/systems").status_code == 401
    finally:
        server.terminate()
        server.wait(10)
