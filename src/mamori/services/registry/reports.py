"""Periodic reports to the Digital Agency: every system of a ministry (or of all ministries, for
the secretariat) in a fiscal half-year or year, with its latest assessment and its risk cases.

Japan's fiscal year starts on 1 April: ``2026H1`` is April–September 2026, ``2026H2`` October 2026 –
March 2027, ``FY2026`` the whole year. Counts come from grouped queries, not one query per system.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.styles import Font
from pydantic import BaseModel
from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from mamori.db.models import (
    AISystem,
    Assessment,
    AssessmentDecision,
    Consultation,
    Organization,
    RiskCase,
)
from mamori.db.types import now
from mamori.errors import PermissionDeniedError, Problem, RequestInvalidError
from mamori.i18n import Lang, t
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database
from mamori.services.registry.identity import org_by_code

ReportFormat = Literal["json", "csv", "xlsx"]
REPORT_FORMATS: tuple[str, ...] = ("json", "csv", "xlsx")
_PERIOD = re.compile(r"^(?:(?P<year>\d{4})H(?P<half>[12])|FY(?P<fy>\d{4}))$")


class Period(BaseModel):
    label: str
    start: dt.date
    end: dt.date
    """Exclusive: the first day after the period."""


def parse_period(label: str) -> Period:
    match = _PERIOD.match(label.strip())
    if match is None:
        raise RequestInvalidError(problems=[Problem("period", "problem.period")])
    if match["fy"]:
        year = int(match["fy"])
        return Period(label=label, start=dt.date(year, 4, 1), end=dt.date(year + 1, 4, 1))
    year, half = int(match["year"]), int(match["half"])
    if half == 1:
        return Period(label=label, start=dt.date(year, 4, 1), end=dt.date(year, 10, 1))
    return Period(label=label, start=dt.date(year, 10, 1), end=dt.date(year + 1, 4, 1))


class SystemRow(BaseModel):
    id: int
    org: str
    org_name: str
    name: str
    lifecycle: str
    vendor: str | None
    models: list[str]
    purpose: str
    users: str | None
    procurement_pattern: str | None
    server_location: str | None
    ismap_listed: bool | None
    publishable: bool
    assessment_id: int | None
    pack: str | None
    possibly_high_risk: bool | None
    caio_decision: str | None
    consultations: int
    risk_cases_reported: int
    risk_cases_closed: int
    risk_cases_open_at_end: int


class CaseRow(BaseModel):
    id: int
    system_id: int
    category: str
    severity: str
    state: str
    source: str
    title: str
    personal_data_involved: bool
    reported_at: dt.datetime
    closed_at: dt.datetime | None


class PeriodicReport(BaseModel):
    org: str | None
    """The ministry reported on; None for the government-wide view."""
    period: Period
    generated_at: dt.datetime
    systems: list[SystemRow]
    risk_cases: list[CaseRow]
    """Risk cases reported in the period or still open at its end."""
    totals: dict[str, Any]


def _at(day: dt.date) -> dt.datetime:
    # A day in Japan starts at 00:00 JST.
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone(dt.timedelta(hours=9)))


def periodic(db: Database, actor: Actor, *, org: str | None, period: str) -> PeriodicReport:
    span = parse_period(period)
    start, end = _at(span.start), _at(span.end)
    with db.read() as session:
        if org is None:
            if not actor.where("report.read").everywhere:
                raise PermissionDeniedError(action="report.read")
            org_ids = None
        else:
            root = org_by_code(session, org)
            if not actor.may("report.read", org_id=root.id):
                raise PermissionDeniedError(action="report.read")
            org_ids = select(Organization.id).where(Organization.path.startswith(root.path))
        systems_q = select(AISystem).where(AISystem.created_at < end)
        if org_ids is not None:
            systems_q = systems_q.where(AISystem.org_id.in_(org_ids))
        systems = list(session.scalars(systems_q.order_by(AISystem.id)))
        rows = _system_rows(session, systems, org_ids, start, end)
        cases = _case_rows(session, org_ids, start, end)
    return PeriodicReport(
        org=org,
        period=span,
        generated_at=now(),
        systems=rows,
        risk_cases=cases,
        totals=_totals(rows, cases),
    )


def _grouped(session: Session, statement: Any) -> dict[int, Any]:
    return {key: value for key, value in session.execute(statement).all()}


def _system_rows(
    session: Session, systems: list[AISystem], org_ids: Any, start: dt.datetime, end: dt.datetime
) -> list[SystemRow]:
    orgs = {o.id: o for o in session.scalars(select(Organization))}
    in_systems = RiskCase.org_id.in_(org_ids) if org_ids is not None else true()
    latest_ids = _grouped(
        session,
        select(Assessment.system_id, func.max(Assessment.id))
        .where(Assessment.created_at < end)
        .group_by(Assessment.system_id),
    )
    latest = {
        a.system_id: a
        for a in session.execute(
            select(
                Assessment.id, Assessment.system_id, Assessment.pack, Assessment.possibly_high_risk
            ).where(Assessment.id.in_(list(latest_ids.values())))
        ).all()
    }
    decision_ids = _grouped(
        session,
        select(AssessmentDecision.assessment_id, func.max(AssessmentDecision.id))
        .where(AssessmentDecision.decided_at < end)
        .group_by(AssessmentDecision.assessment_id),
    )
    decisions = dict(
        session.execute(
            select(AssessmentDecision.assessment_id, AssessmentDecision.decision).where(
                AssessmentDecision.id.in_(list(decision_ids.values()))
            )
        ).all()
    )
    reported = _grouped(
        session,
        select(RiskCase.system_id, func.count())
        .where(in_systems, RiskCase.reported_at >= start, RiskCase.reported_at < end)
        .group_by(RiskCase.system_id),
    )
    closed = _grouped(
        session,
        select(RiskCase.system_id, func.count())
        .where(in_systems, RiskCase.closed_at >= start, RiskCase.closed_at < end)
        .group_by(RiskCase.system_id),
    )
    open_at_end = _grouped(
        session,
        select(RiskCase.system_id, func.count())
        .where(
            in_systems,
            RiskCase.reported_at < end,
            (RiskCase.closed_at.is_(None)) | (RiskCase.closed_at >= end),
        )
        .group_by(RiskCase.system_id),
    )
    consultations = _grouped(
        session,
        select(Consultation.system_id, func.count())
        .where(Consultation.created_at < end)
        .group_by(Consultation.system_id),
    )
    rows = []
    for system in systems:
        assessment = latest.get(system.id)
        org = orgs[system.org_id]
        vendor = orgs.get(system.vendor_org_id) if system.vendor_org_id else None
        project = system.project
        rows.append(
            SystemRow(
                id=system.id,
                org=org.code,
                org_name=org.name,
                name=system.name,
                lifecycle=system.lifecycle,
                vendor=vendor.code if vendor else project.get("vendor"),
                models=list(system.models) or ([project["model"]] if project.get("model") else []),
                purpose=project.get("purpose", ""),
                users=project.get("users"),
                procurement_pattern=project.get("procurement_pattern"),
                server_location=project.get("server_location"),
                ismap_listed=project.get("ismap_listed"),
                publishable=system.publishable,
                assessment_id=assessment.id if assessment else None,
                pack=assessment.pack if assessment else None,
                possibly_high_risk=assessment.possibly_high_risk if assessment else None,
                caio_decision=decisions.get(assessment.id) if assessment else None,
                consultations=consultations.get(system.id, 0),
                risk_cases_reported=reported.get(system.id, 0),
                risk_cases_closed=closed.get(system.id, 0),
                risk_cases_open_at_end=open_at_end.get(system.id, 0),
            )
        )
    return rows


def _case_rows(
    session: Session, org_ids: Any, start: dt.datetime, end: dt.datetime
) -> list[CaseRow]:
    statement = select(RiskCase).where(
        RiskCase.reported_at < end,
        (RiskCase.reported_at >= start)
        | RiskCase.closed_at.is_(None)
        | (RiskCase.closed_at >= start),
    )
    if org_ids is not None:
        statement = statement.where(RiskCase.org_id.in_(org_ids))
    return [
        CaseRow(
            id=c.id,
            system_id=c.system_id,
            category=c.category,
            severity=c.severity,
            state=c.state,
            source=c.source,
            title=c.title,
            personal_data_involved=c.personal_data_involved,
            reported_at=c.reported_at,
            closed_at=c.closed_at,
        )
        for c in session.scalars(statement.order_by(RiskCase.id))
    ]


def _totals(rows: list[SystemRow], cases: list[CaseRow]) -> dict[str, Any]:
    by_lifecycle: dict[str, int] = {}
    for row in rows:
        by_lifecycle[row.lifecycle] = by_lifecycle.get(row.lifecycle, 0) + 1
    by_category: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for case in cases:
        by_category[case.category] = by_category.get(case.category, 0) + 1
        by_severity[case.severity] = by_severity.get(case.severity, 0) + 1
    return {
        "systems": len(rows),
        "systems_by_lifecycle": by_lifecycle,
        "possibly_high_risk": sum(1 for r in rows if r.possibly_high_risk),
        "decided_high_risk": sum(1 for r in rows if r.caio_decision == "high_risk"),
        "risk_cases_reported": sum(r.risk_cases_reported for r in rows),
        "risk_cases_closed": sum(r.risk_cases_closed for r in rows),
        "risk_cases_open_at_end": sum(r.risk_cases_open_at_end for r in rows),
        "risk_cases_by_category": by_category,
        "risk_cases_by_severity": by_severity,
    }


SYSTEM_COLUMNS = tuple(SystemRow.model_fields)
CASE_COLUMNS = tuple(CaseRow.model_fields)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value


def export(report: PeriodicReport, fmt: ReportFormat, lang: Lang = "ja") -> bytes:
    if fmt == "json":
        return (
            json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        ).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([t(f"report.column.{c}", lang) for c in SYSTEM_COLUMNS])
        for row in report.systems:
            writer.writerow([_cell(getattr(row, c)) for c in SYSTEM_COLUMNS])
        # Excel opens UTF-8 CSV correctly only with a byte-order mark.
        return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
    return _xlsx(report, lang)


def _xlsx(report: PeriodicReport, lang: Lang) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = t("report.sheet.summary", lang)
    summary.append([t("report.title", lang)])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append([t("report.label.org", lang), report.org or t("report.all_ministries", lang)])
    summary.append(
        [
            t("report.label.period", lang),
            f"{report.period.label} ({report.period.start} – {report.period.end - dt.timedelta(days=1)})",
        ]
    )
    summary.append(
        [t("report.label.generated", lang), report.generated_at.isoformat(timespec="seconds")]
    )
    for key, value in report.totals.items():
        summary.append(
            [
                t(f"report.total.{key}", lang),
                json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value,
            ]
        )
    summary.column_dimensions["A"].width = 36
    summary.column_dimensions["B"].width = 60
    for title_key, columns, rows in (
        ("report.sheet.systems", SYSTEM_COLUMNS, report.systems),
        ("report.sheet.risk_cases", CASE_COLUMNS, report.risk_cases),
    ):
        sheet = book.create_sheet(t(title_key, lang))
        sheet.append([t(f"report.column.{c}", lang) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(getattr(row, c)) for c in columns])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
