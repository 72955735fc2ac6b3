"""Harmful content and prompt injection: categories of words and patterns, as data.

One Aho-Corasick pass over the text finds every literal term. With the Hyperscan prefilter, that
pass runs only when the prefilter saw a term, and the prefilter decides which patterns run;
without it, a pattern runs only near the words it cannot match without (see
``screening.triggers``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable
from dataclasses import dataclass

import ahocorasick

from mamori.content.screening import ComposedRule, LexiconRecognizer, Recognizer
from mamori.screening.detectors.base import (
    BuildContext,
    Detector,
    ScanInput,
    any_case,
    register,
    to_finding,
    word_alternation,
)
from mamori.screening.findings import EntityType, Explanation, Finding
from mamori.screening.searchable import searchable
from mamori.screening.triggers import required_words


@dataclass(frozen=True)
class _Pattern:
    owner: str
    category: str
    score: float
    index: int
    regex: re.Pattern[str]
    search: re.Pattern[str]
    """``regex`` as sre searches it fastest (see ``screening.searchable``): same matches."""

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.owner, self.category, self.index)


@dataclass(frozen=True)
class _Composed:
    owner: str
    category: str
    score: float
    index: int
    action_words: tuple[str, ...]
    actions: re.Pattern[str]
    also: re.Pattern[str] | None
    asks: re.Pattern[str] | None
    unless: re.Pattern[str] | None

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.owner, self.category, "composed", self.index)

    @classmethod
    def of(
        cls, owner: str, category: str, score: float, index: int, rule: ComposedRule
    ) -> _Composed:
        return cls(
            owner,
            category,
            score,
            index,
            tuple(sorted({word.lower() for word in rule.actions})),
            word_alternation(rule.actions),
            word_alternation(rule.also) if rule.also else None,
            word_alternation(rule.asks) if rule.asks else None,
            word_alternation(rule.unless) if rule.unless else None,
        )


# Where a sentence ends: 。！？!? or a line end; an English one also at ". " (not inside 3.14).
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s)")


def _sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end, and the text's length."""
    return [*(end.end() for end in _SENTENCE_END.finditer(text)), len(text)]


def _sentence_of(text: str, offset: int, ends: list[int]) -> tuple[int, int]:
    """(start, end) of the sentence holding ``offset``; ``ends`` is filled on first need and
    shared by every rule of one scan."""
    if not ends:
        ends.extend(_sentence_ends(text))
    index = bisect.bisect_right(ends, offset)
    start = ends[index - 1] if index > 0 else 0
    end = ends[index] if index < len(ends) else len(text)
    return start, end


_REACH = 200
"""How far a match may extend on either side of the trigger word it contains (the longest patterns
in the data are well under this); beyond it a pattern is not searched."""


def _windows(hits: list[int], length: int) -> list[tuple[int, int]]:
    """Merged (pos, endpos) spans of ``_REACH`` around each trigger hit."""
    merged: list[list[int]] = []
    for hit in sorted(hits):
        start, end = max(0, hit - _REACH), min(length, hit + _REACH)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


