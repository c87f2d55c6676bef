"""A card reaching "Convention signée" on the board: is there a signed convention with this partner?
If not, a (window-modal, non-blocking) message says so and offers to open the convention, or to
create it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from partnerdesk.domain.conventions import ConventionStatus
from partnerdesk.domain.projects import PartnerCard
from partnerdesk.i18n import _
from partnerdesk.services import conventions, projects


def check(parent, ctx, card: PartnerCard) -> QMessageBox | None:
    """None when a signed convention exists; else the message box shown (its action button is
    `box.action_button`)."""
    found = conventions.with_partner(card.project_id, card.organisation_id)
    if found and ConventionStatus(found[0].status).is_signed:
        return None
    if found:
        conv = found[0]
        text = _("The card of {partner} is at “Convention signed”, but the convention « {title} » is not signed "
                 "yet (status: {status}).").format(partner=card.organisation_name, title=conv.title,
                                                   status=_(ConventionStatus(conv.status).label))
        action, act = _("Open the convention"), lambda: ctx.signals.open_requested.emit("convention", conv.id)
    else:
        text = _("The card of {partner} is at “Convention signed”, but this project has no convention with "
                 "this partner yet.").format(partner=card.organisation_name)
        action, act = _("Create the convention"), lambda: create(ctx, card)
    box = QMessageBox(parent)
    box.setObjectName("conventionNotSignedBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Convention not signed"))
    box.setText(text)
    box.action_button = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.action_button)
    box.buttonClicked.connect(lambda button: act() if button is box.action_button else None)
    box.open()
    return box


def create(ctx, card: PartnerCard) -> int:
    project = projects.get_project(card.project_id)
    conv = conventions.create_for_partner(
        card.project_id, card.organisation_id,
        _("Convention {project} — {partner}").format(project=project.title if project else "",
                                                     partner=card.organisation_name))
    ctx.signals.data_changed.emit("conventions")
    ctx.signals.open_requested.emit("convention", conv.id)
    return conv.id
