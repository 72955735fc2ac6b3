"""Builders: an engine result in, a :class:`~mamori.documents.model.Document` in one language out."""
