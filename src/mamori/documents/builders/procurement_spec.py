"""調達仕様書 生成AI関連要件 案 / procurement specification draft: the included requirements and clauses."""

from __future__ import annotations

import datetime as dt

from mamori.content.models import Pack
from mamori.documents.builders.common import cover_name, draft_note, project_meta
from mamori.documents.model import Bullets, Document, Heading, Paragraph, Table
from mamori.i18n import Lang, t
from mamori.rules import Assessment


def build(assessment: Assessment, pack: Pack, lang: Lang, day: dt.date) -> Document:
    project = assessment.project
    pattern = next(p for p in pack.patterns if p.key == project.procurement_pattern)
    included = {e.id for e in assessment.procurement_checkpoints if e.included}
    blocks: list[Heading | Paragraph | Bullets | Table] = [
        Heading(level=1, text=t("doc.spec.h_outline", lang)),
        Paragraph(
            text=t("doc.spec.outline", lang, system=project.name, organization=project.organization)
        ),
        Paragraph(text=t("doc.spec.purpose_label", lang) + project.purpose),
        Paragraph(text=t("doc.spec.pattern_label", lang) + pattern.title(lang)),
        Paragraph(text=pattern.check_sheet_use(lang), emphasis="note"),
    ]
    number = 1
    for group in pack.checkpoint_groups:
        members = [
            cp
            for cp in sorted(pack.checkpoints, key=lambda c: c.number)
            if cp.group == group.id and cp.id in included
        ]
        if not members:
            continue
        number += 1
        blocks.append(Heading(level=1, text=f"{number}. {group.title(lang)}"))
        for cp in members:
            blocks += [
                Heading(
                    level=2,
                    text=t(
                        "doc.spec.checkpoint_heading", lang, n=str(cp.number), title=cp.title(lang)
                    ),
                ),
                Paragraph(text=cp.requirement(lang)),
                Paragraph(text=t("doc.spec.evidence_label", lang)),
                Bullets(items=[e(lang) for e in cp.evidence]),
            ]
    clauses = [
        item
        for item in sorted(pack.contract_items, key=lambda c: c.number)
        if any(e.id == item.id and e.included for e in assessment.contract_items)
    ]
    if clauses:
        number += 1
        blocks += [
            Heading(level=1, text=f"{number}. {t('doc.spec.h_contract', lang)}"),
            Paragraph(text=t("doc.spec.contract_intro", lang)),
        ]
        for area in pack.contract_areas:
            in_area = [c for c in clauses if c.area == area.id]
            if in_area:
                blocks += [
                    Heading(level=2, text=area.title(lang)),
                    Bullets(items=[c.clause(lang) for c in in_area], numbered=True),
                ]
    excluded = [e for e in assessment.procurement_checkpoints if not e.included]
    if excluded:
        blocks += [
            Heading(level=1, text=t("doc.spec.h_excluded", lang)),
            Paragraph(text=t("doc.spec.excluded_intro", lang), emphasis="note"),
            Bullets(items=[f"({e.number}) {e.title(lang)} — {e.why(lang)}" for e in excluded]),
        ]
    return Document(
        kind="procurement-spec",
        lang=lang,
        title=t("doc.spec.title", lang),
        meta=project_meta(project, assessment.pack, day, lang),
        blocks=blocks,
        draft_note=draft_note(lang),
        cover_name=cover_name(lang),
    )
