"""Who may do what, where: every endpoint × role × target against an explicit expected table.

The world: two ministries, A (``moa`` → bureau ``moa-b`` → divisions ``moa-d`` and ``moa-d2``) and
B (``mob`` → ``mob-b`` → ``mob-d``); a vendor V (``ven``) contracted for A's system in ``moa-d``
only; the Advisory Board (``adv``) and the Digital Agency (``da``). One person in each role:

    caio, admin    at ministry A          planner, user  in division moa-d
    provider       at the vendor V        board          at the Advisory Board
    secretariat    at the Digital Agency

Targets (the object acted on):

    A      A's system in moa-d (V is contracted for it) and its objects
    A2     A's system in the other division moa-d2 (another vendor) and its objects
    B      B's system in mob-d and its objects
    A_mine a risk case on A's system reported by ``user`` (users read only their own cases)
    A_min, B_min   the ministry-wide users' rule of A, of B
    all    the government-wide periodic report;  global / other: audit events of no ministry
           (tokens) / of the vendor, the Board or the Digital Agency

Outcomes: a status code (2xx allowed; 404 = not visible, so its existence is not disclosed;
403 = visible but not for this role), or for lists ``listed`` / ``absent``. A denied write must
leave the audit chain untouched; an allowed one must append to it.

Policy choices this table encodes beyond ``access.GRANTS`` (fixed in the services):
- documents generated from an assessment are readable exactly where the assessment is
  (``assessment.read``): a user or an administrator who may not read the assessment may not
  download its risk-assessment document either;
- a ministry's own users' rule is readable (and acknowledgeable) by its staff in every bureau and
  division below it;
- the planner writes and publishes the rule of a system in its organisation (Reference 2: "the
  Planner sets a rule per system"); only the CAIO writes the ministry's rule.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from mamori.services.registry import (
    checklist,
    consultations,
    risk_cases,
    rules,
    systems,
)
from mamori.services.registry.common import Database
from tests.registry.conftest import (
    BACKENDS,
    OPERATOR,
    Registry,
    Response,
    database_url,
    open_database,
    project,
)

ROLES = ("caio", "planner", "provider", "user", "board", "secretariat", "admin")
ORG_OF = {"A": "moa-d", "A2": "moa-d2", "B": "mob-d"}
MINISTRY_OF = {"A_min": "moa", "B_min": "mob", "A": "moa", "B": "mob"}
CHECKPOINT = "PROC-01"
BRIEF = {
    "outline": "概要",
    "objectives": "目的",
    "mitigations": "対策",
    "quality_assurance": "品質",
}

# fmt: off
EXPECTED: dict[str, dict[str, str]] = {
    # --- systems -----------------------------------------------------------------------------
    "GET /systems": {
        "caio":        "A=listed A2=listed B=absent",
        "planner":     "A=listed A2=absent B=absent",
        "provider":    "A=listed A2=absent B=absent",
        "user":        "A=listed A2=absent B=absent",
        "board":       "A=absent A2=absent B=absent",
        "secretariat": "A=listed A2=listed B=listed",
        "admin":       "A=listed A2=listed B=absent",
    },
    "POST /systems": {
        "caio":        "A=201 A2=201 B=403",
        "planner":     "A=201 A2=403 B=403",
        "provider":    "A=403 A2=403 B=403",
        "user":        "A=403 A2=403 B=403",
        "board":       "A=403 A2=403 B=403",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=403 A2=403 B=403",
    },
    "GET /systems/{id}": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=200 A2=404 B=404",
        "user":        "A=200 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=200 A2=200 B=200",
        "admin":       "A=200 A2=200 B=404",
    },
    "PATCH /systems/{id}": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=403 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=403 A2=403 B=404",
    },
    # --- assessments -------------------------------------------------------------------------
    "GET /systems/{id}/assessments": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=200 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=200 A2=200 B=200",
        "admin":       "A=403 A2=403 B=404",
    },
    "POST /systems/{id}/assessments": {
        "caio":        "A=201 A2=201 B=404",
        "planner":     "A=201 A2=404 B=404",
        "provider":    "A=403 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=403 A2=403 B=404",
    },
    "GET /assessments/{id}": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=200 A2=404 B=404",
        "user":        "A=404 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=200 A2=200 B=200",
        "admin":       "A=404 A2=404 B=404",
    },
    "POST /assessments/{id}/decision": {
        "caio":        "A=201 A2=201 B=404",
        "planner":     "A=403 A2=404 B=404",
        "provider":    "A=403 A2=404 B=404",
        "user":        "A=404 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=404 A2=404 B=404",
    },
    # --- checklist ---------------------------------------------------------------------------
    "GET /systems/{id}/checklist": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=200 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=200 A2=200 B=200",
        "admin":       "A=403 A2=403 B=404",
    },
    "PATCH /systems/{id}/checklist/{checkpoint}": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=200 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=403 A2=403 B=404",
    },
    "POST /systems/{id}/checklist/{checkpoint}/evidence": {
        "caio":        "A=201 A2=201 B=404",
        "planner":     "A=201 A2=404 B=404",
        "provider":    "A=201 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=403 A2=403 B=404",
    },
    # --- documents ---------------------------------------------------------------------------
    "GET /systems/{id}/documents": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=200 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=200 A2=200 B=200",
        "admin":       "A=403 A2=403 B=404",
    },
    "POST /systems/{id}/documents": {
        "caio":        "A=201 A2=201 B=404",
        "planner":     "A=201 A2=404 B=404",
        "provider":    "A=403 A2=404 B=404",
        "user":        "A=403 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=403 A2=403 B=404",
    },
    "GET /documents/{id}": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=200 A2=404 B=404",
        "user":        "A=404 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=200 A2=200 B=200",
        "admin":       "A=404 A2=404 B=404",
    },
    # --- risk cases --------------------------------------------------------------------------
    "GET /risk-cases": {
        "caio":        "A=listed A2=listed B=absent A_mine=listed",
        "planner":     "A=listed A2=absent B=absent A_mine=listed",
        "provider":    "A=listed A2=absent B=absent A_mine=listed",
        "user":        "A=absent A2=absent B=absent A_mine=listed",
        "board":       "A=listed A2=listed B=listed A_mine=listed",
        "secretariat": "A=listed A2=listed B=listed A_mine=listed",
        "admin":       "A=absent A2=absent B=absent A_mine=absent",
    },
    "POST /risk-cases": {
        "caio":        "A=201 A2=201 B=404",
        "planner":     "A=201 A2=404 B=404",
        "provider":    "A=201 A2=404 B=404",
        "user":        "A=201 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=403 A2=403 B=404",
    },
    "GET /risk-cases/{id}": {
        "caio":        "A=200 A2=200 B=404 A_mine=200",
        "planner":     "A=200 A2=404 B=404 A_mine=200",
        "provider":    "A=200 A2=404 B=404 A_mine=200",
        "user":        "A=404 A2=404 B=404 A_mine=200",
        "board":       "A=200 A2=200 B=200 A_mine=200",
        "secretariat": "A=200 A2=200 B=200 A_mine=200",
        "admin":       "A=404 A2=404 B=404 A_mine=404",
    },
    "PATCH /risk-cases/{id}": {
        "caio":        "A=200 A2=200 B=404 A_mine=200",
        "planner":     "A=403 A2=404 B=404 A_mine=403",
        "provider":    "A=200 A2=404 B=404 A_mine=200",
        "user":        "A=404 A2=404 B=404 A_mine=403",
        "board":       "A=403 A2=403 B=403 A_mine=403",
        "secretariat": "A=403 A2=403 B=403 A_mine=403",
        "admin":       "A=404 A2=404 B=404 A_mine=404",
    },
    # The CAIO tries reported → triaged; the Board its own edge board_review → countermeasure;
    # everyone else the CAIO's edge.
    "POST /risk-cases/{id}/transitions": {
        "caio":        "A=200 A2=200 B=404 A_mine=200",
        "planner":     "A=403 A2=404 B=404 A_mine=403",
        "provider":    "A=403 A2=404 B=404 A_mine=403",
        "user":        "A=404 A2=404 B=404 A_mine=403",
        "board":       "A=200 A2=200 B=200 A_mine=200",
        "secretariat": "A=403 A2=403 B=403 A_mine=403",
        "admin":       "A=404 A2=404 B=404 A_mine=404",
    },
    # --- Advisory Board consultations --------------------------------------------------------
    "GET /consultations": {
        "caio":        "A=listed A2=listed B=absent",
        "planner":     "A=listed A2=absent B=absent",
        "provider":    "A=absent A2=absent B=absent",
        "user":        "A=absent A2=absent B=absent",
        "board":       "A=listed A2=listed B=listed",
        "secretariat": "A=listed A2=listed B=listed",
        "admin":       "A=absent A2=absent B=absent",
    },
    "POST /consultations": {
        "caio":        "A=201 A2=201 B=404",
        "planner":     "A=403 A2=404 B=404",
        "provider":    "A=403 A2=404 B=404",
        "user":        "A=404 A2=404 B=404",
        "board":       "A=404 A2=404 B=404",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=404 A2=404 B=404",
    },
    "GET /consultations/{id}": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=200 A2=404 B=404",
        "provider":    "A=404 A2=404 B=404",
        "user":        "A=404 A2=404 B=404",
        "board":       "A=200 A2=200 B=200",
        "secretariat": "A=200 A2=200 B=200",
        "admin":       "A=404 A2=404 B=404",
    },
    "POST /consultations/{id}/advice": {
        "caio":        "A=403 A2=403 B=404",
        "planner":     "A=403 A2=404 B=404",
        "provider":    "A=404 A2=404 B=404",
        "user":        "A=404 A2=404 B=404",
        "board":       "A=200 A2=200 B=200",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=404 A2=404 B=404",
    },
    "POST /consultations/{id}/close": {
        "caio":        "A=200 A2=200 B=404",
        "planner":     "A=403 A2=404 B=404",
        "provider":    "A=404 A2=404 B=404",
        "user":        "A=404 A2=404 B=404",
        "board":       "A=403 A2=403 B=403",
        "secretariat": "A=403 A2=403 B=403",
        "admin":       "A=404 A2=404 B=404",
    },
    # --- periodic reports and the audit trail ------------------------------------------------
    "GET /reports/periodic": {
        "caio":        "A=200 B=403 all=403",
        "planner":     "A=403 B=403 all=403",
        "provider":    "A=403 B=403 all=403",
        "user":        "A=403 B=403 all=403",
        "board":       "A=403 B=403 all=403",
        "secretariat": "A=200 B=200 all=200",
        "admin":       "A=403 B=403 all=403",
    },
    "GET /audit": {
        "caio":        "A=listed B=absent global=absent other=absent",
        "planner":     "A=403 B=403 global=403 other=403",
        "provider":    "A=403 B=403 global=403 other=403",
        "user":        "A=403 B=403 global=403 other=403",
        "board":       "A=403 B=403 global=403 other=403",
        "secretariat": "A=listed B=listed global=listed other=listed",
        "admin":       "A=listed B=absent global=absent other=absent",
    },
    "GET /audit/verify": {
        "caio":        "chain=403",
        "planner":     "chain=403",
        "provider":    "chain=403",
        "user":        "chain=403",
        "board":       "chain=403",
        "secretariat": "chain=200",
        "admin":       "chain=403",
    },
    # --- users' rules (A, A2, B: the system's rule; A_min, B_min: the ministry's rule) --------
    "GET /rules": {
        "caio":        "A=listed A2=listed B=absent A_min=listed B_min=absent",
        "planner":     "A=listed A2=absent B=absent A_min=listed B_min=absent",
        "provider":    "A=listed A2=absent B=absent A_min=absent B_min=absent",
        "user":        "A=listed A2=absent B=absent A_min=listed B_min=absent",
        "board":       "A=absent A2=absent B=absent A_min=absent B_min=absent",
        "secretariat": "A=listed A2=listed B=listed A_min=listed B_min=listed",
        "admin":       "A=listed A2=listed B=absent A_min=listed B_min=absent",
    },
    "GET /rules/{id}": {
        "caio":        "A=200 A2=200 B=404 A_min=200 B_min=404",
        "planner":     "A=200 A2=404 B=404 A_min=200 B_min=404",
        "provider":    "A=200 A2=404 B=404 A_min=404 B_min=404",
        "user":        "A=200 A2=404 B=404 A_min=200 B_min=404",
        "board":       "A=404 A2=404 B=404 A_min=404 B_min=404",
        "secretariat": "A=200 A2=200 B=200 A_min=200 B_min=200",
        "admin":       "A=200 A2=200 B=404 A_min=200 B_min=404",
    },
    "POST /rules": {
        "caio":        "A=201 A2=201 B=404 A_min=201 B_min=403",
        "planner":     "A=201 A2=404 B=404 A_min=403 B_min=403",
        "provider":    "A=403 A2=404 B=404 A_min=403 B_min=403",
        "user":        "A=403 A2=404 B=404 A_min=403 B_min=403",
        "board":       "A=404 A2=404 B=404 A_min=403 B_min=403",
        "secretariat": "A=403 A2=403 B=403 A_min=403 B_min=403",
        "admin":       "A=403 A2=403 B=404 A_min=403 B_min=403",
    },
    "POST /rules/{id}/publish": {
        "caio":        "A=200 A2=200 B=404 A_min=200 B_min=404",
        "planner":     "A=200 A2=404 B=404 A_min=403 B_min=404",
        "provider":    "A=403 A2=404 B=404 A_min=404 B_min=404",
        "user":        "A=403 A2=404 B=404 A_min=403 B_min=404",
        "board":       "A=404 A2=404 B=404 A_min=404 B_min=404",
        "secretariat": "A=403 A2=403 B=403 A_min=403 B_min=403",
        "admin":       "A=403 A2=403 B=404 A_min=403 B_min=404",
    },
    "POST /rules/{id}/acknowledgements": {
        "caio":        "A=201 A2=201 B=404 A_min=201 B_min=404",
        "planner":     "A=201 A2=404 B=404 A_min=201 B_min=404",
        "provider":    "A=201 A2=404 B=404 A_min=404 B_min=404",
        "user":        "A=201 A2=404 B=404 A_min=201 B_min=404",
        "board":       "A=404 A2=404 B=404 A_min=404 B_min=404",
        "secretariat": "A=403 A2=403 B=403 A_min=403 B_min=403",
        "admin":       "A=403 A2=403 B=404 A_min=403 B_min=404",
    },
}
# fmt: on


def outcomes(row: str) -> dict[str, str]:
    return dict(part.split("=") for part in row.split())


# --- the world ---------------------------------------------------------------------------------


@dataclass
class World:
    r: Registry
    systems: dict[str, int] = field(default_factory=dict)
    assessments: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    consultations: dict[str, int] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    orgs: dict[str, int] = field(default_factory=dict)

    @property
    def db(self) -> Database:
        return self.r.db

    def target_of_org(self, org_id: int | None) -> str:
        by_id = {v: k for k, v in self.orgs.items()}
        code = by_id.get(org_id) if org_id is not None else None
        return {"moa-d": "A", "moa-d2": "A2", "mob-d": "B"}.get(code or "", f"org:{code}")

    def target_of_system(self, system_id: int) -> str:
        return self.target_of_org(systems.get(self.db, OPERATOR, system_id).org_id)


def build_world(db: Database) -> World:
    r = Registry(db)
    w = World(r)
    for code, kind, parent in (
        ("moa", "ministry", None),
        ("moa-b", "bureau", "moa"),
        ("moa-d", "division", "moa-b"),
        ("moa-d2", "division", "moa-b"),
        ("mob", "ministry", None),
        ("mob-b", "bureau", "mob"),
        ("mob-d", "division", "mob-b"),
        ("ven", "vendor", None),
        ("ven2", "vendor", None),
        ("adv", "board", None),
        ("da", "ministry", None),
    ):
        w.orgs[code] = r.org(code, kind, parent)  # type: ignore[arg-type]
    for name, org in (
        ("caio", "moa"),
        ("planner", "moa-d"),
        ("provider", "ven"),
        ("user", "moa-d"),
        ("board", "adv"),
        ("secretariat", "da"),
        ("admin", "moa"),
    ):
        r.person(name, org, name)  # type: ignore[arg-type]
    # B has its own people too; none of them is used to act, but their events are B's.
    r.person("caio-b", "mob", "caio")
    for target, vendor in (("A", "ven"), ("A2", "ven2"), ("B", "ven2")):
        system_id = r.system(ORG_OF[target], f"システム{target}", vendor=vendor).id
        w.systems[target] = system_id
        w.assessments[target] = r.assess(system_id).id
        w.cases[target] = r.risk_case(system_id).id
        w.consultations[target] = r.consultation(w.assessments[target]).id
        w.rules[target] = r.rule(ORG_OF[target], system_id).id
        w.documents[target] = _generate(w, system_id)
    w.cases["A_mine"] = r.risk_case(w.systems["A"], by="user").id
    w.rules["A_min"] = r.rule("moa").id
    w.rules["B_min"] = r.rule("mob").id
    return w


def _generate(w: World, system_id: int) -> int:
    from mamori.services.registry import documents

    stored = documents.generate(
        w.db, OPERATOR, system_id, documents.DocumentsCreate(format="md", lang="ja")
    )
    return next(d.id for d in stored if d.kind == "risk-assessment")


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One world per backend for the whole module: building it takes most of the time, and every
    write below acts on objects made for it (or on the current version), so the checks stay
    independent of their order."""
    directory = tmp_path_factory.mktemp("matrix")
    with database_url(str(request.param), directory) as url, open_database(url) as db:
        yield build_world(db)


