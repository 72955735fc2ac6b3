"""The gateway's ASGI application: OpenAI-compatible routes plus ``/metrics`` and ``/healthz``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from mamori.content.gateway import GatewayConfig, load_gateway_config
from mamori.proxy.gateway import Gateway
from mamori.proxy.upstream import keys_from_environment
from mamori.services.registry.common import Database


def build_gateway(db: Database, config_path: Path) -> Gateway:
    """A gateway for ``config_path``; a bad configuration or a missing key variable stops here."""
    config: GatewayConfig = load_gateway_config(config_path)
    if config.redis_url is None and db.settings.redis_url:
        config = config.model_copy(update={"redis_url": db.settings.redis_url})
    return Gateway(db, config, keys_from_environment(config, str(config_path)))


class GatewayApp:
    """The gateway's ASGI application: the model endpoints go straight to the gateway, everything
    else (``/v1/models``, ``/metrics``, ``/healthz``, lifespan) through Starlette's router.

    The two endpoints every request uses skip the router and Starlette's error middleware: the
    gateway answers every failure itself (OpenAI-shaped, never a traceback), and the layers cost
    about as much per request as a key lookup."""

    def __init__(self, router: Starlette, gateway: Gateway) -> None:
        self.router = router
        self.gateway = gateway
        self.state = router.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            endpoint = _ENDPOINTS.get(scope["path"])
            if endpoint is not None:
                response = await self.gateway.handle(Request(scope, receive), endpoint)
                await response(scope, receive, send)
                return
        await self.router(scope, receive, send)


_ENDPOINTS = {"/v1/chat/completions": "chat", "/v1/embeddings": "embeddings"}


def create_gateway_app(gateway: Gateway) -> GatewayApp:
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await gateway.start()
        try:
            yield
        finally:
            await gateway.stop()

    async def model_endpoint(request: Request) -> Response:
        # GatewayApp answers these before the router; the routes stay so that another method
        # gets 405 and the router alone still serves every endpoint.
        return await gateway.handle(request, _ENDPOINTS[request.url.path])

    async def models(request: Request) -> Response:
        return await gateway.models(request)

    async def metrics(_request: Request) -> Response:
        return Response(gateway.metrics.render(), media_type="text/plain; version=0.0.4")

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    app = Starlette(
        routes=[
            *(Route(path, model_endpoint, methods=["POST"]) for path in _ENDPOINTS),
            Route("/v1/models", models, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.gateway = gateway
    return GatewayApp(app, gateway)


CONFIG_VARIABLE = "MAMORI_GATEWAY_CONFIG"


def app_from_environment() -> GatewayApp:
    """The application of one worker process when ``mamori gateway serve --workers N`` starts
    several: each builds its own gateway from the configuration file and database it is given."""
    import os

    from mamori.settings import Settings

    return create_gateway_app(
        build_gateway(Database.from_settings(Settings()), Path(os.environ[CONFIG_VARIABLE]))
    )
