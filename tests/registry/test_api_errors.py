"""Every failure has one JSON shape, names the field and what is allowed there, never repeats what
the user wrote, and speaks Japanese unless the reader asks for English."""

from __future__ import annotations

from typing import Any

import pytest

from mamori.db.models import Person
from mamori.services.registry import identity
from tests.registry.conftest import OPERATOR, Registry, Response, project

PERSONAL = "山田太郎 090-1234-5678 taro@example.jp"
"""Free text with personal data in it: it must never come back in an error."""


def _error(response: Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"code", "message", "remedy", "problems"}
    assert error["message"] and error["remedy"]
    for problem in error["problems"]:
        assert set(problem) == {"field", "message", "allowed"}
        assert problem["field"] and problem["message"]
    return dict(error)


def _problems(error: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["field"]: p for p in error["problems"]}


@pytest.fixture
def system_id(ministry: Registry) -> int:
    return ministry.system("moa-d", "チャットボット", vendor="ven").id


# --- 422: the field path and the allowed values --------------------------------------------------


def test_an_invalid_project_names_the_field_inside_the_body(ministry: Registry) -> None:
    broken = project("S", users="everyone", work=None)
    del broken["purpose"]
    body = {"org": "moa-d", "project": broken}
    error = _error(ministry.post("caio", "/systems", json=body), 422)
    assert error["code"] == "MAMORI-4001"
    problems = _problems(error)
    assert problems["project.users"]["allowed"] == ["staff", "multi_org", "citizens"]
    assert problems["project.work"]["allowed"] == [
        "internal_support",
        "informs_decisions",
        "rights_affecting",
    ]
    assert "project.purpose" in problems
    assert set(problems) == {"project.users", "project.work", "project.purpose"}


INVALID: list[tuple[str, str, Any, str, list[str]]] = [
    # (method, path, body, the field named, the values named as allowed)
    ("PATCH", "/systems/{system}", {"version": 1, "lifecycle": "done"}, "lifecycle",
     ["planning", "procurement", "development", "operation", "retired"]),
    ("PATCH", "/systems/{system}", {"version": "one"}, "version", []),
    ("PATCH", "/systems/{system}", {"version": 1, "colour": "red"}, "colour", []),
    ("PATCH", "/systems/{system}", {"version": 1, "contacts": [{"role": "x"}]}, "contacts.0.name", []),
    ("POST", "/risk-cases", {"system_id": "{system}", "category": "privacy", "severity": "grave", "title": "t", "what_happened": "w"}, "severity",
     ["low", "medium", "high", "critical"]),
    ("POST", "/risk-cases", {"system_id": "{system}", "category": "gossip", "severity": "low", "title": "t", "what_happened": "w"}, "category",
     ["toxic_output", "misinformation", "fairness", "high_risk_use", "privacy", "security", "explainability", "robustness", "data_quality", "verifiability", "security_incident", "other"]),
    ("POST", "/risk-cases", {"category": "privacy", "severity": "low", "title": "t", "what_happened": "w"}, "system_id", []),
    ("PATCH", "/systems/{system}/checklist/PROC-01", {"version": 0, "status": "half"}, "status",
     ["not_started", "in_specification", "agreed", "verified", "not_applicable"]),
    ("POST", "/systems/{system}/assessments", {"pack": "nopack@9.9"}, "pack", ["ds920@1.0", "ds920@2.0"]),
    ("POST", "/systems/{system}/documents", {"format": "pdf"}, "format", ["md", "docx", "xlsx"]),
    ("POST", "/rules", {"org": "moa", "lang": "fr"}, "lang", ["ja", "en"]),
    ("GET", "/systems?lifecycle=done", None, "lifecycle",
     ["planning", "procurement", "development", "operation", "retired"]),
    ("GET", "/systems?limit=0", None, "limit", []),
    ("GET", "/systems/abc", None, "system_id", []),
    ("GET", "/systems/99999999999", None, "system_id", []),
    ("GET", "/reports/periodic?period=2026Q3&org=moa", None, "period", []),
]  # fmt: skip


