"""Invalid policies and gateway configurations are explained in the reader's language: the field,
what is wrong and what is allowed — never pydantic's English, never the rejected value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mamori.content.gateway import load_gateway_config
from mamori.content.screening_loader import load_policy_file
from mamori.content.validation import custom_error, problem_of, problems_of
from mamori.errors import GatewayConfigError, MamoriError, PolicyInvalidError

PYDANTIC_ENGLISH = ("Input should", "Field required", "Extra inputs", "Value error")


class Sample(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["block", "redact"] = "block"
    count: Annotated[int, Field(ge=1, le=5)] = 1
    score: Annotated[float, Field(gt=0, lt=1)] = 0.5
    name: Annotated[str, Field(min_length=2, max_length=4)] = "ab"
    items: Annotated[list[str], Field(min_length=1, max_length=2)] = ["a"]
    enabled: bool = True
    code: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "AB"
    table: dict[str, int] = {}
    needed: str

    @field_validator("table")
    @classmethod
    def _no_zero(cls, value: dict[str, int]) -> dict[str, int]:
        if 0 in value.values():
            raise custom_error("system_twice", "system {system} is listed twice", system=7)
        return value


@pytest.mark.parametrize(
    ("data", "ja", "en"),
    [
        ({}, "必須の項目がありません", "required field is missing"),
        ({"surplus": 1}, "この項目は使えません", "not known here"),
        ({"action": "blok"}, "指定できる値: block, redact", "block, redact"),
        ({"count": 0}, "1 以上", "at least 1"),
        ({"count": 9}, "5 以下", "at most 5"),
        ({"count": "many"}, "整数で", "whole number"),
        ({"score": 0}, "0 より大きい", "above 0"),
        ({"score": 1}, "1.0 より小さい", "below 1.0"),
        ({"score": "high"}, "数値で", "give a number"),
        ({"name": "a"}, "2 文字以上", "at least 2 characters"),
        ({"name": "abcdef"}, "4 文字以内", "at most 4 characters"),
        ({"name": 5}, "文字列で", "give text"),
        ({"items": []}, "1 個以上", "at least 1 entries"),
        ({"items": ["a", "b", "c"]}, "2 個まで", "at most 2 entries"),
        ({"items": "a"}, "リスト", "give a list"),
        ({"enabled": "maybe"}, "true, false", "true, false"),
        ({"code": "abc"}, "書式が正しくありません", "wrong format"),
        ({"table": [1]}, "マッピング", "mapping"),
        ({"table": {"a": 0}}, "システム 7 が2回", "system 7 is listed twice"),
    ],
)
def test_each_kind_of_error_reads_in_both_languages(data: dict[str, Any], ja: str, en: str) -> None:
    with pytest.raises(ValidationError) as invalid:
        Sample.model_validate({"needed": "x", **data} if data else data)
    [error] = [e for e in invalid.value.errors() if data or e["loc"] == ("needed",)]
    problem = problem_of(error, "file.yaml")
    assert problem.location.startswith("file.yaml: ")
    assert ja in problem.render("ja")
    assert en in problem.render("en")
    assert not any(english in problem.render("ja") for english in PYDANTIC_ENGLISH)


class Keyed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    actions: dict[Literal["PERSON", "MY_NUMBER"], Literal["block", "redact"]] = {}
    detectors: Literal["all"] | list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]] = "all"
    version: Literal[1] = 1
    when: dict[str, int] = {}


def keyed_problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as invalid:
        Keyed.model_validate(data)
    return [problem.render("ja") for problem in problems_of(invalid.value, "f.yaml")]


def test_a_refused_key_is_named_by_its_mapping_not_repeated() -> None:
    [problem] = keyed_problems({"actions": {"田中一郎": "block"}})
    assert problem == "f.yaml: actions: 使えないキーがあります。指定できる値: PERSON, MY_NUMBER"


def test_a_value_under_a_users_key_is_reported_without_the_key() -> None:
    [problem] = keyed_problems({"when": {"山田 090-1234-5678": "x"}})
    assert problem == "f.yaml: when: 整数で記入してください。"


def test_one_union_reports_what_is_wrong_inside_it_not_each_alternative() -> None:
    [problem] = keyed_problems({"detectors": ["田中一郎"]})
    assert problem.startswith("f.yaml: detectors.0: 書式が正しくありません")
    assert "list[" not in problem and "田中一郎" not in problem


def test_allowed_values_are_listed_when_they_are_not_quoted() -> None:
    [problem] = keyed_problems({"version": 2})
    assert problem.endswith("指定できる値: 1")


def test_errors_without_a_message_of_ours_are_named_by_kind_only() -> None:
    class Dated(BaseModel):
        on: dt.date

    with pytest.raises(ValidationError) as invalid:
        Dated.model_validate({"on": "山田太郎の誕生日"})
    [problem] = problems_of(invalid.value, "f.yaml")
    assert problem.render("ja").startswith("f.yaml: on: 値が正しくありません（date_")
    assert "山田太郎" not in problem.render("ja") + problem.render("en")


def lines(error: MamoriError, lang: Any) -> str:
    return "\n".join(problem.render(lang) for problem in error.problems)


def test_an_invalid_policy_is_explained_in_japanese_without_its_values(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "id: x\n"
        "description: {ja: 説明, en: description}\n"
        "detectors: all\n"
        "actions: {MY_NUMBER: 090-1234-5678}\n"
        "output_actions: {OUT_OF_SCOPE: flag}\n"
        "thresholds: {PERSON: 0.5}\n"
        "max_level: 山田太郎\n",
        encoding="utf-8",
    )
    with pytest.raises(PolicyInvalidError) as invalid:
        load_policy_file(policy)
    japanese = lines(invalid.value, "ja")
    assert (
        "actions.MY_NUMBER: この値は使えません。指定できる値: block, redact, flag, allow"
        in japanese
    )
    assert "output_actions: OUT_OF_SCOPE は要求（入力）だけで判定" in japanese
    assert "thresholds: thresholds に default" in japanese
    assert "max_level: この項目は使えません" in japanese
    assert "give a 'default' threshold" in lines(invalid.value, "en")
    for text in (japanese, lines(invalid.value, "en"), str(invalid.value)):
        assert "090-1234-5678" not in text and "山田太郎" not in text
        assert not any(english in text for english in PYDANTIC_ENGLISH)


def test_a_system_listed_twice_in_the_gateway_configuration_is_named(tmp_path: Path) -> None:
    system = (
        "  - system: 3\n    upstreams:\n      - name: x\n        base_url: http://127.0.0.1:9/v1\n"
        "        location: japan\n        deployment: on-premises\n"
    )
    config = tmp_path / "gateway.yaml"
    config.write_text("systems:\n" + system + system, encoding="utf-8")
    with pytest.raises(GatewayConfigError) as invalid:
        load_gateway_config(config)
    assert "システム 3 が2回記載されています" in lines(invalid.value, "ja")
    assert "system 3 is listed twice" in lines(invalid.value, "en")


def test_a_bad_upstream_url_is_explained_in_japanese(tmp_path: Path) -> None:
    config = tmp_path / "gateway.yaml"
    config.write_text(
        "systems:\n  - system: 3\n    upstreams:\n      - name: x\n        base_url: 田中一郎\n"
        "        location: japan\n        deployment: on-premises\n",
        encoding="utf-8",
    )
    with pytest.raises(GatewayConfigError) as invalid:
        load_gateway_config(config)
    japanese = lines(invalid.value, "ja")
    assert "systems.0.upstreams.0.base_url: URL（http:// または https:// で始まるもの）" in japanese
    assert "田中一郎" not in japanese and "Input should" not in japanese
