"""Words a regex cannot match without: one Aho-Corasick pass decides which patterns are worth running.

A harmful-request pattern such as ``(?:爆弾|爆発物)の?(?:作り方|製造方法)`` cannot match a text that
contains none of 爆弾, 爆発物 (or none of 作り方, 製造方法). We read that from the pattern itself, so
the data stays plain regexes and the guard still skips almost every pattern on ordinary text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

try:  # the parser behind ``re``; private, so any surprise means "no trigger, always run"
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older or other Pythons
    sre_parser = None
    sre_constants = None

Disjunction = frozenset[str]
MIN_SELECTIVITY = 3
"""Below this a trigger word is too common to help (``to``, ``the``): run the pattern always."""


def _hiragana(char: str) -> bool:
    return "\u3040" <= char <= "\u309f"


def _word_selectivity(word: str) -> int:
    """Kanji and katakana say more about a topic than letters; hiragana alone (する, ください)
    and short English words (you, how) occur in almost every text."""
    if all(_hiragana(c) for c in word):
        return 0
    if word.isascii():
        return len(word) if len(word) >= 4 else 0
    return sum(1 if c.isascii() or _hiragana(c) else 2 for c in word)


def _selectivity(words: Disjunction) -> int:
    return min(_word_selectivity(w) for w in words) if words else 0


def _best(candidates: list[Disjunction]) -> Disjunction | None:
    usable = [c for c in candidates if c and all(c)]
    if not usable:
        return None
    return max(usable, key=lambda c: (_selectivity(c), -len(c)))


def _required(items: Any) -> Disjunction | None:
    c = sre_constants
    candidates: list[Disjunction] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, value in items:
        if op is c.LITERAL:
            run.append(chr(value).lower())
            continue
        flush()
        if op is c.SUBPATTERN:
            inner = _required(value[-1])
            if inner:
                candidates.append(inner)
        elif op is c.BRANCH:
            branches = [_required(branch) for branch in value[1]]
            if branches and all(branches):
                candidates.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            low, _high, body = value
            if low >= 1:
                inner = _required(body)
                if inner:
                    candidates.append(inner)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            inner = _required(value)
            if inner:
                candidates.append(inner)
        # Anything else (classes, anchors, lookarounds, any-char) only breaks the literal run.
    flush()
    return _best(candidates)


@lru_cache(maxsize=4096)  # every guard (one per policy) reads the same data regexes
def required_words(regex: str) -> Disjunction | None:
    """Lower-case words of which at least one occurs in every match, or None if none can be told."""
    if sre_parser is None:
        return None
    try:
        words = _required(sre_parser.parse(regex))
    except Exception:  # an unparsable pattern was already rejected at load
        return None
    if words is None or _selectivity(words) < MIN_SELECTIVITY:
        return None
    return words
