"""The finder, the check sheets, the warnings and the users' rules as pure functions."""

from __future__ import annotations

from typing import Any

import pytest

from mamori.content import loader
from mamori.content.project import Project
from mamori.rules import evaluate
from mamori.rules.user_rule import RuleFillIns, audience_for, compose
from tests.conftest import MINIMAL_PROJECT

BASE: dict[str, Any] = {**MINIMAL_PROJECT, "procurement_pattern": "custom-build"}


def assess(**changes: Any):
    return evaluate(Project(**{**BASE, **changes}), loader.load("ds920@2.0"))


@pytest.mark.parametrize(
    ("field", "value", "axis", "level"),
    [
        ("users", "staff", "A", 1),
        ("users", "multi_org", "A", 2),
        ("users", "citizens", "A", 3),
        ("work", "internal_support", "B", 1),
        ("work", "informs_decisions", "B", 2),
        ("work", "rights_affecting", "B", 3),
        ("training_data", "none", "C", 1),
        ("training_data", "public", "C", 1),
        ("training_data", "internal", "C", 2),
        ("training_data", "personal", "C", 3),
        ("training_data", "confidential", "C", 3),
        ("human_review", "every_output", "D", 1),
        ("human_review", "sampled", "D", 2),
        ("human_review", "none", "D", 3),
    ],
)
def test_axis_levels(field: str, value: str, axis: str, level: int) -> None:
    result = assess(**{field: value})
    assert result.axes[axis].level == level
    assert result.axes[axis].value == value
    reason = result.axes[axis].reasons[0]
    assert f"レベル{level}" in reason.ja and f"level {level}" in reason.en
    assert "DS-920" in result.axes[axis].clause


@pytest.mark.parametrize(
    ("changes", "high", "rules"),
    [
        ({}, False, []),
        ({"users": "citizens"}, True, ["COMB-ANY-3"]),
        ({"users": "multi_org", "work": "informs_decisions"}, False, []),
        (
            {"users": "multi_org", "work": "informs_decisions", "training_data": "internal"},
            True,
            ["COMB-THREE-2"],
        ),
        ({"work": "rights_affecting"}, True, ["COMB-ANY-3"]),
        (
            {"work": "rights_affecting", "training_data": "personal", "human_review": "sampled"},
            True,
            ["COMB-ANY-3", "COMB-THREE-2"],
        ),
        (
            {"users": "citizens", "work": "informs_decisions", "human_review": "sampled"},
            True,
            ["COMB-ANY-3", "COMB-THREE-2"],
        ),
    ],
)
def test_combination_rule(changes: dict[str, str], high: bool, rules: list[str]) -> None:
    result = assess(**changes)
    assert result.possibly_high_risk is high
    assert result.consult_advisory_board is high
    fired = [hit.rule_id for hit in result.fired]
    assert [r for r in fired if r in {"COMB-ANY-3", "COMB-THREE-2"}] == rules


def test_every_reason_that_fired_names_its_axes() -> None:
    result = assess(users="citizens", work="informs_decisions", human_review="sampled")
    three_two = next(hit for hit in result.fired if hit.rule_id == "COMB-THREE-2")
    assert three_two.axes == ["A", "B", "D"]
    assert "A, B, D" in three_two.reason.ja


def _included(result: Any) -> set[str]:
    return {e.id for e in result.procurement_checkpoints if e.included}


def test_checkpoints_follow_pattern_and_risk() -> None:
    saas_terms = _included(assess(procurement_pattern="saas-terms"))
    build = _included(assess(procurement_pattern="custom-build"))
    assert saas_terms < build
    assert (
        "PROC-09" in build and "PROC-09" not in saas_terms
    )  # updates: only where something is built
    high = _included(assess(procurement_pattern="custom-build", users="citizens"))
    assert {"PROC-12", "PROC-15", "PROC-19", "PROC-21"} <= high - build


def test_training_data_quality_needs_data_and_a_build() -> None:
    assert "PROC-20" in _included(assess(training_data="internal", procurement_pattern="fine-tune"))
    assert "PROC-20" not in _included(assess(training_data="none", procurement_pattern="fine-tune"))
    assert "PROC-20" not in _included(
        assess(training_data="internal", procurement_pattern="saas-contract")
    )


