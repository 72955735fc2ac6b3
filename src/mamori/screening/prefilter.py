"""One pass over the text that tells which patterns can possibly match it.

Hyperscan compiles every pattern into one automaton and scans the UTF-8 text once. In prefilter
mode it may report a pattern that then does not match (lookarounds are approximated) but never
misses one that does, so a pattern it does not report is skipped without changing any result.
Without hyperscan (or for a pattern it cannot compile) a pattern simply always runs.

Compiling the database takes seconds, so it is built once and kept in the cache directory
(``MAMORI_CACHE_DIR``, else ``~/.cache/mamori``), keyed by the patterns and the hyperscan version.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

hyperscan: Any
try:
    import hyperscan
except ImportError:  # pragma: no cover - hyperscan ships wheels for the platforms we run on
    hyperscan = None

# Python syntax hyperscan does not take (\N{…}, back-references, conditionals).
_UNSUPPORTED = re.compile(r"\\[UuN]|\\[1-9]|\(\?P=|\(\?\(")
# An escape: \uXXXX and \UXXXXXXXX are written \x{…} for hyperscan; any other stays as it is.
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))", re.DOTALL)
# Python's character classes know Unicode; hyperscan's do only with UCP.
_NEEDS_UNICODE_CLASSES = re.compile(r"\\[wWbBdDsS]")


def _risky_characters() -> list[tuple[int, int]]:
    """Characters on which Python's classes and hyperscan's Unicode classes may disagree: controls
    (Python's \\s takes \x1c–\x1f), format characters, line and paragraph separators, combining
    marks, and digits other than 0–9; and everything outside the BMP. A text holding any of them is
    scanned without the prefilter. As ranges of code points (first, last)."""
    codes = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]
    for code in range(0x80, 0x10000):
        category = unicodedata.category(chr(code))
        if category in {"Cc", "Cf", "Zl", "Zp", "Mn", "Mc", "Me", "Nd", "Cs", "Co"}:
            codes.append(code)
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return [*ranges, (0x10000, 0x10FFFF)]


_RISKY_RANGES = _risky_characters()
_RISKY = re.compile(
    "["
    + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _RISKY_RANGES[:-1])
    + "]|[\U00010000-\U0010ffff]"  # apart: sre tests a class of BMP characters in a bitmap
)


def _risky_for_hyperscan() -> str:
    """The same class for hyperscan, which then tells in its one pass whether a text is risky.
    Surrogates are left out: they cannot be in UTF-8 (the guard replaces lone ones first)."""
    parts: list[tuple[int, int]] = []
    for first, last in _RISKY_RANGES:
        if first < 0xD800:
            parts.append((first, min(last, 0xD7FF)))
        if last > 0xDFFF:
            parts.append((max(first, 0xE000), last))
    return "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in parts) + "]"


_RISKY_HYPERSCAN = _risky_for_hyperscan()
_RISKY_KEY = object()


def cache_dir() -> Path:
    override = os.environ.get("MAMORI_CACHE_DIR")
    return Path(override) if override else Path.home() / ".cache" / "mamori"


class Prefilter:
    def __init__(
        self,
        patterns: Sequence[tuple[Hashable, re.Pattern[str]]],
        on_compile: Callable[[], None] | None = None,
    ) -> None:
        """``on_compile`` is called before a slow compile (no cached database): a front end can
        tell its user why the first start takes a few seconds."""
        self.keys: list[Hashable] = []
        self.risky_id: int | None = None
        self.database: Any = None
        self.scratch: Any = None
        self._local = threading.local()
        if hyperscan is None:
            self.always: frozenset[Hashable] = frozenset(key for key, _ in patterns)
            return
        candidates: list[tuple[Hashable, bytes, int]] = [
            (key, hyperscan_syntax(regex.pattern).encode("utf-8"), _flags(regex))
            for key, regex in patterns
        ]
        # Matched exactly (not in prefilter mode): a character class is no approximation.
        exact = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH
        candidates.append((_RISKY_KEY, _RISKY_HYPERSCAN.encode("ascii"), exact))
        self.database, rejected = _load_or_compile(candidates, on_compile)
        self.always = frozenset(candidates[i][0] for i in rejected if i < len(patterns))
        self.keys = [key for i, (key, _, _) in enumerate(candidates) if i not in rejected]
        self.risky_id = self.keys.index(_RISKY_KEY) if _RISKY_KEY in self.keys else None
        self.scratch = hyperscan.Scratch(self.database) if self.database is not None else None
        # A scratch space serves one scan at a time: each thread gets its own clone.
        self._local = threading.local()

    def possible(self, text: str) -> frozenset[Hashable] | None:
        """Keys of the patterns that may match ``text`` (every other pattern cannot), or None when
        the text holds characters the prefilter cannot judge: then every pattern runs."""
        if self.database is None:
            return None
        if self.risky_id is None and _RISKY.search(text):
            return None
        hits: list[int] = []  # each pattern reports once (SINGLEMATCH)
        found = hits.append

        def on_match(pattern_id: int, _start: int, _end: int, _flags: int, _context: Any) -> None:
            found(pattern_id)

        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = self.scratch.clone()
        self.database.scan(text.encode("utf-8"), match_event_handler=on_match, scratch=scratch)
        if self.risky_id in hits:
            return None
        return self.always.union(map(self.keys.__getitem__, hits))


def hyperscan_syntax(pattern: str) -> str:
    """``pattern`` with Python's \\u and \\U escapes in the \\x{…} form hyperscan reads."""

    def rewrite(escape: re.Match[str]) -> str:
        code = escape.group(1) or escape.group(2)
        return f"\\x{{{code}}}" if code else escape.group(0)

    return _ESCAPE.sub(rewrite, pattern)


def _flags(regex: re.Pattern[str]) -> int:
    flags: int = (
        hyperscan.HS_FLAG_PREFILTER
        | hyperscan.HS_FLAG_UTF8
        | hyperscan.HS_FLAG_SINGLEMATCH
        | hyperscan.HS_FLAG_ALLOWEMPTY
    )
    if _NEEDS_UNICODE_CLASSES.search(regex.pattern) or not regex.pattern.isascii():
        flags |= hyperscan.HS_FLAG_UCP
    if regex.flags & re.IGNORECASE:
        flags |= hyperscan.HS_FLAG_CASELESS
    if regex.flags & re.MULTILINE:
        flags |= hyperscan.HS_FLAG_MULTILINE
    return flags


def _compile(candidates: list[tuple[Hashable, bytes, int]], chosen: list[int]) -> Any:
    database = hyperscan.Database()
    database.compile(
        expressions=[candidates[i][1] for i in chosen],
        ids=list(range(len(chosen))),
        elements=len(chosen),
        flags=[candidates[i][2] for i in chosen],
    )
    return database


def _uncompilable(candidates: list[tuple[Hashable, bytes, int]], chosen: list[int]) -> set[int]:
    """Indices hyperscan refuses, found by halving (the error does not say which one it was)."""
    try:
        _compile(candidates, chosen)
    except Exception:
        if len(chosen) == 1:
            return set(chosen)
        middle = len(chosen) // 2
        return _uncompilable(candidates, chosen[:middle]) | _uncompilable(
            candidates, chosen[middle:]
        )
    return set()


_LOADED: dict[str, tuple[Any, set[int]]] = {}
_LOADED_LOCK = threading.Lock()
"""Databases already built or loaded in this process (guards for several policies share one)."""


def _load_or_compile(
    candidates: list[tuple[Hashable, bytes, int]], on_compile: Callable[[], None] | None = None
) -> tuple[Any, set[int]]:
    """The database for ``candidates`` and the indices it could not take."""
    fingerprint = hashlib.sha256(repr([(e, f) for _, e, f in candidates]).encode("utf-8"))
    fingerprint.update(str(getattr(hyperscan, "__version__", "")).encode())
    name = fingerprint.hexdigest()[:24]
    path = cache_dir() / f"prefilter-{name}.hsdb"
    with _LOADED_LOCK:  # one compile per database, however many threads ask at once
        if name not in _LOADED:
            _LOADED[name] = _build(candidates, path, on_compile)
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # still in use here: other processes' eviction keeps it
        return _LOADED[name]


def _build(
    candidates: list[tuple[Hashable, bytes, int]], path: Path, on_compile: Callable[[], None] | None
) -> tuple[Any, set[int]]:
    """Load the cached database for exactly these candidates, or compile and cache it.

    The cache is one file — a header naming the fingerprint, the rejected patterns and the number
    compiled, then the database — written to a temporary name and moved into place, so a reader
    never sees half of it; a file whose header does not match is ignored."""
    header = {"fingerprint": path.stem, "candidates": len(candidates)}
    loaded = _load(path, header)
    if loaded is not None:
        return loaded
    if on_compile is not None:
        on_compile()
    rejected = {
        i
        for i, (_, expression, _) in enumerate(candidates)
        if _UNSUPPORTED.search(expression.decode())
    }
    chosen = [i for i in range(len(candidates)) if i not in rejected]
    rejected |= _uncompilable(candidates, chosen)
    chosen = [i for i in chosen if i not in rejected]
    if not chosen:
        return None, rejected
    database = _compile(candidates, chosen)
    record = {**header, "rejected": sorted(rejected), "compiled": len(chosen)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(json.dumps(record).encode("ascii") + b"\n" + hyperscan.dumpb(database))
        os.replace(handle.name, path)
        evict(path.parent, keep=path)
    except OSError:
        pass  # a read-only cache directory only costs the compile next time
    return database, rejected


CACHE_FILES_KEPT = 16
"""Databases kept in the cache directory: one per set of patterns (each policy's detectors make
one), each up to ~10 MB. The least recently used go first."""
_STALE_TEMPORARY_S = 3600


def evict(directory: Path, keep: Path) -> None:
    """Delete all but the ``CACHE_FILES_KEPT`` most recently used databases (a load marks a file
    used) and temporary files an interrupted write left behind; never ``keep``."""
    now = time.time()
    databases: list[tuple[float, Path]] = []
    for entry in directory.iterdir():
        try:
            if entry.name.startswith("prefilter-") and entry.suffix == ".hsdb":
                databases.append((entry.stat().st_mtime, entry))
            elif entry.suffix == ".tmp" and now - entry.stat().st_mtime > _STALE_TEMPORARY_S:
                entry.unlink()
        except OSError:
            continue  # another process removed or replaced it meanwhile
    databases.sort(reverse=True)
    for _, old in databases[CACHE_FILES_KEPT:]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def _load(path: Path, header: dict[str, Any]) -> tuple[Any, set[int]] | None:
    try:
        raw = path.read_bytes()
        first, _, blob = raw.partition(b"\n")
        record = json.loads(first)
        if (
            record.get("fingerprint") != header["fingerprint"]
            or record.get("candidates") != header["candidates"]
        ):
            return None
        rejected = {int(i) for i in record["rejected"]}
        if record.get("compiled") != header["candidates"] - len(rejected):
            return None
        database = hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK)
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: eviction keeps the most recently used
        return database, rejected
    except Exception:  # no cache yet, or one from another CPU, version or format: build anew
        return None
