"""Use cases: one function per action. Front ends (CLI, API, web) call these and nothing below them."""
