"""Every user-facing message exists in Japanese and English, and every key the code uses exists."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from mamori.i18n import LANGS, catalog, t

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "mamori"
_KEY = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_-]+)+$")


def _literal_keys() -> set[str]:
    """String literals passed as the first argument to t(...) or used as message_key/remedy_key."""
    keys: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            first: ast.expr | None = None
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"t", "localized"}:
                first = node.args[0] if node.args else None
            elif isinstance(node, ast.Assign) and any(
                getattr(target, "id", "") in {"message_key", "remedy_key"}
                for target in node.targets
            ):
                first = node.value
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(first.value)
    return keys


def test_every_key_has_both_languages_and_same_fill_ins() -> None:
    for key, texts in catalog().items():
        assert set(texts) == set(LANGS), key
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name}
            for lang in LANGS
        ]
        assert fields[0] == fields[1], f"{key}: fill-ins differ between ja and en"
        assert all(texts[lang].strip() for lang in LANGS), key


def test_every_key_used_in_code_exists() -> None:
    used = {k for k in _literal_keys() if _KEY.match(k)}
    assert len(used) > 50  # the scan itself works
    missing = sorted(used - catalog().keys())
    assert not missing, f"keys used in code but missing from data/i18n/messages.yaml: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_fill_ins_are_applied(lang: str) -> None:
    assert "ds920@9" in t("error.pack_not_found", lang, ref="ds920@9")  # type: ignore[arg-type]


def test_unknown_key_names_the_key() -> None:
    with pytest.raises(KeyError, match=r"no\.such\.key"):
        t("no.such.key", "ja")
