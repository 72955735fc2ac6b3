"""/api/v1/reports: the periodic report, as JSON, CSV or Excel."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from mamori.api.deps import DB, CurrentActor, Language
from mamori.services.registry import reports

router = APIRouter(prefix="/reports", tags=["reports"])

MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get(
    "/periodic",
    responses={200: {"content": {m: {} for m in MEDIA.values()}, "description": "The report"}},
)
def periodic_report(
    db: DB,
    actor: CurrentActor,
    lang: Language,
    period: Annotated[str, Query(max_length=10, description="2026H1, 2026H2 or FY2026")],
    org: Annotated[
        str | None, Query(max_length=64, description="Ministry code; empty: all (secretariat)")
    ] = None,
    format: reports.ReportFormat = "json",
) -> Response:
    report = reports.periodic(db, actor, org=org, period=period)
    name = f"periodic-{org or 'all'}-{report.period.label}.{format}"
    return Response(
        reports.export(report, format, lang),
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
