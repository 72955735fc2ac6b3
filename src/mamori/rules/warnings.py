"""Warnings the guideline implies for a project (e.g. confidential data in a terms-of-service SaaS)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from mamori.content.facts import FactValue, matches
from mamori.content.models import Localized, Pack
from mamori.rules.explain import cite


class WarningResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    severity: str
    message: Localized
    remedy: Localized
    clause: str
    related: list[str]


def warn(pack: Pack, facts: dict[str, FactValue]) -> list[WarningResult]:
    return [
        WarningResult(
            id=rule.id,
            severity=rule.severity,
            message=rule.message,
            remedy=rule.remedy,
            clause=cite(rule.source, rule.basis),
            related=list(rule.related),
        )
        for rule in pack.warnings
        if any(matches(match, facts) for match in rule.when)
    ]
