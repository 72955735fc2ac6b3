"""The guard: finds personal data, classification markings, secrets, harmful and out-of-scope content."""