# --- calls: (world, person, target) → response ---------------------------------------------------

Call = Callable[[World, str, str], Response]


def _system_version(w: World, target: str) -> int:
    return systems.get(w.db, OPERATOR, w.systems[target]).version


def _checklist_version(w: World, target: str) -> int:
    items = checklist.get(w.db, OPERATOR, w.systems[target])
    return next(i.version for i in items if i.checkpoint_id == CHECKPOINT)


def _fresh_case(w: World, who: str, target: str) -> int:
    """A new case on the target's system in the state the person's edge starts from."""
    system = w.systems["A" if target == "A_mine" else target]
    case_id = w.r.risk_case(system, by="user" if target == "A_mine" else None).id
    if who == "board":
        w.r.move(case_id, "triaged", "countermeasure", "board_review")
    return case_id


def _fresh_advised_consultation(w: World, target: str) -> tuple[int, int]:
    row = w.r.consultation(w.assessments[target])
    row = consultations.advise(
        w.db, OPERATOR, row.id, consultations.AdviceCreate(version=row.version, advice="助言")
    )
    return row.id, row.version


def _fresh_draft(w: World, target: str) -> rules.RulePublic:
    if target in ("A_min", "B_min"):
        return w.r.rule(MINISTRY_OF[target], publish=False)
    return w.r.rule(ORG_OF[target], w.systems[target], publish=False)


