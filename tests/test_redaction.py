"""Placeholders: stable within one text, restorable, idempotent, never out of bounds."""

from __future__ import annotations

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
    guard = Guard.default()
    once, vault = guard.redact(text)
    twice, _ = guard.redact(once, vault)
    assert twice == once
    assert vault.restore(once) == text


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_no_crash_and_offsets_in_bounds_on_any_unicode(text: str) -> None:
    result = Guard.default().scan(text)
    for item in result.findings:
        assert 0 <= item.start < item.end <= len(text)
    redacted, vault = Guard.default().redact(text)
    assert vault.restore(redacted) == text
