"""From findings to one decision: the strictest action any finding calls for, with the reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mamori.content.screening import Action, Policy
from mamori.screening.findings import Finding

SEVERITY: dict[Action, int] = {"allow": 0, "flag": 1, "redact": 2, "block": 3}
Decision = Literal["allow", "flag", "redact", "block"]


@dataclass(frozen=True)
class Reason:
    type: str
    action: Action
    count: int
    enforces: tuple[str, ...]
    """The user's-rule statements and checkpoints behind this handling (from the policy's rules)."""


@dataclass(frozen=True)
class Verdict:
    action: Decision
    reasons: tuple[Reason, ...]


VERDICTS_KEPT = 4096
"""Verdicts a decider keeps for reuse (they are immutable): enough for the combinations of
types, actions and counts that real texts produce."""


class Decider:
    """Actions and verdicts under one policy. Each type's action and the rules behind it are read
    from the policy once, not once per finding (a guard keeps one: its policy does not change)."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._actions: dict[tuple[str, bool], Action] = {}
        self._enforces: dict[str, tuple[str, ...]] = {}
        self._verdicts: dict[frozenset[tuple[tuple[str, Action], int]], Verdict] = {}

    def action(self, finding: Finding, *, output: bool) -> Action:
        if finding.type == "CLASSIFICATION_MARKING":
            level = finding.level or 3  # a marking with no number is treated as the strictest
            if level <= self.policy.max_classification_level:
                return "allow"
        key = (finding.type, output)
        if key not in self._actions:
            self._actions[key] = self.policy.action_for(finding.type, output=output)
        return self._actions[key]

    def enforces(self, entity: str) -> tuple[str, ...]:
        if entity not in self._enforces:
            self._enforces[entity] = tuple(
                dict.fromkeys(
                    ref
                    for rule in self.policy.rules
                    if entity in rule.types
                    for ref in rule.enforces
                )
            )
        return self._enforces[entity]

    def decide(self, findings: list[Finding], *, output: bool = False) -> Verdict:
        counts: dict[tuple[str, Action], int] = {}
        action = self.action
        for finding in findings:
            key = (finding.type, action(finding, output=output))
            counts[key] = counts.get(key, 0) + 1
        # A verdict depends only on these counts, and few combinations occur: each is made once.
        counted = frozenset(counts.items())
        verdict = self._verdicts.get(counted)
        if verdict is None:
            verdict = self._verdict(counts)
            if len(self._verdicts) < VERDICTS_KEPT:
                self._verdicts[counted] = verdict
        return verdict

    def _verdict(self, counts: dict[tuple[str, Action], int]) -> Verdict:
        reasons = tuple(
            Reason(type=entity, action=action, count=count, enforces=self.enforces(entity))
            for (entity, action), count in sorted(
                counts.items(), key=lambda kv: (-SEVERITY[kv[0][1]], kv[0][0])
            )
        )
        overall: Decision = max(
            (r.action for r in reasons), key=SEVERITY.__getitem__, default="allow"
        )
        return Verdict(overall, reasons)
