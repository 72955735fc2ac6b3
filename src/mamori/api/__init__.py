"""The REST API (``/api/v1``): thin routes over ``mamori.services.registry``."""
