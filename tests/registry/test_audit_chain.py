"""The audit trail: every write appends its event in its own transaction, and ``verify`` (and
``mamori audit verify``) finds every kind of tampering, naming the first broken event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from mamori.audit import chain
from mamori.cli.app import app
from mamori.db.models import AISystem, AuditEvent
from mamori.services.registry import systems
from mamori.services.registry.common import Database
from tests.registry.conftest import OPERATOR, Registry, project


def _events(db: Database) -> list[AuditEvent]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def _verify(db: Database) -> chain.Verification:
    with db.read() as session:
        return chain.verify(session)


def _sql(db: Database, statement: str, **params: Any) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(statement), params)


# --- every write is audited, in its own transaction ----------------------------------------------


def test_every_write_through_the_api_appends_its_event(ministry: Registry) -> None:
    """One call of each kind of write; each appends events naming the object and the person."""
    caio = f"person:{ministry.person_id('caio')}:caio"
    system = ministry.post("caio", "/systems", json={"org": "moa-d", "project": project("S")})
    system_id = system.json()["id"]
    writes: list[tuple[str, str, Any, str, str]] = [
        # (method, path, body, action expected last, object expected last)
        ("PATCH", f"/systems/{system_id}", {"version": 1, "models": ["m"]}, "system.update", f"system:{system_id}"),
        ("POST", f"/systems/{system_id}/assessments", None, "assessment.create", "assessment:1"),
        ("POST", "/assessments/1/decision", {"decision": "high_risk", "rationale": "r"}, "assessment.decide", "assessment:1"),
        ("PATCH", f"/systems/{system_id}/checklist/PROC-01", {"version": 0, "status": "agreed"}, "checklist.update", f"checklist:{system_id}:PROC-01"),
        ("POST", "/risk-cases", {"system_id": system_id, "category": "privacy", "severity": "low", "title": "t", "what_happened": "w"}, "risk_case.report", "risk_case:1"),
        ("PATCH", "/risk-cases/1", {"version": 1, "impact": "i"}, "risk_case.update", "risk_case:1"),
        ("POST", "/risk-cases/1/transitions", {"version": 2, "to_state": "triaged"}, "risk_case.transition", "risk_case:1"),
        ("POST", "/consultations", {"assessment_id": 1, "brief": {"outline": "o", "objectives": "o", "mitigations": "m", "quality_assurance": "q"}}, "consultation.create", "consultation:1"),
        ("POST", "/rules", {"org": "moa", "text": "# rule"}, "rule.create", "rule:1"),
        ("POST", "/rules/1/publish", {"version": 1}, "rule.publish", "rule:1"),
        ("POST", "/rules/1/acknowledgements", None, "rule.acknowledge", "rule:1"),
        ("POST", f"/systems/{system_id}/documents", {"format": "md"}, "document.create", "document:6"),
    ]  # fmt: skip
    for method, path, body, action, obj in writes:
        before = ministry.audit_seq()
        response = ministry.request("caio", method, path, json=body)
        assert response.status_code in (200, 201), (path, response.text)
        events = _events(ministry.db)
        new = [e for e in events if e.seq > before]
        assert new, f"{method} {path} appended no event"
        last = new[-1]
        assert (last.action, f"{last.object_type}:{last.object_id}") == (action, obj)
        assert all(e.actor == caio for e in new)
        assert last.org_id == ministry.org_id("moa")  # the ministry, not the division
    assert _verify(ministry.db).ok


def test_a_refused_or_invalid_write_appends_nothing(ministry: Registry) -> None:
    system_id = ministry.system("moa-d", "S").id
    before = ministry.audit_seq()
    assert ministry.patch("user", f"/systems/{system_id}", json={"version": 1}).status_code == 403
    bad = {"org": "moa-d", "project": project("S", users="everyone")}
    assert ministry.post("caio", "/systems", json=bad).status_code == 422
    stale = ministry.patch("caio", f"/systems/{system_id}", json={"version": 9, "models": []})
    assert stale.status_code == 409
    assert ministry.audit_seq() == before


def test_a_write_that_fails_after_its_event_leaves_neither(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The event and the object are one transaction: an error after the append (here, while
    building the answer) rolls both back."""
    Registry(db).org("moa")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("failure after the audit append")

    monkeypatch.setattr(systems, "public", broken)
    seq = _events(db)[-1].seq
    with pytest.raises(RuntimeError):
        systems.create(db, OPERATOR, systems.SystemCreate(org="moa", project=project("S")))
    assert _events(db)[-1].seq == seq
    with db.read() as session:
        assert session.scalars(select(AISystem)).all() == []
    assert _verify(db).ok


