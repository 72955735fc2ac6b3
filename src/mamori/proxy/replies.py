"""OpenAI-shaped answers the gateway makes itself: errors and refusals, in the user's language."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

from mamori.i18n import Lang, t


def error(
    status: int,
    message: str,
    kind: str,
    code: str,
    request_id: str,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return Response(
        json.dumps(body, ensure_ascii=False),
        status_code=status,
        media_type="application/json",
        headers={"x-request-id": request_id, **(headers or {})},
    )


def json_response(body: Any, request_id: str, status: int = 200) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        status_code=status,
        media_type="application/json",
        headers={"x-request-id": request_id},
    )


def what(types: list[str], lang: Lang) -> str:
    separator = "、" if lang == "ja" else ", "
    return separator.join(t(f"entity.{kind}", lang) for kind in types) or "—"


def blocked(
    system: str, types: list[str], rules: list[str], contact: str, request_id: str, lang: Lang
) -> str:
    return t(
        "gateway.blocked",
        lang,
        system=system,
        what=what(types, lang),
        rules=", ".join(rules) or "—",
        contact=contact,
        request=request_id,
    )
