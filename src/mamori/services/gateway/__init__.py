"""The gateway's use cases: keys bound to a person and a system, the per-system policy, and the
durable, batched audit of every exchange (with automatic risk cases)."""
