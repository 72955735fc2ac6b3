"""Findings remembered per text (the gateway's guards): the same findings as screening again,
never the text itself, and nothing that depends on a request's own placeholders."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.screening.guard import Guard
from mamori.screening.memo import MIN_CHARS, FindingsMemo
from mamori.screening.redaction import Vault

PLAIN = Guard.default()
HISTORY = (
    "前回の問い合わせの件です。申請者 田中一郎さん（電話 090-1234-5678）の住所は"
    "東京都千代田区霞が関1-3-1 です。個人番号 123456789018 は添付しません。"
)


def remembering(size: int = 16) -> Guard:
    return Guard(PLAIN.policy, PLAIN.data, memo=FindingsMemo(size))


def test_a_text_seen_again_is_not_screened_again_and_gets_the_same_findings() -> None:
    guard = remembering()
    assert guard.memo is not None
    first = guard.find(HISTORY)
    again = guard.find(HISTORY)
    assert first == again == PLAIN.find(HISTORY)
    assert {f.type for f in again} >= {"PERSON", "PHONE_NUMBER", "ADDRESS", "MY_NUMBER"}
    assert (guard.memo.misses, guard.memo.hits) == (1, 1)
    again.clear()  # a caller's list is its own
    assert guard.find(HISTORY) == first


def test_what_is_remembered_is_a_digest_never_the_text() -> None:
    guard = remembering()
    assert guard.memo is not None
    guard.find(HISTORY)
    [key] = list(guard.memo._entries)
    assert len(key) == 20 and b"123456789018" not in key
    assert "田中".encode() not in key and key != HISTORY.encode()


def test_short_texts_answers_and_texts_with_the_requests_placeholders_are_not_remembered() -> None:
    guard = remembering()
    assert guard.memo is not None
    guard.find("田中さん" * (MIN_CHARS // 4 - 1))  # just under the length worth remembering
    guard.find(HISTORY, output=True)  # an answer is never sent again as it was
    vault = Vault()
    redacted = vault.redact(HISTORY, [f for f in PLAIN.find(HISTORY) if f.type == "PERSON"])
    assert "<PERSON_1>" in redacted
    found = guard.find(redacted, vault)
    assert found == PLAIN.find(redacted, vault)
    assert all(f.type != "PERSON" for f in found)  # the vault's own placeholder is no finding
    assert len(guard.memo) == 0 and guard.memo.hits == 0


def test_the_least_recently_used_text_goes_first() -> None:
    guard = remembering(size=2)
    assert guard.memo is not None
    texts = [HISTORY + f" 第{n}版" for n in range(3)]
    guard.find(texts[0])
    guard.find(texts[1])
    guard.find(texts[0])  # used again: now texts[1] is the oldest
    guard.find(texts[2])
    assert len(guard.memo) == 2
    hits = guard.memo.hits
    guard.find(texts[0])
    assert guard.memo.hits == hits + 1
    guard.find(texts[1])
    assert guard.memo.hits == hits + 1  # forgotten: screened again


def test_a_memo_needs_room() -> None:
    with pytest.raises(ValueError, match="at least one"):
        FindingsMemo(0)


@given(st.text(min_size=MIN_CHARS, max_size=300))
@settings(max_examples=150, deadline=None)
def test_remembered_findings_are_the_findings(text: str) -> None:
    guard = remembering()
    assert guard.find(text) == PLAIN.find(text)
    assert guard.find(text) == PLAIN.find(text)
