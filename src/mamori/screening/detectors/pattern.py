"""Recognisers declared as data: regex candidates, a validator, context words that move the score."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from mamori.content.screening import Context, PatternRecognizer, Recognizer, expand_lexicons
from mamori.screening.detectors.base import (
    EXPLANATIONS_KEPT,
    BuildContext,
    Detector,
    ScanInput,
    register,
    word_alternation,
)
from mamori.screening.findings import EntityType, Explanation, Finding
from mamori.screening.searchable import searchable
from mamori.screening.tables import column_heading
from mamori.screening.validators import VALIDATORS


@dataclass(frozen=True)
class CompiledContext:
    words: re.Pattern[str]
    """All context words as one alternation: one C-level search per candidate."""
    window: int
    after: int
    boost: float
    required: bool

    @classmethod
    def of(
        cls, context: Context | None, lexicons: dict[str, tuple[str, ...]]
    ) -> CompiledContext | None:
        if context is None:
            return None
        words: list[str] = []
        for word in context.words:
            reference = re.fullmatch(r"\{\{([a-z][a-z0-9-]*)\}\}", word)
            words += list(lexicons[reference.group(1)]) if reference else [word]
        return cls(
            word_alternation(words), context.window, context.after, context.boost, context.required
        )

    def found(self, lowered: str, start: int, end: int, floor: int = 0) -> tuple[str, ...]:
        """The words within the window around [start, end), none before ``floor``."""
        hits = self.words.findall(lowered, max(floor, start - self.window), end + self.after)
        return tuple(dict.fromkeys(hits))

    def found_in(self, heading: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.words.findall(heading)))


@dataclass(frozen=True)
class CompiledPattern:
    owner: str
    """The recogniser this pattern belongs to (pattern ids are unique within it)."""
    id: str
    regex: re.Pattern[str]
    score: float
    group: int
    level: int | None
    requires: tuple[str, ...]
    key: tuple[str, str] = field(init=False)
    level_groups: tuple[str, ...] = field(init=False)
    """Named groups that carry a classification level (``level``, ``level2`` …), in order."""
    search: re.Pattern[str] = field(init=False)
    """``regex`` as sre searches it fastest (see ``screening.searchable``): same matches."""
    search_prefiltered: re.Pattern[str] = field(init=False)
    """The same on a text the prefilter read, whose only digits are 0–9."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.owner, self.id))
        object.__setattr__(self, "search", searchable(self.regex))
        object.__setattr__(self, "search_prefiltered", searchable(self.regex, ascii_digits=True))
        levels = tuple(name for name in self.regex.groupindex if name.startswith("level"))
        object.__setattr__(self, "level_groups", levels)

    def matches(self, scan: ScanInput) -> Iterable[re.Match[str]]:
        # Always over the whole text: a search cut to the digits' surroundings missed matches
        # that run on past them (a romanised address, an IPv6 address), and only in long texts.
        if self.requires and not any(word in scan.lowered for word in self.requires):
            return ()
        search = self.search if scan.possible is None else self.search_prefiltered
        return search.finditer(scan.text.normalized)


class PatternDetector:
    def __init__(self, recognizer: PatternRecognizer, lexicons: dict[str, tuple[str, ...]]) -> None:
        lists = {name: list(entries) for name, entries in lexicons.items()}
        self.id = recognizer.id
        self.entity: EntityType = recognizer.entity
        self.needs = recognizer.needs
        self.requires = tuple(word.lower() for word in recognizer.requires)
        self.patterns = tuple(
            CompiledPattern(
                recognizer.id,
                p.id,
                re.compile(expand_lexicons(p.regex, lists), re.IGNORECASE if p.ignore_case else 0),
                p.score,
                p.group,
                p.level,
                tuple(word.lower() for word in p.requires),
            )
            for p in recognizer.patterns
        )
        self.keys = tuple(pattern.key for pattern in self.patterns)
        self.validator_name = recognizer.validator
        self.validator = VALIDATORS[recognizer.validator] if recognizer.validator else None
        self.context = CompiledContext.of(recognizer.context, lexicons)
        self.negative = CompiledContext.of(recognizer.negative_context, lexicons)
        self._explanations: dict[tuple[str, tuple[str, ...]], Explanation] = {}

    def prefilter_patterns(self) -> list[tuple[Hashable, re.Pattern[str]]]:
        return [(pattern.key, pattern.regex) for pattern in self.patterns]

    def detect(self, scan: ScanInput) -> list[Finding]:
        found: list[Finding] = []
        lowered = scan.lowered
        if self.requires and not any(word in lowered for word in self.requires):
            return found
        # A recogniser that needs a context word finds nothing in a text without any.
        if self.context and self.context.required and not self.context.words.search(lowered):
            return found
        normalized = scan.text.normalized
        to_original = scan.text.to_original
        possible = scan.possible
        patterns = (
            self.patterns if possible is None else [p for p in self.patterns if p.key in possible]
        )
        for pattern in patterns:
            for match in pattern.matches(scan):
                start, end = match.span(pattern.group)
                if start < 0 or start == end:
                    continue
                if self.validator and not self.validator(normalized[start:end]):
                    continue
                score = pattern.score
                words: tuple[str, ...] = ()
                # A value in a table's cell has its context in its own row and in its column's
                # heading, however far above that is — not in the rows above, where the window
                # would read the headings of other columns (受付日 under 「受付日,氏名,生年月日」).
                heading: str | None = None
                floor = 0
                if (self.context or self.negative) and scan.has_cell_separator:
                    heading = column_heading(lowered, start, end, scan.heading_rows)
                    if heading is not None:
                        floor = lowered.rfind("\n", 0, start) + 1
                if self.context:
                    words = self.context.found(lowered, start, end, floor)
                    if heading:
                        words = tuple(dict.fromkeys(words + self.context.found_in(heading)))
                    if words:
                        score += self.context.boost
                    elif self.context.required:
                        continue
                if self.negative and (
                    self.negative.found(lowered, start, end, floor)
                    or (heading and self.negative.found_in(heading))
                ):
                    score += self.negative.boost
                level = pattern.level
                for name in pattern.level_groups:
                    value = match.group(name)
                    if value:
                        level = int(value)
                start, end = to_original(start, end)
                explanation = self._explanation(pattern.id, words)
                score = max(0.0, min(1.0, score))
                found.append(Finding(self.entity, start, end, score, self.id, explanation, level))
        return found

    def _explanation(self, pattern: str, words: tuple[str, ...]) -> Explanation:
        """One explanation per pattern and context words seen: immutable, so shared."""
        explanation = self._explanations.get((pattern, words))
        if explanation is None:
            explanation = Explanation(pattern, words, self.validator_name)
            if len(self._explanations) < EXPLANATIONS_KEPT:
                self._explanations[(pattern, words)] = explanation
        return explanation


@register("pattern")
def _factory(recognizer: Recognizer, context: BuildContext) -> Detector:
    assert isinstance(recognizer, PatternRecognizer)
    return PatternDetector(recognizer, context.lexicons)
