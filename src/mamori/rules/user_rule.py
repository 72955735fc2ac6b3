"""Compose a user's rule from the pack's Model User's Rule: the ministry's rule or one system's rule."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from mamori.content.facts import FactValue, matches
from mamori.content.models import Condition, Localized, Pack, RuleSection

RuleKind = Literal["ministry", "staff", "citizen"]


class RuleFillIns(BaseModel):
    model_config = ConfigDict(frozen=True)

    organization: str
    contact: str
    system_name: str = ""
    purpose: str = ""


class ComposedSection(BaseModel):
    model_config = ConfigDict(frozen=True)

    section: RuleSection
    depth: int
    statements: list[tuple[str, Localized]]
    """(statement id, text with fill-ins applied)."""


class ComposedRule(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: RuleKind
    rule_id: str
    title: Localized
    purpose: Localized
    sections: list[ComposedSection]
    contact: Localized
    omitted: list[str]
    """Statements left out because their ``applies_when`` did not hold for this system."""


def _fill(text: Localized, fill_ins: RuleFillIns) -> Localized:
    values = fill_ins.model_dump()
    return Localized(ja=text.ja.format_map(values), en=text.en.format_map(values))


def _holds(conditions: list[Condition], facts: dict[str, FactValue] | None) -> bool:
    return facts is not None and any(matches(c.all, facts) for c in conditions)


def audience_for(users: str) -> RuleKind:
    """Citizens get the citizen variant; staff of one or several organisations get the staff one."""
    return "citizen" if users == "citizens" else "staff"


def compose(
    pack: Pack,
    kind: RuleKind,
    fill_ins: RuleFillIns,
    facts: dict[str, FactValue] | None = None,
) -> ComposedRule:
    """The ministry rule takes every staff statement; a system rule only those that apply to it."""
    model = pack.user_rule
    audience = "staff" if kind == "ministry" else kind
    depth = {s.id: 0 for s in model.sections if s.parent is None}
    for section in model.sections:  # sections are listed parents first
        if section.parent is not None:
            depth[section.id] = depth.get(section.parent, 0) + 1
    omitted: list[str] = []
    by_section: dict[str, list[tuple[str, Localized]]] = {s.id: [] for s in model.sections}
    for statement in model.statements:
        text = statement.text.get(audience)
        if text is None:
            continue
        applies = statement.applies_when
        if kind != "ministry" and applies is not None and not _holds(applies, facts):
            omitted.append(statement.id)
            continue
        by_section[statement.section].append((statement.id, _fill(text, fill_ins)))
    return ComposedRule(
        kind=kind,
        rule_id=model.id,
        title=_fill(model.template.title[kind], fill_ins),
        purpose=_fill(model.template.purpose[kind], fill_ins),
        sections=[
            ComposedSection(section=s, depth=depth[s.id], statements=by_section[s.id])
            for s in model.sections
        ],
        contact=_fill(model.template.contact, fill_ins),
        omitted=omitted,
    )
