"""One JSON error shape for every failure: ``{"error": {code, message, remedy, problems}}``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from mamori.errors import MamoriError, Problem, RegistryError, RequestInvalidError
from mamori.i18n import preferred_lang


class ProblemOut(BaseModel):
    field: str
    message: str
    allowed: list[str]


class ErrorBody(BaseModel):
    code: str
    message: str
    remedy: str
    problems: list[ProblemOut]


class ErrorOut(BaseModel):
    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in (
        (401, "Not authenticated"),
        (403, "Not allowed for your role"),
        (404, "Not found (or not visible to you)"),
        (409, "Stale version or illegal transition"),
        (422, "Invalid request"),
    )
}


def _respond(request: Request, error: MamoriError, status: int) -> JSONResponse:
    lang = request.query_params.get("lang") or preferred_lang(
        request.headers.get("accept-language")
    )
    body = {"error": error.as_dict("en" if lang == "en" else "ja")}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _problem(error: dict[str, Any]) -> Problem:
    location = ".".join(
        str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "header")
    )
    kind = str(error.get("type", ""))
    allowed: tuple[str, ...] = ()
    expected = (error.get("ctx") or {}).get("expected")
    if kind in {"literal_error", "enum"} and isinstance(expected, str):
        allowed = tuple(part.strip(" '") for part in expected.replace(" or ", ",").split(","))
    if kind == "missing":
        return Problem(location or "body", "problem.request_missing")
    if kind == "extra_forbidden":
        return Problem(location, "problem.request_extra")
    # The user's value is never echoed: it may be free text with personal data in it.
    return Problem(
        location or "body", "problem.request_value", {"detail": kind or "invalid"}, allowed
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(RegistryError)
    async def _registry(request: Request, error: RegistryError) -> JSONResponse:
        return _respond(request, error, error.status)

    @app.exception_handler(MamoriError)
    async def _mamori(request: Request, error: MamoriError) -> JSONResponse:
        return _respond(request, error, 422 if error.exit_code == 2 else 500)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = [_problem(e) for e in error.errors()]
        return _respond(request, RequestInvalidError(problems=problems), 422)
