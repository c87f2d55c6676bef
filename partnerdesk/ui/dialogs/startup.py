"""Start-up problems: another instance, a damaged database."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from partnerdesk.i18n import _, format_datetime
from partnerdesk.paths import DataPaths
from partnerdesk.services import backups


def already_running(paths: DataPaths) -> None:
    QMessageBox.critical(
        None, "PartnerDesk",
        _("PartnerDesk is already open on this data folder:\n{path}\n\n"
          "Switch to the open window; a database is never opened twice.").format(path=paths.root))


def offer_restore(paths: DataPaths, reason: str, ask=None) -> bool:
    """Explain the damaged database and offer the newest good backup.

    Returns True when a backup was restored (the caller opens the data again).
    `ask(text) -> bool` replaces the dialog in tests.
    """
    good = backups.newest_good(paths)
    if good is None:
        text = _("The PartnerDesk database cannot be read ({reason}) and no usable backup was found in\n"
                 "{folder}.\n\nThe file was left untouched. Contact someone who can help, "
                 "or start with another data folder (--data-dir).").format(reason=reason, folder=paths.backups_dir)
        if ask is None:
            QMessageBox.critical(None, "PartnerDesk", text)
        return False
    text = _("The PartnerDesk database cannot be read ({reason}).\n\n"
             "Restore the newest good backup, from {date}? The damaged file is kept aside, "
             "nothing is deleted.").format(reason=reason, date=format_datetime(good.taken_at))
    if ask is not None:
        accepted = ask(text)
    else:
        accepted = QMessageBox.question(None, "PartnerDesk", text) == QMessageBox.StandardButton.Yes
    if not accepted:
        return False
    backups.restore(paths, good.path, reopen=False)
    return True
