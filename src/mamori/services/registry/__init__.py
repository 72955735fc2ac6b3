"""The registry's use cases: one function per action, one transaction each, every write audited.

Each function takes the database, the acting person (``Actor``) and typed input, checks what the
actor may do (``access``), and returns typed ``…Public`` models that the API and the CLI render.
"""
