"""Regexes rewritten for a faster search (look-behinds after the first character) find exactly
what the originals find: same spans, same groups, in a whole text and between pos and endpos."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.screening.detectors.lexicon import LexiconDetector
from mamori.screening.detectors.pattern import PatternDetector
from mamori.screening.detectors.person import PersonDetector
from mamori.screening.guard import Guard
from mamori.screening.searchable import searchable


def found(regex: re.Pattern[str], text: str, *window: int) -> list[object]:
    return [(m.span(), m.groups(), m.groupdict()) for m in regex.finditer(text, *window)]


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(?<![0-9\-])\d{3}[\-‐−]\d{4}(?![0-9\-])", 0),
        (r"(?<![0-9A-Za-z])(?<![0-9][ \-])\d{4}[ \-]?\d{4}", 0),
        (r"(?<=[:：])\d+", 0),
        (r"(?<![0-9])(?:18|19|20)\d{2}年", 0),
        (r"(?<!a)[1-3]+?x", 0),
        (r"(?<![0-9])\d(?P<level>[1-3])?", 0),
        (r"(?<![a-z])[0-9]", re.IGNORECASE),
        (r"(?<![0-9])\d", 0),
    ],
)
def test_rewritten_regexes_start_with_a_character(pattern: str, flags: int) -> None:
    regex = re.compile(pattern, flags)
    fast = searchable(regex)
    assert fast is not regex
    for text in ("", "1234-5678 x 100-8914", "1980年 2001年", "a1x 11x b2x", "AB ab\nab", "x"):
        assert found(fast, text) == found(regex, text)
        for pos, endpos in ((1, len(text)), (2, 9), (0, 3)):
            assert found(fast, text, pos, endpos) == found(regex, text, pos, endpos)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d{3}-\d{4}",  # already starts with a character
        r"(?<![0-9])(?:\d{2}|[a-z]{2})",  # alternatives starting with classes: no usable prefix
        r"(?<![0-9])x*y",  # may start with nothing taken
        r"(?<=[:：])\s*(\d+)",
        r"(?<!a)(?P<level>[1-3])+?x",  # a group first
        r"(?i)(?<![a-z])ab+",  # a cased letter first: sre has no prefix for it either
        r"(?<!\n)..",
        r"(?<=a)(b)\1",
    ],
)
def test_regexes_that_gain_nothing_are_left_as_they_are(pattern: str) -> None:
    regex = re.compile(pattern)
    assert searchable(regex) is regex


GUARD = Guard.default()
DATA_REGEXES = sorted(
    {
        regex.pattern: regex
        for detector in GUARD.detectors
        if isinstance(detector, PatternDetector | LexiconDetector | PersonDetector)
        for _, regex in detector.prefilter_patterns()
    }.items()
)
REWRITTEN = [regex for _, regex in DATA_REGEXES if searchable(regex) is not regex]
TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789０-‐−ー ()（）:：/.年月日生昭和平成令和T TKHkdx@a.-市区町村丁目番号東京都\n",
            *("19", "20", "03-", "090", "〒", "母の", "父：", "DAN", "フィッシング", "1234 5678 "),
        ]
    ),
    max_size=40,
).map("".join)


def test_the_data_has_regexes_worth_rewriting() -> None:
    # The phone, postal, My Number, card and date recognisers begin with look-behinds.
    assert len(REWRITTEN) >= 15


@given(st.sampled_from(REWRITTEN), TEXT, st.integers(0, 8), st.integers(0, 70))
@settings(max_examples=800)
def test_every_rewritten_data_regex_finds_what_the_original_finds(
    regex: re.Pattern[str], text: str, pos: int, endpos: int
) -> None:
    fast = searchable(regex)
    assert found(fast, text) == found(regex, text)
    assert found(fast, text, pos, endpos) == found(regex, text, pos, endpos)


WITH_DIGITS = [
    regex
    for _, regex in DATA_REGEXES
    if searchable(regex, ascii_digits=True) is not searchable(regex)
]


def test_digits_are_read_as_0_to_9_only_when_asked() -> None:
    regex = re.compile(r"(?<![0-9])\d{3}(?P<rest>[\d\-]+)")
    ascii_only = searchable(regex, ascii_digits=True)
    assert found(ascii_only, "tel 012-3456") == found(regex, "tel 012-3456")
    # Arabic-Indic digits are decimal digits to \d: only the plain rewrite still finds them
    # (the guard never gives the ASCII-only regexes a text that holds such digits).
    assert found(searchable(regex), "٠١٢-٣٤") == found(regex, "٠١٢-٣٤") != []
    assert found(ascii_only, "٠١٢-٣٤") == []
    # \D is left as it is (on such a text it is [^0-9]); the look-behind is still hoisted.
    mixed = re.compile(r"(?<![0-9])\d[\D]")
    rewritten = searchable(mixed, ascii_digits=True)
    assert rewritten is not searchable(mixed) and rewritten is not mixed
    assert found(rewritten, "1x 22y a3-") == found(mixed, "1x 22y a3-") != []


def test_the_data_has_regexes_with_digits() -> None:
    assert len(WITH_DIGITS) >= 20


# Full-width digits are decimal digits too; a text the prefilter vouched for has none (NFKC).
ASCII_DIGIT_TEXT = TEXT.map(lambda text: text.replace("０", "0"))


@given(st.sampled_from(WITH_DIGITS), ASCII_DIGIT_TEXT, st.integers(0, 8), st.integers(0, 70))
@settings(max_examples=800)
def test_every_data_regex_with_ascii_digits_finds_what_the_original_finds(
    regex: re.Pattern[str], text: str, pos: int, endpos: int
) -> None:
    fast = searchable(regex, ascii_digits=True)
    assert found(fast, text) == found(regex, text)
    assert found(fast, text, pos, endpos) == found(regex, text, pos, endpos)
