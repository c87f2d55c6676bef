"""Emails of a tag or of the filtered list: to the clipboard (for Bcc), or a new message
in the mail client with everyone in Bcc."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from partnerdesk.domain.partners import mailto_bcc
from partnerdesk.i18n import _, ngettext
from partnerdesk.ui.tabs.partners import prompts

# Mail clients (and Windows) refuse very long mailto: links.
MAILTO_LIMIT = 1900


def copy_emails(parent, ctx, emails: list[str]) -> bool:
    if not emails:
        prompts.inform(parent, _("Email addresses"), _("No email address in this list."))
        return False
    QGuiApplication.clipboard().setText(", ".join(emails))
    ctx.signals.status_message.emit(
        ngettext("{count} email address copied: paste it in the Bcc field of your message.",
                 "{count} email addresses copied: paste them in the Bcc field of your message.",
                 len(emails)).format(count=len(emails)))
    return True


def write_bcc(parent, ctx, emails: list[str]) -> bool:
    if not emails:
        prompts.inform(parent, _("Email addresses"), _("No email address in this list."))
        return False
    url = mailto_bcc(emails)
    if len(url) > MAILTO_LIMIT:
        copy_emails(parent, ctx, emails)
        prompts.inform(parent, _("Email addresses"),
                       _("There are too many addresses for the mail client: they were copied instead. "
                         "Paste them in the Bcc field of a new message."))
        return False
    return QDesktopServices.openUrl(QUrl(url))
