"""The periodic report: which systems, how many risk cases were reported, closed and still open in
the fiscal half-year (Japan: the year starts on 1 April, days start at 00:00 JST), the latest
assessment and the CAIO's decision — as JSON, CSV and Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import openpyxl
import pytest

from mamori.db.models import AISystem, Assessment, AssessmentDecision, Consultation, RiskCase
from mamori.i18n import t
from mamori.services.registry import assessments, reports
from mamori.services.registry.common import Database
from tests.registry.conftest import OPERATOR, Registry

UTC = dt.UTC
JST = dt.timezone(dt.timedelta(hours=9))


def at(text: str, zone: dt.tzinfo = UTC) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


# 2026H1 runs from 2026-04-01 00:00 JST (= 2026-03-31 15:00 UTC) to 2026-10-01 00:00 JST
# (= 2026-09-30 15:00 UTC), end excluded.
H1_START = at("2026-04-01 00:00", JST)
H1_END = at("2026-10-01 00:00", JST)
SECOND = dt.timedelta(seconds=1)


def _set(db: Database, model: Any, row_id: int, **values: Any) -> None:
    with db.write() as session:
        row = session.get(model, row_id)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)


class Cases:
    """Risk cases put at chosen instants around 2026H1 (states set as the times say)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def add(self, system_id: int, reported: dt.datetime, closed: dt.datetime | None = None) -> int:
        case_id = self.registry.risk_case(system_id).id
        _set(
            self.registry.db,
            RiskCase,
            case_id,
            reported_at=reported,
            closed_at=closed,
            state="closed" if closed else "triaged",
        )
        return case_id


@pytest.fixture
def world(ministry: Registry) -> dict[str, int]:
    """Ministry A (``moa``: divisions ``moa-d``, ``moa-d2``) and B (``mob``), their systems
    (all made in January 2026, one in October), assessments, decisions and risk cases."""
    r = ministry
    r.org("moa-d2", "division", "moa")
    r.org("mob")
    r.org("mob-d", "division", "mob")
    ids: dict[str, int] = {}
    for key, org in (("A", "moa-d"), ("A2", "moa-d2"), ("B", "mob-d"), ("late", "moa-d")):
        ids[key] = r.system(org, f"システム{key}", vendor="ven" if key == "A" else None).id
        created = at("2026-10-15 09:00") if key == "late" else at("2026-01-15 09:00")
        _set(r.db, AISystem, ids[key], created_at=created, updated_at=created)

    # A: an assessment in the period with two decisions in it and one after it; a newer
    # assessment after the period ends.
    first = r.assess(ids["A"]).id
    _set(r.db, Assessment, first, created_at=at("2026-05-01 00:00"))
    for decision, when in (
        ("high_risk", "2026-06-01 00:00"),
        ("not_high_risk", "2026-08-01 00:00"),
        ("high_risk", "2026-10-05 00:00"),
    ):
        made = assessments.decide(
            r.db, OPERATOR, first, assessments.DecisionCreate(decision=decision, rationale="理由")
        )
        assert made.decision is not None
        _set(r.db, AssessmentDecision, made.decision.id, decided_at=at(when))
    later = r.assess(ids["A"]).id
    _set(r.db, Assessment, later, created_at=at("2026-11-01 00:00"))
    consultation = r.consultation(first).id
    _set(r.db, Consultation, consultation, created_at=at("2026-07-01 00:00"))
    ids["assessment"] = first
    # A2: assessed in the period, no decision.
    ids["assessment_A2"] = r.assess(ids["A2"]).id
    _set(r.db, Assessment, ids["assessment_A2"], created_at=at("2026-04-10 00:00"))

    cases = Cases(r)
    # (the comments give the instants in JST)
    ids["before_open"] = cases.add(ids["A"], H1_START - SECOND)  # 3/31 23:59:59, still open
    ids["first_instant"] = cases.add(
        ids["A"], H1_START, H1_END - SECOND
    )  # 4/1 0:00 → 9/30 23:59:59
    ids["closed_after"] = cases.add(ids["A"], at("2026-06-01 00:00"), H1_END)  # closed 10/1 0:00
    ids["after"] = cases.add(ids["A"], H1_END)  # 10/1 0:00: the next half
    ids["long_ago"] = cases.add(ids["A"], at("2025-05-01 00:00"), at("2026-02-01 00:00"))
    ids["closed_in"] = cases.add(ids["A"], at("2025-12-01 00:00"), at("2026-05-01 00:00"))
    ids["a2_case"] = cases.add(ids["A2"], at("2026-07-07 00:00"))
    ids["b_case"] = cases.add(ids["B"], at("2026-07-07 00:00"), at("2026-08-08 00:00"))
    return ids


def _report(registry: Registry, who: str, **params: str) -> Any:
    response = registry.get(who, "/reports/periodic", params={"period": "2026H1", **params})
    assert response.status_code == 200, response.text
    return response


def test_the_periods_start_on_1_april_in_japan() -> None:
    h1, h2, fy = (reports.parse_period(p) for p in ("2026H1", "2026H2", "FY2026"))
    assert (h1.start, h1.end) == (dt.date(2026, 4, 1), dt.date(2026, 10, 1))
    assert (h2.start, h2.end) == (dt.date(2026, 10, 1), dt.date(2027, 4, 1))
    assert (fy.start, fy.end) == (dt.date(2026, 4, 1), dt.date(2027, 4, 1))


