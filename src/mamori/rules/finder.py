"""High-Risk AI Project Finder: the four axes and the combination rule, read from the pack."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from mamori.content.facts import FactValue
from mamori.content.models import Localized, Pack
from mamori.content.project import Project
from mamori.rules.explain import cite, fact_label, localized, value_label


class AxisResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    axis_id: str
    title: Localized
    field: str
    value: FactValue
    level: int
    label: Localized
    reasons: list[Localized]
    clause: str


class CombinationHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule_id: str
    reason: Localized
    axes: list[str]
    clause: str


class FinderResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    axes: dict[str, AxisResult]
    possibly_high_risk: bool
    consult_advisory_board: bool
    fired: list[CombinationHit]


def rate_axes(project: Project, pack: Pack) -> dict[str, AxisResult]:
    results: dict[str, AxisResult] = {}
    for axis in sorted(pack.axes, key=lambda a: a.key):
        value: FactValue = getattr(project, axis.field)
        level = next(lv for lv in axis.levels if value in lv.when)
        reason = localized(
            "finder.axis_reason",
            axis=axis.key,
            title=axis.title,
            field=fact_label(axis.field),
            value=value_label(axis.field, value),
            level=str(level.level),
            label=Localized(ja=level.label.ja.rstrip("。"), en=level.label.en.rstrip(".")),
        )
        results[axis.key] = AxisResult(
            key=axis.key,
            axis_id=axis.id,
            title=axis.title,
            field=axis.field,
            value=value,
            level=level.level,
            label=level.label,
            reasons=[reason],
            clause=f"{cite(axis.source, axis.basis)}; {cite(level.source, level.basis)}",
        )
    return results


def find(project: Project, pack: Pack) -> FinderResult:
    """Rate each axis and apply the pack's combination rule. The result is a reference for the CAIO."""
    axes = rate_axes(project, pack)
    fired: list[CombinationHit] = []
    for rule in pack.combination.possibly_high_risk_when:
        hit_axes = [key for key, result in axes.items() if result.level >= rule.min_level]
        if len(hit_axes) >= rule.min_axes:
            fired.append(
                CombinationHit(
                    rule_id=rule.id,
                    reason=localized(
                        "finder.combination_reason",
                        rule=rule.reason,
                        axes=", ".join(hit_axes),
                    ),
                    axes=hit_axes,
                    clause=cite(rule.source, rule.basis),
                )
            )
    high = bool(fired)
    return FinderResult(
        axes=axes, possibly_high_risk=high, consult_advisory_board=high, fired=fired
    )
