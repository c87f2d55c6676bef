"""Use cases, one module per area. Transactions live here; callers get plain
domain dataclasses, never peewee rows."""
