"""Overlay packs: an agency pack on ds920@2.0, and ds920@2.0 itself as an overlay on ds920@1.0."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from mamori.content import loader
from mamori.content.project_file import load_project
from mamori.resources import data_dir
from mamori.rules import Assessment, evaluate
from mamori.settings import Settings

from .conftest import example

SOURCE = {"document": "A庁 生成AI利用規程", "version": "1.0", "section": "第3条"}
REASONS = {
    "COMB-ANY-3": {"ja": "いずれかの軸がレベル3", "en": "an axis is at level 3"},
    "AGENCY-TWO-2": {"ja": "2つ以上の軸がレベル2以上", "en": "two axes at level 2 or above"},
}


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _stricter_axis_c() -> dict[str, Any]:
    """ds920's AXIS-C with `internal` moved from level 2 to level 3 (level 2 dropped)."""
    axes_file = data_dir() / "guidelines" / "ds920" / "1.0" / "axes.yaml"
    axis = next(a for a in yaml.safe_load(axes_file.read_text("utf-8"))["axes"] if a["key"] == "C")
    low, _, high = axis["levels"]
    high["when"] = ["internal", *high["when"]]
    return {**axis, "source": SOURCE, "levels": [low, high]}


@pytest.fixture
def packs_dir(tmp_path: Path) -> Path:
    """tmp_path/packs/agency/1.0: stricter combination, stricter AXIS-C, CONT-OUT-04 removed."""
    folder = tmp_path / "packs" / "agency" / "1.0"
    folder.mkdir(parents=True)
    text = {"ja": "A庁 版", "en": "Agency pack"}
    _write(
        folder / "pack.yaml",
        {
            "pack": {
                "id": "agency",
                "version": "1.0",
                "published": "2026-10-01",
                "document": "A庁 生成AI利用規程",
                "title": text,
                "publisher": {"ja": "A庁", "en": "The Agency"},
                "base": "ds920@2.0",
                "removed": ["CONT-OUT-04"],
            }
        },
    )
    rules = [
        {"id": rid, "min_level": level, "min_axes": count, "basis": "operational"}
        | {"source": SOURCE, "reason": REASONS[rid]}
        for rid, level, count in (("COMB-ANY-3", 3, 1), ("AGENCY-TWO-2", 2, 2))
    ]
    combination = {"id": "COMB", "basis": "operational", "source": SOURCE, "description": text}
    combination |= {"advisory_board": text, "possibly_high_risk_when": rules}
    _write(folder / "combination.yaml", {"combination": combination})
    _write(folder / "axes.yaml", {"axes": [_stricter_axis_c()]})
    return tmp_path / "packs"


def _assess(name: str, ref: str, roots: list[Path]) -> Assessment:
    return evaluate(load_project(example(name)), loader.load(ref, roots))


def test_agency_combination_rule_flips_the_verdict(packs_dir: Path) -> None:
    base = _assess("public-comment-summariser", "ds920@2.0", [])
    agency = _assess("public-comment-summariser", "agency@1.0", [packs_dir])
    expected = {"A": 1, "B": 2, "C": 1, "D": 2}
    assert {k: a.level for k, a in base.axes.items()} == expected
    assert {k: a.level for k, a in agency.axes.items()} == expected
    assert base.possibly_high_risk is False and base.fired == []
    assert agency.possibly_high_risk is True
    assert [hit.rule_id for hit in agency.fired] == ["AGENCY-TWO-2"]
    assert agency.pack == "agency@1.0"


