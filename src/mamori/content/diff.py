"""Compare two packs item by item: what a newer guideline (or an agency's own pack) changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mamori.content.loader import LIST_SECTIONS
from mamori.content.models import Pack

SINGLE_SECTIONS = ("scope", "combination", "user_rule")
# Provenance fields change whenever an item is carried over; they are not a change of content.
_PROVENANCE = {"inherited_from", "source"}


@dataclass
class ItemChange:
    id: str
    fields: list[str]


@dataclass
class SectionDiff:
    section: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class PackDiff:
    old: str
    new: str
    sections: list[SectionDiff]
    carried_over: list[str]
    """Ids in the new pack marked as carried over unchanged from a base pack."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "sections": {
                s.section: {
                    "added": s.added,
                    "removed": s.removed,
                    "changed": {c.id: c.fields for c in s.changed},
                    "unchanged": s.unchanged,
                }
                for s in self.sections
            },
            "carried_over": self.carried_over,
        }


def _content(item: Any) -> Any:
    """The item without provenance, at every depth (rule statements carry their own)."""
    if isinstance(item, dict):
        return {k: _content(v) for k, v in item.items() if k not in _PROVENANCE}
    if isinstance(item, list):
        return [_content(v) for v in item]
    return item


def diff(old: Pack, new: Pack) -> PackDiff:
    old_data = old.model_dump(mode="json")
    new_data = new.model_dump(mode="json")
    sections: list[SectionDiff] = []
    carried: list[str] = []
    for section in LIST_SECTIONS:
        before = {item["id"]: item for item in old_data[section]}
        after = {item["id"]: item for item in new_data[section]}
        result = SectionDiff(section)
        result.added = [i for i in after if i not in before]
        result.removed = [i for i in before if i not in after]
        for item_id in (i for i in after if i in before):
            if after[item_id].get("inherited_from"):
                carried.append(item_id)
            a, b = _content(before[item_id]), _content(after[item_id])
            changed = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            if changed:
                result.changed.append(ItemChange(item_id, changed))
            else:
                result.unchanged += 1
        sections.append(result)
    for section in SINGLE_SECTIONS:
        a, b = _content(old_data[section]), _content(new_data[section])
        result = SectionDiff(section)
        changed = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        if changed:
            result.changed.append(ItemChange(new_data[section]["id"], changed))
        else:
            result.unchanged = 1
        if new_data[section].get("inherited_from"):
            carried.append(new_data[section]["id"])
        sections.append(result)
    return PackDiff(old.ref, new.ref, sections, carried)
