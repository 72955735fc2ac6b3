"""Prometheus metrics of one gateway process (``GET /metrics``). Labels never carry text."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

BUCKETS = (0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "mamori_gateway_requests",
            "Requests by endpoint and decision",
            ["endpoint", "decision"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "mamori_gateway_request_seconds",
            "Time from request to response (or first byte)",
            ["endpoint"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.added = Histogram(
            "mamori_gateway_added_seconds",
            "Time spent in the gateway itself (excluding the upstream)",
            ["endpoint"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.upstream_errors = Counter(
            "mamori_gateway_upstream_errors",
            "Upstream failures by kind",
            ["kind"],
            registry=self.registry,
        )
        self.audit_failures = Counter(
            "mamori_gateway_audit_failures",
            "Exchanges whose audit record could not be stored",
            registry=self.registry,
        )
        self.closing_recovered = Counter(
            "mamori_gateway_closing_records_recovered",
            "Closing records of streams written on a retry, after the database refused them",
            registry=self.registry,
        )
        self.closing_lost = Counter(
            "mamori_gateway_closing_records_lost",
            "Closing records of streams given up after retrying (the opening record stands alone)",
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
