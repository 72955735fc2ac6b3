"""Detector families. Each module registers a factory for one ``kind`` of recogniser in the data;
the built-ins use the same mechanism an extension would (``register``)."""

from mamori.screening.detectors.base import Detector, build, register

# Importing the family modules registers them.
from mamori.screening.detectors import lexicon, pattern, person, scope  # noqa: F401  isort: skip

__all__ = ["Detector", "build", "register"]
