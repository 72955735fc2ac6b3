"""Users' rules — the ministry's and each system's — as versioned texts that are published, and
the staff acknowledgements of them (the gateway issues a key only after one)."""

from __future__ import annotations

import datetime as dt
import hashlib

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from mamori.content import loader
from mamori.db.models import Acknowledgement, AISystem, Organization, UserRuleVersion
from mamori.db.types import now
from mamori.documents import render
from mamori.documents.builders import user_rule as user_rule_builder
from mamori.errors import (
    PermissionDeniedError,
    Problem,
    RequestInvalidError,
    TransitionNotAllowedError,
)
from mamori.i18n import Lang, t
from mamori.rules import evaluate
from mamori.rules.user_rule import RuleFillIns, audience_for, compose
from mamori.services.registry import systems
from mamori.services.registry.access import Action, Actor
from mamori.services.registry.common import (
    MAX_ID,
    Database,
    Public,
    check_version,
    not_found,
    record,
    state_of,
    visible,
)
from mamori.services.registry.identity import org_by_code


class RuleCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    org: str = Field(description="Code of the ministry (or organisation) the rule belongs to")
    system_id: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="The system of a per-system rule; empty for the ministry rule",
    )
    lang: Lang = "ja"
    text: str | None = Field(
        default=None,
        max_length=200000,
        description="The rule's text (Markdown). Empty: drafted from the guideline's Model User's Rule",
    )