def test_restated_axis_changes_only_that_axis(packs_dir: Path) -> None:
    base = _assess("fine-tuned-records-model", "ds920@2.0", [])
    agency = _assess("fine-tuned-records-model", "agency@1.0", [packs_dir])
    assert base.axes["C"].level == 2
    assert agency.axes["C"].level == 3
    for key in "ABD":
        assert agency.axes[key].level == base.axes[key].level

    base_axes = {a.key: a for a in loader.load("ds920@2.0").pack.axes}
    agency_axes = {a.key: a for a in loader.load("agency@1.0", [packs_dir]).pack.axes}
    assert agency_axes["C"].inherited_from is None
    assert [lv.level for lv in agency_axes["C"].levels] == [1, 3]
    for key in "ABD":
        carried = agency_axes[key]
        # The mark keeps the pack the content was written for: ds920@2.0 itself carries A, B and
        # D over from ds920@1.0, so the agency pack marks them "ds920@1.0" (see report).
        assert carried.inherited_from == base_axes[key].inherited_from == "ds920@1.0"
        strip = {"inherited_from"}
        assert carried.model_dump(exclude=strip) == base_axes[key].model_dump(exclude=strip)


def test_removed_contract_item_is_dropped(packs_dir: Path) -> None:
    base = _assess("fine-tuned-records-model", "ds920@2.0", [])
    agency = _assess("fine-tuned-records-model", "agency@1.0", [packs_dir])
    base_ids = [e.id for e in base.contract_items]
    agency_ids = [e.id for e in agency.contract_items]
    assert "CONT-OUT-04" in base_ids
    assert next(e for e in base.contract_items if e.id == "CONT-OUT-04").included
    assert agency_ids == [i for i in base_ids if i != "CONT-OUT-04"]
    pack = loader.load("agency@1.0", [packs_dir]).pack
    assert "CONT-OUT-04" not in {item.id for item in pack.contract_items}


def _changes(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: {k: v for k, v in section.items() if k != "unchanged" and v}
        for name, section in payload["sections"].items()
        if section["added"] or section["removed"] or section["changed"]
    }


