"""Offsets into the original text survive NFKC normalisation, for any text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.screening.text import NormalizedText, _one_to_one, _translate

JAPANESE_MIX = st.text(
    alphabet=st.sampled_from(
        list("０１２３４５６７８９－（）：　ｱｲｳｶｷｸﾞﾟｰ㍻㈱①ＡＢＣａｂｃ山田太郎様、。")
        + list("0123456789-():abcABC e\u0301\u3099")
    ),
    max_size=60,
)


@pytest.mark.parametrize(
    ("text", "pattern", "expected"),
    [
        ("電話：０９０－１２３４－５６７８です", r"\d[\d-]+\d", "０９０－１２３４－５６７８"),
        ("ｶﾞｲﾄﾞ", "ガイド", "ｶﾞｲﾄﾞ"),
        ("㍻15年", "平成", "㍻"),
        ("ﾊﾟｽﾎﾟｰﾄ TK1234567", r"TK\d+", "TK1234567"),
        ("（株）テスト", r"\(株\)", "（株）"),
        ("e\u0301x", "é", "e\u0301"),
    ],
)
def test_matches_map_back_to_the_original(text: str, pattern: str, expected: str) -> None:
    normalized = NormalizedText.of(text)
    match = re.search(pattern, normalized.normalized)
    assert match is not None, normalized.normalized
    start, end = normalized.to_original(*match.span())
    assert text[start:end] == expected


def test_plain_text_is_not_copied() -> None:
    text = "本件について回答する。"
    assert NormalizedText.of(text).normalized is text


@given(st.text(max_size=80))
@settings(max_examples=300)
def test_any_unicode_maps_in_bounds(text: str) -> None:
    normalized = NormalizedText.of(text)
    length = len(normalized.normalized)
    for start in range(length + 1):
        for end in (start, min(length, start + 1), length):
            a, b = normalized.to_original(start, end)
            assert 0 <= a <= b <= len(text)


@given(JAPANESE_MIX)
@settings(max_examples=300)
def test_every_normalised_character_comes_from_its_span(text: str) -> None:
    normalized = NormalizedText.of(text)
    assert normalized.normalized == unicodedata.normalize("NFKC", normalized.normalized)
    for index, char in enumerate(normalized.normalized):
        a, b = normalized.to_original(index, index + 1)
        assert a < b, (text, index)
        assert char in unicodedata.normalize("NFKC", text[a:b]), (text, index, text[a:b])


@given(JAPANESE_MIX)
def test_spans_are_monotonic(text: str) -> None:
    normalized = NormalizedText.of(text)
    starts = [normalized.to_original(i, i + 1)[0] for i in range(len(normalized.normalized))]
    assert starts == sorted(starts)


# Characters the one-to-one table maps, BMP and supplementary, among ones it leaves alone.
_MAPPED = sorted(chr(code) for code in _one_to_one())
TABLE_MIX = st.text(
    alphabet=st.one_of(st.sampled_from(_MAPPED), st.characters(codec="utf-8")), max_size=60
)


@given(TABLE_MIX)
@settings(max_examples=300)
def test_translating_only_where_the_text_changes_equals_str_translate(text: str) -> None:
    assert _translate(text) == text.translate(_one_to_one())


@given(st.one_of(st.text(max_size=40), JAPANESE_MIX), st.integers(-3, 64), st.integers(-3, 64))
@settings(max_examples=300)
def test_the_one_to_one_shortcut_maps_like_the_pieces(text: str, start: int, end: int) -> None:
    normalized = NormalizedText.of(text)
    first = normalized._point(start, at_end=False)
    expected = (first, first) if start >= end else (first, normalized._point(end, at_end=True))
    assert normalized.to_original(start, end) == expected
