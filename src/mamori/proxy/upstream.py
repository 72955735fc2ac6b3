"""Calls to upstream models: pooled keep-alive connections (``proxy.http1``), per-upstream
timeouts and keys, and errors turned into OpenAI-shaped 502 / 504 answers."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

from mamori import __version__
from mamori.content.gateway import GatewayConfig, Upstream
from mamori.errors import GatewayConfigError, Problem
from mamori.proxy.http1 import (
    CallTimeoutError,
    Client,
    HTTPClientError,
    Request,
    Response,
    Target,
    Timeouts,
)


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
            field = f"systems[{route.system}].upstreams.{upstream.name}.api_key_env"
            if not value:
                problems.append(
                    Problem(field, "problem.env_missing", {"name": upstream.api_key_env})
                )
            elif not (value.isascii() and value.isprintable()):
                # Sent in a header: a line break or a non-ASCII character cannot go there.
                problems.append(
                    Problem(field, "problem.env_not_a_key", {"name": upstream.api_key_env})
                )
            else:
                keys[upstream.name] = value
    if problems:
        raise GatewayConfigError(path=where, problems=problems)
    return keys


class StreamedAnswer:
    """An open streamed answer: its lines, and closing it (the caller must close it)."""

    def __init__(self, response: Response) -> None:
        self.response = response

    async def lines(self) -> AsyncIterator[str]:
        with _as_upstream_failure():
            async for raw in self.response.lines():
                yield raw.decode("utf-8", "replace").rstrip("\r\n")

    def finished(self) -> None:
        """The reader met ``data: [DONE]``: only the end of the chunked answer is due now, so
        however the reading stops, the connection may wait for it and be kept."""
        self.response.ending = True

    async def aclose(self) -> None:
        # Before [DONE] (blocked, client gone) the connection is closed at once: the model stops.
        self.response.close()


@contextlib.contextmanager
def _as_upstream_failure() -> Iterator[None]:
    """The client's errors as the gateway answers them: a timeout 504, anything else 502."""
    try:
        yield
    except CallTimeoutError:
        raise UpstreamFailedError(504, "upstream_timeout") from None
    except HTTPClientError:
        raise UpstreamFailedError(502, "upstream_unreachable") from None


@dataclass(frozen=True)
class _Route:
    """One upstream path, prepared once: the request's line and headers, how long it may take."""

    request: Request
    timeouts: Timeouts


class Upstreams:
    def __init__(self, keys: dict[str, str]) -> None:
        self.keys = keys
        self._client: Client | None = None
        self._routes: dict[tuple[str, str, bool], _Route] = {}

    def _http(self) -> Client:
        if self._client is None:  # its connections belong to the running event loop
            self._client = Client()
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    def _route(self, upstream: Upstream, path: str, stream: bool) -> _Route:
        route = self._routes.get((upstream.name, path, stream))
        if route is None:
            headers = {"Content-Type": "application/json"}
            key = self.keys.get(upstream.name)
            if key and upstream.auth_header == "api-key":
                headers["api-key"] = key
            elif key:
                headers["Authorization"] = f"Bearer {key}"
            request = Request.post(
                Target.of(str(upstream.base_url).rstrip("/") + path),
                headers,
                accept="text/event-stream" if stream else "application/json",
                user_agent=f"mamori-gateway/{__version__}",
                stream=stream,
            )
            timeouts = Timeouts(
                connect=upstream.connect_timeout_s,
                read=upstream.read_timeout_s,
                total=upstream.total_timeout_s,
            )
            route = self._routes[(upstream.name, path, stream)] = _Route(request, timeouts)
        return route

    async def _open(
        self, upstream: Upstream, path: str, body: dict[str, Any], stream: bool
    ) -> Response:
        route = self._route(upstream, path, stream)
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        with _as_upstream_failure():
            return await self._http().send(route.request, data, route.timeouts)

    async def post(self, upstream: Upstream, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        """(status, JSON body) of a non-streamed call; 5xx, timeouts and transport errors raise."""
        response = await self._open(upstream, path, body, stream=False)
        status = response.status
        with _as_upstream_failure():
            raw = await response.read()
        if status >= 500:
            raise UpstreamFailedError(502, "upstream_error", status)
        try:
            return status, json.loads(raw)
        except ValueError:
            raise UpstreamFailedError(502, "upstream_error", status) from None

    async def stream(self, upstream: Upstream, path: str, body: dict[str, Any]) -> StreamedAnswer:
        """Open a streamed call (the status is checked; the lines are read by the caller)."""
        response = await self._open(upstream, path, body, stream=True)
        if response.status >= 400:
            response.close()  # the status says enough; its body is not read
            status = 502 if response.status >= 500 else response.status
            raise UpstreamFailedError(status, "upstream_error", response.status)
        return StreamedAnswer(response)