def _published_rule(w: World, target: str) -> int:
    """The target's rule now published (an earlier check may have published a newer one)."""
    if target in ("A_min", "B_min"):
        org_id = w.orgs[MINISTRY_OF[target]]
        found = [
            r
            for r in rules.list_rules(w.db, OPERATOR, status="published")
            if r.system_id is None and r.org_id == org_id
        ]
    else:
        found = rules.list_rules(w.db, OPERATOR, system_id=w.systems[target], status="published")
    assert len(found) == 1, (target, found)
    return found[0].id


def _rule_body(w: World, target: str) -> dict[str, Any]:
    if target in ("A_min", "B_min"):
        return {"org": MINISTRY_OF[target], "text": "# 省のルール\n"}
    return {"org": ORG_OF[target], "system_id": w.systems[target], "text": "# ルール\n"}


CALLS: dict[str, Call] = {
    "POST /systems": lambda w, who, t: w.r.post(
        who, "/systems", json={"org": ORG_OF[t], "project": project(f"新規{who}{t}")}
    ),
    "GET /systems/{id}": lambda w, who, t: w.r.get(who, f"/systems/{w.systems[t]}"),
    "PATCH /systems/{id}": lambda w, who, t: w.r.patch(
        who,
        f"/systems/{w.systems[t]}",
        json={"version": _system_version(w, t), "models": [f"model-{who}"]},
    ),
    "GET /systems/{id}/assessments": lambda w, who, t: w.r.get(
        who, f"/systems/{w.systems[t]}/assessments"
    ),
    "POST /systems/{id}/assessments": lambda w, who, t: w.r.post(
        who, f"/systems/{w.systems[t]}/assessments"
    ),
    "GET /assessments/{id}": lambda w, who, t: w.r.get(who, f"/assessments/{w.assessments[t]}"),
    "POST /assessments/{id}/decision": lambda w, who, t: w.r.post(
        who,
        f"/assessments/{w.assessments[t]}/decision",
        json={"decision": "high_risk", "rationale": "住民が直接使うため"},
    ),
    "GET /systems/{id}/checklist": lambda w, who, t: w.r.get(
        who, f"/systems/{w.systems[t]}/checklist"
    ),
    "PATCH /systems/{id}/checklist/{checkpoint}": lambda w, who, t: w.r.patch(
        who,
        f"/systems/{w.systems[t]}/checklist/{CHECKPOINT}",
        json={"version": _checklist_version(w, t), "status": "in_specification"},
    ),
    "POST /systems/{id}/checklist/{checkpoint}/evidence": lambda w, who, t: w.r.post(
        who,
        f"/systems/{w.systems[t]}/checklist/{CHECKPOINT}/evidence",
        json={"filename": "evidence.txt", "content_base64": base64.b64encode(b"ok").decode()},
    ),
    "GET /systems/{id}/documents": lambda w, who, t: w.r.get(
        who, f"/systems/{w.systems[t]}/documents"
    ),
    "POST /systems/{id}/documents": lambda w, who, t: w.r.post(
        who, f"/systems/{w.systems[t]}/documents", json={"format": "md"}
    ),
    "GET /documents/{id}": lambda w, who, t: w.r.get(who, f"/documents/{w.documents[t]}"),
    "POST /risk-cases": lambda w, who, t: w.r.post(
        who,
        "/risk-cases",
        json={
            "system_id": w.systems[t],
            "category": risk_cases.categories(w.db)[0],
            "severity": "low",
            "title": "誤回答",
            "what_happened": "回答に誤りがあった。",
        },
    ),
    "GET /risk-cases/{id}": lambda w, who, t: w.r.get(who, f"/risk-cases/{w.cases[t]}"),
    "PATCH /risk-cases/{id}": lambda w, who, t: w.r.patch(
        who,
        f"/risk-cases/{w.cases[t]}",
        json={
            "version": risk_cases.get(w.db, OPERATOR, w.cases[t]).version,
            "countermeasure": "回答の根拠を確認する。",
        },
    ),
    "POST /risk-cases/{id}/transitions": lambda w, who, t: _transition(w, who, t),
    "POST /consultations": lambda w, who, t: w.r.post(
        who, "/consultations", json={"assessment_id": w.assessments[t], "brief": BRIEF}
    ),
    "GET /consultations/{id}": lambda w, who, t: w.r.get(
        who, f"/consultations/{w.consultations[t]}"
    ),
    "POST /consultations/{id}/advice": lambda w, who, t: w.r.post(
        who,
        f"/consultations/{w.consultations[t]}/advice",
        json={
            "version": consultations.get(w.db, OPERATOR, w.consultations[t]).version,
            "advice": "運用中の品質確認を定期的に行うこと。",
        },
    ),
    "POST /consultations/{id}/close": lambda w, who, t: _close(w, who, t),
    "GET /reports/periodic": lambda w, who, t: w.r.get(
        who,
        "/reports/periodic",
        params={"period": "FY2026"} | ({} if t == "all" else {"org": MINISTRY_OF[t]}),
    ),
    "GET /audit/verify": lambda w, who, t: w.r.get(who, "/audit/verify"),
    "GET /rules/{id}": lambda w, who, t: w.r.get(who, f"/rules/{w.rules[t]}"),
    "POST /rules": lambda w, who, t: w.r.post(who, "/rules", json=_rule_body(w, t)),
    "POST /rules/{id}/publish": lambda w, who, t: _publish(w, who, t),
    "POST /rules/{id}/acknowledgements": lambda w, who, t: w.r.post(
        who, f"/rules/{_published_rule(w, t)}/acknowledgements"
    ),
}


