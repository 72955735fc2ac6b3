"""Writes docs/roles.md from ``mamori.services.registry.access.GRANTS`` and the risk-case state
machine, so the table a ministry reads is the policy the code enforces (tests/test_docs.py checks).

Run ``make docs`` (or ``python -m tests.roles_reference``) after changing a grant.
"""

from __future__ import annotations

from pathlib import Path

from mamori.services.registry.access import GRANTS, role_table
from mamori.services.registry.risk_cases import TRANSITIONS

DOC = Path(__file__).resolve().parent.parent / "docs" / "roles.md"

HEADER = """# Roles / ロール

What each role may do in the registry, and where. **Anything not in this table is refused** (deny by
default). Generated from `GRANTS` in `src/mamori/services/registry/access.py` by `make docs`; a test
fails when this page and the code disagree.

各ロールが台帳で何をどの範囲でできるか。**表にない操作はすべて拒否する**（既定で拒否）。
`src/mamori/services/registry/access.py` の `GRANTS` から `make docs` で生成している。

| role | ロール | who |
|---|---|---|
| `caio` | AI統括責任者 | the ministry's Chief AI Officer: sees and decides everything of the ministry |
| `planner` | 企画者 | plans and procures a system: inventory entry, assessments, checklist |
| `provider` | 提供者 | a vendor's engineer: the systems the vendor is contracted for |
| `user` | 利用者 | staff who use a system: read it, acknowledge its rule, report risk cases |
| `board` | アドバイザリーボード | Advisory Board member: consultations and reported risk cases, government-wide |
| `secretariat` | 事務局（デジタル庁） | the Digital Agency's secretariat: reads across ministries, changes nothing |
| `admin` | 管理者 | an organisation's administrator: reads its systems, rules and audit trail (organisations, people and tokens are managed with the `mamori org/user/token` commands) |

Scopes / 範囲:

- `subtree` — objects of the organisation the role is held in and of every organisation under it
  （所属組織とその下位組織）;
- `vendor` — the systems the role's vendor organisation is contracted for, and their objects
  （契約先のシステム）;
- `own` — only what the person reported themselves （本人が報告したもの）;
- `global` — every ministry （全府省庁）.

Beyond the table: a generated document is readable wherever its assessment is (`assessment.read`);
a ministry's users' rule is readable and acknowledgeable by its staff in every bureau and division;
a system's rule is written and published with `rule.write`, the ministry's with `ministry_rule.write`.

An object one may not read is answered with 404, not 403, so its existence is not disclosed. The
command line (`mamori org add`, `mamori demo` …) acts as the local operator: trusted, and audited as
`cli:<login name>`.
"""


def render() -> str:
    roles = list(GRANTS)
    lines = [HEADER, "## Actions / 操作", ""]
    lines.append("| action | " + " | ".join(f"`{r}`" for r in roles) + " |")
    lines.append("|---|" + "---|" * len(roles))
    for action, scopes in role_table():
        lines.append(f"| `{action}` | " + " | ".join(scopes[r] or "—" for r in roles) + " |")
    lines += [
        "",
        "## Risk-case transitions / リスク事案の状態遷移",
        "",
        "Besides `risk_case.transition`, each edge of the state machine belongs to particular roles:",
        "",
        "| from | to | roles |",
        "|---|---|---|",
    ]
    for (source, target), allowed in TRANSITIONS.items():
        lines.append(f"| `{source}` | `{target}` | {', '.join(sorted(allowed))} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
