"""Start-up problems: another instance, a damaged database."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from partnerdesk.i18n import _, format_datetime
from partnerdesk.paths import DataPaths
from partnerdesk.services import backups, data, health


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
        text = reason + "\n\n" + _("No usable backup was found in\n{folder}.\n\nThe data folder was left "
                                   "untouched. Contact someone who can help, or start with another data folder "
                                   "(--data-dir).").format(folder=paths.backups_dir)
        if ask is None:
            QMessageBox.critical(None, "PartnerDesk", text)
        return False
    text = reason + "\n\n" + _("Restore the newest good backup, from {date}? What is there now is kept "
                               "aside, nothing is deleted.").format(date=format_datetime(good.taken_at, seconds=True))
    if ask is not None:
        accepted = ask(text)
    else:
        accepted = QMessageBox.question(None, "PartnerDesk", text) == QMessageBox.StandardButton.Yes
    if not accepted:
        return False
    try:
        backups.restore(paths, good.path, reopen=False)
    except (backups.BackupError, OSError) as exc:
        text = _("The backup could not be restored: {reason}").format(reason=failure_text(exc))
        if ask is None:
            cannot_start(paths, text)
        return False
    return True


def failure_text(exc: BaseException) -> str:
    """What a start-up failure means for the user: a full disk, a lock, a read-only place, or
    the technical reason (the details are in the log)."""
    return health.describe_failure(exc) or _("The data cannot be opened: {reason}").format(
        reason=getattr(exc, "strerror", None) or exc)


def cannot_start(paths: DataPaths, text: str) -> None:
    QMessageBox.critical(None, "PartnerDesk", text + "\n\n" + _("Your data was left untouched in\n{folder}.")
                         .format(folder=paths.root))


def offer_read_only(paths: DataPaths, text: str, ask=None) -> bool:
    """The data can be shown but not changed: ask whether to open it read-only."""
    question = text + "\n\n" + _("Open it read-only, to look up and export what is there?")
    if ask is not None:
        return ask(question)
    return QMessageBox.question(None, "PartnerDesk", question) == QMessageBox.StandardButton.Yes


def show_folder_notices(window, folder: data.DataFolder) -> None:
    """Lines at the top of the window for what happened while opening."""
    if folder.read_only:
        window.notices.add(_("Read-only: the data folder or the database cannot be written. You can look up and "
                             "export the data; changes will be refused."), "info")
    for warning in folder.warnings:
        backup_failed_notice(window, warning)


def backup_failed_notice(window, warning: str) -> None:
    window.notices.add(warning + " " + _("Your data is safe; make a backup from File → Backups once the "
                                         "problem is solved."))