def _transition(w: World, who: str, target: str) -> Response:
    case_id = _fresh_case(w, who, target)
    version = risk_cases.get(w.db, OPERATOR, case_id).version
    to_state = "countermeasure" if who == "board" else "triaged"
    return w.r.post(
        who,
        f"/risk-cases/{case_id}/transitions",
        json={"version": version, "to_state": to_state, "note": "確認した"},
    )


def _close(w: World, who: str, target: str) -> Response:
    consultation_id, version = _fresh_advised_consultation(w, target)
    return w.r.post(who, f"/consultations/{consultation_id}/close", json={"version": version})


def _publish(w: World, who: str, target: str) -> Response:
    draft = _fresh_draft(w, target)
    return w.r.post(who, f"/rules/{draft.id}/publish", json={"version": draft.version})


# --- lists: which target each listed object belongs to -------------------------------------------


@dataclass(frozen=True)
class Listing:
    path: str
    classify: Callable[[World, dict[str, Any]], str]
    seeded: Callable[[World, str], int | None]
    """The id of the object made for the target (None: presence is checked by ``present``)."""
    present: Callable[[World, str, str], bool] | None = None


def _case_target(w: World, item: dict[str, Any]) -> str:
    target = w.target_of_org(item["org_id"])
    if target == "A" and item["reported_by"] == w.r.person_id("user"):
        return "A_mine"
    return target


