"""Where mamori's bundled data lives, whether run from a checkout or from an installed wheel."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """The folder holding guideline packs, message catalogues and other versioned data.

    A wheel carries the data as ``mamori/_data``; a source checkout (also an editable install) has it
    at the repository root. ``MAMORI_DATA_DIR`` overrides both, for a ministry that ships its own.
    """
    override = os.environ.get("MAMORI_DATA_DIR")
    if override:
        return Path(override)
    bundled = _PACKAGE_DIR / "_data"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent.parent / "data"
