"""Optimistic concurrency: a change based on a stale version is refused (409 MAMORI-4090) and
changes nothing — also when the two writers really race each other."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from mamori.errors import StaleVersionError
from mamori.services.registry import checklist, systems
from tests.registry.conftest import OPERATOR, Registry, Response

CHECKPOINT = "PROC-01"


@pytest.fixture
def system_id(ministry: Registry) -> int:
    return ministry.system("moa-d", "チャットボット", vendor="ven").id


def _assert_stale(response: Response, current: int, given: int) -> None:
    assert response.status_code == 409, response.text
    error = response.json()["error"]
    assert error["code"] == "MAMORI-4090"
    assert f"{given}" in error["message"] and f"{current}" in error["message"]


def _stale_twice(
    registry: Registry,
    read: Callable[[], dict[str, Any]],
    write: Callable[[int, str], Response],
) -> None:
    """Two people read the same version; the first change wins, the second is refused and the
    stored object is exactly what the first left."""
    version = read()["version"]
    first = write(version, "first")
    assert first.status_code in (200, 201), first.text
    stored = read()
    assert stored["version"] == version + 1
    events = registry.audit_seq()
    second = write(version, "second")
    _assert_stale(second, current=version + 1, given=version)
    assert read() == stored
    assert registry.audit_seq() == events
    # the version from the stale answer's own read works
    third = write(stored["version"], "third")
    assert third.status_code in (200, 201), third.text
    assert read()["version"] == version + 2


def test_system_patch(ministry: Registry, system_id: int) -> None:
    _stale_twice(
        ministry,
        lambda: ministry.get("caio", f"/systems/{system_id}").json(),
        lambda version, text: ministry.patch(
            "planner", f"/systems/{system_id}", json={"version": version, "models": [text]}
        ),
    )


def test_checklist_patch(ministry: Registry, system_id: int) -> None:
    def read() -> dict[str, Any]:
        items = ministry.get("caio", f"/systems/{system_id}/checklist").json()
        return next(i for i in items if i["checkpoint_id"] == CHECKPOINT)

    assert read()["version"] == 0  # never updated: version 0
    _stale_twice(
        ministry,
        read,
        lambda version, text: ministry.patch(
            "provider",
            f"/systems/{system_id}/checklist/{CHECKPOINT}",
            json={"version": version, "note": text, "status": "agreed"},
        ),
    )


def test_risk_case_patch(ministry: Registry, system_id: int) -> None:
    case_id = ministry.risk_case(system_id).id
    _stale_twice(
        ministry,
        lambda: ministry.get("caio", f"/risk-cases/{case_id}").json(),
        lambda version, text: ministry.patch(
            "provider", f"/risk-cases/{case_id}", json={"version": version, "countermeasure": text}
        ),
    )


def test_risk_case_transition(ministry: Registry, system_id: int) -> None:
    case_id = ministry.risk_case(system_id).id
    states = iter(["triaged", "closed", "countermeasure"])
    # a stale transition is refused even where the edge itself would be legal
    _stale_twice(
        ministry,
        lambda: ministry.get("caio", f"/risk-cases/{case_id}").json(),
        lambda version, text: ministry.post(
            "caio",
            f"/risk-cases/{case_id}/transitions",
            json={
                "version": version,
                "to_state": "countermeasure" if text == "third" else next(states),
                "note": text,
            },
        ),
    )
    case = ministry.get("caio", f"/risk-cases/{case_id}").json()
    assert [s["note"] for s in case["transitions"]] == ["first", "third"]


def test_consultation_advice(ministry: Registry, system_id: int) -> None:
    consultation_id = ministry.consultation(ministry.assess(system_id).id).id
    _stale_twice(
        ministry,
        lambda: ministry.get("board", f"/consultations/{consultation_id}").json(),
        lambda version, text: ministry.post(
            "board",
            f"/consultations/{consultation_id}/advice",
            json={"version": version, "advice": text},
        ),
    )
    assert ministry.get("caio", f"/consultations/{consultation_id}").json()["advice"] == "third"


def test_a_version_is_required(ministry: Registry, system_id: int) -> None:
    response = ministry.patch("caio", f"/systems/{system_id}", json={"models": ["x"]})
    assert response.status_code == 422
    assert [p["field"] for p in response.json()["error"]["problems"]] == ["version"]


class Rendezvous:
    """Lets racing writers meet after each has read the object (or go on alone after a while,
    when the database makes one of them wait before it can read)."""

    def __init__(self, parties: int, timeout: float) -> None:
        self.parties, self.timeout = parties, timeout
        self.arrived = 0
        self.condition = threading.Condition()

    def __call__(self) -> None:
        with self.condition:
            self.arrived += 1
            self.condition.notify_all()
            self.condition.wait_for(lambda: self.arrived >= self.parties, self.timeout)


def _race(
    monkeypatch: pytest.MonkeyPatch, module: Any, calls: list[Callable[[], Any]]
) -> list[Any]:
    """Run ``calls`` at once, each pausing after its read (at ``check_version``) until all have
    read; return each result or the exception it raised."""
    meet = Rendezvous(len(calls), timeout=0.5)
    original = module.check_version

    def check_version(*args: Any) -> None:
        meet()
        original(*args)

    monkeypatch.setattr(module, "check_version", check_version)

    def run(call: Callable[[], Any]) -> Any:
        try:
            return call()
        except Exception as error:
            return error

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def test_two_racing_system_updates_do_not_lose_one(
    ministry: Registry, system_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = systems.get(ministry.db, OPERATOR, system_id).version
    results = _race(
        monkeypatch,
        systems,
        [
            functools.partial(
                systems.update,
                ministry.db,
                OPERATOR,
                system_id,
                systems.SystemUpdate(version=version, models=[name]),
            )
            for name in ("one", "two")
        ],
    )
    won = [r for r in results if isinstance(r, systems.SystemPublic)]
    lost = [r for r in results if isinstance(r, StaleVersionError)]
    assert (len(won), len(lost)) == (1, 1), results
    stored = systems.get(ministry.db, OPERATOR, system_id)
    assert (stored.version, stored.models) == (version + 1, won[0].models)


def test_two_racing_first_checklist_updates_do_not_collide(
    ministry: Registry, system_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both start from version 0 (no row yet): one creates the row, the other is stale — not a
    unique-constraint error."""
    results = _race(
        monkeypatch,
        checklist,
        [
            functools.partial(
                checklist.update,
                ministry.db,
                OPERATOR,
                system_id,
                CHECKPOINT,
                checklist.ChecklistUpdate(version=0, note=note),
            )
            for note in ("one", "two")
        ],
    )
    won = [r for r in results if isinstance(r, checklist.ChecklistItem)]
    lost = [r for r in results if isinstance(r, StaleVersionError)]
    assert (len(won), len(lost)) == (1, 1), results
    item = next(
        i for i in checklist.get(ministry.db, OPERATOR, system_id) if i.checkpoint_id == CHECKPOINT
    )
    assert (item.version, item.note) == (1, won[0].note)
