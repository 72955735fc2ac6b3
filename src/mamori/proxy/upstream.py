"""Calls to upstream models: one pooled aiohttp session, per-upstream timeouts and keys, and
errors turned into OpenAI-shaped 502 / 504 answers.

aiohttp rather than httpx here: on the gateway's hot path its client costs about half as much per
call (docs/decisions.md); the rest of mamori uses httpx.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp

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


class StreamedAnswer:
    """An open streamed answer: its lines, and closing it (the caller must close it)."""

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self.response = response

    async def lines(self) -> AsyncIterator[str]:
        async for raw in self.response.content:
            yield raw.decode("utf-8", "replace").rstrip("\r\n")

    async def aclose(self) -> None:
        self.response.release()


class Upstreams:
    def __init__(self, keys: dict[str, str]) -> None:
        self.keys = keys
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:  # created inside the running event loop
            connector = aiohttp.TCPConnector(limit=200, keepalive_timeout=30, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def _prepare(
        self, upstream: Upstream, path: str
    ) -> tuple[str, dict[str, str], aiohttp.ClientTimeout]:
        headers = {"content-type": "application/json"}
        key = self.keys.get(upstream.name)
        if key and upstream.auth_header == "api-key":
            headers["api-key"] = key
        elif key:
            headers["authorization"] = f"Bearer {key}"
        url = str(upstream.base_url).rstrip("/") + path
        timeout = aiohttp.ClientTimeout(
            total=upstream.total_timeout_s,
            sock_connect=upstream.connect_timeout_s,
            sock_read=upstream.read_timeout_s,
        )
        return url, headers, timeout

    async def post(self, upstream: Upstream, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        """(status, JSON body) of a non-streamed call; 5xx, timeouts and transport errors raise."""
        url, headers, timeout = self._prepare(upstream, path)
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            async with self._client().post(
                url, data=data, headers=headers, timeout=timeout
            ) as response:
                raw = await response.read()
                status = response.status
        except TimeoutError:
            raise UpstreamFailedError(504, "upstream_timeout") from None
        except aiohttp.ClientError:
            raise UpstreamFailedError(502, "upstream_unreachable") from None
        if status >= 500:
            raise UpstreamFailedError(502, "upstream_error", status)
        try:
            return status, json.loads(raw)
        except ValueError:
            raise UpstreamFailedError(502, "upstream_error", status) from None

    async def stream(self, upstream: Upstream, path: str, body: dict[str, Any]) -> StreamedAnswer:
        """Open a streamed call (the status is checked; the lines are read by the caller)."""
        url, headers, timeout = self._prepare(upstream, path)
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            response = await self._client().post(url, data=data, headers=headers, timeout=timeout)
        except TimeoutError:
            raise UpstreamFailedError(504, "upstream_timeout") from None
        except aiohttp.ClientError:
            raise UpstreamFailedError(502, "upstream_unreachable") from None
        if response.status >= 400:
            await response.read()
            response.release()
            status = 502 if response.status >= 500 else response.status
            raise UpstreamFailedError(status, "upstream_error", response.status)
        return StreamedAnswer(response)
