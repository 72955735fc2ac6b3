"""The one settings object. Every value can come from the environment (``MAMORI_…``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from mamori.i18n import Lang


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAMORI_", extra="ignore")

    lang: Lang = "ja"
    """Language of messages and documents when nothing else says."""
    default_pack: str = "ds920"
    """Pack used when a project names none: a bare id means its newest version."""
    packs: list[Path] = Field(default_factory=list)
    """Extra folders holding agency packs (``<folder>/<id>/<version>/pack.yaml``)."""
    contact: str = ""
    """Default contact desk written into a system's user's rule when the project names none."""
