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


def action_for(finding: Finding, policy: Policy, *, output: bool) -> Action:
    if finding.type == "CLASSIFICATION_MARKING":
        level = finding.level or 3  # a marking with no number is treated as the strictest
        if level <= policy.max_classification_level:
            return "allow"
    return policy.action_for(finding.type, output=output)


def decide(findings: list[Finding], policy: Policy, *, output: bool = False) -> Verdict:
    counts: dict[tuple[str, Action], int] = {}
    for finding in findings:
        key = (finding.type, action_for(finding, policy, output=output))
        counts[key] = counts.get(key, 0) + 1
    reasons = tuple(
        Reason(
            type=entity,
            action=action,
            count=count,
            enforces=tuple(
                dict.fromkeys(
                    ref for rule in policy.rules if entity in rule.types for ref in rule.enforces
                )
            ),
        )
        for (entity, action), count in sorted(
            counts.items(), key=lambda kv: (-SEVERITY[kv[0][1]], kv[0][0])
        )
    )
    overall: Decision = max((r.action for r in reasons), key=SEVERITY.__getitem__, default="allow")
    return Verdict(overall, reasons)
