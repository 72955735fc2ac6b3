"""What every detector shares per text, and what no detector may depend on: how long the text is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.screening.detectors.base import ScanInput
from mamori.screening.guard import Guard
from mamori.screening.text import NormalizedText


@given(st.text(alphabet=st.sampled_from(list("0123456789٣-年 ab\n")), max_size=80))
@settings(max_examples=300)
def test_a_prefiltered_text_has_the_same_digits(text: str) -> None:
    plain = NormalizedText(text, text, (0,), (0,), (True,))
    read = ScanInput.of(plain, frozenset())  # as if the prefilter had read it
    unread = ScanInput.of(plain)
    assert unread.has_digit == any(c.isdecimal() for c in text)
    # The prefilter steps aside for texts with other digits (٣); on 0-9 both agree.
    if "٣" not in text:
        assert read.has_digit == unread.has_digit


PROSE = "Please tell me which documents I need for the procedure. " * 12
JA_PROSE = "設定の詳細は別途お送りいたしますので、ご確認ください。" * 12


@pytest.mark.parametrize(
    ("value", "kind", "before", "after"),
    [
        # Matches that run on well past their last digit: once missed in long texts only.
        ("Room 496, 7-13-2 Bancho, Takamatsu-shi, Kagawa", "ADDRESS", "I live at ", "."),
        ("2001:db8:dfa8::beec", "IP_ADDRESS", "サーバ ", " で試します。"),
        ("090-1234-5678", "PHONE_NUMBER", "電話番号：", "。"),
    ],
)
def test_a_finding_does_not_depend_on_the_length_of_the_text(
    value: str, kind: str, before: str, after: str
) -> None:
    guard = Guard.default()
    for filler in ("", PROSE, JA_PROSE, PROSE + " 2026年 第3号 " + JA_PROSE):
        for text in (before + value + after + filler, filler + before + value + after):
            start = text.index(value)
            spans = [(f.start, f.end) for f in guard.find(text) if f.type == kind]
            assert any(s <= start and start + len(value) <= e for s, e in spans), (kind, len(text))
