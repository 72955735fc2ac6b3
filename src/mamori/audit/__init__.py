"""The append-only, hash-chained audit trail shared by the registry and the gateway."""
