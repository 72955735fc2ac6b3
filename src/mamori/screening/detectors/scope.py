"""Out-of-scope use: how close a request is to the system's purpose and examples.

Character n-grams need no model and no download, and work for Japanese without word segmentation.
Bigrams made only of kana and punctuation (「して」「ます」) say nothing about the topic and are dropped,
and so are the recogniser's ``generic_phrases`` — politeness and format words (お願いします,
箇条書きで, よろしく) that any request may carry, in scope or not.

A request is judged on the request itself, not on the material pasted with it: the similarity is the
best of the opening of the text, its first line (and first sentence) and its last line, so that
minutes, an e-mail or a memo appended to 「次の議事録を要約して」 do not dilute it below the
threshold (and a long text costs no more than a short one).
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Iterator

from mamori.content.screening import Recognizer, ScopeRecognizer
from mamori.screening.detectors.base import BuildContext, Detector, ScanInput, register, to_finding
from mamori.screening.findings import Explanation, Finding

_KANA = "".join(map(chr, range(ord("ぁ"), ord("ゖ") + 1))) + "ー"
"""Hiragana and the long-vowel mark: a gram made only of these (or of separators) is noise."""
_SEPARATORS = re.compile(r"[\s\W_]+")
_SENTENCE_END = re.compile(r"[。．.!?！？:：]")
MIN_PART_GRAMS = 4
"""A part of the text with fewer content n-grams than this is too short to judge on its own."""


_BIGRAM_BREAKS = re.compile(f"[\\s\\W_]+|(?<=[{_KANA}])(?=[{_KANA}])")
"""Runs of separators, and the places between two kana: each becomes a NUL (see ``ngrams``)."""


def ngrams(text: str, n: int) -> Counter[str]:
    """The n-grams of each run of word characters, without those made only of kana and ー.

    Counted in one pass: each run of separators becomes one NUL (a separator itself, so it is in no
    run), the n-grams of the whole text are counted at once, and those holding a NUL — the ones
    that would span two runs — are dropped with the kana-only ones. The same counts, in the same
    first-seen order, as counting run by run.

    Bigrams, which the data uses, are counted without a single line of Python per bigram: a NUL
    also goes between any two kana, which breaks each kana-only bigram into two that hold a NUL
    and leaves every other one as it was. Every other character is a word character, and every
    word character is printable (``tests/test_scope_similarity.py`` checks all of Unicode), so a
    bigram is kept exactly when it is printable."""
    if n == 2:
        joined = _BIGRAM_BREAKS.sub("\0", text.lower())
        return Counter(filter(str.isprintable, map(operator.add, joined, joined[1:])))
    joined = _SEPARATORS.sub("\0", text.lower())
    # The chunk shifted by 0 … n - 1 characters, zipped (to the shortest).
    grams = Counter(map("".join, zip(*(joined[i:] for i in range(n)), strict=False)))
    # Each distinct gram is judged once; deleting keeps the others in first-seen order. Within a
    # run every character is a word character, so a gram is noise when all of it is kana or ー.
    for gram in [gram for gram in grams if "\0" in gram or not gram.strip(_KANA)]:
        del grams[gram]
    return grams


def norm(grams: Counter[str]) -> float:
    # An exact integer sum of squares, then one rounding: the same value in any order.
    squares: int = sum(map(operator.mul, grams.values(), grams.values()))
    return math.sqrt(squares)


def cosine(a: Counter[str], b: Counter[str], norm_a: float, norm_b: float) -> float:
    """Cosine similarity; the norms are passed in, as each text is compared with several others."""
    if not a or not b:
        return 0.0
    # Counts are integers: the dot product is exact in any order, so only shared grams are visited.
    shared = a.keys() & b.keys()
    dot: int = sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    return dot / (norm_a * norm_b)


class ScopeDetector:
    needs = "any"
    entity = "OUT_OF_SCOPE"

    def __init__(
        self, recognizer: ScopeRecognizer, references: list[str], threshold: float
    ) -> None:
        self.id = recognizer.id
        self.n = recognizer.ngram
        self.min_length = recognizer.min_length
        self.request_chars = recognizer.request_chars
        self.threshold = threshold
        phrases = sorted(
            {p.lower() for p in recognizer.generic_phrases if p.strip()}, key=len, reverse=True
        )
        self.generic = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        self.references = [
            (grams, norm(grams)) for reference in references if (grams := self._grams(reference))
        ]

    def _grams(self, text: str) -> Counter[str]:
        text = text.lower()
        if self.generic is not None:
            text = self.generic.sub(" ", text)
        return ngrams(text, self.n)

    def _score(self, grams: Counter[str]) -> float:
        size = norm(grams)
        return max(
            (cosine(grams, reference, size, length) for reference, length in self.references),
            default=0.0,
        )

    def _parts(self, text: str) -> Iterator[Counter[str]]:
        """The opening of the text, its first and last lines with any content, and the first
        sentence of the first line — each cut to ``request_chars``, so a long text costs no more
        than a short one — as they are needed (an in-scope request usually shows it at once)."""
        cap = self.request_chars
        seen: dict[str, Counter[str]] = {}

        def grams_of(part: str) -> Counter[str]:
            # A one-line request is its own opening, first line and last line: count it once.
            if part not in seen:
                seen[part] = self._grams(part)
            return seen[part]

        def judged(grams: Counter[str]) -> bool:
            return sum(grams.values()) >= MIN_PART_GRAMS

        opening = grams_of(text[:cap])
        if judged(opening):
            yield opening
        lines = text.splitlines()
        for line in lines:
            grams = grams_of(line[:cap])
            if grams:
                if judged(grams):
                    yield grams
                first = _SENTENCE_END.split(line[:cap], maxsplit=1)[0]
                if len(first) < len(line[:cap]) and judged(sentence := grams_of(first)):
                    yield sentence
                break
        for line in reversed(lines):
            grams = grams_of(line[-cap:])
            if grams:
                if judged(grams):
                    yield grams
                break

    def similarity(self, text: str) -> float:
        """The best similarity of any part of the text that may hold the request."""
        return max((self._score(part) for part in self._parts(text)), default=0.0)

    def _in_scope(self, text: str) -> float | None:
        """None as soon as one part reaches the threshold (the rest need not be counted);
        otherwise the best similarity, which the finding reports."""
        best = 0.0
        for part in self._parts(text):
            score = self._score(part)
            if score >= self.threshold:
                return None
            best = max(best, score)
        return best

    def detect(self, scan: ScanInput) -> list[Finding]:
        text = scan.text.normalized
        if len(text.strip()) < self.min_length:
            return []
        similarity = self._in_scope(text)
        if similarity is None:
            return []
        return [
            to_finding(
                scan,
                0,
                len(text),
                type="OUT_OF_SCOPE",
                score=1.0 - similarity,
                detector=self.id,
                explanation=Explanation(
                    "ngram-similarity", note=f"similarity {similarity:.3f} < {self.threshold}"
                ),
            )
        ]


@register("scope")
def _factory(recognizer: Recognizer, context: BuildContext) -> Detector | None:
    assert isinstance(recognizer, ScopeRecognizer)
    references = [context.policy.purpose, *context.policy.examples]
    if not any(r.strip() for r in references):
        return None  # no declared purpose: nothing to compare with
    return ScopeDetector(recognizer, references, context.policy.out_of_scope_threshold)
