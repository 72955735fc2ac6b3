"""A system's guard policy, derived from its project description and the guideline pack.

The derivation rules are data (``data/screening/derivation.yaml``); every rule applied is written
into the policy with the user's-rule statements, checkpoints or warnings it enforces.
"""

from __future__ import annotations

import hashlib

from mamori.content.facts import FactValue, matches
from mamori.content.models import Pack
from mamori.content.project import Project
from mamori.content.screening import Action, Derivation, Policy, PolicyRule
from mamori.content.screening_loader import ScreeningData
from mamori.errors import Problem, ScreeningDataError
from mamori.screening.decision import SEVERITY


def pack_ids(pack: Pack) -> set[str]:
    ids = {
        item.id
        for section in (pack.checkpoints, pack.contract_items, pack.warnings)
        for item in section
    }
    return ids | {statement.id for statement in pack.user_rule.statements}


def check_citations(derivation: Derivation, pack: Pack, where: str) -> None:
    known = pack_ids(pack)
    problems = [
        Problem(
            f"{where}: rules({rule.id}).enforces",
            "problem.unknown_citation",
            {"id": ref, "pack": pack.ref},
        )
        for rule in derivation.rules
        for ref in rule.enforces
        if ref not in known
    ]
    if problems:
        raise ScreeningDataError(path=where, problems=problems)


def _stricter(a: Action | None, b: Action) -> Action:
    return b if a is None or SEVERITY[b] > SEVERITY[a] else a


def derive(
    project: Project, facts: dict[str, FactValue], pack: Pack, data: ScreeningData
) -> Policy:
    """Apply every matching rule to the base policy; among rules the stricter setting wins."""
    derivation = data.derivation
    check_citations(derivation, pack, "data/screening/derivation.yaml")
    base = data.policies[derivation.base_policy]
    actions: dict[str, Action] = {}
    output_actions: dict[str, Action] = {}
    thresholds: dict[str, float] = {}
    level: int | None = None
    applied: list[PolicyRule] = []
    for rule in derivation.rules:
        if not any(matches(match, facts) for match in rule.when):
            continue
        for entity, action in rule.actions.items():
            actions[entity] = _stricter(actions.get(entity), action)
        for entity, action in rule.output_actions.items():
            output_actions[entity] = _stricter(output_actions.get(entity), action)
        for entity, value in rule.thresholds.items():
            thresholds[entity] = min(thresholds.get(entity, value), value)
        if rule.max_classification_level is not None:
            level = (
                rule.max_classification_level
                if level is None
                else min(level, rule.max_classification_level)
            )
        types = sorted({*rule.actions, *rule.output_actions, *rule.thresholds})
        if rule.max_classification_level is not None:
            types = sorted({*types, "CLASSIFICATION_MARKING"})
        applied.append(
            PolicyRule(
                id=rule.id,
                enforces=list(rule.enforces),
                types=types,
                reason=rule.reason,
            )
        )
    digest = hashlib.sha256(f"{project.organization}/{project.name}".encode()).hexdigest()[:10]
    return base.model_copy(
        update={
            "id": f"system-{digest}",
            "description": base.description.model_copy(
                update={
                    "ja": f"{project.name}（{project.organization}）のポリシー。案件記述から導出した。",
                    "en": f"Policy of {project.name} ({project.organization}), derived from its project description.",
                }
            ),
            "actions": {**base.actions, **actions},
            "output_actions": {**base.output_actions, **output_actions},
            "thresholds": {**base.thresholds, **thresholds},
            "max_classification_level": base.max_classification_level if level is None else level,
            "purpose": project.purpose,
            "examples": list(project.examples),
            "rules": [*base.rules, *applied],
        }
    )
