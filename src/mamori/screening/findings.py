"""What a detector reports: a typed span of the original text and why it was reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from mamori.content.screening import EntityName

# The names are part of the policy format, so they are defined with it (content.screening).
EntityType = EntityName
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
PERSONAL_DATA_TYPES: frozenset[EntityType] = frozenset(ENTITY_TYPES[:13])
"""Types that identify or contact a person (redactable with a placeholder)."""


@dataclass(frozen=True, slots=True)
class Explanation:
    """Which rule found it: the pattern id, the context words seen near it, the validator that passed."""

    pattern: str
    context: tuple[str, ...] = ()
    validator: str | None = None
    note: str | None = None
    """Extra detail, e.g. the classification level or the harmful category. Never the matched text."""


@dataclass(frozen=True, slots=True)
class Finding:
    type: EntityType
    start: int
    """Code-point offset into the ORIGINAL text."""
    end: int
    score: float
    detector: str
    explanation: Explanation = field(compare=False)
    level: int | None = field(default=None, compare=False)
    """For a classification marking: 1–3 (機密性1–3); markings with no level count as 3."""

    def public(self) -> dict[str, object]:
        """The JSON shape of ``mamori scan --jsonl``."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 3),
            "detector": self.detector,
        }