def test_an_invalid_request_names_the_field_and_what_is_allowed(
    ministry: Registry, system_id: int
) -> None:
    """One registry for all the cases (each is refused before it writes anything)."""
    before = ministry.audit_seq()
    for method, path, body, field, allowed in INVALID:
        if isinstance(body, dict) and body.get("system_id") == "{system}":
            body = {**body, "system_id": system_id}
        response = ministry.request("caio", method, path.format(system=system_id), json=body)
        error = _error(response, 422)
        assert error["code"] == "MAMORI-4001", (method, path)
        problems = _problems(error)
        assert field in problems, (method, path, problems)
        assert problems[field]["allowed"] == allowed, (method, path, problems[field])
    assert ministry.audit_seq() == before


def test_a_body_that_is_not_json_is_invalid(ministry: Registry, system_id: int) -> None:
    response = ministry.patch(
        "caio",
        f"/systems/{system_id}",
        content=b"{version: 1",
        headers={"Content-Type": "application/json"},
    )
    assert _error(response, 422)["code"] == "MAMORI-4001"


def test_a_name_too_long_for_the_database_is_invalid_not_a_crash(ministry: Registry) -> None:
    """The project's name becomes the system's name column (200 characters)."""
    body = {"org": "moa-d", "project": project("名" * 201)}
    problems = _problems(_error(ministry.post("caio", "/systems", json=body), 422))
    assert list(problems) == ["project.name"]
    assert (
        ministry.post("caio", "/systems", json={**body, "project": project("名" * 200)}).status_code
        == 201
    )


# --- the user's text never comes back --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_error_never_repeats_what_the_user_wrote(
    ministry: Registry, system_id: int, lang: str
) -> None:
    headers = {"Accept-Language": lang}
    attempts = [
        ("POST", "/systems", {"org": "moa-d", "project": project(PERSONAL, users=PERSONAL, purpose=PERSONAL, fiscal_year=PERSONAL)}),
        ("POST", "/systems", {"org": "moa-d", "project": project("S", users=[PERSONAL], contact={"n": PERSONAL})}),
        ("PATCH", f"/systems/{system_id}", {"version": PERSONAL, "lifecycle": PERSONAL, "contacts": [{"name": PERSONAL, "mail": PERSONAL}]}),
        ("POST", "/risk-cases", {"system_id": system_id, "category": PERSONAL, "severity": "low", "title": PERSONAL, "what_happened": PERSONAL}),
        ("POST", "/risk-cases", {"system_id": system_id, "category": "privacy", "severity": PERSONAL, "title": PERSONAL * 20, "what_happened": PERSONAL}),
        ("PATCH", f"/systems/{system_id}/checklist/PROC-01", {"version": 0, "status": PERSONAL, "note": PERSONAL}),
        ("POST", "/consultations", {"assessment_id": PERSONAL, "brief": {"outline": PERSONAL}}),
        ("POST", "/rules", {"org": "moa", "lang": PERSONAL, "text": PERSONAL}),
        ("GET", f"/systems?lifecycle={PERSONAL}&name={PERSONAL}", None),
        ("GET", f"/reports/periodic?period={PERSONAL}&org=moa", None),
    ]  # fmt: skip
    for method, path, body in attempts:
        response = ministry.request("caio", method, path, json=body, headers=headers)
        assert response.status_code == 422, (path, response.text)
        for fragment in ("山田", "090-1234", "taro@", "example.jp"):
            assert fragment not in response.text, (path, response.text)


# --- 401: who are you? -------------------------------------------------------------------------


def test_no_token_a_wrong_token_or_a_revoked_one_is_unauthenticated(
    ministry: Registry, system_id: int
) -> None:
    token, meta = identity.create_token(ministry.db, OPERATOR, user="planner")
    assert ministry.get("planner", f"/systems/{system_id}").status_code == 200
    identity.revoke_token(ministry.db, OPERATOR, token_id=meta.id)
    attempts = {
        "no header": {},
        "empty bearer": {"Authorization": "Bearer "},
        "other scheme": {"Authorization": f"Basic {token}"},
        "no scheme": {"Authorization": ministry.tokens["caio"]},
        "unknown token": {"Authorization": "Bearer mmr_" + "x" * 43},
        "not a token": {"Authorization": "Bearer hello"},
        "revoked token": {"Authorization": f"Bearer {token}"},
    }
    bodies = set()
    for name, headers in attempts.items():
        response = ministry.get(None, f"/systems/{system_id}", headers=headers)
        error = _error(response, 401)
        assert error["code"] == "MAMORI-4010", name
        assert response.headers["WWW-Authenticate"] == "Bearer", name
        bodies.add(response.text)
    assert len(bodies) == 1, "the answer must not say which doubt it was"
    # the person's other token still works: revoking is per token
    assert ministry.get("planner", f"/systems/{system_id}").status_code == 200


