"""Bringing data out: organisations and people to CSV / .ods / vCard, the
agenda to iCalendar, letters to a group as one PDF. The full archive is in
`services/archive.py`."""