def test_diff_reports_exactly_the_agency_changes(cli, packs_dir: Path) -> None:
    result = cli("guideline", "diff", "ds920@2.0", "agency@1.0", "--packs", packs_dir, "--json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["old"], payload["new"]) == ("ds920@2.0", "agency@1.0")
    changes = _changes(payload)
    assert set(changes) == {"combination", "axes", "contract_items"}
    assert changes["axes"] == {"changed": {"AXIS-C": ["levels"]}}
    assert changes["contract_items"] == {"removed": ["CONT-OUT-04"]}
    assert list(changes["combination"]) == ["changed"]
    assert "possibly_high_risk_when" in changes["combination"]["changed"]["COMB"]
    assert "AXIS-A" in payload["carried_over"] and "AXIS-C" not in payload["carried_over"]


def test_ds920_2_0_carries_everything_else_over_from_1_0() -> None:
    pack = loader.load("ds920@2.0").pack
    assert pack.pack.base == "ds920@1.0"
    assert pack.scope.inherited_from is None
    for section in loader.LIST_SECTIONS:
        for item in getattr(pack, section):
            expected = None if item.id == "WARN-ISMAP" else "ds920@1.0"
            assert item.inherited_from == expected, (section, item.id)
    assert len(pack.checkpoints) == 21 and len(pack.contract_items) == 17
    assert pack.combination.inherited_from == pack.user_rule.inherited_from == "ds920@1.0"


def test_ds920_2_0_marks_each_rule_statement_as_carried_over() -> None:
    statements = loader.load("ds920@2.0").pack.user_rule.statements
    assert statements
    assert {st.inherited_from for st in statements} == {"ds920@1.0"}


def test_diff_of_the_built_in_packs(cli) -> None:
    result = cli("guideline", "diff", "ds920@1.0", "ds920@2.0", "--json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    changes = _changes(payload)
    assert set(changes) == {"scope", "warnings"}
    assert list(changes["scope"]) == ["changed"] and list(changes["scope"]["changed"]) == ["SCOPE"]
    assert list(changes["warnings"]) == ["changed"]
    assert list(changes["warnings"]["changed"]) == ["WARN-ISMAP"]
    for section in payload["sections"].values():
        assert section["added"] == [] and section["removed"] == []
    assert "PROC-01" in payload["carried_over"] and "WARN-ISMAP" not in payload["carried_over"]


def _assess_json(cli, *args: str | Path) -> dict[str, Any]:
    result = cli("assess", example("public-comment-summariser"), "--json", "--lang", "en", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_assess_cli_uses_the_agency_pack(cli, packs_dir: Path) -> None:
    payload = _assess_json(cli, "--packs", packs_dir, "--pack", "agency@1.0")
    assert payload["pack"] == "agency@1.0"
    assert payload["pack_hash"] == loader.load("agency@1.0", [packs_dir]).content_hash
    assert payload["possibly_high_risk"] is True
    assert payload["fired_rules"] == ["AGENCY-TWO-2"]
    assert _assess_json(cli, "--pack", "ds920@2.0")["possibly_high_risk"] is False


def test_settings_read_mamori_packs_as_a_search_path(
    monkeypatch, packs_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(loader.PackNotFoundError):
        loader.load("agency@1.0")
    monkeypatch.setenv(
        "MAMORI_PACKS", os.pathsep.join([str(tmp_path / "elsewhere"), str(packs_dir)])
    )
    roots = Settings().packs
    assert roots == [tmp_path / "elsewhere", packs_dir]
    assert loader.load("agency@1.0", roots).pack.pack.base == "ds920@2.0"


def test_assess_cli_finds_agency_pack_through_mamori_packs(
    cli, monkeypatch, packs_dir: Path
) -> None:
    monkeypatch.setenv("MAMORI_PACKS", str(packs_dir))
    payload = _assess_json(cli, "--pack", "agency@1.0")
    assert payload["pack"] == "agency@1.0"
    assert payload["fired_rules"] == ["AGENCY-TWO-2"]


def test_content_hash_differs_and_is_stable(tmp_path: Path, packs_dir: Path) -> None:
    base = loader.load("ds920@2.0").content_hash
    first = loader.load("agency@1.0", [packs_dir]).content_hash
    again = loader.load("agency@1.0", [packs_dir]).content_hash
    # A copy elsewhere is loaded afresh (the cache is keyed by path): same content, same hash.
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(packs_dir, elsewhere)
    fresh = loader.load("agency@1.0", [elsewhere])
    assert fresh.path == (elsewhere / "agency" / "1.0").resolve()
    assert first.startswith("sha256:") and len(first) == len("sha256:") + 64
    assert first == again == fresh.content_hash
    assert first != base


def test_show_marks_carried_over_items(cli, packs_dir: Path) -> None:
    result = cli("guideline", "show", "ds920@2.0", "--lang", "en", "--section", "checkpoints")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("- PROC-")]
    assert len(lines) == 21
    assert all("carried over from ds920@1.0" in line for line in lines)

    axes = cli("guideline", "show", "agency@1.0", "--lang", "en", "--section", "axes")
    assert axes.exit_code == 2  # not found without --packs
    axes = cli(
        *("guideline", "show", "agency@1.0", "--lang", "en", "--section", "axes"),
        "--packs",
        packs_dir,
    )
    assert axes.exit_code == 0, axes.stderr
    marked = {
        line.split()[1]: "carried over" in line
        for line in axes.stdout.splitlines()
        if line.startswith("- AXIS-")
    }
    assert marked == {"AXIS-A": True, "AXIS-B": True, "AXIS-C": False, "AXIS-D": True}


def test_list_shows_built_in_and_agency_packs(cli, packs_dir: Path) -> None:
    plain = cli("guideline", "list", "--lang", "en")
    assert plain.exit_code == 0, plain.stderr
    refs = [line.split()[0] for line in plain.stdout.splitlines() if line.strip()]
    assert refs == ["ds920@1.0", "ds920@2.0"]

    extended = cli("guideline", "list", "--lang", "en", "--packs", packs_dir)
    assert extended.exit_code == 0, extended.stderr
    lines = {line.split()[0]: line for line in extended.stdout.splitlines() if line.strip()}
    assert list(lines) == ["agency@1.0", "ds920@1.0", "ds920@2.0"]
    assert "ds920@2.0" in lines["agency@1.0"]  # shown with its base
    assert "ds920@1.0" in lines["ds920@2.0"]
