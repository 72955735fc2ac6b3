"""Out-of-scope use: how close a request is to the system's purpose and examples.

Character n-grams need no model and no download, and work for Japanese without word segmentation.
Bigrams made only of kana and punctuation (「して」「ます」) say nothing about the topic and are dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from mamori.content.screening import Recognizer, ScopeRecognizer
from mamori.screening.detectors.base import BuildContext, Detector, ScanInput, register, to_finding
from mamori.screening.findings import Explanation, Finding

_NOISE = re.compile(r"[\s\W_ぁ-ゖー]+")


def ngrams(text: str, n: int) -> Counter[str]:
    grams: Counter[str] = Counter()
    for chunk in re.split(r"[\s\W_]+", text.lower()):
        for i in range(len(chunk) - n + 1):
            gram = chunk[i : i + n]
            if not _NOISE.fullmatch(gram):
                grams[gram] += 1
    return grams


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[gram] for gram, count in a.items() if gram in b)
    return dot / (
        math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    )


class ScopeDetector:
    needs = "any"
    entity = "OUT_OF_SCOPE"

    def __init__(
        self, recognizer: ScopeRecognizer, references: list[str], threshold: float
    ) -> None:
        self.id = recognizer.id
        self.n = recognizer.ngram
        self.min_length = recognizer.min_length
        self.threshold = threshold
        self.references = [
            ngrams(reference, self.n) for reference in references if reference.strip()
        ]

    def similarity(self, text: str) -> float:
        grams = ngrams(text, self.n)
        return max((cosine(grams, reference) for reference in self.references), default=0.0)

    def detect(self, scan: ScanInput) -> list[Finding]:
        text = scan.text.normalized
        if len(text.strip()) < self.min_length:
            return []
        similarity = self.similarity(text)
        if similarity >= self.threshold:
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
