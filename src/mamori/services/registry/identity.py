"""Organisations, people, their roles, and API tokens (only a token's hash is stored)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import cast

from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mamori.db.models import ApiToken, Membership, Organization, Person
from mamori.db.types import now
from mamori.errors import AuthenticationError, ConflictError, Problem, RequestInvalidError
from mamori.services.registry.access import Actor, Grant
from mamori.services.registry.common import Database, Public, record, state_of
from mamori.vocabulary import ORG_KINDS, ROLES, OrgKind, Role

TOKEN_PREFIX = "mmr_"
# Where each kind of organisation may sit (None: at the top).
PARENT_KINDS: dict[str, tuple[str | None, ...]] = {
    "ministry": (None,),
    "bureau": ("ministry",),
    "division": ("ministry", "bureau"),
    "vendor": (None,),
    "board": (None,),
}


class OrgPublic(Public):
    id: int
    code: str
    name: str
    name_en: str
    kind: str
    parent_id: int | None
    created_at: dt.datetime


class PersonPublic(Public):
    id: int
    name: str
    display_name: str
    email: str
    active: bool
    roles: list[tuple[str, str]] = Field(default_factory=list)
    """(organisation code, role) pairs."""


class TokenPublic(Public):
    id: int
    person_id: int
    prefix: str
    label: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def org_by_code(session: Session, code: str, field: str = "org") -> Organization:
    org = session.scalar(select(Organization).where(Organization.code == code))
    if org is None:
        raise RequestInvalidError(problems=[Problem(field, "problem.org_unknown", {"org": code})])
    return org


def person_by_name(session: Session, name: str, field: str = "user") -> Person:
    person = session.scalar(select(Person).where(Person.name == name))
    if person is None:
        raise RequestInvalidError(
            problems=[Problem(field, "problem.person_unknown", {"name": name})]
        )
    return person


def add_org(
    db: Database,
    actor: Actor,
    *,
    code: str,
    name: str,
    kind: OrgKind,
    parent: str | None = None,
    name_en: str = "",
) -> OrgPublic:
    if kind not in ORG_KINDS:
        raise RequestInvalidError(
            problems=[Problem("kind", "problem.request_value", {"detail": "kind"}, ORG_KINDS)]
        )
    with db.write() as session:
        if session.scalar(select(Organization.id).where(Organization.code == code)) is not None:
            raise ConflictError(kind="organization", key=code)
        parent_org = org_by_code(session, parent, "parent") if parent else None
        parent_kind = parent_org.kind if parent_org else None
        if parent_kind not in PARENT_KINDS[kind]:
            allowed = ", ".join(str(k) if k else "(top)" for k in PARENT_KINDS[kind])
            raise RequestInvalidError(
                problems=[Problem("parent", "problem.org_kind", {"detail": f"{kind} ← {allowed}"})]
            )
        org = Organization(
            code=code,
            name=name,
            name_en=name_en,
            kind=kind,
            parent_id=parent_org.id if parent_org else None,
            path="",
        )
        session.add(org)
        session.flush()
        org.path = (parent_org.path if parent_org else "/") + f"{org.id}/"
        session.flush()
        record(
            session, actor, "org.create", "organization", org.id, org_id=org.id, state=state_of(org)
        )
        return OrgPublic.model_validate(org)


def list_orgs(db: Database) -> list[OrgPublic]:
    with db.read() as session:
        return [
            OrgPublic.model_validate(org)
            for org in session.scalars(select(Organization).order_by(Organization.path))
        ]


def add_person(
    db: Database,
    actor: Actor,
    *,
    name: str,
    org: str,
    role: Role,
    display_name: str = "",
    email: str = "",
) -> PersonPublic:
    """Add a person with a role in an organisation; an existing person gets the extra role."""
    if role not in ROLES:
        raise RequestInvalidError(
            problems=[Problem("role", "problem.request_value", {"detail": "role"}, ROLES)]
        )
    with db.write() as session:
        organisation = org_by_code(session, org)
        if role == "provider" and organisation.kind != "vendor":
            raise RequestInvalidError(
                problems=[Problem("org", "problem.org_kind", {"detail": "provider → vendor"})]
            )
        person = session.scalar(select(Person).where(Person.name == name))
        if person is None:
            person = Person(name=name, display_name=display_name or name, email=email)
            session.add(person)
            session.flush()
            record(
                session,
                actor,
                "person.create",
                "person",
                person.id,
                org_id=organisation.id,
                state=state_of(person),
            )
        exists = session.scalar(
            select(Membership.id).where(
                Membership.person_id == person.id,
                Membership.org_id == organisation.id,
                Membership.role == role,
            )
        )
        if exists is not None:
            raise ConflictError(kind="role", key=f"{name} / {org} / {role}")
        membership = Membership(person_id=person.id, org_id=organisation.id, role=role)
        session.add(membership)
        session.flush()
        record(
            session,
            actor,
            "person.grant",
            "person",
            person.id,
            org_id=organisation.id,
            state=state_of(membership),
            detail={"org": org, "role": role},
        )
        return _person_public(session, person)


def _person_public(session: Session, person: Person) -> PersonPublic:
    rows = session.execute(
        select(Organization.code, Membership.role)
        .join(Organization, Organization.id == Membership.org_id)
        .where(Membership.person_id == person.id)
        .order_by(Organization.code, Membership.role)
    ).all()
    public = PersonPublic.model_validate(person)
    public.roles = [(code, role) for code, role in rows]
    return public


def list_people(db: Database) -> list[PersonPublic]:
    with db.read() as session:
        return [
            _person_public(session, p)
            for p in session.scalars(select(Person).order_by(Person.name))
        ]


def create_token(
    db: Database, actor: Actor, *, user: str, label: str = ""
) -> tuple[str, TokenPublic]:
    """A new token for ``user``: returned once, in clear; only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.write() as session:
        person = person_by_name(session, user)
        row = ApiToken(
            person_id=person.id, token_hash=hash_token(token), prefix=token[:10], label=label
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            "token.create",
            "api_token",
            row.id,
            org_id=None,
            state={"id": row.id, "person_id": person.id, "prefix": row.prefix, "label": label},
        )
        return token, TokenPublic.model_validate(row)


