"""The built-in packs: complete, bilingual, every item with a stable id, basis and source."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from mamori.content import loader
from mamori.content.models import Item, Localized, Pack

PACKS = ("ds920@1.0", "ds920@2.0")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _walk(node: object, path: str = "") -> Iterator[tuple[str, object]]:
    yield path, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _walk(getattr(node, name), f"{path}.{name}" if path else name)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{index}]")


@pytest.fixture(params=PACKS)
def pack(request: pytest.FixtureRequest) -> Pack:
    return loader.load(request.param).pack


def test_both_packs_are_listed_newest_last() -> None:
    refs = [loc.ref for loc in loader.discover(loader.search_roots())]
    assert refs[-2:] == ["ds920@1.0", "ds920@2.0"]
    assert loader.locate("ds920", loader.search_roots()).ref == "ds920@2.0"


def test_published_dates() -> None:
    assert str(loader.load("ds920@1.0").pack.pack.published) == "2025-05-27"
    assert str(loader.load("ds920@2.0").pack.pack.published) == "2026-06-12"


def test_twenty_one_checkpoints_in_three_groups(pack: Pack) -> None:
    checkpoints = sorted(pack.checkpoints, key=lambda c: c.number)
    assert [c.id for c in checkpoints] == [f"PROC-{n:02d}" for n in range(1, 22)]
    groups = {g.id: g.key for g in pack.checkpoint_groups}
    by_group = [groups[c.group] for c in checkpoints]
    assert (
        by_group
        == ["governance"] * 5 + ["development_operation"] * 6 + ["system_requirements"] * 10
    )
    assert all(c.basis == "text" for c in checkpoints)  # the titles are the guideline's


def test_system_requirements_map_to_the_ten_safety_perspectives(pack: Pack) -> None:
    checkpoints = sorted(pack.checkpoints, key=lambda c: c.number)
    assert all(c.safety_perspective is None for c in checkpoints[:11])
    mapped = [c.safety_perspective for c in checkpoints[11:]]
    assert mapped == [p.id for p in pack.safety_perspectives]
    assert len(set(mapped)) == 10


def test_contract_items_cover_the_four_areas(pack: Pack) -> None:
    areas = {a.id: a.key for a in pack.contract_areas}
    assert set(areas.values()) == {"inputs", "outputs", "incidents", "exit"}
    assert {areas[item.area] for item in pack.contract_items} == set(areas.values())
    assert [item.number for item in sorted(pack.contract_items, key=lambda i: i.number)] == list(
        range(1, len(pack.contract_items) + 1)
    )


def test_model_user_rule_structure(pack: Pack) -> None:
    rule = pack.user_rule
    assert [s.number for s in rule.sections][:2] == ["1", "2"]
    assert len(rule.statements) == 12
    assert all("staff" in s.text and "citizen" in s.text for s in rule.statements)
    assert all(s.basis == "text" for s in rule.statements)


def test_roles_and_risk_case_categories(pack: Pack) -> None:
    assert {r.key for r in pack.roles} >= {"caio", "planner", "provider", "user", "advisory_board"}
    keys = {c.key for c in pack.risk_case_categories}
    assert keys == {p.key for p in pack.safety_perspectives} | {"security_incident", "other"}


def test_every_item_has_an_id_basis_and_source(pack: Pack) -> None:
    items = [node for _, node in _walk(pack) if isinstance(node, Item)]
    assert len(items) > 80
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids)), "item ids must be unique across the pack"
    for item in items:
        assert item.basis in {"text", "operational"}
        assert item.source.version and item.source.section


def test_operational_reading_is_marked(pack: Pack) -> None:
    """The levels and the combination rule are our reading: the pack must not claim them as text."""
    assert pack.combination.basis == "operational"
    assert all(level.basis == "operational" for axis in pack.axes for level in axis.levels)
    assert all(axis.basis == "text" for axis in pack.axes)


def test_every_text_exists_in_both_languages(pack: Pack) -> None:
    texts = [(path, node) for path, node in _walk(pack) if isinstance(node, Localized)]
    assert len(texts) > 300
    for path, text in texts:
        assert text.ja.strip() and text.en.strip(), path
        assert _JAPANESE.search(text.ja), f"{path}: the ja text has no Japanese in it"
        # English may quote a Japanese term (機密性3, 約款型) but must be mostly English.
        share = len(_JAPANESE.findall(text.en)) / len(text.en)
        assert share < 0.3, f"{path}: the en text looks Japanese"


def test_v2_says_per_item_what_it_carries_over_from_v1() -> None:
    v2 = loader.load("ds920@2.0").pack
    assert v2.pack.base == "ds920@1.0" and v2.pack.base_note is not None
    assert v2.scope.inherited_from is None and v2.scope.source.version == "2.0"
    inherited = [c for c in v2.checkpoints if c.inherited_from == "ds920@1.0"]
    assert len(inherited) == 21
    assert all(i.inherited_from == "ds920@1.0" for i in v2.contract_items)
    ismap = next(w for w in v2.warnings if w.id == "WARN-ISMAP")
    assert ismap.inherited_from is None and "2026" in ismap.source.version


def test_content_hash_identifies_the_content() -> None:
    one, two = loader.load("ds920@1.0"), loader.load("ds920@2.0")
    assert one.content_hash.startswith("sha256:") and len(one.content_hash) == 71
    assert one.content_hash != two.content_hash