def _rule_target(w: World, item: dict[str, Any]) -> str:
    if item["system_id"] is None:
        by_id = {v: k for k, v in w.orgs.items()}
        return {"moa": "A_min", "mob": "B_min"}.get(by_id[item["org_id"]], "other")
    return w.target_of_system(item["system_id"])


def _audit_target(w: World, item: dict[str, Any]) -> str:
    if item["org_id"] is None:
        return "global"
    return {w.orgs["moa"]: "A", w.orgs["mob"]: "B"}.get(item["org_id"], "other")


def _audit_present(w: World, who: str, target: str) -> bool:
    filters = {
        "A": f"system:{w.systems['A']}",
        "B": f"system:{w.systems['B']}",
        "global": "api_token",
        "other": f"organization:{w.orgs['ven']}",
    }
    response = w.r.get(who, "/audit", params={"object": filters[target], "limit": 500})
    assert response.status_code == 200, response.text
    return bool(response.json()["items"])


LISTINGS: dict[str, Listing] = {
    "GET /systems": Listing(
        "/systems", lambda w, item: w.target_of_org(item["org_id"]), lambda w, t: w.systems[t]
    ),
    "GET /risk-cases": Listing("/risk-cases", _case_target, lambda w, t: w.cases[t]),
    "GET /consultations": Listing(
        "/consultations",
        lambda w, item: w.target_of_org(item["org_id"]),
        lambda w, t: w.consultations[t],
    ),
    "GET /rules": Listing("/rules", _rule_target, lambda w, t: w.rules[t]),
    "GET /audit": Listing("/audit", _audit_target, lambda w, t: None, _audit_present),
}

