"""The risk-case state machine: every legal edge for the roles that own it, every illegal edge
refused with MAMORI-4092 naming the states allowed from there, and each step recorded."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from sqlalchemy import select

from mamori.db.models import AuditEvent
from mamori.errors import RequestInvalidError
from mamori.services.registry import identity, risk_cases, systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database
from mamori.vocabulary import RISK_CASE_STATES, RiskCaseState
from tests.registry.conftest import Registry, Response, project

# The state machine as the guideline's process reads (risk_cases.py's docstring), written out
# here so that a change to the service's table is a change a test notices.
LEGAL: dict[tuple[str, str], set[str]] = {
    ("reported", "triaged"): {"caio"},
    ("triaged", "countermeasure"): {"caio"},
    ("triaged", "closed"): {"caio"},
    ("countermeasure", "board_review"): {"caio"},
    ("countermeasure", "closed"): {"caio"},
    ("board_review", "countermeasure"): {"caio", "board"},
    ("board_review", "closed"): {"caio"},
}
ILLEGAL = [
    (a, b) for a, b in itertools.product(RISK_CASE_STATES, RISK_CASE_STATES) if (a, b) not in LEGAL
]
# How the operator brings a new case to each state.
PATH: dict[str, tuple[RiskCaseState, ...]] = {
    "reported": (),
    "triaged": ("triaged",),
    "countermeasure": ("triaged", "countermeasure"),
    "board_review": ("triaged", "countermeasure", "board_review"),
    "closed": ("triaged", "closed"),
}
# What each role gets on an edge that is not theirs: the administrator may not read risk cases at
# all (404); everyone else sees the case (the user reported it) but may not move it (403).
REFUSED = {
    "caio": 403,
    "planner": 403,
    "provider": 403,
    "user": 403,
    "board": 403,
    "secretariat": 403,
    "admin": 404,
}


@pytest.fixture
def case_at(ministry: Registry) -> Callable[[str], int]:
    """A new case on a system of the ministry (vendor ``ven``), brought to a state."""
    system_id = ministry.system("moa-d", "チャットボット", vendor="ven").id

    def make(state: str) -> int:
        case_id = ministry.risk_case(system_id, by="user").id
        return ministry.move(case_id, *PATH[state]).id

    return make


def _version(registry: Registry, case_id: int) -> int:
    return int(registry.get("caio", f"/risk-cases/{case_id}").json()["version"])


def _transition(registry: Registry, who: str, case_id: int, to: str, note: str = "") -> Response:
    return registry.post(
        who,
        f"/risk-cases/{case_id}/transitions",
        json={"version": _version(registry, case_id), "to_state": to, "note": note},
    )


def test_the_states_are_the_ones_the_table_covers() -> None:
    assert set(RISK_CASE_STATES) == set(PATH)
    assert len(LEGAL) + len(ILLEGAL) == len(RISK_CASE_STATES) ** 2


def test_every_legal_edge_works_for_its_roles_and_is_recorded(
    ministry: Registry, case_at: Callable[[str], int]
) -> None:
    for (frm, to), roles in LEGAL.items():
        for who in sorted(roles):
            case_id = case_at(frm)
            note = f"{who}: {frm}→{to}"
            before = dt.datetime.now(dt.UTC)
            response = _transition(ministry, who, case_id, to, note=note)
            after = dt.datetime.now(dt.UTC)
            assert response.status_code == 200, (frm, to, who, response.text)
            case = response.json()
            assert case["state"] == to
            step = case["transitions"][-1]
            assert (step["from_state"], step["to_state"]) == (frm, to)
            assert step["actor_id"] == ministry.person_id(who)
            assert step["note"] == note
            assert before <= dt.datetime.fromisoformat(step["at"]) <= after
            # closed_at is set exactly when the case is closed
            assert (case["closed_at"] is not None) == (to == "closed")
            # the whole history is kept, oldest first, and a read shows the same
            assert [s["to_state"] for s in case["transitions"]] == [*PATH[frm], to]
            stored = ministry.get("caio", f"/risk-cases/{case_id}").json()
            assert stored["transitions"] == case["transitions"]
            assert stored["state"] == to
            # the audit trail has the step with its actor
            with ministry.db.read() as session:
                event = session.scalars(
                    select(AuditEvent)
                    .where(
                        AuditEvent.object_type == "risk_case",
                        AuditEvent.object_id == str(case_id),
                    )
                    .order_by(AuditEvent.seq.desc())
                ).first()
            assert event is not None
            assert event.action == "risk_case.transition"
            assert event.detail == {"from": frm, "to": to}
            assert event.actor == f"person:{ministry.person_id(who)}:{who}"


def test_every_legal_edge_is_refused_to_every_other_role(
    ministry: Registry, case_at: Callable[[str], int]
) -> None:
    for (frm, to), roles in LEGAL.items():
        case_id = case_at(frm)
        for who, status in REFUSED.items():
            if who in roles:
                continue
            before = ministry.audit_seq()
            response = _transition(ministry, who, case_id, to)
            assert response.status_code == status, (frm, to, who, response.text)
            assert response.json()["error"]["code"] == f"MAMORI-{status}0"
            assert ministry.audit_seq() == before
        case = ministry.get("caio", f"/risk-cases/{case_id}").json()
        assert case["state"] == frm
        assert len(case["transitions"]) == len(PATH[frm])


def test_every_illegal_edge_is_a_conflict_naming_the_allowed_states(
    ministry: Registry, case_at: Callable[[str], int]
) -> None:
    cases = {state: case_at(state) for state in RISK_CASE_STATES}
    for frm, to in ILLEGAL:
        case_id = cases[frm]
        version = _version(ministry, case_id)
        before = ministry.audit_seq()
        response = ministry.post(
            "caio",
            f"/risk-cases/{case_id}/transitions",
            json={"version": version, "to_state": to},
            headers={"Accept-Language": "en"},
        )
        assert response.status_code == 409, (frm, to, response.text)
        error = response.json()["error"]
        assert error["code"] == "MAMORI-4092"
        assert f"'{frm}'" in error["message"] and f"'{to}'" in error["message"]
        allowed = sorted(b for (a, b) in LEGAL if a == frm)
        remedy = error["remedy"]
        assert remedy.startswith(f"From '{frm}' it can move to: "), remedy
        named = remedy.removeprefix(f"From '{frm}' it can move to: ").split(". ")[0]
        assert sorted(s.strip() for s in named.split(",")) == (allowed or ["—"]), (frm, remedy)
        # nothing moved, nothing was recorded
        case = ministry.get("caio", f"/risk-cases/{case_id}").json()
        assert (case["state"], case["version"]) == (frm, version)
        assert ministry.audit_seq() == before


def test_a_closed_case_cannot_move_anywhere(
    ministry: Registry, case_at: Callable[[str], int]
) -> None:
    case_id = case_at("closed")
    for to in RISK_CASE_STATES:
        response = _transition(ministry, "caio", case_id, to)
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "MAMORI-4092"


def test_a_full_walk_through_the_board_keeps_every_step(
    ministry: Registry, case_at: Callable[[str], int]
) -> None:
    case_id = case_at("reported")
    steps = [
        ("caio", "triaged"),
        ("caio", "countermeasure"),
        ("caio", "board_review"),
        ("board", "countermeasure"),
        ("caio", "board_review"),
        ("caio", "closed"),
    ]
    for who, to in steps:
        assert _transition(ministry, who, case_id, to, note=to).status_code == 200
    case = ministry.get("secretariat", f"/risk-cases/{case_id}").json()
    assert [(s["to_state"], s["actor_id"]) for s in case["transitions"]] == [
        (to, ministry.person_id(who)) for who, to in steps
    ]
    assert [s["from_state"] for s in case["transitions"]] == [
        "reported",
        "triaged",
        "countermeasure",
        "board_review",
        "countermeasure",
        "board_review",
    ]
    times = [dt.datetime.fromisoformat(s["at"]) for s in case["transitions"]]
    assert times == sorted(times)
    assert case["closed_at"] is not None
    assert case["version"] == 1 + len(steps)


def test_an_unknown_state_is_invalid_with_the_states_allowed(
    ministry: Registry, case_at: Callable[[str], int]
) -> None:
    case_id = case_at("reported")
    response = ministry.post(
        "caio",
        f"/risk-cases/{case_id}/transitions",
        json={"version": _version(ministry, case_id), "to_state": "resolved"},
    )
    assert response.status_code == 422
    (problem,) = response.json()["error"]["problems"]
    assert problem["field"] == "to_state"
    assert problem["allowed"] == list(RISK_CASE_STATES)


def test_the_reporter_role_decides_the_source(ministry: Registry) -> None:
    system_id = ministry.system("moa-d", "チャットボット", vendor="ven").id
    sources = {}
    for who in ("caio", "provider", "user", "planner"):
        response = ministry.post(
            who,
            "/risk-cases",
            json={
                "system_id": system_id,
                "category": "privacy",
                "severity": "high",
                "title": "t",
                "what_happened": "w",
            },
        )
        assert response.status_code == 201, response.text
        case = response.json()
        assert (case["state"], case["reported_by"]) == ("reported", ministry.person_id(who))
        sources[who] = case["source"]
    assert sources == {"caio": "caio", "provider": "provider", "user": "user", "planner": "user"}


def test_a_closed_case_cannot_be_edited(db: Database) -> None:
    operator = Actor.local_operator("test")
    identity.add_org(db, operator, code="closed-m", name="省", kind="ministry")
    system = systems.create(
        db, operator, systems.SystemCreate(org="closed-m", project=project("閉じたシステム"))
    )
    case = risk_cases.report(
        db,
        operator,
        risk_cases.RiskCaseCreate(
            system_id=system.id, category="privacy", severity="low", title="t", what_happened="w"
        ),
    )
    version = case.version
    for state in ("triaged", "closed"):
        version = risk_cases.transition(
            db, operator, case.id, risk_cases.TransitionCreate(version=version, to_state=state)
        ).version
    with pytest.raises(RequestInvalidError) as refused:
        risk_cases.update(
            db,
            operator,
            case.id,
            risk_cases.RiskCaseUpdate(version=version, countermeasure="後から"),
        )
    assert refused.value.problems[0].location == "state"
    assert risk_cases.get(db, operator, case.id).countermeasure == ""
