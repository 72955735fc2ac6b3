"""The out-of-scope similarity is computed faster but must come out bit for bit the same: each
reference below is the plain computation the detector used before."""

from __future__ import annotations

import math
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.content.screening import ScopeRecognizer
from mamori.screening.detectors.scope import ScopeDetector, ngrams

NOISE = re.compile(r"[\s\W_ぁ-ゖー]+")
TEXT = st.text(
    # ぁ and ゖ bound the kana that make noise, ゝ and ゟ lie just outside; NUL and A/Σ (whose
    # lower case differs) test the one-pass counting.
    alphabet=st.sampled_from(
        list("議事録を要約してくださいラーメン屋の会議ーァ ab_1、。\n!？ぁゖゝゟ\x00AΣ")
    ),
    max_size=120,
)


def plain_ngrams(text: str, n: int) -> Counter[str]:
    grams: Counter[str] = Counter()
    for chunk in re.split(r"[\s\W_]+", text.lower()):
        for i in range(len(chunk) - n + 1):
            gram = chunk[i : i + n]
            if not NOISE.fullmatch(gram):
                grams[gram] += 1
    return grams


def plain_cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[gram] for gram, count in a.items() if gram in b)
    return dot / (
        math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    )


@given(TEXT, st.integers(1, 3))
@settings(max_examples=300)
def test_ngrams_are_counted_and_ordered_as_before(text: str, n: int) -> None:
    expected = plain_ngrams(text, n)
    found = ngrams(text, n)
    assert found == expected and list(found) == list(expected)


REFERENCES = ["会議の議事録を要約する", "議事録を要約してください", "ラーメン屋の一覧"]
DETECTOR = ScopeDetector(
    ScopeRecognizer.model_validate(
        {"kind": "scope", "id": "s", "description": {"ja": "範囲", "en": "scope"}}
    ),
    REFERENCES,
    0.1,
)


@given(TEXT)
@settings(max_examples=300)
def test_similarity_is_bit_for_bit_the_plain_cosine(text: str) -> None:
    references = [plain_ngrams(r.lower(), 2) for r in REFERENCES]
    parts = list(DETECTOR._parts(text))
    expected = max(
        (plain_cosine(part, ref) for part in parts for ref in references if ref), default=0.0
    )
    assert DETECTOR.similarity(text) == expected


def test_every_word_character_is_printable() -> None:
    """ngrams() drops the bigrams that span two runs by their NUL: it relies on every other
    character being printable, which holds for every character Python calls a word character."""
    separator = re.compile(r"[\s\W_]")
    unprintable_words = [
        code
        for code in range(0x110000)
        if not separator.match(chr(code)) and not chr(code).isprintable()
    ]
    assert unprintable_words == []


@given(TEXT)
@settings(max_examples=300)
def test_stopping_at_the_first_part_in_scope_decides_as_the_best_part_would(text: str) -> None:
    from mamori.screening.detectors.base import ScanInput
    from mamori.screening.text import NormalizedText

    scan = ScanInput.of(NormalizedText.of(text))
    found = DETECTOR.detect(scan)
    if len(scan.text.normalized.strip()) < DETECTOR.min_length:
        assert found == []
        return
    similarity = DETECTOR.similarity(scan.text.normalized)
    if similarity >= DETECTOR.threshold:
        assert found == []
    else:
        assert [f.score for f in found] == [1.0 - similarity]
