"""Findings remembered per text, for a guard that sees the same texts again.

A chat client sends the whole conversation with every turn: without a memory, the tenth turn
screens the nine before it again, and screening grows with the length of the conversation. A
text's findings depend only on the text and the guard (its policy and purpose), so they are kept
under a digest of the text — never the text itself, which may hold personal data — for as long
as the guard lives (the gateway builds a new guard when a system's policy changes)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from mamori.screening.findings import Finding

MIN_CHARS = 64
"""Shorter texts are screened again: it costs less than remembering them."""


class FindingsMemo:
    """The findings of the last ``size`` texts screened as requests, least recently used first out.
    Safe to share between threads (the gateway screens long requests in a worker thread)."""

    def __init__(self, size: int = 4096) -> None:
        if size < 1:
            raise ValueError("a findings memo needs room for at least one text")
        self.size = size
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[bytes, tuple[Finding, ...]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(text: str) -> bytes | None:
        """The digest a text is remembered by, or None for a text too short to remember."""
        if len(text) < MIN_CHARS:
            return None
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()

    def get(self, key: bytes) -> list[Finding] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return list(found)

    def put(self, key: bytes, findings: list[Finding]) -> None:
        with self._lock:
            self._entries[key] = tuple(findings)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
