"""A regex character class for a set of characters, written as ranges.

sre tests a class of BMP characters against a bitmap in C, so a class is the cheapest way to let a
regex skip every position a match cannot start at."""

from __future__ import annotations

import re
from collections.abc import Iterable


def char_class(chars: Iterable[str]) -> str:
    """``[…]`` matching exactly ``chars`` (consecutive code points become one range)."""
    codes = sorted({ord(char) for char in chars})
    ranges: list[str] = []
    index = 0
    while index < len(codes):
        last = index
        while last + 1 < len(codes) and codes[last + 1] == codes[last] + 1:
            last += 1
        first = re.escape(chr(codes[index]))
        ranges.append(first if last == index else f"{first}-{re.escape(chr(codes[last]))}")
        index = last + 1
    return "[" + "".join(ranges) + "]"
