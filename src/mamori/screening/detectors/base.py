"""The detector protocol and the registry that turns recogniser data into detectors."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Protocol, runtime_checkable

from mamori.content.screening import Policy, Recognizer
from mamori.screening.charclass import char_class
from mamori.screening.findings import Finding
from mamori.screening.tables import SEPARATORS, HeadingRows
from mamori.screening.text import NormalizedText

_ASCII_LETTER = re.compile(r"[A-Za-z]")
EXPLANATIONS_KEPT = 4096
"""Explanations a detector keeps for reuse: they are immutable, and their parts (pattern ids,
clue and context words) come from the data, so there are few."""


# A digit. A text the prefilter read holds no digits but 0-9 (others make it step aside), and sre
# tests the range [0-9] faster than the Unicode class \d.
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile("[0-9]")


@dataclass(frozen=True)
class ScanInput:
    """One text as every detector sees it, prepared once per scan."""

    text: NormalizedText
    lowered: str
    """``text.normalized.lower()``: context words and lexicons are matched case-insensitively."""
    possible: frozenset[Hashable] | None = None
    """Patterns that may match (from the prefilter); None means: run every pattern."""
    heading_rows: HeadingRows = field(default_factory=dict, compare=False)
    """The table heading rows found so far in this text (see ``screening.tables``)."""

    @classmethod
    def of(cls, text: NormalizedText, possible: frozenset[Hashable] | None = None) -> ScanInput:
        normalized = text.normalized
        lowered = normalized.lower()
        if len(lowered) != len(normalized):
            # "İ".lower() is two characters: keep such characters as they are, so every offset
            # found in the lowered text is an offset in the normalised text too.
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in normalized)
        return cls(text, lowered, possible)

    # Asked only when a detector that needs digits (or letters) could otherwise run: with the
    # prefilter, that is seldom on a text without any.
    @cached_property
    def has_digit(self) -> bool:
        digit = _DIGIT if self.possible is None else _ASCII_DIGIT
        return digit.search(self.text.normalized) is not None

    @cached_property
    def has_ascii_letter(self) -> bool:
        return _ASCII_LETTER.search(self.text.normalized) is not None

    @cached_property
    def has_cell_separator(self) -> bool:
        """Whether the text can hold a table pasted as text (see ``screening.tables``)."""
        return any(separator in self.lowered for separator in SEPARATORS)


@cache
def _cased() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The cased BMP characters by their lower case (as ``ScanInput.lowered`` makes it) and by
    their upper case. A text with characters outside the BMP is never prefiltered."""
    by_lower: dict[str, set[str]] = {}
    by_upper: dict[str, set[str]] = {}
    for code in range(0x10000):
        char = chr(code)
        lower, upper = char.lower(), char.upper()
        if lower == char == upper:
            continue
        by_lower.setdefault(lower if len(lower) == 1 else char, set()).add(char)
        by_upper.setdefault(upper, set()).add(char)
    return by_lower, by_upper


@lru_cache(maxsize=4096)  # every guard (one per policy) builds the same prefilter patterns
def any_case(word: str) -> str:
    """A regex for the normalised text that matches wherever ``ScanInput.lowered`` holds ``word``:
    each character may have been any that lowers to it, or (for the final sigma, which
    ``str.lower`` picks by context) any that shares its upper case."""
    by_lower, by_upper = _cased()
    parts: list[str] = []
    for char in word:
        sources = {char} | by_lower.get(char, set()) | by_upper.get(char.upper(), set())
        parts.append(char_class(sources) if len(sources) > 1 else re.escape(char))
    return "".join(parts)


def word_alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One regex for any of ``words``, lower-cased (matched in ``ScanInput.lowered``), longest
    first so that a longer word wins where a shorter one starts it."""
    unique = sorted({word.lower() for word in words}, key=lambda word: (-len(word), word))
    return re.compile("|".join(re.escape(word) for word in unique))


class Detector(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def entity(self) -> str: ...

    @property
    def needs(self) -> str:
        """``digit``, ``ascii_letter`` or ``any``: what the text must contain for this to run."""

    def detect(self, scan: ScanInput) -> list[Finding]: ...


@runtime_checkable
class PrefilteredDetector(Protocol):
    """A detector that can tell the prefilter which regexes it runs (and skips those that cannot match)."""

    def prefilter_patterns(self) -> list[tuple[Hashable, re.Pattern[str]]]: ...


@dataclass(frozen=True)
class BuildContext:
    lexicons: dict[str, tuple[str, ...]]
    policy: Policy


Factory = Callable[[Recognizer, BuildContext], Detector | None]
_FACTORIES: dict[str, Factory] = {}


def register(kind: str) -> Callable[[Factory], Factory]:
    """Declare the factory for recognisers of ``kind`` (``pattern``, ``person`` …)."""

    def decorate(factory: Factory) -> Factory:
        _FACTORIES[kind] = factory
        return factory

    return decorate


def build(recognizer: Recognizer, context: BuildContext) -> Detector | None:
    """A detector for ``recognizer``, or None when the policy gives it nothing to do."""
    return _FACTORIES[recognizer.kind](recognizer, context)


def to_finding(scan: ScanInput, start: int, end: int, **fields: object) -> Finding:
    """A finding whose offsets are mapped back into the original text."""
    original_start, original_end = scan.text.to_original(start, end)
    return Finding(start=original_start, end=original_end, **fields)  # type: ignore[arg-type]
