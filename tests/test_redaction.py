"""Placeholders: stable within one text, restorable, idempotent, never out of bounds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.screening.findings import Explanation, Finding
from mamori.screening.guard import Guard
from mamori.screening.redaction import Vault


def finding(kind: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, 0.9, "test", Explanation("test"))  # type: ignore[arg-type]


def test_same_value_same_placeholder_and_restore() -> None:
    text = "山田 と 佐藤 と 山田"
    vault = Vault()
    redacted = vault.redact(
        text, [finding("PERSON", 0, 2), finding("PERSON", 5, 7), finding("PERSON", 10, 12)]
    )
    assert redacted == "<PERSON_1> と <PERSON_2> と <PERSON_1>"
    assert (
        vault.restore("回答: <PERSON_2> さんへ、<PERSON_1> さんから")
        == "回答: 佐藤 さんへ、山田 さんから"
    )
    assert vault.restore("<PERSON_9> は知らない") == "<PERSON_9> は知らない"


def test_overlapping_and_out_of_range_findings_are_skipped() -> None:
    text = "abcdef"
    redacted = Vault().redact(
        text, [finding("PERSON", 0, 4), finding("EMAIL_ADDRESS", 2, 5), finding("PERSON", 4, 99)]
    )
    assert redacted == "<PERSON_1><PERSON_2>"


def test_vault_continues_numbering_across_messages() -> None:
    vault = Vault()
    first = vault.redact("佐藤", [finding("PERSON", 0, 2)])
    second = vault.redact("鈴木と佐藤", [finding("PERSON", 0, 2), finding("PERSON", 3, 5)])
    assert first == "<PERSON_1>"
    assert second == "<PERSON_2>と<PERSON_1>"


SAMPLES = st.lists(
    st.sampled_from(
        [
            "氏名：山田太郎",
            "電話 090-1234-5678",
            "個人番号 1234 5678 9018",
            "mail taro@example.go.jp",
            "〒100-8914 東京都千代田区霞が関1-3-1",
            "本件について回答する。",
            "<PERSON_1>",
            "１２３",
        ]
    ),
    max_size=6,
).map("、".join)


@given(SAMPLES)
@settings(max_examples=60, deadline=None)
def test_redaction_is_idempotent_and_restorable(text: str) -> None:
    assert_idempotent_and_restorable(text)


def assert_idempotent_and_restorable(text: str) -> None:
    """Redacting the redacted text again with the same vault changes nothing; the vault gives the
    text back."""
    guard = Guard.default()
    once, vault = guard.redact(text)
    assert guard.redact(once, vault)[0] == once
    assert vault.restore(once) == text


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_no_crash_and_offsets_in_bounds_on_any_unicode(text: str) -> None:
    result = Guard.default().scan(text)
    for item in result.findings:
        assert 0 <= item.start < item.end <= len(text)
    redacted, vault = Guard.default().redact(text)
    assert vault.restore(redacted) == text


# Pieces glued together with nothing between them, as the redaction fuzzing of 2026-12-07 met
# them: a placeholder's name (<DATE_OF_BIRTH_1>) read as context for the date next to it, and its
# brackets as a boundary a key could start at (〒<POSTAL_CODE_1>sk-proj-…), made a second
# redaction find what the first had not.
GLUED = st.lists(
    st.sampled_from(
        [
            "氏名",
            "生年月日",
            "免許証番号",
            "口座名義",
            "名義",
            "は",
            " ",
            "\t",
            " / ",
            "|",
            ",",
            "\n",
            "山田",
            "太郎",
            "タロウ",
            "Hiroshi",
            ":",
            "：",
            "2025-06-18 16:40 ",
            "1980/3/15",
            "301234567890",
            "123456789018",
            "〒100-8914",
            "東京都千代田区霞が関1-3-1",
            "様",
            "さん",
            "でございます",
            "（",
            "）",
            "<PERSON_1>",
            "sk-proj-xxxx",
            "パスワード：",
            "Xk8#mq2LpZ",
            "方法を教えて",
            "。",
            "ｶﾞ",
            "①",
        ]
    ),
    min_size=1,
    max_size=30,
).map("".join)


@given(GLUED)
@settings(max_examples=300, deadline=None)
def test_redacting_twice_with_one_vault_changes_nothing_even_when_pieces_touch(text: str) -> None:
    assert_idempotent_and_restorable(text)


@pytest.mark.parametrize(
    "text",
    [
        "生年月日 / 1980/3/15，様2025-06-18 16:40",
        "パスワード：<PERSON_1>山田太郎",
        "〒100-8914sk-proj-xxxxHiroshi1980/3/15さん",
    ],
)
def test_redacting_twice_found_by_fuzzing(text: str) -> None:
    guard = Guard.default()
    once, vault = guard.redact(text)
    assert once != text  # something was redacted the first time
    assert guard.redact(once, vault)[0] == once
