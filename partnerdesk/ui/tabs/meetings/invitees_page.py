"""Who is invited and what they answered: invite one by one, from a tag, the project's
partners or the relais; mark the answers and the attendance; the emails for Bcc or the mail
client; the invitation letters; the émargement sheet."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.dataio import LetterTemplateData
from partnerdesk.domain.meetings import Answer
from partnerdesk.i18n import _, document_language, ngettext
from partnerdesk.services import partners, settings, tags
from partnerdesk.services.exports.letters import LetterError
from partnerdesk.services.meetings import invitations
from partnerdesk.services.meetings import letters as meeting_letters
from partnerdesk.ui.dialogs.letters_dialog import letters_written_text
from partnerdesk.ui.dialogs import file_output
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.models.meetings import InviteeTableModel
from partnerdesk.ui.tabs.projects.fields import table
from partnerdesk.ui.widgets.export_runner import ExportRunner
from partnerdesk.ui.widgets.form import push_button


MAILTO_LIMIT = 2000


class InviteesPage(QWidget):
    changed = Signal()  # the list or an answer changed (the tab's list refreshes)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.project_id: int | None = None
        self.opener = QDesktopServices.openUrl
        self.model = InviteeTableModel(self)
        self.view = table(self.model, "inviteesTable")
        self.view.setSelectionMode(self.view.SelectionMode.ExtendedSelection)
        self.message = QLabel()
        self.message.setObjectName("inviteesMessage")
        self.message.setWordWrap(True)

        invite = QGroupBox(_("Invite"))
        self.pick = QComboBox()
        self.pick.setObjectName("invitePick")
        self.pick.setEditable(True)
        self.pick.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pick.lineEdit().setPlaceholderText(_("An organisation or a person…"))
        one = push_button(_("Invite"), "inviteOne", self.invite_picked)
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("inviteTagCombo")
        from_tag = push_button(_("Invite the tag"), "inviteTag", self.invite_tag)
        self.project_button = push_button(_("Invite the project's partners"), "inviteProject", self.invite_project)
        relais = push_button(_("Invite the relays"), "inviteRelais", self.invite_relais,
                             tooltip=_("Every person marked as a relay, who carries the EPN's message in their network"))
        grid = QFormLayout(invite)
        row = QHBoxLayout()
        row.addWidget(self.pick, 1)
        row.addWidget(one)
        grid.addRow(_("One by one"), row)
        row = QHBoxLayout()
        row.addWidget(self.tag_combo, 1)
        row.addWidget(from_tag)
        grid.addRow(_("From a tag"), row)
        row = QHBoxLayout()
        row.addWidget(self.project_button)
        row.addWidget(relais)
        row.addStretch(1)
        grid.addRow("", row)

        answers = QHBoxLayout()
        answers.addWidget(QLabel(_("Answer of the selected:")))
        for answer in Answer:
            button = QPushButton(_(answer.label))
            button.setObjectName(f"answer_{answer.value}")
            button.clicked.connect(lambda _c=False, a=answer.value: self.set_answer(a))
            answers.addWidget(button)
        remove = push_button(_("Remove"), "removeInvitee", self.remove_selected)
        answers.addStretch(1)
        answers.addWidget(remove)

        outputs = QHBoxLayout()
        for name, text, slot in (("copyEmails", _("Copy the emails (Bcc)"), self.copy_emails),
                                 ("mailClient", _("Write in the mail client"), self.open_mail_client),
                                 ("invitationLetters", _("Invitation letters…"), self.letters),
                                 ("attendanceSheet", _("Attendance sheet…"), self.attendance_sheet)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            outputs.addWidget(button)
        outputs.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(invite)
        layout.addWidget(self.view, 1)
        layout.addLayout(answers)
        layout.addLayout(outputs)
        layout.addWidget(self.message)

    # --- loading ----------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None, project_id: int | None) -> None:
        self.meeting_id, self.project_id = meeting_id, project_id
        self.setEnabled(meeting_id is not None)
        self.project_button.setEnabled(project_id is not None)
        self.message.clear()
        self.reload_choices()
        self.refresh()

    def reload_choices(self) -> None:
        self.pick.clear()
        for row in partners.list_organisations():
            self.pick.addItem(row.name, ("organisation", row.id))
        for person in partners.list_people():
            label = f"{person.full_name} ({', '.join(person.organisations)})" if person.organisations \
                else person.full_name
            self.pick.addItem(label, ("person", person.id))
        self.pick.setCurrentIndex(-1)
        completer = self.pick.completer()
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_combo.clear()
        for tag in tags.list_tags():
            self.tag_combo.addItem(tag.name, tag.id)

    def refresh(self) -> None:
        self.model.set_rows(invitations.invitees_of(self.meeting_id) if self.meeting_id else [])

    def selected(self) -> list:
        return [self.model.row_at(i.row()) for i in self.view.selectionModel().selectedRows()]

    # --- inviting ---------------------------------------------------------------------

    def _added(self, result) -> None:
        text = ngettext("{count} invitee added", "{count} invitees added", result.added).format(count=result.added)
        if result.already:
            text += " " + ngettext("({count} was already invited)", "({count} were already invited)",
                                   result.already).format(count=result.already)
        self.message.setText(text)
        self.refresh()
        self.changed.emit()

    def invite_picked(self) -> None:
        index = self.pick.findText(self.pick.currentText())
        data = self.pick.itemData(index) if index >= 0 else None
        if not data:
            self.message.setText(_("Choose an organisation or a person in the list."))
            return
        kind, item_id = data
        self._added(invitations.invite(self.meeting_id, [item_id] if kind == "organisation" else [],
                                       [item_id] if kind == "person" else []))
        self.pick.setCurrentIndex(-1)

    def invite_tag(self) -> None:
        if self.tag_combo.currentData() is None:
            self.message.setText(_("No tags yet: create them with “Tags…” under the list."))
            return
        self._added(invitations.invite_tag(self.meeting_id, self.tag_combo.currentData()))

    def invite_project(self) -> None:
        if self.project_id is not None:
            self._added(invitations.invite_project_partners(self.meeting_id, self.project_id))

    def invite_relais(self) -> None:
        self._added(invitations.invite_relais(self.meeting_id))

    # --- answers ----------------------------------------------------------------------

    def set_answer(self, answer: str) -> None:
        chosen = self.selected()
        if not chosen:
            self.message.setText(_("Select one or more invitees in the list first."))
            return
        invitations.set_answers(self.meeting_id, {i.id: answer for i in chosen})
        ids = {i.id for i in chosen}
        self.refresh()
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id in ids:
                self.view.selectionModel().select(self.model.index(row, 0), self.view.selectionModel().SelectionFlag
                                                  .Select | self.view.selectionModel().SelectionFlag.Rows)
        self.ctx.signals.data_changed.emit("interactions")  # the journal entry of those present
        self.changed.emit()

    def remove_selected(self) -> None:
        for invitee in self.selected():
            invitations.remove_invitee(invitee.id)
        self.refresh()
        self.ctx.signals.data_changed.emit("interactions")
        self.changed.emit()

    # --- outputs ----------------------------------------------------------------------

    def copy_emails(self) -> list[str]:
        found, missing = invitations.emails(self.meeting_id)
        QGuiApplication.clipboard().setText(", ".join(found))
        text = ngettext("{count} address copied: paste it in the Bcc field.",
                        "{count} addresses copied: paste them in the Bcc field.", len(found)).format(count=len(found))
        if missing:
            text += " " + _("Without an email: {names}").format(names=", ".join(missing))
        self.message.setText(text)
        return found

    def open_mail_client(self) -> None:
        found, missing = invitations.emails(self.meeting_id)
        if not found:
            self.message.setText(_("Nobody on the list has an email address."))
            return
        link = invitations.mailto(found)
        if len(link) > MAILTO_LIMIT:  # some mail clients (and Windows) cut longer links
            self.copy_emails()
            self.message.setText(self.message.text() + " " + _(
                "The list is too long to open the mail client with it: the addresses were copied instead."))
            return
        self.opener(QUrl(link))
        if missing:
            self.message.setText(_("Without an email: {names}").format(names=", ".join(missing)))

    def letters(self) -> None:
        InvitationLettersDialog(self.ctx, self.meeting_id, self).exec()

    def attendance_sheet(self) -> None:
        ExportRunner(self.ctx, self).export("meeting_attendance", self.meeting_id, title=self.window_title())

    def window_title(self) -> str:
        from partnerdesk.services import meetings

        meeting = meetings.get_meeting(self.meeting_id) if self.meeting_id else None
        return meeting.title if meeting else ""


class InvitationLettersDialog(QDialog):
    """The invitation's text (merge fields filled per invitee), then one PDF of addressed letters."""

    def __init__(self, ctx, meeting_id: int, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.setObjectName("invitationLettersDialog")
        self.setWindowTitle(_("Invitation letters"))
        self.resize(700, 560)
        with document_language(settings.document_language()):  # the letter's language, whole
            template = meeting_letters.default_template()
        self.subject = QLineEdit(template.subject)
        self.subject.setObjectName("invitationSubject")
        self.body = QPlainTextEdit(template.body)
        self.body.setObjectName("invitationBody")
        fields = ", ".join("{" + f + "}" for f in (*meeting_letters.MEETING_FIELDS, "nom_complet", "organisation",
                                                   "epn"))
        hint = QLabel(_("Fields filled for each invitee: {fields}").format(fields=fields))
        hint.setWordWrap(True)
        self.path = QLineEdit(str(file_output.export_folder(ctx.settings) / (_("Invitations") + ".pdf")))
        self.path.setObjectName("invitationPath")
        self.message = file_output.MessageLine("invitationMessage")
        self.make_button = push_button(_("Create the PDF"), "invitationMake", self.make)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        form = QFormLayout()
        form.addRow(_("Subject"), self.subject)
        form.addRow(_("Letter"), self.body)
        form.addRow("", hint)
        form.addRow(_("File"), file_output.save_path_row(self, self.path, _("Save the PDF"), _("PDF (*.pdf)")))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def make(self) -> None:
        target, problem = file_output.target_path(self.path.text())
        if target is None:
            self.message.error(problem)
            return
        template = LetterTemplateData(_("Invitation"), self.subject.text(), self.body.toPlainText())
        self.make_button.setEnabled(False)
        self.message.info(_("Writing the letters…"))

        def done(result):
            self.make_button.setEnabled(True)
            self.message.info(letters_written_text(result, target))
            file_output.remember_export_folder(self.ctx.settings, target)

        def failed(exc, details):
            self.make_button.setEnabled(True)
            if isinstance(exc, LetterError):
                self.message.error(str(exc))
            else:
                show_error(self, _("The letters could not be made."), details).exec()

        self.ctx.tasks.run(lambda _h: meeting_letters.write_invitation_letters(self.meeting_id, target, template),
                           done, failed)
