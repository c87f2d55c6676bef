"""Query helpers re-exported for services (which never import peewee themselves)."""

from peewee import JOIN, fn

__all__ = ["JOIN", "fn"]
