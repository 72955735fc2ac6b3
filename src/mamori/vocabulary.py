"""The closed vocabularies of the registry: roles, lifecycle stages, states, statuses.

The database holds each column to its list (CHECK constraints), the API publishes them in its
schema, and the CLI checks options against them — so they sit at the base, below every layer.
The guideline's own vocabularies (risk-case categories) come from the pack.
"""

from __future__ import annotations

from typing import Literal, get_args

Role = Literal["caio", "planner", "provider", "user", "board", "secretariat", "admin"]
OrgKind = Literal["ministry", "bureau", "division", "vendor", "board"]
Lifecycle = Literal["planning", "procurement", "development", "operation", "retired"]
ChecklistStatus = Literal["not_started", "in_specification", "agreed", "verified", "not_applicable"]
Severity = Literal["low", "medium", "high", "critical"]
RiskCaseState = Literal["reported", "triaged", "countermeasure", "board_review", "closed"]
RiskCaseSource = Literal["provider", "user", "gateway", "caio"]
ConsultationStatus = Literal["requested", "advised", "closed"]
CaioDecision = Literal["high_risk", "not_high_risk"]
RuleStatus = Literal["draft", "published", "withdrawn"]

ROLES: tuple[str, ...] = get_args(Role)
ORG_KINDS: tuple[str, ...] = get_args(OrgKind)
LIFECYCLE: tuple[str, ...] = get_args(Lifecycle)
CHECKLIST_STATUSES: tuple[str, ...] = get_args(ChecklistStatus)
SEVERITIES: tuple[str, ...] = get_args(Severity)
RISK_CASE_STATES: tuple[str, ...] = get_args(RiskCaseState)
RISK_CASE_SOURCES: tuple[str, ...] = get_args(RiskCaseSource)
CONSULTATION_STATUSES: tuple[str, ...] = get_args(ConsultationStatus)
CAIO_DECISIONS: tuple[str, ...] = get_args(CaioDecision)
RULE_STATUSES: tuple[str, ...] = get_args(RuleStatus)
