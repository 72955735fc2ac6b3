"""Invalid policies and gateway configurations are explained in the reader's language: the field,
what is wrong and what is allowed — never pydantic's English, never the rejected value."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mamori.content.gateway import load_gateway_config
from mamori.content.screening_loader import load_policy_file
from mamori.content.validation import custom_error, problem_of
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
