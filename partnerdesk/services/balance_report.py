"""The internal PDF "Bilan interne des partenariats" and the balance table as CSV/ODS."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

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


def write_file(payload: bytes, target: str | os.PathLike) -> Path:
    """Write through a temporary file in the same folder, then rename: never half a file.

    The file is created with the default mode, so it follows the user's umask like any document.
    """
    target = Path(target).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".partnerdesk-{uuid.uuid4().hex}{target.suffix}")
    try:
        with open(temp, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target.resolve()


def suggested_name(year: int | None) -> str:
    period = str(year) if year else _("all years")
    return _("Internal review of partnerships {period}").format(period=period) + ".pdf"
