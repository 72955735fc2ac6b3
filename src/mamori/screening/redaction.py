"""Placeholders for what must not leave: ``<PERSON_1>``, stable within one text, restorable afterwards.

A :class:`Vault` lives for one request (or one conversation): the same value gets the same
placeholder every time, and an answer that quotes a placeholder can have the value put back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mamori.screening.findings import Finding

PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*)_(\d+)>")


@dataclass
class Vault:
    by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    by_placeholder: dict[str, str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def placeholder(self, entity: str, value: str) -> str:
        key = (entity, value)
        if key not in self.by_value:
            self.counters[entity] = self.counters.get(entity, 0) + 1
            token = f"<{entity}_{self.counters[entity]}>"
            self.by_value[key] = token
            self.by_placeholder[token] = value
        return self.by_value[key]

    def redact(self, text: str, findings: Iterable[Finding]) -> str:
        """Replace each finding's span; overlapping or out-of-range spans are skipped, never cut."""
        for match in PLACEHOLDER.finditer(text):
            # A placeholder-like string this vault did not issue must not collide with a new one.
            if match.group(0) not in self.by_placeholder:
                entity, number = match.group(1), int(match.group(2))
                self.counters[entity] = max(self.counters.get(entity, 0), number)
        pieces: list[str] = []
        position = 0
        for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
            start, end = max(0, finding.start), min(len(text), finding.end)
            if start < position or start >= end:
                continue
            pieces += [text[position:start], self.placeholder(finding.type, text[start:end])]
            position = end
        pieces.append(text[position:])
        return "".join(pieces)

    def restore(self, text: str) -> str:
        """Put the original values back where an answer quotes a placeholder this vault issued."""
        return PLACEHOLDER.sub(lambda m: self.by_placeholder.get(m.group(0), m.group(0)), text)


def placeholder_spans(text: str) -> list[tuple[tuple[int, int], str]]:
    """Every placeholder-shaped token with its span; the caller decides which ones are real."""
    return [(m.span(), m.group(0)) for m in PLACEHOLDER.finditer(text)]
