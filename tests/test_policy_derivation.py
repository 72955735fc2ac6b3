"""A system's policy from its project description: which rules apply, what they change, what they cite."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from mamori.content import loader
from mamori.content.project import Project
from mamori.content.screening import Policy
from mamori.content.screening_loader import load_screening
from mamori.rules import evaluate
from mamori.screening.derive import derive, pack_ids
from mamori.screening.guard import Guard
from tests.conftest import MINIMAL_PROJECT

BASE: dict[str, Any] = {**MINIMAL_PROJECT}


def derived(**changes: Any) -> Policy:
    project = Project(**{**BASE, **changes})
    loaded = loader.load("ds920@2.0")
    return derive(project, evaluate(project, loaded).facts, loaded.pack, load_screening())


def without_purpose(policy: Policy) -> Guard:
    """A guard for ``policy`` that does not also judge whether the text is in scope."""
    return Guard.default().with_policy(policy.model_copy(update={"purpose": "", "examples": []}))


def rule_ids(policy: Policy) -> list[str]:
    return [rule.id for rule in policy.rules]


@pytest.mark.parametrize("pack", ["ds920@1.0", "ds920@2.0"])
def test_every_citation_exists_in_the_pack(pack: str) -> None:
    known = pack_ids(loader.load(pack).pack)
    for rule in load_screening().derivation.rules:
        assert rule.enforces, rule.id
        assert set(rule.enforces) <= known, rule.id


def test_a_plain_staff_system_keeps_the_default_policy() -> None:
    policy = derived()
    default = load_screening().policies["default"]
    # Only the default policy's own rules (why each type is handled so), no derivation rule.
    assert rule_ids(policy) == [rule.id for rule in default.rules]
    assert all(rule.enforces for rule in default.rules)
    assert policy.actions == default.actions
    assert policy.max_classification_level == default.max_classification_level
    assert policy.purpose == BASE["purpose"]


def test_terms_of_service_blocks_personal_data_and_every_marking() -> None:
    policy = derived(procurement_pattern="saas-terms")
    assert "DERIVE-SAAS-TERMS" in rule_ids(policy)
    assert policy.actions["PERSON"] == "block" and policy.actions["MY_NUMBER"] == "block"
    assert policy.max_classification_level == 0
    rule = next(r for r in policy.rules if r.id == "DERIVE-SAAS-TERMS")
    assert "UR-03" in rule.enforces and "PERSON" in rule.types
    assert without_purpose(policy).scan("田中さんに連絡する").verdict.action == "block"


@pytest.mark.parametrize("location", ["abroad", "unknown"])
def test_servers_outside_japan_block_markings_and_my_number(location: str) -> None:
    policy = derived(server_location=location)
    assert "DERIVE-FOREIGN-SERVER" in rule_ids(policy)
    assert policy.max_classification_level == 0
    assert without_purpose(policy).scan("【機密性１】公表予定の資料").verdict.action == "block"
    assert Guard.default().scan("【機密性１】公表予定の資料").verdict.action == "allow"


def test_citizens_get_stricter_output_rules() -> None:
    policy = derived(users="citizens")
    assert "DERIVE-CITIZEN-OUTPUT" in rule_ids(policy)
    assert policy.output_actions["PERSON"] == "block"
    assert policy.actions["PERSON"] == "redact"  # a citizen may still write their own name
    assert policy.threshold_for("HARMFUL") < policy.threshold_for("default")
    guard = without_purpose(policy)
    assert guard.scan("担当の田中様にお伝えください", output=True).verdict.action == "block"
    assert guard.scan("担当の田中様にお伝えください").verdict.action == "redact"


def test_purpose_limit_applies_to_outside_users_and_high_risk() -> None:
    assert derived(users="multi_org").actions["OUT_OF_SCOPE"] == "block"
    assert derived(work="rights_affecting").actions["OUT_OF_SCOPE"] == "block"  # possibly high-risk
    assert derived().actions["OUT_OF_SCOPE"] == "flag"


def test_stricter_setting_wins_among_rules() -> None:
    # saas-terms sets level 0; both the terms rule and the foreign-server rule apply.
    policy = derived(procurement_pattern="saas-terms", server_location="abroad")
    assert {"DERIVE-SAAS-TERMS", "DERIVE-FOREIGN-SERVER"} <= set(rule_ids(policy))
    assert policy.max_classification_level == 0


def test_government_infrastructure_may_allow_level_two() -> None:
    policy = derived(procurement_pattern="on-premises")
    assert "DERIVE-GOVERNMENT-INFRASTRUCTURE" in rule_ids(policy)
    assert policy.max_classification_level == 2
    assert without_purpose(policy).scan("【機密性２】内部資料").verdict.action == "allow"
    assert without_purpose(derived()).scan("【機密性２】内部資料").verdict.action == "block"


def test_examples_and_purpose_feed_the_out_of_scope_check() -> None:
    policy = derived(
        users="multi_org",
        purpose="会議の議事録を要約する",
        examples=["この議事録を300字で要約して", "決定事項を箇条書きにして"],
    )
    guard = Guard.default().with_policy(policy)
    assert guard.scan("おすすめのラーメン屋を教えてください").verdict.action == "block"
    assert guard.scan("先週の会議の議事録を要約してください").verdict.action == "allow"


def test_a_policy_fails_closed() -> None:
    minimal = Policy(id="minimal", description={"ja": "最小", "en": "minimal"})  # type: ignore[arg-type]
    assert minimal.action_for("PERSON") == "block"  # nothing stated: blocked
    assert Guard.default().with_policy(minimal).scan("田中さんへ").verdict.action == "block"
    with pytest.raises(ValidationError):
        Policy.model_validate(
            {"id": "x", "description": {"ja": "x", "en": "x"}, "actions": {"PERSON": "maybe"}}
        )
    with pytest.raises(ValidationError):
        Policy.model_validate(
            {"id": "x", "description": {"ja": "x", "en": "x"}, "thresholds": {"PERSON": 0.4}}
        )
    with pytest.raises(ValidationError):
        Policy.model_validate({"id": "x", "description": {"ja": "x", "en": "x"}, "unknown": 1})