def revoke_token(db: Database, actor: Actor, *, token_id: int) -> TokenPublic:
    with db.write() as session:
        row = session.get(ApiToken, token_id)
        if row is None:
            raise RequestInvalidError(
                problems=[Problem("token", "problem.request_value", {"detail": str(token_id)})]
            )
        if row.revoked_at is None:
            row.revoked_at = now()
            session.flush()
            record(
                session,
                actor,
                "token.revoke",
                "api_token",
                row.id,
                org_id=None,
                state={"id": row.id, "revoked_at": row.revoked_at},
            )
        return TokenPublic.model_validate(row)


def load_actor(session: Session, person: Person) -> Actor:
    memberships = session.execute(
        select(Membership.role, Organization.id, Organization.path)
        .join(Organization, Organization.id == Membership.org_id)
        .where(Membership.person_id == person.id)
    ).all()
    grants: list[Grant] = []
    for role, org_id, path in memberships:
        subtree = frozenset(
            session.scalars(select(Organization.id).where(Organization.path.startswith(path)))
        )
        grants.append(Grant(role=cast(Role, role), org_id=org_id, subtree=subtree))
    return Actor(person_id=person.id, name=person.name, grants=tuple(grants))


def authenticate(db: Database, token: str) -> Actor:
    """The actor a bearer token stands for; any doubt → AuthenticationError (never which doubt)."""
    if not token.startswith(TOKEN_PREFIX):
        raise AuthenticationError()
    with db.read() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
        if row is None or row.revoked_at is not None:
            raise AuthenticationError()
        person = session.get(Person, row.person_id)
        if person is None or not person.active:
            raise AuthenticationError()
        return load_actor(session, person)


def actor_for(db: Database, name: str) -> Actor:
    """The actor of a named person (the CLI acting on someone's behalf, tests)."""
    with db.read() as session:
        return load_actor(session, person_by_name(session, name))
