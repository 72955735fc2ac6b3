"""Imports point down only (ARCHITECTURE.md): front ends → services → documents → engines → content → base."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "mamori"

# Each layer may import from the layers listed for it (and from itself); anything else is a violation.
BASE = {"errors", "i18n", "resources", "settings", "vocabulary"}
ALLOWED: dict[str, set[str]] = {
    # Front ends call services; they may import engine result types to render them.
    # The CLI also launches the servers (`mamori serve`, `mamori gateway serve`); it calls no route.
    "cli": {
        "api",
        "proxy",
        "services",
        "documents",
        "rules",
        "screening",
        "content",
        "devtools",
        *BASE,
    },
    "api": {"services", "documents", "rules", "screening", "content", *BASE},
    "web": {"services", "documents", "rules", "screening", "content", *BASE},
    "proxy": {"services", "screening", "content", "audit", *BASE},
    "services": {"documents", "rules", "screening", "evals", "content", "db", "audit", *BASE},
    "documents": {"rules", "content", *BASE},
    "rules": {"content", *BASE},
    "screening": {"content", *BASE},
    "evals": {"content", "screening", *BASE},
    "content": {*BASE},
    # Development tools (the fake upstream model) stand apart: only the CLI launches them.
    "devtools": {*BASE},
    "db": {*BASE},
    "audit": {"db", *BASE},
    "errors": {"i18n", "resources"},
    "i18n": {"resources"},
    "settings": {"i18n"},
    "vocabulary": set(),
    "resources": set(),
}


def _layer(module_path: Path) -> str:
    relative = module_path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name == "mamori" or name.startswith("mamori.")]


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    layer = _layer(path)
    assert layer in ALLOWED, (
        f"{path}: layer {layer!r} is not declared in this test; add it to ALLOWED"
    )
    for line, name in _imports(path):
        parts = name.split(".")
        if len(parts) == 1:
            continue  # `import mamori` for __version__ only
        target = parts[1]
        assert target == layer or target in ALLOWED[layer], (
            f"{path.relative_to(PACKAGE)}:{line} imports {name}: layer {layer!r} may not import {target!r}"
        )


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from mamori.cli.app import app\n", encoding="utf-8")
    assert _imports(bad) == [(1, "mamori.cli.app")]
    assert "cli" not in ALLOWED["rules"]
