"""Persistence: the only package that imports peewee.

`open_store(paths)` opens (or creates) the SQLite database, backs it up and
migrates it to head. Services use the models and `database` from here.
"""

from partnerdesk.store.db import StoreError, close_store, database, open_store

__all__ = ["StoreError", "close_store", "database", "open_store"]
