"""Procurement and Contract Check Sheets: which items a project needs, and why."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from mamori.content.facts import FactValue, matches
from mamori.content.models import Condition, Localized
from mamori.rules.explain import describe_match, fact_label, join, localized, value_label


class ChecklistEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    number: int
    section: str
    """The checkpoint group or contract area id."""
    title: Localized
    included: bool
    why: Localized
    matched: list[int]
    """Indices of the ``include_when`` conditions that held."""


def decide(
    conditions: Sequence[Condition], facts: dict[str, FactValue]
) -> tuple[bool, Localized, list[int]]:
    """Included when any condition holds; the explanation names what held, or what would have."""
    hits = [i for i, condition in enumerate(conditions) if matches(condition.all, facts)]
    if hits:
        return (
            True,
            localized("checks.included", reasons=join([conditions[i].reason for i in hits])),
            hits,
        )
    wanted = join(
        [
            localized("explain.alternative", n=str(n), text=describe_match(c.all))
            for n, c in enumerate(conditions, start=1)
        ],
    )
    facts_used = list(dict.fromkeys(fact for c in conditions for fact in c.all))
    actual = join(
        [
            localized("explain.fact_is", fact=fact_label(f), value=value_label(f, facts.get(f)))
            for f in facts_used
        ]
    )
    return False, localized("checks.excluded", wanted=wanted, actual=actual), []


def entry(
    item_id: str,
    number: int,
    section: str,
    title: Localized,
    conditions: Sequence[Condition],
    facts: dict[str, FactValue],
) -> ChecklistEntry:
    included, why, hits = decide(conditions, facts)
    return ChecklistEntry(
        id=item_id,
        number=number,
        section=section,
        title=title,
        included=included,
        why=why,
        matched=hits,
    )
