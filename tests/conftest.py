from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mamori.cli.app import app
from mamori.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "projects"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXED_DATE = "2026-04-01"

MINIMAL_PROJECT: dict[str, object] = {
    "name": "テストシステム",
    "organization": "テスト省",
    "purpose": "職員の文書作成を支援する。",
    "users": "staff",
    "work": "internal_support",
    "training_data": "none",
    "human_review": "every_output",
    "procurement_pattern": "saas-contract",
    "server_location": "japan",
}
"""A valid project with every axis at level 1; tests change the fields they are about."""


class Cli:
    """Runs ``mamori`` in-process and keeps stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str | Path):
        return self.runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MAMORI_LANG", "MAMORI_PACKS", "MAMORI_DEFAULT_PACK", "MAMORI_CONTACT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def pack_copy(tmp_path: Path):
    """Copy a built-in pack into ``tmp_path/packs/<id>/<version>`` so a test can break or extend it."""

    def copy(
        ref: str = "ds920@1.0", as_id: str | None = None, as_version: str | None = None
    ) -> Path:
        pack_id, version = ref.split("@")
        target = tmp_path / "packs" / (as_id or pack_id) / (as_version or version)
        shutil.copytree(data_dir() / "guidelines" / pack_id / version, target)
        return target

    return copy


def example(name: str) -> Path:
    matches = sorted(EXAMPLES.glob(f"{name}.*"))
    assert matches, f"no example {name}"
    return matches[0]
