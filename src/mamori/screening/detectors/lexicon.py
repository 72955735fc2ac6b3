"""Harmful content and prompt injection: categories of words and patterns, as data.

One Aho-Corasick pass over the text finds every literal term and every trigger word; a pattern is
run only when one of the words it cannot match without is present (see ``screening.triggers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from mamori.content.screening import LexiconRecognizer, Recognizer
from mamori.screening.detectors.base import BuildContext, Detector, ScanInput, register, to_finding
from mamori.screening.findings import EntityType, Explanation, Finding
from mamori.screening.triggers import required_words


@dataclass(frozen=True)
class _Pattern:
    category: str
    score: float
    index: int
    regex: re.Pattern[str]


class LexiconDetector:
    needs = "any"

    def __init__(self, recognizer: LexiconRecognizer) -> None:
        self.id = recognizer.id
        self.entity: EntityType = recognizer.entity
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, object]]] = {}
        for category in recognizer.categories:
            for term in category.terms:
                entries.setdefault(term.lower(), []).append(("term", (category.id, category.score)))
        self.always: list[_Pattern] = []
        self.gated: list[_Pattern] = []
        for category in recognizer.categories:
            for index, source in enumerate(category.patterns):
                pattern = _Pattern(category.id, category.score, index, re.compile(source))
                words = required_words(source)
                if words is None:
                    self.always.append(pattern)
                    continue
                self.gated.append(pattern)
                for word in words:
                    entries.setdefault(word, []).append(("trigger", len(self.gated) - 1))
        for key, values in entries.items():
            self.automaton.add_word(key, (len(key), tuple(values)))
        self.has_entries = bool(entries)
        if self.has_entries:
            self.automaton.make_automaton()

    def detect(self, scan: ScanInput) -> list[Finding]:
        found: list[Finding] = []
        triggered: set[int] = set()
        if self.has_entries:
            for end_index, (length, values) in self.automaton.iter(scan.lowered):
                for kind, payload in values:
                    if kind == "trigger":
                        triggered.add(payload)
                        continue
                    category, score = payload
                    start = end_index - length + 1
                    found.append(self._finding(scan, start, end_index + 1, category, score, "term"))
        patterns = [*self.always, *(self.gated[i] for i in sorted(triggered))]
        for pattern in patterns:
            for match in pattern.regex.finditer(scan.text.normalized):
                if match.end() > match.start():
                    found.append(
                        self._finding(
                            scan,
                            match.start(),
                            match.end(),
                            pattern.category,
                            pattern.score,
                            f"pattern-{pattern.index}",
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
