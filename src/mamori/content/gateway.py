"""The gateway's configuration file (``gateway.yaml``): which upstream models serve each AI system,
where they are, how long text is kept, and the limits. Anything unknown or missing stops the
gateway at start (fail closed); secrets are never in the file, only the names of variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from mamori.content.screening_loader import read_yaml, validate_model
from mamori.content.validation import custom_error
from mamori.errors import GatewayConfigError

Location = Literal["japan", "abroad", "unknown"]
Deployment = Literal["saas-terms", "saas-contract", "government-cloud", "on-premises"]
Retention = Literal["none", "redacted", "full"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Upstream(Strict):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    base_url: HttpUrl
    """The OpenAI-compatible API root, e.g. ``https://example.openai.azure.com/openai/v1``."""
    api_key_env: str | None = None
    """The environment variable holding the upstream's key (never the key itself)."""
    auth_header: Literal["authorization", "api-key"] = "authorization"
    """How the key is sent: ``Authorization: Bearer KEY`` (OpenAI, Azure OpenAI v1, vLLM …) or
    ``api-key: KEY`` (Azure OpenAI's older deployments API)."""
    location: Location
    deployment: Deployment
    ismap_listed: bool | None = None
    models: dict[str, str] = Field(default_factory=dict)
    """Model names staff ask for → the upstream's own names; an empty map passes names through."""
    embeddings: bool = True
    connect_timeout_s: Annotated[float, Field(gt=0, le=60)] = 3.0
    read_timeout_s: Annotated[float, Field(gt=0, le=600)] = 60.0
    """Longest wait for the next bytes of an answer."""
    total_timeout_s: Annotated[float, Field(gt=0, le=3600)] = 600.0
    """Longest a whole answer (also a stream) may take, so a slow drip cannot hold a request."""


class Limits(Strict):
    requests_per_minute: Annotated[int, Field(ge=1)] = 60
    tokens_per_day: Annotated[int, Field(ge=1)] = 200_000


class SystemRoute(Strict):
    system: int
    """The system's id in the registry."""
    upstreams: Annotated[list[Upstream], Field(min_length=1)]
    retention: Retention = "redacted"
    limits: Limits = Limits()


class RiskCaseRule(Strict):
    window_hours: Annotated[float, Field(gt=0)] = 24.0
    """Blocked attempts of one kind by one person on one system within this window are one case."""
    injection_repeats: Annotated[int, Field(ge=1)] = 3
    """Prompt-injection blocks by one person within the window before a case is opened."""


class GatewayConfig(Strict):
    version: Literal[1] = 1
    systems: Annotated[list[SystemRoute], Field(min_length=1)]
    audit_fail_open: bool = False
    """If the audit store is unavailable: refuse every request (default) or serve without audit."""
    redis_url: str | None = None
    """Share rate limits across gateway instances (also ``MAMORI_REDIS_URL``)."""
    risk_cases: RiskCaseRule = RiskCaseRule()
    max_body_bytes: Annotated[int, Field(ge=1024)] = 4 * 1024 * 1024
    hold_back_chars: Annotated[int, Field(ge=64, le=4096)] = 96
    """Characters of a streamed answer held back until what follows shows they are safe."""

    @model_validator(mode="after")
    def _one_route_per_system(self) -> GatewayConfig:
        seen: set[int] = set()
        for route in self.systems:
            if route.system in seen:
                raise custom_error(
                    "system_twice", "system {system} is listed twice", system=route.system
                )
            seen.add(route.system)
        return self

    def route(self, system_id: int) -> SystemRoute | None:
        return next((r for r in self.systems if r.system == system_id), None)


def load_gateway_config(file: Path) -> GatewayConfig:
    return validate_model(
        GatewayConfig, read_yaml(file, GatewayConfigError), file, GatewayConfigError
    )
