"""The one settings object. Every value can come from the environment (``MAMORI_…``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from mamori.i18n import Lang


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAMORI_", extra="ignore")

    lang: Lang = "ja"
    """Language of messages and documents when nothing else says."""
    default_pack: str = "ds920"
    """Pack used when a project names none: a bare id means its newest version."""
    packs: Annotated[list[Path], NoDecode] = Field(default_factory=list)
    """Extra folders holding agency packs (``<folder>/<id>/<version>/pack.yaml``).

    ``MAMORI_PACKS`` is a search path like ``PATH``: folders separated by ``os.pathsep``.
    """
    database_url: str = "sqlite:///mamori.db"
    """Where the registry lives: a SQLite file (default, relative to the working directory) or
    ``postgresql+psycopg://user@host/db`` for a shared, multi-instance deployment."""
    redis_url: str | None = None
    """Redis for sharing the gateway's rate limits across instances (``MAMORI_REDIS_URL``)."""
    contact: str = ""
    """Default contact desk written into a system's user's rule when the project names none."""

    @field_validator("packs", mode="before")
    @classmethod
    def _split_search_path(cls, value: object) -> object:
        if isinstance(value, str):
            return [Path(part) for part in value.split(os.pathsep) if part]
        return value
