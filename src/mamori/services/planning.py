"""The planning workflow: assess a project and write its documents; write a ministry's user's rule."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mamori.content import loader
from mamori.content.loader import LoadedPack
from mamori.content.project import Project
from mamori.content.project_file import load_project
from mamori.documents import FORMATS, Document, Format, build_project_documents, render
from mamori.documents.builders import user_rule as user_rule_builder
from mamori.errors import OutputDirectoryError, PackNotFoundError, Problem, ProjectInvalidError
from mamori.i18n import Lang, t
from mamori.rules import Assessment, evaluate
from mamori.rules.user_rule import RuleFillIns, compose

Progress = Callable[[str], None]


@dataclass(frozen=True)
class AssessedProject:
    project: Project
    loaded: LoadedPack
    assessment: Assessment


def resolve_pack(
    project: Project, file: str, override: str | None, default: str, roots: Sequence[Path]
) -> LoadedPack:
    """The pack named by ``--pack``, else by the project, else the default; unknown → error naming the field."""
    ref = override or project.pack or default
    try:
        return loader.load(ref, roots)
    except PackNotFoundError as missing:
        if override is None and project.pack is not None:
            raise ProjectInvalidError(
                file=file,
                problems=[
                    Problem(
                        "pack",
                        "problem.project_pack",
                        {"ref": ref},
                        tuple(loc.ref for loc in loader.discover(loader.search_roots(roots))),
                    )
                ],
            ) from None
        raise missing from None


def assess_file(
    path: Path, *, pack: str | None = None, default_pack: str = "ds920", roots: Sequence[Path] = ()
) -> AssessedProject:
    project = load_project(path)
    loaded = resolve_pack(project, str(path), pack, default_pack, roots)
    return AssessedProject(project, loaded, evaluate(project, loaded))


def document_file_name(document: Document, fmt: Format) -> str:
    return f"{document.kind}.{document.lang}.{fmt}"


def render_project_documents(
    assessed: AssessedProject,
    *,
    lang: Lang,
    formats: Sequence[Format] = FORMATS,
    day: dt.date,
    contact: str = "",
    progress: Progress | None = None,
) -> dict[str, bytes]:
    """Every document in every format, in memory: nothing touches the disk until all have rendered."""
    contact_text = assessed.project.contact or contact or t("doc.rule.contact_unset", lang)
    documents = build_project_documents(
        assessed.assessment, assessed.loaded.pack, lang, day, contact_text
    )
    files: dict[str, bytes] = {}
    for document in documents:
        for fmt in formats:
            name = document_file_name(document, fmt)
            if progress:
                progress(name)
            files[name] = render(document, fmt)
    files[f"assessment.{lang}.json"] = (
        json.dumps(assessed.assessment.public(lang), ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    return files


def write_files(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write all files or none: stage them beside ``out_dir``, then move each into place.

    A failure while staging leaves ``out_dir`` untouched; files already there that are not being
    replaced are never removed.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".mamori-", dir=out_dir))
    except OSError:
        raise OutputDirectoryError(path=str(out_dir)) from None
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        written = []
        for name in files:
            target = out_dir / name
            os.replace(staging / name, target)
            written.append(target)
        return written
    except OSError:
        raise OutputDirectoryError(path=str(out_dir)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def ministry_rule_files(
    *,
    organization: str,
    contact: str,
    lang: Lang,
    formats: Sequence[Format],
    day: dt.date,
    pack: str,
    roots: Sequence[Path] = (),
) -> dict[str, bytes]:
    loaded = loader.load(pack, roots)
    rule = compose(loaded.pack, "ministry", RuleFillIns(organization=organization, contact=contact))
    document = user_rule_builder.build(rule, lang, day, loaded.ref, organization)
    return {document_file_name(document, fmt): render(document, fmt) for fmt in formats}
