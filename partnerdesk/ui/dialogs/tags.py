"""Étiquettes: create, rename, colour, merge, delete tags; emails of a tag."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QListView, QPushButton, QVBoxLayout

from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import tags
from partnerdesk.ui.models.roles import ObjectRole
from partnerdesk.ui.models.tags import TagListModel
from partnerdesk.ui.tabs.partners import mailing, prompts
from partnerdesk.ui.widgets.form import ERROR_STYLE


class TagsDialog(QDialog):
    changed = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("tagsDialog")
        self.setWindowTitle(_("Tags"))
        self.resize(620, 420)
        self.model = TagListModel(self)
        self.view = QListView()
        self.view.setObjectName("tagsList")
        self.view.setModel(self.model)
        self.error = QLabel()
        self.error.setObjectName("tagError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        actions = [
            ("newTagButton", _("New…"), self.new_tag),
            ("renameTagButton", _("Rename…"), self.rename),
            ("colourTagButton", _("Colour…"), self.colour),
            ("mergeTagButton", _("Merge into…"), self.merge),
            ("deleteTagButton", _("Delete…"), self.delete),
            ("copyTagEmailsButton", _("Copy the emails"), self.copy_emails),
            ("mailTagButton", _("Write to all (Bcc)"), self.write),
        ]
        grid = QGridLayout()
        self.buttons = {}
        for n, (name, text, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            grid.addWidget(button, n // 4, n % 4)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Tags are thematic lists (“jeunesse”, “seniors”…) of organisations and "
                                  "people. Assign them from a card, or to a selection in the list.")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(grid)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        layout.addWidget(close)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_rows(tags.list_tags())
        if select_id is not None:
            self.select(select_id)

    def select(self, tag_id: int) -> None:
        row = self.model.row_of(tag_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def current(self):
        index = self.view.currentIndex()
        return self.model.data(index, ObjectRole) if index.isValid() else None

    def _done(self, select_id=None) -> None:
        self.error.hide()
        self.refresh(select_id)
        self.changed.emit()
        self.ctx.signals.data_changed.emit("tags")

    def _fail(self, exc: ValidationError) -> None:
        self.error.setText(" ".join(_(m) for m in exc.errors.values()))
        self.error.show()

    def new_tag(self) -> None:
        name = prompts.ask_text(self, _("New tag"), _("Name of the tag"))
        if name is None:
            return
        try:
            tag = tags.create_tag(name)
        except ValidationError as exc:
            self._fail(exc)
            return
        self._done(tag.id)

    def rename(self) -> None:
        tag = self.current()
        if tag is None:
            return
        name = prompts.ask_text(self, _("Rename the tag"), _("New name"), tag.name)
        if name is None:
            return
        try:
            tags.rename_tag(tag.id, name)
        except ValidationError as exc:
            self._fail(exc)
            return
        self._done(tag.id)

    def colour(self) -> None:
        tag = self.current()
        if tag is None:
            return
        colour = prompts.ask_colour(self, tag.colour)
        if colour:
            tags.set_colour(tag.id, colour)
            self._done(tag.id)

    def merge(self) -> None:
        tag = self.current()
        if tag is None:
            return
        others = [t for t in tags.list_tags() if t.id != tag.id]
        choice = prompts.ask_choice(self, _("Merge tags"),
                                    _("Merge “{name}” into:").format(name=tag.name), [t.name for t in others])
        if choice is None:
            return
        tags.merge_tags(others[choice].id, tag.id)
        self._done(others[choice].id)

    def delete(self) -> None:
        tag = self.current()
        if tag is None:
            return
        if prompts.confirm(self, _("Delete the tag"),
                           _("Delete the tag “{name}”? The cards stay; they only lose this tag.").format(
                               name=tag.name), _("Delete")):
            tags.delete_tag(tag.id)
            self._done()

    def copy_emails(self) -> None:
        tag = self.current()
        if tag is not None:
            mailing.copy_emails(self, self.ctx, tags.emails_of_tag(tag.id))

    def write(self) -> None:
        tag = self.current()
        if tag is not None:
            mailing.write_bcc(self, self.ctx, tags.emails_of_tag(tag.id))
