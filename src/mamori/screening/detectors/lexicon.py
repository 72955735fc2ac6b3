"""Harmful content and prompt injection: categories of words and patterns, as data."""

from __future__ import annotations

import re

import ahocorasick

from mamori.content.screening import LexiconRecognizer, Recognizer
from mamori.screening.detectors.base import BuildContext, Detector, ScanInput, register, to_finding
from mamori.screening.findings import EntityType, Explanation, Finding


class LexiconDetector:
    needs = "any"

    def __init__(self, recognizer: LexiconRecognizer) -> None:
        self.id = recognizer.id
        self.entity: EntityType = recognizer.entity
        # One automaton for every literal term of every category: one pass over the text.
        self.automaton = ahocorasick.Automaton()
        for category in recognizer.categories:
            for term in category.terms:
                key = term.lower()
                if key not in self.automaton:
                    self.automaton.add_word(key, (len(key), category.id, category.score))
        self.has_terms = len(self.automaton) > 0
        if self.has_terms:
            self.automaton.make_automaton()
        self.patterns = tuple(
            (category.id, category.score, index, re.compile(pattern))
            for category in recognizer.categories
            for index, pattern in enumerate(category.patterns)
        )

    def detect(self, scan: ScanInput) -> list[Finding]:
        found: list[Finding] = []
        if self.has_terms:
            for end_index, (length, category, score) in self.automaton.iter(scan.lowered):
                start = end_index - length + 1
                found.append(self._finding(scan, start, end_index + 1, category, score, "term"))
        for category, score, index, regex in self.patterns:
            for match in regex.finditer(scan.text.normalized):
                if match.end() > match.start():
                    found.append(
                        self._finding(
                            scan, match.start(), match.end(), category, score, f"pattern-{index}"
                        )
                    )
        return found

    def _finding(
        self, scan: ScanInput, start: int, end: int, category: str, score: float, how: str
    ) -> Finding:
        return to_finding(
            scan,
            start,
            end,
            type=self.entity,
            score=score,
            detector=self.id,
            explanation=Explanation(f"{category}:{how}", note=category),
        )


@register("lexicon")
def _factory(recognizer: Recognizer, context: BuildContext) -> Detector:
    assert isinstance(recognizer, LexiconRecognizer)
    return LexiconDetector(recognizer)
