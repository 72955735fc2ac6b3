"""The ``mamori`` command line: parse, call a service, print. No business logic lives here."""
