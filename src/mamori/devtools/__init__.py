"""Development tools: helpers for building and testing mamori, never used when it serves users.

``fake_llm`` is a deterministic OpenAI-compatible upstream model for gateway tests and benchmarks.
"""
