"""Find, read, overlay and validate guideline packs.

A pack is a folder ``<root>/<id>/<version>/`` of YAML files whose top-level keys together form one
:class:`~mamori.content.models.Pack`; how the keys are split across files is the author's choice.
A pack whose ``pack.yaml`` names a ``base`` restates only what differs: every item it does not
restate is carried over and marked ``inherited_from``. A pack that does not validate stops the
program with the file, the path inside it and the remedy — never a silent default.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mamori.content.models import Pack, reference_problems
from mamori.errors import PackInvalidError, PackNotFoundError, Problem
from mamori.resources import data_dir

MANIFEST = "pack.yaml"
# Sections whose items carry an id: an overlay replaces or adds items by id.
LIST_SECTIONS = (
    "roles",
    "patterns",
    "axes",
    "checkpoint_groups",
    "checkpoints",
    "contract_areas",
    "contract_items",
    "safety_perspectives",
    "risk_case_categories",
    "warnings",
)


@dataclass(frozen=True)
class PackLocation:
    id: str
    version: str
    path: Path

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


@dataclass(frozen=True)
class LoadedPack:
    """A validated pack with where it came from and the hash of its content."""

    pack: Pack
    path: Path
    content_hash: str

    @property
    def ref(self) -> str:
        return self.pack.ref


def builtin_root() -> Path:
    return data_dir() / "guidelines"


def search_roots(extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """Built-in packs first, then ``extra`` (``--packs`` and ``MAMORI_PACKS``, via the settings)."""
    return (builtin_root(), *extra)


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in version.split("."))


def discover(roots: Iterable[Path]) -> list[PackLocation]:
    """Every ``<root>/<id>/<version>/pack.yaml``, sorted by id then version (oldest first)."""
    found: dict[str, PackLocation] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for manifest in sorted(root.glob(f"*/*/{MANIFEST}")):
            location = PackLocation(
                manifest.parent.parent.name, manifest.parent.name, manifest.parent
            )
            found.setdefault(location.ref, location)
    return sorted(found.values(), key=lambda loc: (loc.id, version_key(loc.version)))


def split_ref(ref: str) -> tuple[str, str | None]:
    pack_id, _, version = ref.partition("@")
    return pack_id, version or None


def locate(ref: str, roots: Sequence[Path]) -> PackLocation:
    """The pack ``id@version``; a bare ``id`` means its newest version."""
    pack_id, version = split_ref(ref)
    candidates = [loc for loc in discover(roots) if loc.id == pack_id]
    if version is not None:
        candidates = [loc for loc in candidates if loc.version == version]
    if not candidates:
        known = ", ".join(loc.ref for loc in discover(roots)) or "-"
        raise PackNotFoundError(ref=ref, known=known)
    return candidates[-1]


def load(ref: str, extra_roots: Sequence[Path] = ()) -> LoadedPack:
    """Load and validate the pack ``ref`` (``ds920@2.0``, or ``ds920`` for the newest)."""
    roots = search_roots(extra_roots)
    return load_path(locate(ref, roots).path, tuple(roots))


def load_path(path: Path, roots: Sequence[Path] = ()) -> LoadedPack:
    """Load and validate the pack in folder ``path`` (its base is looked up in ``roots`` and next to it)."""
    return _load_cached(path.resolve(), tuple(roots) or search_roots())


@cache
def _load_cached(path: Path, roots: tuple[Path, ...]) -> LoadedPack:
    raw, origins = _read_merged(path, (*roots, path.parent.parent), chain=())
    try:
        pack = Pack.model_validate(raw, context={"defer_reference_check": True})
    except ValidationError as invalid:
        raise PackInvalidError(
            path=str(path),
            problems=[
                _problem(tuple(err["loc"]), _pydantic_message(err), origins, raw)
                for err in invalid.errors()
            ],
        ) from None
    broken = reference_problems(pack)
    if broken:
        raise PackInvalidError(
            path=str(path),
            problems=[_problem(loc, message, origins, raw) for loc, message in broken],
        )
    canonical = json.dumps(pack.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    digest = "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return LoadedPack(pack=pack, path=path, content_hash=digest)


# origins: (top-level key, list index or None) -> file that supplied it
Origins = dict[tuple[str, int | None], Path]


def _read_merged(
    path: Path, roots: tuple[Path, ...], chain: tuple[Path, ...]
) -> tuple[dict[str, Any], Origins]:
    if path in chain:
        raise PackInvalidError(
            path=str(path),
            problems=[Problem(f"{path / MANIFEST}: base", "problem.pack_base_cycle")],
        )
    own, own_origins = _read_folder(path)
    info = own.get("pack")
    base_ref = info.get("base") if isinstance(info, dict) else None
    if not base_ref:
        return own, own_origins
    base_path = locate(str(base_ref), roots).path.resolve()
    base, base_origins = _read_merged(base_path, roots, (*chain, path))
    return _overlay(base, base_origins, own, own_origins, str(base_ref))


def _read_folder(path: Path) -> tuple[dict[str, Any], Origins]:
    if not (path / MANIFEST).is_file():
        raise PackInvalidError(
            path=str(path), problems=[Problem(str(path / MANIFEST), "problem.pack_no_manifest")]
        )
    merged: dict[str, Any] = {}
    origins: Origins = {}
    for file in sorted(path.glob("*.yaml")):
        data = _read_yaml(file)
        for key, value in data.items():
            if (key, None) in origins:
                raise PackInvalidError(
                    path=str(path),
                    problems=[
                        Problem(
                            f"{file}: {key}",
                            "problem.pack_key_twice",
                            {"other": str(origins[(key, None)])},
                        )
                    ],
                )
            merged[key] = value
            origins[(key, None)] = file
            if isinstance(value, list):
                for index in range(len(value)):
                    origins[(key, index)] = file
    return merged, origins


def _read_yaml(file: Path) -> dict[str, Any]:
    try:
        with file.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except yaml.MarkedYAMLError as broken:
        mark = broken.problem_mark
        where = f"{file}: line {mark.line + 1}, column {mark.column + 1}" if mark else str(file)
        raise PackInvalidError(
            path=str(file.parent),
            problems=[Problem(where, "problem.yaml_syntax", {"detail": str(broken.problem)})],
        ) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as unreadable:
        raise PackInvalidError(
            path=str(file.parent),
            problems=[
                Problem(str(file), "problem.file_unreadable", {"detail": type(unreadable).__name__})
            ],
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackInvalidError(
            path=str(file.parent), problems=[Problem(str(file), "problem.pack_file_not_mapping")]
        )
    return data


def _overlay(
    base: dict[str, Any],
    base_origins: Origins,
    own: dict[str, Any],
    own_origins: Origins,
    base_ref: str,
) -> tuple[dict[str, Any], Origins]:
    manifest = own.get("pack")
    info: dict[str, Any] = manifest if isinstance(manifest, dict) else {}
    removed = set(info.get("removed") or [])
    base_ids = {
        item.get("id")
        for key in LIST_SECTIONS
        for item in (base.get(key) or [])
        if isinstance(item, dict)
    }
    unknown = [
        Problem(
            f"{own_origins[('pack', None)]}: pack.removed[{i}]",
            "problem.pack_removed_unknown",
            {"id": str(item_id)},
        )
        for i, item_id in enumerate(info.get("removed") or [])
        if item_id not in base_ids
    ]
    if unknown:
        raise PackInvalidError(path=str(own_origins[("pack", None)].parent), problems=unknown)
    merged: dict[str, Any] = {}
    origins: Origins = {}
    for key in {*base, *own}:
        if key == "pack":
            merged[key] = own.get(key)
            origins[(key, None)] = own_origins.get((key, None), base_origins[(key, None)])
        elif key in LIST_SECTIONS and isinstance(base.get(key), list):
            merged[key], section_origins = _overlay_list(
                key, base[key], base_origins, own.get(key) or [], own_origins, removed, base_ref
            )
            origins.update(section_origins)
            origins[(key, None)] = own_origins.get((key, None), base_origins[(key, None)])
        elif key in own:
            merged[key] = own[key]
            origins.update({k: v for k, v in own_origins.items() if k[0] == key})
        else:
            merged[key] = _inherit(base[key], base_ref, key)
            origins.update({k: v for k, v in base_origins.items() if k[0] == key})
    return merged, origins


def _overlay_list(
    key: str,
    base_items: list[Any],
    base_origins: Origins,
    own_items: list[Any],
    own_origins: Origins,
    removed: set[str],
    base_ref: str,
) -> tuple[list[Any], Origins]:
    own_by_id = {item.get("id"): i for i, item in enumerate(own_items) if isinstance(item, dict)}
    items: list[Any] = []
    origins: Origins = {}
    used: set[int] = set()
    for index, item in enumerate(base_items):
        item_id = item.get("id") if isinstance(item, dict) else None
        if item_id in removed:
            continue
        if item_id in own_by_id:
            own_index = own_by_id[item_id]
            used.add(own_index)
            origins[(key, len(items))] = own_origins[(key, own_index)]
            items.append(own_items[own_index])
        else:
            origins[(key, len(items))] = base_origins[(key, index)]
            items.append(_inherit(item, base_ref))
    for own_index, item in enumerate(own_items):
        if own_index not in used:
            origins[(key, len(items))] = own_origins[(key, own_index)]
            items.append(item)
    return items, origins


# Items nested inside a single section that carry provenance of their own.
NESTED_ITEMS = {"user_rule": ("statements",)}


def _inherit(value: Any, base_ref: str, section: str | None = None) -> Any:
    """Mark an item carried over from the base pack, keeping the pack it first came from."""
    if not (isinstance(value, dict) and "id" in value and "basis" in value):
        return value
    marked = {**value, "inherited_from": value.get("inherited_from") or base_ref}
    for key in NESTED_ITEMS.get(section or "", ()):
        if isinstance(marked.get(key), list):
            marked[key] = [_inherit(item, base_ref) for item in marked[key]]
    return marked


def _problem(loc: tuple[Any, ...], message: str, origins: Origins, raw: dict[str, Any]) -> Problem:
    file: Path | None = None
    if loc:
        index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
        file = origins.get((str(loc[0]), index)) or origins.get((str(loc[0]), None))
    else:
        file = origins.get(("pack", None))
    path = _format_loc(loc, raw)
    where = f"{file}: {path}" if file else path
    return Problem(where, "problem.pack_field", {"detail": message})


def _format_loc(loc: tuple[Any, ...], raw: dict[str, Any]) -> str:
    text = ""
    node: Any = raw
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                text += f"({node['id']})"
        else:
            text += ("." if text else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text or "(pack)"


def _pydantic_message(error: Any) -> str:
    message = str(error.get("msg", "invalid"))
    if error.get("type") == "extra_forbidden":
        return "unknown key (not part of the pack format)"
    if error.get("type") == "missing":
        return "required key is missing"
    return message.removeprefix("Value error, ")
