"""Users' rules: one published rule per system, however the system was filed."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from mamori.db.models import AISystem, UserRuleVersion
from mamori.services.registry import identity, rules, systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database
from tests.registry.conftest import project

OPERATOR = Actor.local_operator("test")


def _published(db: Database, system_id: int) -> list[int]:
    return [r.id for r in rules.list_rules(db, OPERATOR, system_id=system_id, status="published")]


def test_one_published_rule_per_system_even_after_the_system_moves(db: Database) -> None:
    identity.add_org(db, OPERATOR, code="rule-m", name="省", kind="ministry")
    identity.add_org(db, OPERATOR, code="rule-b", name="局", kind="bureau", parent="rule-m")
    system = systems.create(
        db, OPERATOR, systems.SystemCreate(org="rule-m", project=project("規則テスト"))
    )
    first = rules.create(
        db, OPERATOR, rules.RuleCreate(org="rule-m", system_id=system.id, text="第1版")
    )
    rules.publish(db, OPERATOR, first.id, rules.RulePublish(version=first.version))
    with db.write() as session:  # the system is filed under the bureau now
        bureau = identity.org_by_code(session, "rule-b")
        session.execute(update(AISystem).where(AISystem.id == system.id).values(org_id=bureau.id))
    second = rules.create(
        db, OPERATOR, rules.RuleCreate(org="rule-b", system_id=system.id, text="第2版")
    )
    rules.publish(db, OPERATOR, second.id, rules.RulePublish(version=second.version))
    assert _published(db, system.id) == [second.id]
    with pytest.raises(IntegrityError), db.write() as session:  # the database itself refuses two
        session.execute(
            update(UserRuleVersion).where(UserRuleVersion.id == first.id).values(status="published")
        )
