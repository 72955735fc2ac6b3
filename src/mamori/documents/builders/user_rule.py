"""利用者ルール / user's rule: the ministry's rule for staff, or one system's rule for staff or citizens."""

from __future__ import annotations

import datetime as dt

from mamori.documents.builders.common import cover_name, draft_note
from mamori.documents.dates import format_date
from mamori.documents.model import Bullets, Document, Heading, Paragraph, Table
from mamori.i18n import Lang, t
from mamori.rules.user_rule import ComposedRule


def build(
    rule: ComposedRule, lang: Lang, day: dt.date, pack_ref: str, organization: str
) -> Document:
    blocks: list[Heading | Paragraph | Bullets | Table] = []
    first, last = rule.sections[0].section.id, rule.sections[-1].section.id
    for composed in rule.sections:
        section = composed.section
        blocks.append(
            Heading(
                level=min(composed.depth + 1, 4), text=f"{section.number} {section.title(lang)}"
            )
        )
        # The Model User's Rule opens with its purpose and closes with the contact desk.
        if section.id == first:
            blocks.append(Paragraph(text=rule.purpose(lang)))
        if composed.statements:
            blocks.append(
                Bullets(items=[text(lang) for _, text in composed.statements], numbered=True)
            )
        if section.id == last:
            blocks.append(Paragraph(text=rule.contact(lang)))
    kind = "ministry-user-rule" if rule.kind == "ministry" else "user-rule"
    meta = [
        (t("doc.meta.organization", lang), organization),
        (t("doc.meta.audience", lang), t(f"doc.rule.audience_{rule.kind}", lang)),
        (t("doc.meta.based_on", lang), t("doc.rule.based_on", lang, pack=pack_ref)),
        (t("doc.meta.date", lang), format_date(day, lang)),
    ]
    return Document(
        kind=kind,
        lang=lang,
        title=rule.title(lang),
        meta=meta,
        blocks=blocks,
        draft_note=draft_note(lang),
        cover_name=cover_name(lang),
    )