WRITES = {name for name in EXPECTED if not name.startswith("GET ")}


# --- the checks ----------------------------------------------------------------------------------


def test_the_table_covers_every_role_and_endpoint() -> None:
    assert set(EXPECTED) == set(CALLS) | set(LISTINGS)
    for endpoint, rows in EXPECTED.items():
        assert tuple(rows) == ROLES, endpoint
        targets = {tuple(outcomes(row)) for row in rows.values()}
        assert len(targets) == 1, f"{endpoint}: every role must be tried on the same targets"


def _check_detail(w: World, endpoint: str) -> list[str]:
    wrong = []
    for who, row in EXPECTED[endpoint].items():
        for target, expected in outcomes(row).items():
            before = w.r.audit_seq()
            response = CALLS[endpoint](w, who, target)
            after = w.r.audit_seq()
            status = str(response.status_code)
            if status != expected:
                wrong.append(f"{who} on {target}: {status}, expected {expected}")
                continue
            if status.startswith("4"):
                body = response.json()
                assert set(body["error"]) == {"code", "message", "remedy", "problems"}
                expected_code = {"403": "MAMORI-4030", "404": "MAMORI-4040"}[status]
                if body["error"]["code"] != expected_code:
                    wrong.append(f"{who} on {target}: error code {body['error']['code']}")
            if endpoint in WRITES:
                # Fresh objects are made before the request, so compare around the request only.
                wrote = after > before + _setup_events(endpoint, who)
                if status.startswith("2") and not wrote:
                    wrong.append(f"{who} on {target}: allowed but nothing audited")
                if not status.startswith("2") and wrote:
                    wrong.append(f"{who} on {target}: denied but an audit event was written")
    return wrong


