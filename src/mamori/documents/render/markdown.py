"""Markdown: for review in a repository or a pull request, and for pasting into other tools."""

from __future__ import annotations

from mamori.documents.model import Bullets, Document, Heading, Paragraph, Table


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render_markdown(document: Document) -> bytes:
    lines = [f"# {document.title}", ""]
    if document.draft_note:
        lines += [f"> {document.draft_note}", ""]
    for key, value in document.meta:
        lines.append(f"- **{key}**: {value}")
    if document.meta:
        lines.append("")
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["#" * (block.level + 1) + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            prefix = {"normal": "", "note": "> ", "warning": "> **!** "}[block.emphasis]
            lines += [prefix + line for line in block.text.splitlines()] + [""]
        elif isinstance(block, Bullets):
            for index, item in enumerate(block.items, start=1):
                marker = f"{index}." if block.numbered else "-"
                lines.append(f"{marker} {item}")
            lines.append("")
        elif isinstance(block, Table):
            if block.caption:
                lines += [f"**{block.caption}**", ""]
            lines.append("| " + " | ".join(_cell(c.title) for c in block.columns) + " |")
            lines.append("|" + "|".join("---" for _ in block.columns) + "|")
            lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in block.rows]
            lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
