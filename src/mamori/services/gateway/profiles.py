"""What the gateway needs to know about one AI system: its project, the policy derived from it,
and a guard built for that policy — cached per system version, rebuilt when the system changes."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from mamori.content import loader
from mamori.content.project import Project
from mamori.content.screening import Policy
from mamori.content.screening_loader import load_screening
from mamori.db.models import AISystem
from mamori.rules import evaluate
from mamori.screening.derive import derive
from mamori.screening.guard import Guard
from mamori.screening.memo import FindingsMemo
from mamori.services.registry.common import Database, not_found
from mamori.services.registry.systems import validated_project


@dataclass(frozen=True)
class SystemProfile:
    system_id: int
    version: int
    project: Project
    policy: Policy
    guard: Guard


class Profiles:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[int, SystemProfile] = {}
        self._lock = threading.Lock()

    def current_version(self, system_id: int) -> int | None:
        with self.db.read() as session:
            system = session.get(AISystem, system_id)
            return system.version if system is not None else None

    def cached(self, system_id: int, version: int) -> SystemProfile | None:
        profile = self._cache.get(system_id)
        return profile if profile is not None and profile.version == version else None

    def get(self, system_id: int, version: int) -> SystemProfile:
        cached = self._cache.get(system_id)
        if cached is not None and cached.version == version:
            return cached
        with self._lock:
            cached = self._cache.get(system_id)
            if cached is None or cached.version != version:
                cached = self._build(system_id)
                self._cache[system_id] = cached
            return cached

    def _build(self, system_id: int) -> SystemProfile:
        with self.db.read() as session:
            system = session.get(AISystem, system_id)
            if system is None:
                raise not_found("system", system_id)
            project = validated_project(system.project)
            version = system.version
        settings = self.db.settings
        loaded = loader.load(project.pack or settings.default_pack, settings.packs)
        data = load_screening()
        policy = derive(project, evaluate(project, loaded).facts, loaded.pack, data)
        # Each turn of a chat sends the conversation again: its earlier messages are remembered.
        guard = Guard(policy, data, memo=FindingsMemo())
        return SystemProfile(system_id, version, project, policy, guard)
