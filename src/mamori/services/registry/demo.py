"""``mamori demo``: load the sample registry (``data/demo/registry.yaml``) through the same use
cases the API calls, each action by the person the sample names, so the audit trail reads true."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from sqlalchemy import select

from mamori.db.models import Organization
from mamori.resources import data_dir
from mamori.services.registry import (
    assessments,
    checklist,
    consultations,
    identity,
    risk_cases,
    rules,
    systems,
)
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database

Progress = Callable[[str], None]


def sample() -> dict[str, Any]:
    with (data_dir() / "demo" / "registry.yaml").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def is_loaded(db: Database) -> bool:
    first = sample()["orgs"][0]["code"]
    with db.read() as session:
        return session.scalar(select(Organization.id).where(Organization.code == first)) is not None


def load(db: Database, operator: Actor, progress: Progress | None = None) -> dict[str, int]:
    """Load the sample once; returns how many of each thing were added (nothing if already there)."""
    if is_loaded(db):
        return {}
    data = sample()
    step = progress or (lambda _name: None)
    for org in data["orgs"]:
        step(org["code"])
        identity.add_org(
            db,
            operator,
            code=org["code"],
            name=org["name"],
            kind=org["kind"],
            parent=org.get("parent"),
            name_en=org.get("name_en", ""),
        )
    for person in data["people"]:
        identity.add_person(
            db,
            operator,
            name=person["name"],
            org=person["org"],
            role=person["role"],
            display_name=person.get("display_name", ""),
        )
    actors: dict[str, Actor] = {}

    def as_person(name: str) -> Actor:
        if name not in actors:
            actors[name] = identity.actor_for(db, name)
        return actors[name]

    ids: dict[str, int] = {}
    counts = {
        "orgs": len(data["orgs"]),
        "systems": 0,
        "assessments": 0,
        "risk_cases": 0,
        "consultations": 0,
    }
    for entry in data["systems"]:
        step(entry["project"]["name"])
        planner = as_person(entry["planner"])
        system = systems.create(
            db,
            planner,
            systems.SystemCreate(
                org=entry["org"],
                project=entry["project"],
                vendor=entry.get("vendor_org"),
                models=entry.get("models", []),
                publishable=entry.get("publishable", False),
            ),
        )
        ids[system.name] = system.id
        counts["systems"] += 1
        assessment = None
        if entry.get("assess", True):
            assessment = assessments.submit(db, planner, system.id, assessments.AssessmentCreate())
            counts["assessments"] += 1
        if "decision" in entry and assessment is not None:
            decision = entry["decision"]
            assessments.decide(
                db,
                as_person(decision["by"]),
                assessment.id,
                assessments.DecisionCreate(
                    decision=decision["decision"], rationale=decision["rationale"]
                ),
            )
        if "consult" in entry and assessment is not None:
            consult = entry["consult"]
            created = consultations.create(
                db,
                as_person(consult["by"]),
                consultations.ConsultationCreate(
                    assessment_id=assessment.id, brief=consultations.Brief(**consult["brief"])
                ),
            )
            counts["consultations"] += 1
            if "advice" in consult:
                consultations.advise(
                    db,
                    as_person(consult["advice"]["by"]),
                    created.id,
                    consultations.AdviceCreate(
                        version=created.version, advice=consult["advice"]["text"]
                    ),
                )
        if "checklist" in entry:
            item = entry["checklist"]
            first = checklist.get(db, as_person(item["by"]), system.id)[0]
            checklist.update(
                db,
                as_person(item["by"]),
                system.id,
                first.checkpoint_id,
                checklist.ChecklistUpdate(
                    version=first.version, status=item["status"], note=item["note"]
                ),
            )
        if "rule" in entry:
            author = as_person(entry["rule"]["by"])
            draft = rules.create(
                db, author, rules.RuleCreate(org=entry["org"], system_id=system.id)
            )
            published = rules.publish(
                db, author, draft.id, rules.RulePublish(version=draft.version)
            )
            for name in entry["rule"].get("acknowledged_by", []):
                rules.acknowledge(db, as_person(name), published.id)
        if entry["lifecycle"] != "planning":
            current = systems.get(db, planner, system.id)
            systems.update(
                db,
                planner,
                system.id,
                systems.SystemUpdate(version=current.version, lifecycle=entry["lifecycle"]),
            )
    for case in data["risk_cases"]:
        step(case["title"])
        created_case = risk_cases.report(
            db,
            as_person(case["reported_by"]),
            risk_cases.RiskCaseCreate(
                system_id=ids[case["system"]],
                category=case["category"],
                severity=case["severity"],
                title=case["title"],
                what_happened=case["what_happened"],
                impact=case.get("impact", ""),
                personal_data_involved=case.get("personal_data_involved", False),
            ),
        )
        counts["risk_cases"] += 1
        version = created_case.version
        for move in case.get("steps", []):
            moved = risk_cases.transition(
                db,
                as_person(move["by"]),
                created_case.id,
                risk_cases.TransitionCreate(
                    version=version, to_state=move["to"], note=move.get("note", "")
                ),
            )
            version = moved.version
        if "respond" in case:
            answer = dict(case["respond"])
            responder = as_person(answer.pop("by"))
            risk_cases.update(
                db, responder, created_case.id, risk_cases.RiskCaseUpdate(version=version, **answer)
            )
    return counts