class LexiconDetector:
    needs = "any"

    def __init__(self, recognizer: LexiconRecognizer) -> None:
        self.id = recognizer.id
        self.entity: EntityType = recognizer.entity
        self.automaton = ahocorasick.Automaton()
        # The terms alone, for a text the prefilter has read: trigger words are not needed then.
        self.term_automaton = ahocorasick.Automaton()
        self.terms_key = (self.id, "terms")
        entries: dict[str, list[tuple[str, object]]] = {}
        for category in recognizer.categories:
            for term in category.terms:
                entries.setdefault(term.lower(), []).append(("term", (category.id, category.score)))
        self.terms = tuple(entries)
        self.always: list[_Pattern] = []
        self.gated: list[_Pattern] = []
        for category in recognizer.categories:
            for index, source in enumerate(category.patterns):
                regex = re.compile(source)
                pattern = _Pattern(
                    recognizer.id, category.id, category.score, index, regex, searchable(regex)
                )
                words = required_words(source)
                if words is None:
                    self.always.append(pattern)
                    continue
                self.gated.append(pattern)
                for word in words:
                    entries.setdefault(word, []).append(("trigger", len(self.gated) - 1))
        self.by_key = {pattern.key: pattern for pattern in (*self.always, *self.gated)}
        self.unless = {
            category.id: word_alternation(category.unless)
            for category in recognizer.categories
            if category.unless
        }
        self.composed = tuple(
            _Composed.of(recognizer.id, category.id, category.score, index, rule)
            for category in recognizer.categories
            for index, rule in enumerate(category.composed)
        )
        for key, values in entries.items():
            self.automaton.add_word(key, (len(key), tuple(values)))
            terms = tuple(value for value in values if value[0] == "term")
            if terms:
                self.term_automaton.add_word(key, (len(key), terms))
        self.has_entries = bool(entries)
        if self.has_entries:
            self.automaton.make_automaton()
        if self.terms:
            self.term_automaton.make_automaton()

    def detect(self, scan: ScanInput) -> list[Finding]:
        if scan.possible is not None:
            return self._detect_prefiltered(scan, scan.possible)
        found: list[Finding] = []
        ends: list[int] = []  # sentence ends, found on first need
        # pattern index -> where its trigger words occur: the pattern is searched only around them.
        triggered: dict[int, list[int]] = {}
        if self.has_entries:
            for end_index, (length, values) in self.automaton.iter(scan.lowered):
                for kind, payload in values:
                    if kind == "trigger":
                        triggered.setdefault(payload, []).append(end_index)
                        continue
                    category, score = payload
                    start = end_index - length + 1
                    self._report(scan, start, end_index + 1, category, score, "term", found, ends)
        length = len(scan.text.normalized)
        for pattern in self.always:
            self._search(scan, pattern, 0, length, found, ends)
        for index in sorted(triggered):
            for pos, endpos in _windows(triggered[index], length):
                self._search(scan, self.gated[index], pos, endpos, found, ends)
        for rule in self.composed:
            self._compose(scan, rule, found, ends)
        return found

    def _detect_prefiltered(self, scan: ScanInput, possible: frozenset[Hashable]) -> list[Finding]:
        """The prefilter already knows whether a term can occur and which patterns can match."""
        found: list[Finding] = []
        ends: list[int] = []
        if self.terms_key in possible:
            for end_index, (length, values) in self.term_automaton.iter(scan.lowered):
                for _kind, (category, score) in values:
                    start = end_index - length + 1
                    self._report(scan, start, end_index + 1, category, score, "term", found, ends)
        length = len(scan.text.normalized)
        # The few reported keys are looked up here, not the many patterns in the report.
        for key in sorted(key for key in possible if key in self.by_key):
            self._search(scan, self.by_key[key], 0, length, found, ends)
        for rule in self.composed:
            if rule.key in possible:
                self._compose(scan, rule, found, ends)
        return found

    def prefilter_patterns(self) -> list[tuple[Hashable, re.Pattern[str]]]:
        patterns: list[tuple[Hashable, re.Pattern[str]]] = [
            (pattern.key, pattern.regex) for pattern in (*self.always, *self.gated)
        ]
        for rule in self.composed:  # a composed rule needs one of its actions
            actions = "|".join(any_case(word) for word in rule.action_words)
            patterns.append((rule.key, re.compile(actions)))
        if self.terms:
            # Terms are matched in the lower-cased text, the prefilter reads the normalised one.
            any_term = "|".join(any_case(term) for term in self.terms)
            patterns.append((self.terms_key, re.compile(any_term)))
        return patterns

    def _search(
        self,
        scan: ScanInput,
        pattern: _Pattern,
        pos: int,
        endpos: int,
        found: list[Finding],
        ends: list[int],
    ) -> None:
        for match in pattern.search.finditer(scan.text.normalized, pos, endpos):
            if match.end() > match.start():
                how = f"pattern-{pattern.index}"
                self._report(
                    scan,
                    match.start(),
                    match.end(),
                    pattern.category,
                    pattern.score,
                    how,
                    found,
                    ends,
                )

    def _report(
        self,
        scan: ScanInput,
        start: int,
        end: int,
        category: str,
        score: float,
        how: str,
        found: list[Finding],
        ends: list[int],
    ) -> None:
        """Add a term's or a pattern's finding, unless its sentence holds one of the category's
        ``unless`` words."""
        unless = self.unless.get(category)
        if unless is not None:
            first, last = _sentence_of(scan.lowered, start, ends)
            if unless.search(scan.lowered, first, last) is not None:
                return
        found.append(self._finding(scan, start, end, category, score, how))

    def _compose(
        self, scan: ScanInput, rule: _Composed, found: list[Finding], ends: list[int]
    ) -> None:
        """The sentences around ``rule``'s actions that also ask for it (``ends``: the sentence
        ends, found on first need and shared by the rules of one scan)."""
        lowered = scan.lowered
        done = -1  # the end of the last sentence judged
        for action in rule.actions.finditer(lowered):
            if action.start() < done:
                continue
            start, end = _sentence_of(lowered, action.start(), ends)
            done = end
            if (
                (rule.also is not None and rule.also.search(lowered, start, end) is None)
                or (rule.asks is not None and rule.asks.search(lowered, start, end) is None)
                or (rule.unless is not None and rule.unless.search(lowered, start, end) is not None)
            ):
                continue
            sentence = lowered[start:end]
            start += len(sentence) - len(sentence.lstrip())
            end -= len(sentence) - len(sentence.rstrip().rstrip("。！？!?.").rstrip())
            if end > start:
                how = f"composed-{rule.index}"
                found.append(self._finding(scan, start, end, rule.category, rule.score, how))

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