def test_every_checkpoint_and_item_explains_itself() -> None:
    result = assess(users="citizens")
    for entry in [*result.procurement_checkpoints, *result.contract_items]:
        if entry.included:
            assert entry.why.ja.startswith("対象:") and entry.why.en.startswith("Included:")
            assert entry.matched
        else:
            assert entry.why.ja.startswith("対象外:") and entry.why.en.startswith("Not included:")
            # the planner sees this project's own values, so the reason can be checked
            assert "This project:" in entry.why.en
            assert not entry.matched


def test_excluded_reason_quotes_the_projects_value() -> None:
    result = assess(procurement_pattern="saas-contract")
    updates = next(e for e in result.procurement_checkpoints if e.id == "PROC-09")
    assert not updates.included
    assert "individually contracted cloud service" in updates.why.en
    assert "個別契約型クラウドサービス" in updates.why.ja


@pytest.mark.parametrize(
    ("changes", "warning"),
    [
        (
            {"procurement_pattern": "saas-terms", "input_data": "internal"},
            "WARN-SAAS-TERMS-CONFIDENTIAL",
        ),
        (
            {"procurement_pattern": "saas-terms", "training_data": "personal"},
            "WARN-SAAS-TERMS-CONFIDENTIAL",
        ),
        ({"server_location": "abroad", "input_data": "personal"}, "WARN-FOREIGN-SERVER"),
        ({"server_location": "unknown"}, "WARN-UNKNOWN-LOCATION"),
        ({"procurement_pattern": "saas-contract"}, "WARN-ISMAP"),
        ({"work": "rights_affecting", "human_review": "none"}, "WARN-NO-REVIEW-RIGHTS"),
        ({"users": "citizens", "human_review": "sampled"}, "WARN-CITIZEN-NO-REVIEW"),
    ],
)
def test_warnings_fire(changes: dict[str, str], warning: str) -> None:
    assert warning in {w.id for w in assess(**changes).warnings}


@pytest.mark.parametrize(
    ("changes", "warning"),
    [
        (
            {"procurement_pattern": "saas-terms", "input_data": "public"},
            "WARN-SAAS-TERMS-CONFIDENTIAL",
        ),
        ({"server_location": "abroad", "input_data": "public"}, "WARN-FOREIGN-SERVER"),
        ({"procurement_pattern": "saas-contract", "ismap_listed": True}, "WARN-ISMAP"),
        ({"procurement_pattern": "on-premises"}, "WARN-ISMAP"),
    ],
)
def test_warnings_stay_quiet(changes: dict[str, Any], warning: str) -> None:
    assert warning not in {w.id for w in assess(**changes).warnings}


def test_data_max_is_the_more_sensitive_of_training_and_input() -> None:
    assert (
        Project(**{**BASE, "training_data": "public", "input_data": "personal"}).data_max()
        == "personal"
    )
    assert (
        Project(**{**BASE, "training_data": "confidential", "input_data": "public"}).data_max()
        == "confidential"
    )
    assert Project(**BASE).data_max() == "none"


def test_user_rule_variants() -> None:
    pack = loader.load("ds920@2.0").pack
    fill = RuleFillIns(organization="テスト省", contact="窓口X", system_name="S", purpose="P")
    assert audience_for("citizens") == "citizen" and audience_for("multi_org") == "staff"
    facts_japan = assess().facts
    staff = compose(pack, "staff", fill, facts_japan)
    assert "UR-04" in staff.omitted  # servers in Japan: no foreign-government statement
    abroad = compose(pack, "staff", fill, assess(server_location="abroad").facts)
    assert "UR-04" not in abroad.omitted
    on_prem = compose(pack, "staff", fill, assess(procurement_pattern="on-premises").facts)
    assert "UR-03" in on_prem.omitted
    ministry = compose(pack, "ministry", RuleFillIns(organization="テスト省", contact="窓口X"))
    assert ministry.omitted == []
    assert sum(len(s.statements) for s in ministry.sections) == 12
    citizen = compose(pack, "citizen", fill, facts_japan)
    citizen_texts = {sid: text.ja for s in citizen.sections for sid, text in s.statements}
    staff_texts = {sid: text.ja for s in staff.sections for sid, text in s.statements}
    assert citizen_texts.keys() == staff_texts.keys()
    assert any(citizen_texts[k] != staff_texts[k] for k in citizen_texts)
    assert "窓口X" in staff.contact.ja and "窓口X" in staff.contact.en
    assert "テスト省" in ministry.title.ja
