"""Numbered migrations, loaded from disk by `store.migrate` (shipped as package data)."""
