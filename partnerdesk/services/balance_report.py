"""The internal PDF "Bilan interne des partenariats" and the balance table as CSV/ODS."""

from __future__ import annotations

from partnerdesk.i18n import _, document_language
from partnerdesk.services import balance, settings
from partnerdesk.services.exports.tabular import csv_bytes, ods_bytes


def render_internal(year: int | None) -> tuple[bytes, str]:
    """The PDF bytes and its title."""
    from partnerdesk.export.internal_balance import InternalBalanceDocument

    with document_language(settings.document_language()):  # like every other document, whatever the screens
        document = InternalBalanceDocument(balance.internal_report(year), settings.identity())
        return document.render(), document.title()


def table_bytes(fmt: str, year: int | None, project_id: int | None = None) -> bytes:
    headers, cells = balance.table(balance.balance_rows(year, project_id))
    if fmt == "csv":
        return csv_bytes(headers, cells)
    if fmt == "ods":
        return ods_bytes(headers, cells, sheet=_("Partnerships balance"))
    raise ValueError(fmt)


def suggested_name(year: int | None) -> str:
    period = str(year) if year else _("all years")
    return _("Internal review of partnerships {period}").format(period=period) + ".pdf"
