"""`mamori key create|revoke|list` and `mamori gateway serve` refusing a bad configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mamori.cli.app import app
from tests.gateway.conftest import Registry


def mamori(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_key_create_needs_an_acknowledged_rule(registry: Registry) -> None:
    url = f"sqlite:///{registry.path}"
    code, _, err = mamori(
        "key",
        "create",
        "--system",
        "文書作成支援AI",
        "--user",
        "newcomer",
        "--db",
        url,
        "--lang",
        "en",
    )
    assert code == 2 and "has not acknowledged" in err
    code, out, _ = mamori(
        "key", "create", "--system", str(registry.system_id), "--user", "staff1", "--db", url
    )
    assert code == 0 and out.strip().startswith("mmg_")
    code, listing, _ = mamori("key", "list", "--db", url)
    assert (
        code == 0 and out.strip()[:10] in listing and out.strip() not in listing
    )  # never the key itself
    code, _, _ = mamori("key", "revoke", "1", "--db", url)
    assert code == 0
    code, _, err = mamori(
        "key",
        "create",
        "--system",
        "no such system",
        "--user",
        "staff1",
        "--db",
        url,
        "--lang",
        "en",
    )
    assert code == 2 and "was not found" in err


def test_gateway_refuses_a_bad_configuration(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "gateway.yaml"
    config.write_text(
        "systems:\n  - system: 1\n    upstreams:\n      - name: x\n        base_url: http://127.0.0.1:9/v1\n"
        "        location: mars\n        deployment: saas-contract\n        api_key_env: MAMORI_TEST_UNSET_KEY\n",
        encoding="utf-8",
    )
    code, _, err = mamori(
        "gateway", "serve", "--config", config, "--db", f"sqlite:///{registry.path}", "--lang", "en"
    )
    assert code == 2
    assert "systems.0.upstreams.0.location" in err and "docs/gateway.md" in err
    config.write_text(config.read_text(encoding="utf-8").replace("mars", "japan"), encoding="utf-8")
    code, _, err = mamori(
        "gateway", "serve", "--config", config, "--db", f"sqlite:///{registry.path}", "--lang", "en"
    )
    assert code == 2 and "MAMORI_TEST_UNSET_KEY" in err
    # A key the gateway could not put in a header stops it at start, not on the first request;
    # the message names the variable, never the value.
    monkeypatch.setenv("MAMORI_TEST_UNSET_KEY", "sk-abc\nX-Injected: yes")
    code, _, err = mamori(
        "gateway",
        "serve",
        "--config",
        config,
        "--db",
        f"sqlite:///{registry.path}",
        "--lang",
        "en",
    )
    assert code == 2 and "MAMORI_TEST_UNSET_KEY" in err and "cannot be an API key" in err
    assert "X-Injected" not in err


def test_several_workers_on_sqlite_are_warned_about(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *_args, **options: started.append(options))
    monkeypatch.setenv("MAMORI_TEST_KEY", "sk-test")
    config = tmp_path / "gateway.yaml"
    config.write_text(
        "redis_url: redis://127.0.0.1:6379/0\n"
        f"systems:\n  - system: {registry.system_id}\n    upstreams:\n      - name: x\n"
        "        base_url: http://127.0.0.1:9/v1\n        location: japan\n"
        "        deployment: saas-contract\n        api_key_env: MAMORI_TEST_KEY\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{registry.path}"
    for workers, warned in (("2", True), ("1", False)):
        code, _, err = mamori(
            "gateway",
            "serve",
            "--config",
            config,
            "--db",
            url,
            "--workers",
            workers,
            "--lang",
            "en",
        )
        assert code == 0
        assert ("take turns writing audit records" in err) is warned
    assert [options.get("workers") for options in started] == [2, None]