def test_an_audit_append_that_fails_leaves_no_object(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    Registry(db).org("moa")
    original = chain.append

    def append_then_fail(*args: Any, **kwargs: Any) -> Any:
        original(*args, **kwargs)
        raise RuntimeError("the audit trail is unavailable")

    monkeypatch.setattr(chain, "append", append_then_fail)
    seq = _events(db)[-1].seq
    with pytest.raises(RuntimeError):
        systems.create(db, OPERATOR, systems.SystemCreate(org="moa", project=project("S")))
    with db.read() as session:
        assert session.scalars(select(AISystem)).all() == []
    assert _events(db)[-1].seq == seq
    assert _verify(db).ok


# --- verify finds tampering ----------------------------------------------------------------------


@pytest.fixture
def trail(ministry: Registry) -> Registry:
    """A ministry with a system and a few changes: some twenty events."""
    system_id = ministry.system("moa-d", "S").id
    for version in (1, 2, 3):
        update = systems.SystemUpdate(version=version, models=[f"m{version}"])
        systems.update(ministry.db, OPERATOR, system_id, update)
    assert len(_events(ministry.db)) >= 20
    return ministry


def test_an_intact_chain_verifies(trail: Registry) -> None:
    result = _verify(trail.db)
    assert result.ok
    assert (result.events, result.broken_at) == (len(_events(trail.db)), None)


EDITS: dict[str, Callable[[AuditEvent], None]] = {
    "actor": lambda e: setattr(e, "actor", "person:1:someone-else"),
    "action": lambda e: setattr(e, "action", "system.read"),
    "object_id": lambda e: setattr(e, "object_id", "999"),
    "org_id": lambda e: setattr(e, "org_id", 424242),
    "state_hash": lambda e: setattr(e, "state_hash", "f" * 64),
    "detail": lambda e: setattr(e, "detail", {**e.detail, "fields": ["publishable"]}),
    "at": lambda e: setattr(e, "at", e.at + dt.timedelta(seconds=1)),
}


@pytest.mark.parametrize("column", list(EDITS))
def test_an_edited_row_is_found(trail: Registry, column: str) -> None:
    with trail.db.write() as session:
        event = session.get(AuditEvent, 7)
        assert event is not None
        EDITS[column](event)
    result = _verify(trail.db)
    assert (result.broken_at, result.reason, result.events) == (7, "edited", 6)


def test_the_first_of_two_edits_is_named(trail: Registry) -> None:
    _sql(trail.db, "UPDATE audit_events SET actor = 'x' WHERE seq IN (4, 12)")
    assert _verify(trail.db).broken_at == 4


def test_a_row_edited_with_its_hash_recomputed_breaks_the_next_link(trail: Registry) -> None:
    with trail.db.write() as session:
        event = session.get(AuditEvent, 5)
        assert event is not None
        event.actor = "cli:intruder"
        event.hash = chain._link(event.prev_hash, chain._fields(event))
    result = _verify(trail.db)
    assert (result.broken_at, result.reason) == (6, "relinked")


def test_a_deleted_row_in_the_middle_is_found(trail: Registry) -> None:
    _sql(trail.db, "DELETE FROM audit_events WHERE seq = 9")
    result = _verify(trail.db)
    assert (result.broken_at, result.reason, result.events) == (9, "missing", 8)


def test_two_swapped_rows_are_found(trail: Registry) -> None:
    _sql(trail.db, "UPDATE audit_events SET seq = -1 WHERE seq = 10")
    _sql(trail.db, "UPDATE audit_events SET seq = 10 WHERE seq = 11")
    _sql(trail.db, "UPDATE audit_events SET seq = 11 WHERE seq = -1")
    result = _verify(trail.db)
    assert (result.ok, result.broken_at, result.events) == (False, 10, 9)


def test_deleted_newest_rows_are_found(trail: Registry) -> None:
    last = _events(trail.db)[-1].seq
    _sql(trail.db, "DELETE FROM audit_events WHERE seq > :keep", keep=last - 2)
    result = _verify(trail.db)
    assert (result.broken_at, result.reason, result.events) == (last - 1, "truncated", last - 2)


def test_a_new_write_after_tampering_does_not_mend_the_chain(trail: Registry) -> None:
    _sql(trail.db, "DELETE FROM audit_events WHERE seq = 4")
    trail.system("moa-d", "T")
    assert _verify(trail.db).broken_at == 4


# --- the command line ----------------------------------------------------------------------------


@pytest.fixture
def migrated(db_url: str) -> Iterator[Registry]:
    """A database made by the real migration (the CLI refuses any other), with some events."""
    database = Database(db_url)
    database.upgrade()
    registry = Registry(database)
    registry.org("moa")
    registry.system("moa", "S")
    registry.system("moa", "T")
    yield registry
    database.dispose()


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_verify_accepts_an_intact_chain(migrated: Registry, db_url: str) -> None:
    events = len(_events(migrated.db))
    code, out, err = _cli("audit", "verify", "--db", db_url, "--lang", "en")
    assert code == 0, err
    assert f"The audit trail is intact ({events} events)." in out


def test_cli_verify_names_the_broken_event(migrated: Registry, db_url: str) -> None:
    _sql(migrated.db, "UPDATE audit_events SET actor = 'cli:someone' WHERE seq = 2")
    code, out, err = _cli("audit", "verify", "--db", db_url, "--lang", "en")
    assert code == 1
    assert "broken at event 2" in err
    assert "its content was changed" in err
    assert "intact (" not in out
    _sql(migrated.db, "DELETE FROM audit_events WHERE seq = 1")
    code, _, err = _cli("audit", "verify", "--db", db_url, "--lang", "en")
    assert (code, "broken at event 1" in err) == (1, True)
