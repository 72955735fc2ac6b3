"""One assessment: the finder, the warnings and both check sheets for one project under one pack."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from mamori.content.facts import FactValue, project_facts
from mamori.content.loader import LoadedPack
from mamori.content.project import Project
from mamori.i18n import Lang
from mamori.rules.checksheets import ChecklistEntry, entry
from mamori.rules.finder import AxisResult, CombinationHit, find
from mamori.rules.warnings import WarningResult, warn


class Assessment(BaseModel):
    """Everything the planner and the CAIO need to see, each decision with its explanation."""

    model_config = ConfigDict(frozen=True)

    pack: str
    pack_hash: str
    project: Project
    facts: dict[str, FactValue]
    axes: dict[str, AxisResult]
    possibly_high_risk: bool
    consult_advisory_board: bool
    fired: list[CombinationHit]
    warnings: list[WarningResult]
    procurement_checkpoints: list[ChecklistEntry]
    contract_items: list[ChecklistEntry]

    def public(self, lang: Lang) -> dict[str, Any]:
        """The stable JSON shape of ``mamori assess --json``, texts in ``lang``."""
        return {
            "pack": self.pack,
            "pack_hash": self.pack_hash,
            "lang": lang,
            "project": {"name": self.project.name, "organization": self.project.organization},
            "axes": {
                key: {
                    "id": axis.axis_id,
                    "level": axis.level,
                    "value": axis.value,
                    "label": axis.label(lang),
                    "reasons": [r(lang) for r in axis.reasons],
                    "clause": axis.clause,
                }
                for key, axis in self.axes.items()
            },
            "possibly_high_risk": self.possibly_high_risk,
            "consult_advisory_board": self.consult_advisory_board,
            "reasons": [hit.reason(lang) for hit in self.fired],
            "fired_rules": [hit.rule_id for hit in self.fired],
            "warnings": [
                {
                    "id": w.id,
                    "severity": w.severity,
                    "message": w.message(lang),
                    "remedy": w.remedy(lang),
                    "clause": w.clause,
                }
                for w in self.warnings
            ],
            "procurement_checkpoints": [_entry(e, lang) for e in self.procurement_checkpoints],
            "contract_items": [_entry(e, lang) for e in self.contract_items],
        }


def _entry(item: ChecklistEntry, lang: Lang) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.number,
        "title": item.title(lang),
        "included": item.included,
        "why": item.why(lang),
    }


def evaluate(project: Project, loaded: LoadedPack) -> Assessment:
    """Assess ``project`` under the pack: a pure function of its two inputs."""
    pack = loaded.pack
    finding = find(project, pack)
    facts = project_facts(project)
    facts["possibly_high_risk"] = finding.possibly_high_risk
    facts.update({f"axis_{key}": axis.level for key, axis in finding.axes.items()})
    checkpoints = [
        entry(cp.id, cp.number, cp.group, cp.title, cp.include_when, facts)
        for cp in sorted(pack.checkpoints, key=lambda c: c.number)
    ]
    items = [
        entry(ci.id, ci.number, ci.area, ci.title, ci.include_when, facts)
        for ci in sorted(pack.contract_items, key=lambda c: c.number)
    ]
    return Assessment(
        pack=loaded.ref,
        pack_hash=loaded.content_hash,
        project=project,
        facts=facts,
        axes=finding.axes,
        possibly_high_risk=finding.possibly_high_risk,
        consult_advisory_board=finding.consult_advisory_board,
        fired=finding.fired,
        warnings=warn(pack, facts),
        procurement_checkpoints=checkpoints,
        contract_items=items,
    )
