"""Docs that fail when they drift: the CLI reference, the JSON Schema, the pack example, the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from mamori.content import loader
from mamori.content.project import Project
from tests import cli_reference
from tests.conftest import ROOT


def test_cli_reference_matches_the_help() -> None:
    assert cli_reference.DOC.read_text(encoding="utf-8") == cli_reference.render(), (
        "docs/cli.md is out of date: run `make docs`"
    )


def test_cli_reference_covers_every_command() -> None:
    text = cli_reference.DOC.read_text(encoding="utf-8")
    for command in (
        "mamori assess",
        "mamori guideline list",
        "mamori guideline show",
        "mamori guideline diff",
        "mamori guideline validate",
        "mamori rule ministry",
        "mamori schema project",
    ):
        assert f"## `{command}`" in text


def test_published_schema_matches_the_model() -> None:
    published = json.loads(
        (ROOT / "docs" / "schema" / "project.schema.json").read_text(encoding="utf-8")
    )
    assert published == Project.model_json_schema(), "run `make docs`"


def test_project_doc_lists_every_field() -> None:
    text = (ROOT / "docs" / "project.md").read_text(encoding="utf-8")
    for field in Project.model_fields:
        assert f"`{field}`" in text, f"docs/project.md does not describe {field}"


def test_agency_pack_example_in_the_docs_loads(tmp_path: Path) -> None:
    """docs/packs.md shows an agency pack; it must be a pack that actually loads and takes effect."""
    text = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n# (mypacks/[^\n]+?)(?: —[^\n]*)?\n(.*?)```", text, re.S)
    assert len(blocks) >= 2
    for relative, body in blocks:
        target = tmp_path / relative.split()[0]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    loaded = loader.load("moj-ai@1.0", [tmp_path / "mypacks"])
    assert loaded.pack.pack.base == "ds920@2.0"
    assert [r.id for r in loaded.pack.combination.possibly_high_risk_when] == [
        "COMB-ANY-3",
        "COMB-TWO-2",
    ]
    assert "CONT-OUT-04" not in {i.id for i in loaded.pack.contract_items}
    assert yaml.safe_load(blocks[0][1])["pack"]["id"] == "moj-ai"


def test_readme_starts_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:8]
    assert any(line.startswith("make run") for line in head)
    assert any(line.startswith("make test") for line in head)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_guard_doc_covers_every_type_recogniser_and_policy_key() -> None:
    from mamori.content.screening import Policy
    from mamori.content.screening_loader import load_screening
    from mamori.screening.findings import ENTITY_TYPES

    text = (ROOT / "docs" / "guard.md").read_text(encoding="utf-8")
    for entity in ENTITY_TYPES:
        assert f"`{entity}`" in text, entity
    data = load_screening()
    for recognizer in data.recognizers:
        assert f"`{recognizer.id}`" in text, recognizer.id
    for key in Policy.model_fields:
        assert f"`{key}`" in text, key
    for rule in data.derivation.rules:
        assert f"`{rule.id}`" in text, rule.id


def test_roles_reference_matches_the_grants() -> None:
    from tests import roles_reference

    assert roles_reference.DOC.read_text(encoding="utf-8") == roles_reference.render(), (
        "docs/roles.md is out of date: run `make docs`"
    )
