"""/api/v1/rules: users' rules (ministry and per system), publication and acknowledgements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from mamori.api.deps import DB, CurrentActor, IdFilter, ObjectId
from mamori.services.registry import rules
from mamori.vocabulary import RuleStatus

router = APIRouter(prefix="/rules", tags=["users' rules"])


@router.post("", status_code=201)
def create_rule(db: DB, actor: CurrentActor, body: rules.RuleCreate) -> rules.RulePublic:
    return rules.create(db, actor, body)


@router.get("")
def list_rules(
    db: DB,
    actor: CurrentActor,
    system_id: IdFilter = None,
    status: Annotated[RuleStatus | None, Query()] = None,
) -> list[rules.RulePublic]:
    return rules.list_rules(db, actor, system_id=system_id, status=status)


@router.get("/{rule_id}")
def get_rule(db: DB, actor: CurrentActor, rule_id: ObjectId) -> rules.RulePublic:
    return rules.get(db, actor, rule_id)


@router.post("/{rule_id}/publish")
def publish_rule(
    db: DB, actor: CurrentActor, rule_id: ObjectId, body: rules.RulePublish
) -> rules.RulePublic:
    return rules.publish(db, actor, rule_id, body)


@router.post("/{rule_id}/acknowledgements", status_code=201)
def acknowledge_rule(db: DB, actor: CurrentActor, rule_id: ObjectId) -> rules.AcknowledgementPublic:
    return rules.acknowledge(db, actor, rule_id)
