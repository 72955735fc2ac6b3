"""The ASGI application: ``create_app(db)`` wires the routes, the error shape and the database."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from mamori import __version__
from mamori.api import errors
from mamori.api.routes import audit, consultations, me, reports, risk_cases, rules, systems
from mamori.services.registry.common import Database

PREFIX = "/api/v1"


def create_app(db: Database) -> FastAPI:
    app = FastAPI(
        title="mamori registry API",
        description=(
            "AI システム台帳・評価・チェックリスト・リスク事案・アドバイザリーボード相談・定期報告。\n\n"
            "Inventory, assessments, checklist progress, risk cases, Advisory Board consultations "
            "and periodic reports. Authenticate with `Authorization: Bearer TOKEN`."
        ),
        version=__version__,
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
    )
    app.state.db = db
    errors.install(app)
    api = APIRouter(prefix=PREFIX, responses=errors.ERROR_RESPONSES)
    for module in (systems, risk_cases, consultations, reports, audit, rules, me):
        api.include_router(module.router)
    api.include_router(systems.documents_router)
    api.include_router(systems.assessments_router)
    app.include_router(api)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
