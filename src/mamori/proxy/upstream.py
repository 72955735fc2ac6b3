"""Calls to upstream models: one pooled async HTTP client, per-upstream timeouts and keys, and
errors turned into OpenAI-shaped 502 / 504 answers."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from mamori.content.gateway import GatewayConfig, Upstream
from mamori.errors import GatewayConfigError, Problem


@dataclass(frozen=True)
class UpstreamFailedError(Exception):
    status: int
    """The status to answer with: 502 (upstream error or unreachable) or 504 (timeout)."""
    kind: str
    """``upstream_error``, ``upstream_timeout`` or ``upstream_unreachable``."""
    upstream_status: int | None = None


def keys_from_environment(config: GatewayConfig, where: str) -> dict[str, str]:
    """Every upstream's key, read once at start; a named variable that is unset stops the gateway."""
    keys: dict[str, str] = {}
    problems = []
    for route in config.systems:
        for upstream in route.upstreams:
            if upstream.api_key_env is None:
                continue
            value = os.environ.get(upstream.api_key_env)
            if not value:
                problems.append(
                    Problem(
                        f"systems[{route.system}].upstreams.{upstream.name}.api_key_env",
                        "problem.env_missing",
                        {"name": upstream.api_key_env},
                    )
                )
            else:
                keys[upstream.name] = value
    if problems:
        raise GatewayConfigError(path=where, problems=problems)
    return keys


class Upstreams:
    def __init__(
        self, keys: dict[str, str], transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.keys = keys
        self.client = httpx.AsyncClient(
            transport=transport,
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=100),
            http2=False,
        )

    async def close(self) -> None:
        await self.client.aclose()

    def _request(self, upstream: Upstream, path: str, body: dict[str, Any]) -> httpx.Request:
        headers = {"content-type": "application/json"}
        key = self.keys.get(upstream.name)
        if key:
            headers["authorization"] = f"Bearer {key}"
        url = str(upstream.base_url).rstrip("/") + path
        timeout = httpx.Timeout(upstream.read_timeout_s, connect=upstream.connect_timeout_s)
        return self.client.build_request("POST", url, json=body, headers=headers, timeout=timeout)

    async def post(self, upstream: Upstream, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        """(status, JSON body) of a non-streamed call; 5xx, timeouts and transport errors raise."""
        try:
            response = await self.client.send(self._request(upstream, path, body))
        except httpx.TimeoutException:
            raise UpstreamFailedError(504, "upstream_timeout") from None
        except httpx.HTTPError:
            raise UpstreamFailedError(502, "upstream_unreachable") from None
        if response.status_code >= 500:
            raise UpstreamFailedError(502, "upstream_error", response.status_code)
        try:
            return response.status_code, response.json()
        except ValueError:
            raise UpstreamFailedError(502, "upstream_error", response.status_code) from None

    async def stream(
        self, upstream: Upstream, path: str, body: dict[str, Any]
    ) -> tuple[httpx.Response, AsyncIterator[str]]:
        """Open a streamed call; the caller reads its lines and must close the response."""
        try:
            response = await self.client.send(self._request(upstream, path, body), stream=True)
        except httpx.TimeoutException:
            raise UpstreamFailedError(504, "upstream_timeout") from None
        except httpx.HTTPError:
            raise UpstreamFailedError(502, "upstream_unreachable") from None
        if response.status_code >= 400:
            await response.aread()
            await response.aclose()
            status = 502 if response.status_code >= 500 else response.status_code
            raise UpstreamFailedError(status, "upstream_error", response.status_code)
        return response, response.aiter_lines()
