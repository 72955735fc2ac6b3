"""Import and export of the inventory as CSV or Excel: one row per system.

An import is all or nothing: every row is validated first, each error names its row and column,
and nothing is stored unless every row is good.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, cast

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from pydantic import ValidationError
from sqlalchemy import select

from mamori.content.project import Project
from mamori.content.project_file import project_problem
from mamori.db.models import AISystem, Organization
from mamori.errors import ImportRejectedError, InputFileError, MamoriError, Problem
from mamori.services.registry import systems
from mamori.services.registry.access import Actor
from mamori.services.registry.common import Database, visible
from mamori.vocabulary import LIFECYCLE, Lifecycle

PROJECT_COLUMNS: tuple[str, ...] = tuple(Project.model_fields)
REGISTRY_COLUMNS: tuple[str, ...] = ("org", "lifecycle", "vendor_org", "models", "publishable")
COLUMNS: tuple[str, ...] = REGISTRY_COLUMNS + PROJECT_COLUMNS
LIST_SEPARATOR = "|"
"""Inside one cell, list items (examples, models) are separated by ``|``."""
_TRUE = {"true", "yes", "1", "はい", "○", "有", "済"}
_FALSE = {"false", "no", "0", "いいえ", "×", "無", "未"}
MAX_ROWS = 50000


def _read_rows(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            text = path.read_bytes().decode("utf-8-sig")
            return [dict(row) for row in csv.DictReader(io.StringIO(text))]
        if suffix == ".xlsx":
            book = load_workbook(path, read_only=True, data_only=True)
            sheet = book.worksheets[0]
            rows = sheet.iter_rows(values_only=True)
            header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
            found = [
                dict(zip(header, row, strict=False))
                for row in rows
                if any(v not in (None, "") for v in row)
            ]
            book.close()
            return found
    except (OSError, UnicodeDecodeError, csv.Error, KeyError, ValueError):
        raise InputFileError(file=str(path)) from None
    raise ImportRejectedError(
        file=str(path),
        problems=[
            Problem("file", "problem.request_value", {"detail": ".csv | .xlsx"}, (".csv", ".xlsx"))
        ],
    )


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {
        str(k).strip(): (v.strip() if isinstance(v, str) else v)
        for k, v in row.items()
        if k is not None and v not in (None, "")
    }


def _parse(
    number: int, row: dict[str, Any], orgs: dict[str, Organization], problems: list[Problem]
) -> systems.SystemCreate | None:
    where = f"row {number}"
    values = _clean(row)
    unknown = sorted(set(values) - set(COLUMNS))
    for column in unknown:
        problems.append(Problem(f"{where}, {column}", "problem.request_extra", allowed=COLUMNS))
    before = len(problems)
    org = values.get("org")
    if org is None:
        problems.append(Problem(f"{where}, org", "problem.request_missing"))
    elif str(org) not in orgs:
        problems.append(Problem(f"{where}, org", "problem.org_unknown", {"org": str(org)}))
    lifecycle = str(values.get("lifecycle", "planning"))
    if lifecycle not in LIFECYCLE:
        problems.append(
            Problem(
                f"{where}, lifecycle", "problem.request_value", {"detail": "lifecycle"}, LIFECYCLE
            )
        )
    vendor = values.get("vendor_org")
    if vendor is not None and (str(vendor) not in orgs or orgs[str(vendor)].kind != "vendor"):
        problems.append(
            Problem(f"{where}, vendor_org", "problem.org_unknown", {"org": str(vendor)})
        )
    project: dict[str, Any] = {}
    for column in PROJECT_COLUMNS:
        if column not in values:
            continue
        value = values[column]
        if column == "examples":
            project[column] = [
                part.strip() for part in str(value).split(LIST_SEPARATOR) if part.strip()
            ]
        elif column == "ismap_listed":
            try:
                project[column] = _bool(value)
            except ValueError:
                problems.append(
                    Problem(
                        f"{where}, {column}", "problem.project_value", allowed=("true", "false")
                    )
                )
        elif column == "fiscal_year":
            try:
                project[column] = int(float(value))
            except (TypeError, ValueError):
                problems.append(Problem(f"{where}, {column}", "problem.project_year"))
        else:
            project[column] = str(value)
    try:
        Project.model_validate(project)
    except ValidationError as invalid:
        for error in invalid.errors():
            problem = project_problem(error)
            problems.append(
                Problem(
                    f"{where}, {problem.location}",
                    problem.message_key,
                    problem.params,
                    problem.allowed,
                )
            )
    publishable = False
    if "publishable" in values:
        try:
            publishable = bool(_bool(values["publishable"]))
        except ValueError:
            problems.append(
                Problem(f"{where}, publishable", "problem.project_value", allowed=("true", "false"))
            )
    if len(problems) > before or unknown:
        return None
    models = [m.strip() for m in str(values.get("models", "")).split(LIST_SEPARATOR) if m.strip()]
    return systems.SystemCreate(
        org=str(org),
        project=project,
        lifecycle=cast(Lifecycle, lifecycle),
        vendor=str(vendor) if vendor else None,
        models=models,
        publishable=publishable,
    )


def import_file(db: Database, actor: Actor, path: Path) -> int:
    """Import every row of ``path`` or none; returns the number of systems added."""
    rows = _read_rows(path)
    if len(rows) > MAX_ROWS:
        raise ImportRejectedError(
            file=str(path),
            problems=[Problem("file", "problem.request_value", {"detail": f"≤ {MAX_ROWS} rows"})],
        )
    with db.write() as session:
        orgs = {o.code: o for o in session.scalars(select(Organization))}
        problems: list[Problem] = []
        # Row 1 is the header, so the first system is on row 2, as a spreadsheet numbers it.
        parsed = [(n, _parse(n, row, orgs, problems)) for n, row in enumerate(rows, start=2)]
        if problems:
            raise ImportRejectedError(file=path.name, problems=problems)
        for number, data in parsed:
            assert data is not None
            try:
                systems.insert(session, actor, data, Project.model_validate(data.project))
            except MamoriError as error:  # e.g. no right to add systems to that organisation
                raise ImportRejectedError(
                    file=path.name,
                    problems=[Problem(f"row {number}, org", error.message_key, error.params)],
                ) from None
        return len(parsed)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def export_rows(db: Database, actor: Actor) -> list[dict[str, Any]]:
    with db.read() as session:
        codes = {o.id: o.code for o in session.scalars(select(Organization))}
        statement = (
            select(AISystem)
            .where(visible(actor.where("system.read"), AISystem.org_id, AISystem.vendor_org_id))
            .order_by(AISystem.id)
        )
        rows = []
        for system in session.scalars(statement):
            row: dict[str, Any] = {
                "org": codes[system.org_id],
                "lifecycle": system.lifecycle,
                "vendor_org": codes.get(system.vendor_org_id) if system.vendor_org_id else None,
                "models": system.models,
                "publishable": system.publishable,
            }
            row.update({column: system.project.get(column) for column in PROJECT_COLUMNS})
            rows.append({k: _cell(v) for k, v in row.items()})
        return rows


def export_bytes(db: Database, actor: Actor, fmt: str) -> bytes:
    rows = export_rows(db, actor)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "inventory"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(c) for c in COLUMNS])
    sheet.freeze_panes = "A2"
    binary = io.BytesIO()
    book.save(binary)
    return binary.getvalue()
