"""Risk cases reported by providers, users (and the gateway), handled by the CAIO with the Board.

States and who may move a case along each edge:

    reported ──caio──▶ triaged ──caio──▶ countermeasure ──caio──▶ closed
                          │                  │    ▲
                          └──caio──▶ closed  │    └──caio, board──┐
                                             └──caio──▶ board_review ──caio──▶ closed
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mamori.content import loader
from mamori.db.models import AISystem, RiskCase, RiskCaseTransition
from mamori.db.types import now
from mamori.errors import (
    PermissionDeniedError,
    Problem,
    RequestInvalidError,
    TransitionNotAllowedError,
)
from mamori.services.registry import systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import (
    DEFAULT_PAGE,
    MAX_ID,
    Database,
    Page,
    Public,
    check_version,
    not_found,
    paginate,
    record,
    state_of,
    visible,
)
from mamori.vocabulary import RiskCaseSource, RiskCaseState, Severity

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("reported", "triaged"): frozenset({"caio"}),
    ("triaged", "countermeasure"): frozenset({"caio"}),
    ("triaged", "closed"): frozenset({"caio"}),
    ("countermeasure", "board_review"): frozenset({"caio"}),
    ("countermeasure", "closed"): frozenset({"caio"}),
    ("board_review", "countermeasure"): frozenset({"caio", "board"}),
    ("board_review", "closed"): frozenset({"caio"}),
}
"""Every legal edge of the state machine and the roles that may take it (deny by default)."""


class RiskCaseCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    system_id: int = Field(ge=1, le=MAX_ID)
    category: str = Field(
        max_length=32,
        description="A risk-case category key of the guideline pack (`privacy`, `security_incident` …)",
    )
    severity: Severity
    title: str = Field(min_length=1, max_length=200)
    what_happened: str = Field(min_length=1, max_length=20000)
    impact: str = Field(default="", max_length=20000)
    personal_data_involved: bool = False


class RiskCaseUpdate(BaseModel):
    """What the provider (or the CAIO) adds while handling a case."""

    model_config = ConfigDict(extra="forbid")
    version: int
    severity: Severity | None = None
    impact: str | None = Field(default=None, max_length=20000)
    countermeasure: str | None = Field(default=None, max_length=20000)
    root_cause: str | None = Field(default=None, max_length=20000)
    recurrence_prevention: str | None = Field(default=None, max_length=20000)


class TransitionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    to_state: RiskCaseState
    note: str = Field(default="", max_length=20000)


class TransitionPublic(Public):
    id: int
    from_state: str
    to_state: str
    actor_id: int | None
    note: str
    at: dt.datetime


class RiskCasePublic(Public):
    id: int
    system_id: int
    org_id: int
    category: str
    severity: str
    state: str
    source: str
    title: str
    what_happened: str
    impact: str
    personal_data_involved: bool
    countermeasure: str
    root_cause: str
    recurrence_prevention: str
    occurrences: int
    reported_by: int | None
    reported_at: dt.datetime
    closed_at: dt.datetime | None
    updated_at: dt.datetime
    version: int
    transitions: list[TransitionPublic] = Field(default_factory=list)


def categories(db: Database) -> tuple[str, ...]:
    pack = loader.load(db.settings.default_pack, db.settings.packs).pack
    return tuple(category.key for category in pack.risk_case_categories)


def _public(session: Session, row: RiskCase, *, history: bool = False) -> RiskCasePublic:
    result = RiskCasePublic.model_validate(row)
    if history:
        result.transitions = [
            TransitionPublic.model_validate(t)
            for t in session.scalars(
                select(RiskCaseTransition)
                .where(RiskCaseTransition.case_id == row.id)
                .order_by(RiskCaseTransition.id)
            )
        ]
    return result


def _source(actor: Actor, system: AISystem) -> RiskCaseSource:
    roles = actor.roles_for(
        "risk_case.report", org_id=system.org_id, vendor_org_id=system.vendor_org_id
    )
    if "caio" in roles:
        return "caio"
    if "provider" in roles:
        return "provider"
    return "user"


def report(db: Database, actor: Actor, data: RiskCaseCreate) -> RiskCasePublic:
    known = categories(db)
    if data.category not in known:
        raise RequestInvalidError(
            problems=[
                # The value is not echoed (it may be anything); the known keys are listed.
                Problem("category", "problem.project_value", allowed=known)
            ]
        )
    with db.write() as session:
        system = systems.load(session, actor, data.system_id, "risk_case.report")
        row = RiskCase(
            system_id=system.id,
            org_id=system.org_id,
            category=data.category,
            severity=data.severity,
            source=_source(actor, system),
            title=data.title,
            what_happened=data.what_happened,
            impact=data.impact,
            personal_data_involved=data.personal_data_involved,
            reported_by=actor.person_id,
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            "risk_case.report",
            "risk_case",
            row.id,
            org_id=system.org_id,
            state=state_of(row),
            detail={"category": row.category, "severity": row.severity},
        )
        return _public(session, row)


def _load(session: Session, actor: Actor, case_id: int) -> tuple[RiskCase, AISystem]:
    row = session.get(RiskCase, case_id)
    if row is None:
        raise not_found("risk_case", case_id)
    system = session.get(AISystem, row.system_id)
    assert system is not None
    if not actor.may(
        "risk_case.read",
        org_id=row.org_id,
        vendor_org_id=system.vendor_org_id,
        owner_id=row.reported_by,
    ):
        raise not_found("risk_case", case_id)
    return row, system


def get(db: Database, actor: Actor, case_id: int) -> RiskCasePublic:
    with db.read() as session:
        row, _ = _load(session, actor, case_id)
        return _public(session, row, history=True)


def list_cases(
    db: Database,
    actor: Actor,
    *,
    system_id: int | None = None,
    state: RiskCaseState | None = None,
    severity: Severity | None = None,
    category: str | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> Page[RiskCasePublic]:
    with db.read() as session:
        vendor_of_case = (
            select(AISystem.vendor_org_id)
            .where(AISystem.id == RiskCase.system_id)
            .scalar_subquery()
        )
        condition = visible(
            actor.where("risk_case.read"),
            RiskCase.org_id,
            vendor_of_case,
            RiskCase.reported_by,
            actor.person_id,
        )
        statement = select(RiskCase)
        statement = statement.where(condition)
        if system_id is not None:
            statement = statement.where(RiskCase.system_id == system_id)
        if state is not None:
            statement = statement.where(RiskCase.state == state)
        if severity is not None:
            statement = statement.where(RiskCase.severity == severity)
        if category is not None:
            statement = statement.where(RiskCase.category == category)
        rows, total = paginate(
            session, statement.order_by(RiskCase.id.desc()), limit, offset, key=RiskCase.id
        )
        return Page(
            items=[_public(session, r) for r in rows], total=total, limit=limit, offset=offset
        )


def update(db: Database, actor: Actor, case_id: int, data: RiskCaseUpdate) -> RiskCasePublic:
    with db.write() as session:
        row, system = _load(session, actor, case_id)
        if not actor.may(
            "risk_case.respond", org_id=row.org_id, vendor_org_id=system.vendor_org_id
        ):
            raise PermissionDeniedError(action="risk_case.respond")
        check_version("risk_case", row.id, row.version, data.version)
        if row.state == "closed":  # its record is final; a recurrence is a new case
            raise RequestInvalidError(problems=[Problem("state", "problem.case_closed")])
        changes = data.model_dump(exclude_unset=True, exclude={"version"})
        for key, value in changes.items():
            if value is not None:
                setattr(row, key, value)
        row.version += 1
        row.updated_at = now()
        session.flush()
        record(
            session,
            actor,
            "risk_case.update",
            "risk_case",
            row.id,
            org_id=row.org_id,
            state=state_of(row),
            detail={"fields": sorted(changes)},
        )
        return _public(session, row, history=True)


def transition(db: Database, actor: Actor, case_id: int, data: TransitionCreate) -> RiskCasePublic:
    with db.write() as session:
        row, system = _load(session, actor, case_id)
        roles = actor.roles_for(
            "risk_case.transition", org_id=row.org_id, vendor_org_id=system.vendor_org_id
        )
        if not roles:
            raise PermissionDeniedError(action="risk_case.transition")
        check_version("risk_case", row.id, row.version, data.version)
        edge = (row.state, data.to_state)
        allowed_roles = TRANSITIONS.get(edge)
        if allowed_roles is None:
            raise TransitionNotAllowedError(
                kind="risk_case",
                id=str(row.id),
                from_state=row.state,
                to_state=data.to_state,
                allowed=", ".join(to for (frm, to) in TRANSITIONS if frm == row.state) or "—",
            )
        if not (roles & allowed_roles or "operator" in roles):
            raise PermissionDeniedError(action=f"risk_case.transition {row.state}→{data.to_state}")
        step = RiskCaseTransition(
            case_id=row.id,
            from_state=row.state,
            to_state=data.to_state,
            actor_id=actor.person_id,
            note=data.note,
        )
        session.add(step)
        row.state = data.to_state
        row.closed_at = now() if data.to_state == "closed" else None
        row.version += 1
        row.updated_at = now()
        session.flush()
        record(
            session,
            actor,
            "risk_case.transition",
            "risk_case",
            row.id,
            org_id=row.org_id,
            state=state_of(row),
            detail={"from": step.from_state, "to": step.to_state},
        )
        return _public(session, row, history=True)