def _setup_events(endpoint: str, who: str) -> int:
    """How many audit events a call makes before its request (fresh objects, as the operator)."""
    if endpoint == "POST /risk-cases/{id}/transitions":
        return 1 + (3 if who == "board" else 0)
    if endpoint == "POST /consultations/{id}/close":
        return 2
    if endpoint == "POST /rules/{id}/publish":
        return 1
    return 0


def _check_listing(w: World, endpoint: str) -> list[str]:
    listing = LISTINGS[endpoint]
    wrong = []
    for who, row in EXPECTED[endpoint].items():
        expected = outcomes(row)
        response = w.r.get(who, listing.path, params={"limit": 500})
        if set(expected.values()) == {"403"}:
            if response.status_code != 403:
                wrong.append(f"{who}: {response.status_code}, expected 403")
            continue
        assert response.status_code == 200, f"{endpoint} as {who}: {response.text}"
        body = response.json()
        items = body["items"] if isinstance(body, dict) else body
        assert isinstance(body, list) or body["total"] == len(items), "a page was cut short"
        listed = {t for t, outcome in expected.items() if outcome == "listed"}
        for item in items:
            target = listing.classify(w, item)
            if target not in listed:
                wrong.append(f"{who} sees an object of {target}: {item.get('id', item.get('seq'))}")
                break
        ids = {item.get("id", item.get("seq")) for item in items}
        for target in listed:
            seeded = listing.seeded(w, target)
            found = (
                listing.present(w, who, target) if listing.present is not None else seeded in ids
            )
            if not found:
                wrong.append(f"{who} does not see the object of {target}")
    return wrong


@pytest.mark.parametrize("endpoint", list(EXPECTED))
def test_access(world: World, endpoint: str) -> None:
    wrong = (
        _check_listing(world, endpoint) if endpoint in LISTINGS else _check_detail(world, endpoint)
    )
    assert not wrong, f"{endpoint}:\n  " + "\n  ".join(wrong)


def test_a_list_filtered_to_another_ministry_stays_empty(world: World) -> None:
    """Asking for B's organisation by name does not widen what A's people see."""
    for who in ("caio", "planner", "provider", "user", "admin"):
        response = world.r.get(who, "/systems", params={"org": "mob"})
        assert response.status_code == 200
        assert response.json()["items"] == [], who
        response = world.r.get(who, "/risk-cases", params={"system_id": world.systems["B"]})
        assert response.json()["items"] == [], who
        response = world.r.get(who, "/rules", params={"system_id": world.systems["B"]})
        assert response.json() == [], who


def test_a_user_sees_only_the_cases_they_reported(world: World) -> None:
    cases = world.r.get("user", "/risk-cases", params={"limit": 500}).json()["items"]
    user_id = world.r.person_id("user")
    assert cases and {c["reported_by"] for c in cases} == {user_id}
