"""The same regex, written so that sre can search it faster: look-behinds after the first character.

sre skips to the places a match can start only when the pattern begins with a character, a class
or a choice of literals; a pattern that begins with a look-behind (``(?<![0-9])\\d{3}-\\d{4}``) is
tried at every position of the text instead, several times slower. Moving the look-behind past
the first character keeps every match: ``(?<!P)X`` matches where ``X(?<!PX)`` does when ``X``
takes exactly one character (both ask the same of the text before and at that position), and
``X{m,n}`` is ``XX{m-1,n-1}``, tried in the same order. So the rewritten regex finds exactly what
the original finds, groups included; only the search is faster.

The rewrite works on the parse tree of ``re``'s own (private) parser; anything unexpected leaves
the regex as it was.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # the parser and compiler behind ``re``; private, so any surprise means "leave it as it is"
    from re import _compiler as sre_compile  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older or other Pythons
    sre_compile = sre_constants = sre_parse = None

Node = tuple[Any, Any]


@lru_cache(maxsize=4096)  # every guard (one per policy) searches the same data regexes
def searchable(regex: re.Pattern[str], *, ascii_digits: bool = False) -> re.Pattern[str]:
    """``regex``, or an equivalent that begins with a character where ``regex`` begins with
    look-behinds. Its ``pattern`` is None: give the original to anything that reads the source.

    ``ascii_digits`` also reads every ``\\d`` as ``[0-9]``: the same matches on a text whose only
    decimal digits are 0–9 (every text the prefilter vouched for), and sre tests a range in a
    bitmap where ``\\d`` asks the Unicode database for each character."""
    if sre_parse is None or regex.pattern is None:
        return regex
    try:
        tree = sre_parse.parse(regex.pattern, regex.flags)
        changed = False
        if ascii_digits and regex.flags & re.UNICODE:
            changed = _ascii_digits(tree.data)
        data = _hoisted(tree, list(tree.data))
        if data is not None:
            # Worth it only where sre can then skip: a literal prefix or a set of first characters.
            hoisted = sre_parse.SubPattern(tree.state, data)
            if sre_compile._get_literal_prefix(hoisted, regex.flags)[0] or (
                sre_compile._get_charset_prefix(hoisted, regex.flags)
            ):
                tree.data = data
                changed = True
        if not changed:
            return regex
        tree.width = None  # computed again from the new items
        rewritten: re.Pattern[str] = sre_compile.compile(tree, regex.flags)
    except Exception:  # an unusual construct: the original is always right
        return regex
    if rewritten.groups != regex.groups or rewritten.groupindex != regex.groupindex:
        return regex
    return rewritten


def _hoisted(tree: Any, data: list[Node]) -> list[Node] | None:
    """``data`` with its leading look-behinds moved past the first character, or None."""
    c = sre_constants
    behind: list[Node] = []
    while data and data[0][0] in (c.ASSERT, c.ASSERT_NOT) and data[0][1][0] == -1:
        behind.append(data.pop(0))
    if not behind or not data:
        return None
    op, value = data[0]
    if op is c.BRANCH:
        # The look-behinds hold at the start of every alternative: each gets its own copy.
        branches = []
        for branch in value[1]:
            moved = _hoisted(tree, behind + list(branch.data))
            if moved is None:
                return None
            branches.append(sre_parse.SubPattern(tree.state, moved))
        return [(c.BRANCH, (value[0], branches)), *data[1:]]
    first = _first_character(data[0])
    if first is None:
        return None
    character, rest = first
    moved_behind = [
        (kind, (-1, sre_parse.SubPattern(tree.state, [*look.data, character])))
        for kind, (_, look) in behind
    ]
    return [character, *moved_behind, *rest, *data[1:]]


def _first_character(node: Node) -> tuple[Node, list[Node]] | None:
    """(an item taking exactly one character, what is left of ``node`` after it), or None."""
    c = sre_constants
    op, value = node
    if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
        return node, []
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, item = value
        if (
            low < 1
            or len(item.data) != 1
            or item.data[0][0]
            not in (
                c.LITERAL,
                c.NOT_LITERAL,
                c.IN,
                c.ANY,
            )
        ):
            return None
        high = high if high == c.MAXREPEAT else high - 1
        rest = [] if high == 0 else [(op, (low - 1, high, item))]
        return item.data[0], rest
    return None


def _ascii_digits(data: list[Node]) -> bool:
    """Replace ``\\d`` in place throughout ``data``; whether anything changed. ``\\D`` stays:
    on such a text it already means ``[^0-9]``."""
    c = sre_constants
    changed = False
    for index, (op, value) in enumerate(data):
        if op is c.IN:
            items = []
            for item_op, item_value in value:
                if item_op is c.CATEGORY and item_value is c.CATEGORY_DIGIT:
                    items.append((c.RANGE, (0x30, 0x39)))
                    changed = True
                else:
                    items.append((item_op, item_value))
            data[index] = (op, items)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            changed |= _ascii_digits(value[2].data)
        elif op is c.SUBPATTERN:
            changed |= _ascii_digits(value[3].data)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            changed |= _ascii_digits(value[1].data)
        elif op is c.ATOMIC_GROUP:
            changed |= _ascii_digits(value.data)
        elif op is c.BRANCH:
            for branch in value[1]:
                changed |= _ascii_digits(branch.data)
        elif op is c.GROUPREF_EXISTS:
            for part in value[1:]:
                if part is not None:
                    changed |= _ascii_digits(part.data)
    return changed