def test_a_ministrys_report(ministry: Registry, world: dict[str, int]) -> None:
    report = _report(ministry, "caio", org="moa").json()
    assert report["org"] == "moa"
    assert (report["period"]["start"], report["period"]["end"]) == ("2026-04-01", "2026-10-01")
    rows = {row["id"]: row for row in report["systems"]}
    # A's systems that existed in the period; not B's, not the one made in October
    assert set(rows) == {world["A"], world["A2"]}
    a = rows[world["A"]]
    assert (a["risk_cases_reported"], a["risk_cases_closed"], a["risk_cases_open_at_end"]) == (
        2,  # first_instant, closed_after
        2,  # first_instant (closed at the last second), closed_in
        2,  # before_open, closed_after (closed only after the end)
    )
    # the latest assessment made before the end, and the latest decision on it before the end
    assert a["assessment_id"] == world["assessment"]
    assert a["possibly_high_risk"] is True
    assert a["caio_decision"] == "not_high_risk"
    assert (a["org"], a["vendor"], a["consultations"]) == ("moa-d", "ven", 1)
    a2 = rows[world["A2"]]
    assert (a2["assessment_id"], a2["caio_decision"]) == (world["assessment_A2"], None)
    assert (a2["risk_cases_reported"], a2["risk_cases_closed"], a2["risk_cases_open_at_end"]) == (
        1,
        0,
        1,
    )
    # the case list: reported in the period, or still open at its start
    assert {c["id"] for c in report["risk_cases"]} == {
        world["before_open"],
        world["first_instant"],
        world["closed_after"],
        world["closed_in"],
        world["a2_case"],
    }
    totals = report["totals"]
    assert (totals["systems"], totals["risk_cases_reported"], totals["risk_cases_closed"]) == (
        2,
        3,
        2,
    )
    assert (totals["risk_cases_open_at_end"], totals["possibly_high_risk"]) == (3, 2)
    assert totals["decided_high_risk"] == 0


def test_the_secretariats_report_covers_every_ministry(
    ministry: Registry, world: dict[str, int]
) -> None:
    report = _report(ministry, "secretariat").json()
    assert report["org"] is None
    rows = {row["id"]: row for row in report["systems"]}
    assert set(rows) == {world["A"], world["A2"], world["B"]}
    b = rows[world["B"]]
    assert (b["risk_cases_reported"], b["risk_cases_closed"], b["risk_cases_open_at_end"]) == (
        1,
        1,
        0,
    )
    assert rows[world["A"]]["risk_cases_reported"] == 2
    assert world["b_case"] in {c["id"] for c in report["risk_cases"]}
    # and one ministry's report, asked for by the secretariat, is the CAIO's
    mine = _report(ministry, "secretariat", org="moa").json()
    theirs = _report(ministry, "caio", org="moa").json()
    for report_ in (mine, theirs):
        del report_["generated_at"]
    assert mine == theirs


def test_the_next_half_year_counts_what_came_after(
    ministry: Registry, world: dict[str, int]
) -> None:
    report = _report(ministry, "caio", org="moa", period="2026H2").json()
    rows = {row["id"]: row for row in report["systems"]}
    assert set(rows) == {world["A"], world["A2"], world["late"]}
    a = rows[world["A"]]
    # after (10/1 0:00 JST) reported; closed_after closed at 10/1 0:00; the newer assessment
    assert (a["risk_cases_reported"], a["risk_cases_closed"], a["risk_cases_open_at_end"]) == (
        1,
        1,
        2,
    )
    assert a["assessment_id"] != world["assessment"]
    assert a["caio_decision"] is None  # nothing decided on the newer assessment


def test_csv_export(ministry: Registry, world: dict[str, int]) -> None:
    response = _report(ministry, "caio", org="moa", format="csv", lang="en")
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="periodic-moa-2026H1.csv"' in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header == [t(f"report.column.{c}", "en") for c in reports.SYSTEM_COLUMNS]
    by_id = {row[0]: dict(zip(reports.SYSTEM_COLUMNS, row, strict=True)) for row in body}
    assert set(by_id) == {str(world["A"]), str(world["A2"])}
    a = by_id[str(world["A"])]
    assert (a["risk_cases_reported"], a["risk_cases_closed"], a["risk_cases_open_at_end"]) == (
        "2",
        "2",
        "2",
    )
    assert (a["caio_decision"], a["name"], a["org"]) == ("not_high_risk", "システムA", "moa-d")
    japanese = _report(ministry, "caio", org="moa", format="csv")
    first = next(csv.reader(io.StringIO(japanese.content.decode("utf-8-sig"))))
    assert first[0] == "ID" and first[3] == "システム名"


def test_xlsx_export(ministry: Registry, world: dict[str, int]) -> None:
    response = _report(ministry, "secretariat", format="xlsx", lang="en")
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == ["Summary", "Systems", "Risk cases"]
    summary = [row for row in book["Summary"].iter_rows(values_only=True)]
    assert summary[0][0] == "Periodic report on the use of generative AI"
    assert ("Period", "2026H1 (2026-04-01 – 2026-09-30)") in [tuple(r[:2]) for r in summary]
    assert ("Risk cases reported in the period", 4) in [tuple(r[:2]) for r in summary]
    systems = list(book["Systems"].iter_rows(values_only=True))
    assert list(systems[0]) == [t(f"report.column.{c}", "en") for c in reports.SYSTEM_COLUMNS]
    by_id = {row[0]: dict(zip(reports.SYSTEM_COLUMNS, row, strict=True)) for row in systems[1:]}
    assert set(by_id) == {world["A"], world["A2"], world["B"]}
    assert by_id[world["B"]]["risk_cases_closed"] == 1
    assert by_id[world["A"]]["caio_decision"] == "not_high_risk"
    cases = list(book["Risk cases"].iter_rows(values_only=True))
    assert cases[0][0] == "ID"
    assert {row[0] for row in cases[1:]} == {
        world["before_open"],
        world["first_instant"],
        world["closed_after"],
        world["closed_in"],
        world["a2_case"],
        world["b_case"],
    }