class RulePublish(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int


class RulePublic(Public):
    id: int
    org_id: int
    system_id: int | None
    number: int
    status: str
    lang: str
    text: str
    sha256: str
    created_at: dt.datetime
    published_at: dt.datetime | None
    version: int
    acknowledgements: int = 0


class AcknowledgementPublic(Public):
    id: int
    rule_id: int
    person_id: int
    acknowledged_at: dt.datetime


def _draft(
    db: Database, session: Session, org: Organization, system: AISystem | None, lang: Lang
) -> str:
    contact = db.settings.contact or t("doc.rule.contact_unset", lang)
    if system is None:
        loaded = loader.load(db.settings.default_pack, db.settings.packs)
        rule = compose(loaded.pack, "ministry", RuleFillIns(organization=org.name, contact=contact))
        organization = org.name
    else:
        project = systems.validated_project(system.project)
        loaded = loader.load(project.pack or db.settings.default_pack, db.settings.packs)
        facts = evaluate(project, loaded).facts
        rule = compose(
            loaded.pack,
            audience_for(project.users),
            RuleFillIns(
                organization=project.organization,
                contact=project.contact or contact,
                system_name=project.name,
                purpose=project.purpose,
            ),
            facts,
        )
        organization = project.organization
    document = user_rule_builder.build(rule, lang, now().date(), loaded.ref, organization)
    return render(document, "md").decode("utf-8")


def _public(session: Session, row: UserRuleVersion) -> RulePublic:
    result = RulePublic.model_validate(row)
    result.acknowledgements = (
        session.scalar(
            select(func.count())
            .select_from(Acknowledgement)
            .where(Acknowledgement.rule_id == row.id)
        )
        or 0
    )
    return result


def _write_action(system_id: int | None) -> Action:
    """The CAIO sets the ministry's rule; a system's rule is set by its planner (or the CAIO)."""
    return "ministry_rule.write" if system_id is None else "rule.write"


def create(db: Database, actor: Actor, data: RuleCreate) -> RulePublic:
    """A new draft version of the ministry's rule or of a system's rule."""
    with db.write() as session:
        org = org_by_code(session, data.org)
        system = None
        if data.system_id is not None:
            system = systems.load(session, actor, data.system_id, "rule.write")
            org = session.get(Organization, system.org_id) or org
        action = _write_action(system.id if system else None)
        if not actor.may(action, org_id=org.id):
            raise PermissionDeniedError(action=action)
        text = data.text if data.text is not None else _draft(db, session, org, system, data.lang)
        if not text.strip():
            raise RequestInvalidError(problems=[Problem("text", "problem.project_empty")])
        number = (
            session.scalar(
                select(func.max(UserRuleVersion.number)).where(
                    UserRuleVersion.org_id == org.id,
                    UserRuleVersion.system_id.is_(None)
                    if system is None
                    else UserRuleVersion.system_id == system.id,
                )
            )
            or 0
        ) + 1
        row = UserRuleVersion(
            org_id=org.id,
            system_id=system.id if system else None,
            number=number,
            lang=data.lang,
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            created_by=actor.person_id,
        )
        session.add(row)
        session.flush()
        record(session, actor, "rule.create", "rule", row.id, org_id=org.id, state=state_of(row))
        return _public(session, row)


def _above(session: Session, orgs: frozenset[int]) -> list[int]:
    """The organisations ``orgs`` and every organisation above them (bureaus, ministry)."""
    if not orgs:
        return []
    paths = session.scalars(select(Organization.path).where(Organization.id.in_(sorted(orgs))))
    return sorted({int(part) for path in paths for part in path.strip("/").split("/")})


def _binds(session: Session, actor: Actor, action: Action, row: UserRuleVersion) -> bool:
    """Whether ``row`` is the rule of an organisation above one where the actor may ``action``:
    a ministry's rule binds all its staff, so a user or planner of a division reads (and
    acknowledges) it although the ministry itself is outside their subtree."""
    return row.system_id is None and row.org_id in _above(session, actor.where(action).orgs)


def _load(session: Session, actor: Actor, rule_id: int) -> UserRuleVersion:
    row = session.get(UserRuleVersion, rule_id)
    if row is None:
        raise not_found("rule", rule_id)
    vendor = None
    if row.system_id is not None:
        system = session.get(AISystem, row.system_id)
        vendor = system.vendor_org_id if system else None
    if not actor.may("rule.read", org_id=row.org_id, vendor_org_id=vendor) and not _binds(
        session, actor, "rule.read", row
    ):
        raise not_found("rule", rule_id)
    return row


def get(db: Database, actor: Actor, rule_id: int) -> RulePublic:
    with db.read() as session:
        return _public(session, _load(session, actor, rule_id))


def list_rules(
    db: Database, actor: Actor, *, system_id: int | None = None, status: str | None = None
) -> list[RulePublic]:
    with db.read() as session:
        vendor_of_rule = (
            select(AISystem.vendor_org_id)
            .where(AISystem.id == UserRuleVersion.system_id)
            .scalar_subquery()
        )
        where = actor.where("rule.read")
        condition = visible(where, UserRuleVersion.org_id, vendor_of_rule)
        above = _above(session, where.orgs)
        if above and not where.everywhere:
            condition = or_(
                condition,
                and_(UserRuleVersion.system_id.is_(None), UserRuleVersion.org_id.in_(above)),
            )
        statement = select(UserRuleVersion).where(condition)
        if system_id is not None:
            statement = statement.where(UserRuleVersion.system_id == system_id)
        if status is not None:
            statement = statement.where(UserRuleVersion.status == status)
        return [
            _public(session, r)
            for r in session.scalars(statement.order_by(UserRuleVersion.id.desc()).limit(500))
        ]


def publish(db: Database, actor: Actor, rule_id: int, data: RulePublish) -> RulePublic:
    """Publish this version; the version published before it is withdrawn."""
    with db.write() as session:
        row = _load(session, actor, rule_id)
        action = _write_action(row.system_id)
        if not actor.may(action, org_id=row.org_id):
            raise PermissionDeniedError(action=action)
        check_version("rule", row.id, row.version, data.version)
        if row.status != "draft":
            raise TransitionNotAllowedError(
                kind="rule",
                id=str(row.id),
                from_state=row.status,
                to_state="published",
                allowed="—",
            )
        # A system's rule replaces the system's published rule wherever the system has been
        # filed; the ministry's rule replaces the ministry's.
        same = (
            and_(UserRuleVersion.system_id.is_(None), UserRuleVersion.org_id == row.org_id)
            if row.system_id is None
            else UserRuleVersion.system_id == row.system_id
        )
        for previous in session.scalars(
            select(UserRuleVersion).where(same, UserRuleVersion.status == "published")
        ):
            previous.status, previous.version = "withdrawn", previous.version + 1
            record(
                session,
                actor,
                "rule.withdraw",
                "rule",
                previous.id,
                org_id=previous.org_id,
                state=state_of(previous),
            )
        session.flush()  # withdrawn before the new one is published (one published per system)
        row.status, row.published_at, row.version = "published", now(), row.version + 1
        session.flush()
        record(
            session, actor, "rule.publish", "rule", row.id, org_id=row.org_id, state=state_of(row)
        )
        return _public(session, row)


def acknowledge(db: Database, actor: Actor, rule_id: int) -> AcknowledgementPublic:
    """The person says they have read the published rule (idempotent)."""
    with db.write() as session:
        row = _load(session, actor, rule_id)
        vendor = None
        if row.system_id is not None:
            system = session.get(AISystem, row.system_id)
            vendor = system.vendor_org_id if system else None
        if actor.person_id is None or not (
            actor.may("rule.acknowledge", org_id=row.org_id, vendor_org_id=vendor)
            or _binds(session, actor, "rule.acknowledge", row)
        ):
            raise PermissionDeniedError(action="rule.acknowledge")
        if row.status != "published":
            raise RequestInvalidError(problems=[Problem("rule_id", "problem.rule_not_published")])
        existing = session.scalar(
            select(Acknowledgement).where(
                Acknowledgement.rule_id == row.id, Acknowledgement.person_id == actor.person_id
            )
        )
        if existing is not None:
            return AcknowledgementPublic.model_validate(existing)
        ack = Acknowledgement(rule_id=row.id, person_id=actor.person_id)
        session.add(ack)
        session.flush()
        record(
            session,
            actor,
            "rule.acknowledge",
            "rule",
            row.id,
            org_id=row.org_id,
            state=state_of(ack),
        )
        return AcknowledgementPublic.model_validate(ack)


def published_rule(session: Session, system_id: int) -> UserRuleVersion | None:
    return session.scalar(
        select(UserRuleVersion).where(
            UserRuleVersion.system_id == system_id, UserRuleVersion.status == "published"
        )
    )


def has_acknowledged(session: Session, person_id: int, system_id: int) -> bool:
    """Whether the person acknowledged the system's currently published rule."""
    rule = published_rule(session, system_id)
    if rule is None:
        return False
    return (
        session.scalar(
            select(Acknowledgement.id).where(
                Acknowledgement.rule_id == rule.id, Acknowledgement.person_id == person_id
            )
        )
        is not None
    )
