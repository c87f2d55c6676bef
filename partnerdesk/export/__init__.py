"""PDF renderers: pure functions of prepared data, no database access.

base.py (fonts, esc(), EPN identity page template, "2 / 5"), flowables.py, charts.py,
images.py, and one module per document: dossier.py, bilan.py, partner_sheet.py,
attendance.py, trombinoscope.py. The data they print is prepared by
`partnerdesk.services.documents` (and `services.trombinoscope`).
"""
