"""NFKC-normalised text that remembers where every character came from.

Detectors match on the normalised text (full-width ０９０－１２３４ becomes 090-1234, ｶﾞ becomes ガ) but
every finding must point into the ORIGINAL text. Text that is already normalised (the common case)
costs one C-level check; otherwise the text is bisected until the characters NFKC changes are found,
so the Python-level work grows with the number of changed characters, not with the length.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from mamori.screening.charclass import char_class

_LEAF = 16


def _is_combining(ch: str) -> bool:
    # Half-width voiced marks are not combining themselves, but NFKC turns them into combining marks.
    return bool(unicodedata.combining(ch)) or ch in "\uff9e\uff9f"


@lru_cache(maxsize=4096)  # bounded: a server must not keep every fragment of every text
def _nfkc(chunk: str) -> str:
    return unicodedata.normalize("NFKC", chunk)


def _compatibility_code_points() -> Iterator[int]:
    """The BMP and the supplementary blocks that hold compatibility characters (math letters,
    enclosed alphanumerics, CJK compatibility ideographs …). A character left out is still
    normalised correctly, only more slowly; skipping the empty planes keeps the first scan fast."""
    yield from (c for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    for start, stop in (
        (0x10780, 0x107C0),
        (0x1D400, 0x1D800),
        (0x1EE00, 0x1EF00),
        (0x1F100, 0x1F300),
        (0x1FBF0, 0x1FC00),
        (0x2F800, 0x2FA20),
    ):
        yield from range(start, stop)


@cache
def _one_to_one() -> dict[int, str]:
    """Every character NFKC maps to exactly one other character (full-width ASCII, ｱ, U+3000 …).

    ``str.translate`` applies these in C and keeps every offset, which covers nearly all real text.
    """
    table: dict[int, str] = {}
    for code in _compatibility_code_points():
        ch = chr(code)
        mapped = unicodedata.normalize("NFKC", ch)
        if (
            mapped != ch
            and len(mapped) == 1
            and not _is_combining(ch)
            and not _is_combining(mapped)
        ):
            table[code] = mapped
    return table


@cache
def _bmp_changes() -> re.Pattern[str]:
    """The BMP keys of ``_one_to_one`` as one character class, captured (for ``re.split``).

    A text changes in only a few places (full-width ：（）０-９, U+3000), so finding them in C and
    mapping just those is several times faster than ``str.translate``, which looks up every
    character. Supplementary characters are left out: a class with them is a list of ranges sre
    checks one by one, not a bitmap."""
    return re.compile("(" + char_class(chr(c) for c in _one_to_one() if c < 0x10000) + ")")


def _translate(text: str) -> str:
    """``text.translate(_one_to_one())``, done only where the text changes."""
    # In UTF-16 a character outside the BMP takes four bytes (and a copy of a string of BMP
    # characters is a memcpy, cheaper than searching it).
    if len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text):
        return text.translate(_one_to_one())
    parts = _bmp_changes().split(text)
    if len(parts) == 1:
        return text
    table = _one_to_one()
    parts[1::2] = [table[ord(char)] for char in parts[1::2]]
    return "".join(parts)


class _Builder:
    """Collects pieces: verbatim copies (one to one) and replacements (many to one span)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []
        self.norm: list[int] = []
        self.orig: list[int] = []
        self.exact: list[bool] = []
        self.length = 0

    def add(self, start: int, end: int, piece: str, exact: bool) -> None:
        if (
            exact
            and self.exact
            and self.exact[-1]
            and self.orig[-1] + (self.length - self.norm[-1]) == start
        ):
            self.out.append(piece)  # extends the previous one-to-one piece
        else:
            self.norm.append(self.length)
            self.orig.append(start)
            self.exact.append(exact)
            self.out.append(piece)
        self.length += len(piece)

    def visit(self, lo: int, hi: int) -> None:
        text = self.text
        if hi - lo > _LEAF:
            if unicodedata.is_normalized("NFKC", text[lo:hi]):
                self.add(lo, hi, text[lo:hi], exact=True)
                return
            mid = (lo + hi) // 2
            while mid < hi and _is_combining(text[mid]):  # never split a base from its marks
                mid += 1
            if lo < mid < hi:
                self.visit(lo, mid)
                self.visit(mid, hi)
                return
            # A long run of combining marks cannot be split: walk it as one leaf.
        index = lo
        while index < hi:
            end = index + 1
            while end < hi and _is_combining(text[end]):
                end += 1
            group = text[index:end]
            piece = _nfkc(group)
            self.add(index, end, piece, exact=piece == group or len(piece) == len(group) == 1)
            index = end


@dataclass(frozen=True, slots=True)
class NormalizedText:
    original: str
    normalized: str
    # Piece i of the normalised text starts at _norm[i] there and at _orig[i] in the original.
    # An exact piece maps offsets one to one; a replacement maps to the whole span it came from.
    _norm: tuple[int, ...]
    _orig: tuple[int, ...]
    _exact: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> NormalizedText:
        if text.isascii() or unicodedata.is_normalized("NFKC", text):
            return cls(text, text, (0,), (0,), (True,))
        translated = _translate(text)  # same length: offsets unchanged
        if unicodedata.is_normalized("NFKC", translated):
            return cls(text, translated, (0,), (0,), (True,))
        builder = _Builder(translated)
        builder.visit(0, len(translated))
        return cls(
            text,
            "".join(builder.out),
            tuple(builder.norm),
            tuple(builder.orig),
            tuple(builder.exact),
        )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that produced ``normalized[start:end]`` (never out of bounds)."""
        length = len(self.original)
        if len(self._norm) == 1 and self._exact[0] and len(self.normalized) == length:
            # One piece, one to one (nearly every text): an offset is its own original offset.
            start = max(0, min(start, length))
            return start, max(start, min(end, length))
        if start >= end:
            point = self._point(start, at_end=False)
            return point, point
        return self._point(start, at_end=False), self._point(end, at_end=True)

    def _point(self, offset: int, *, at_end: bool) -> int:
        offset = max(0, min(offset, len(self.normalized)))
        # For an end offset, look at the piece holding the last character (offset - 1).
        probe = offset - 1 if at_end and offset > 0 else offset
        piece = max(bisect.bisect_right(self._norm, probe) - 1, 0)
        inside = offset - self._norm[piece]
        if self._exact[piece]:
            return min(self._orig[piece] + inside, len(self.original))
        if at_end and inside > 0:
            return self._orig[piece + 1] if piece + 1 < len(self._orig) else len(self.original)
        return self._orig[piece]