def test_a_deactivated_person_is_unauthenticated(ministry: Registry, system_id: int) -> None:
    with ministry.db.write() as session:
        person = session.get(Person, ministry.person_id("planner"))
        assert person is not None
        person.active = False
    assert _error(ministry.get("planner", f"/systems/{system_id}"), 401)["code"] == "MAMORI-4010"


def test_authentication_comes_before_validation(ministry: Registry) -> None:
    """A stranger learns nothing about the body's shape: 401, not 422."""
    response = ministry.post(None, "/systems", json={"nonsense": True})
    assert response.status_code == 401


# --- 404 ---------------------------------------------------------------------------------------


UNKNOWN: list[tuple[str, str, Any, str]] = [
    # (method, path, body, the kind of object named in the answer)
    ("GET", "/systems/999", None, "System"),
    ("PATCH", "/systems/999", {"version": 1}, "System"),
    ("GET", "/systems/999/checklist", None, "System"),
    ("GET", "/systems/999/assessments", None, "System"),
    ("GET", "/assessments/999", None, "Assessment"),
    ("POST", "/assessments/999/decision", {"decision": "high_risk", "rationale": "r"}, "Assessment"),
    ("GET", "/risk-cases/999", None, "Risk case"),
    ("PATCH", "/risk-cases/999", {"version": 1}, "Risk case"),
    ("POST", "/risk-cases/999/transitions", {"version": 1, "to_state": "triaged"}, "Risk case"),
    ("GET", "/consultations/999", None, "Consultation"),
    ("POST", "/consultations/999/advice", {"version": 1, "advice": "a"}, "Consultation"),
    ("GET", "/rules/999", None, "User's rule"),
    ("GET", "/documents/999", None, "Document"),
    ("PATCH", "/systems/{system}/checklist/PROC-99", {"version": 0}, "Checkpoint"),
]  # fmt: skip


def test_an_unknown_id_is_not_found(ministry: Registry, system_id: int) -> None:
    for method, path, body, kind in UNKNOWN:
        response = ministry.request(
            "caio",
            method,
            path.format(system=system_id),
            json=body,
            headers={"Accept-Language": "en"},
        )
        error = _error(response, 404)
        assert error["code"] == "MAMORI-4040", (method, path)
        named = "PROC-99" if kind == "Checkpoint" else "999"
        assert error["message"] == f"{kind} {named} was not found.", (method, path, error)


# --- language ----------------------------------------------------------------------------------


def test_japanese_by_default_english_when_asked(ministry: Registry) -> None:
    path = "/systems/999"
    ja = _error(ministry.get("caio", path), 404)
    assert ja["message"] == "システム 999 は見つかりません。"
    en = _error(ministry.get("caio", path, headers={"Accept-Language": "en"}), 404)
    assert en["message"] == "System 999 was not found."
    assert en["remedy"].startswith("Check the id.")
    en_gb = _error(ministry.get("caio", path, headers={"Accept-Language": "en-GB,en;q=0.9"}), 404)
    assert en_gb["message"] == en["message"]
    # Japanese first in the list wins; ?lang= overrides the header
    assert _error(ministry.get("caio", path, headers={"Accept-Language": "ja,en;q=0.5"}), 404) == ja
    assert _error(ministry.get("caio", path, params={"lang": "en"}), 404) == en


def test_problems_are_in_the_readers_language(ministry: Registry) -> None:
    body = {"org": "moa-d", "project": project("S", users="everyone")}
    en = _problems(
        _error(ministry.post("caio", "/systems", json=body, headers={"Accept-Language": "en"}), 422)
    )
    ja = _problems(_error(ministry.post("caio", "/systems", json=body), 422))
    assert en["project.users"]["message"] == (
        "this value is not allowed. Allowed values: staff, multi_org, citizens"
    )
    assert ja["project.users"]["message"] == (
        "値が正しくありません。指定できる値: staff, multi_org, citizens"
    )
    unauthenticated = ministry.get(None, "/systems", headers={"Accept-Language": "en"})
    assert _error(unauthenticated, 401)["message"] == "Not authenticated."
