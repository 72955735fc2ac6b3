"""The gateway: an OpenAI-compatible proxy that enforces each system's user's rule."""
