"""/api/v1/risk-cases: reporting, handling and the state machine."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from mamori.api.deps import DB, DEFAULT_LIMIT, CurrentActor, IdFilter, Limit, ObjectId, Offset
from mamori.services.registry import risk_cases
from mamori.services.registry.common import Page
from mamori.vocabulary import RiskCaseState, Severity

router = APIRouter(prefix="/risk-cases", tags=["risk cases"])


@router.post("", status_code=201)
def report_risk_case(
    db: DB, actor: CurrentActor, body: risk_cases.RiskCaseCreate
) -> risk_cases.RiskCasePublic:
    return risk_cases.report(db, actor, body)


@router.get("")
def list_risk_cases(
    db: DB,
    actor: CurrentActor,
    system_id: IdFilter = None,
    state: RiskCaseState | None = None,
    severity: Severity | None = None,
    category: Annotated[str | None, Query(max_length=32)] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[risk_cases.RiskCasePublic]:
    return risk_cases.list_cases(
        db,
        actor,
        system_id=system_id,
        state=state,
        severity=severity,
        category=category,
        limit=limit,
        offset=offset,
    )


@router.get("/{case_id}")
def get_risk_case(db: DB, actor: CurrentActor, case_id: ObjectId) -> risk_cases.RiskCasePublic:
    return risk_cases.get(db, actor, case_id)


@router.patch("/{case_id}")
def update_risk_case(
    db: DB, actor: CurrentActor, case_id: ObjectId, body: risk_cases.RiskCaseUpdate
) -> risk_cases.RiskCasePublic:
    return risk_cases.update(db, actor, case_id, body)


@router.post("/{case_id}/transitions")
def transition_risk_case(
    db: DB, actor: CurrentActor, case_id: ObjectId, body: risk_cases.TransitionCreate
) -> risk_cases.RiskCasePublic:
    return risk_cases.transition(db, actor, case_id, body)
