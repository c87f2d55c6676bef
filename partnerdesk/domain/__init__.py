"""Plain dataclasses, enums and rules of the EPN's partnership practice.

Imports nothing of the project but itself; no Qt, no peewee.
"""
