"""Pure engines of the planning workflow: the High-Risk AI Project Finder, check sheets, users' rules."""

from mamori.rules.assessment import Assessment, evaluate

__all__ = ["Assessment", "evaluate"]
