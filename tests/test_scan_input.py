"""What every detector shares per text: the digit windows are the same as those the plain loop
over digit runs would make."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.screening.detectors.base import DIGIT_GAP, DIGIT_LEAD, ScanInput
from mamori.screening.text import NormalizedText

DIGITS = re.compile(r"\d+")
TEXT = st.text(alphabet=st.sampled_from(list("0123456789٣-年 ab\n")), max_size=80)


def windows_one_run_at_a_time(normalized: str) -> tuple[tuple[int, int, int], ...]:
    windows: list[list[int]] = []
    last_digit = -DIGIT_GAP - 1
    for run in DIGITS.finditer(normalized):
        start, end = max(0, run.start() - DIGIT_LEAD), min(len(normalized), run.end() + 2)
        if windows and run.start() - last_digit <= DIGIT_GAP:
            windows[-1][1] = end
            windows[-1][2] += run.end() - run.start()
        else:
            windows.append([start, end, run.end() - run.start()])
        last_digit = run.end()
    return tuple((a, b, n) for a, b, n in windows)


@given(TEXT, st.integers(1, 14))
@settings(max_examples=500)
def test_digit_windows_are_the_merged_digit_runs(text: str, min_digits: int) -> None:
    scan = ScanInput.of(NormalizedText(text, text, (0,), (0,), (True,)))
    expected = windows_one_run_at_a_time(text)
    assert scan.digit_windows == expected
    assert scan.windows_with(min_digits) == [(a, b) for a, b, n in expected if n >= min_digits]
    assert scan.windows_with(min_digits) is scan.windows_with(min_digits)


@given(st.text(alphabet=st.sampled_from(list("0123456789-年 ab\n")), max_size=80))
@settings(max_examples=300)
def test_a_prefiltered_text_has_the_same_windows(text: str) -> None:
    plain = NormalizedText(text, text, (0,), (0,), (True,))
    read = ScanInput.of(plain, frozenset())  # as if the prefilter had read it
    assert read.digit_windows == ScanInput.of(plain).digit_windows
    assert read.has_digit == ScanInput.of(plain).has_digit
