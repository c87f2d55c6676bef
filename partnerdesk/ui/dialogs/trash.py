"""Corbeille: deleted cards, with restore and (after a question) emptying."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout

from partnerdesk.domain.partners import TrashItem
from partnerdesk.i18n import N_, _, format_datetime, ngettext
from partnerdesk.services import trash
from partnerdesk.ui.models.records import Column, RecordTableModel
from partnerdesk.ui.models.roles import ObjectRole
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.widgets.form import push_button


def _label(item: TrashItem) -> str:
    kind = _("Organisation") if item.kind == "organisation" else _("Person")
    return _("{name} — {kind}, deleted on {date}").format(name=item.name, kind=kind,
                                                            date=format_datetime(item.deleted_at))


class TrashListModel(RecordTableModel):
    """One column, shown in a list view."""

    TEXT_TOOLTIPS = False
    COLUMNS = [Column(N_("Trash"), _label)]


class TrashDialog(QDialog):
    restored = Signal(str, int)
    changed = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("trashDialog")
        self.setWindowTitle(_("Trash"))
        self.resize(560, 420)
        self.model = TrashListModel(self)
        self.view = QListView()
        self.view.setObjectName("trashList")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.empty_label = QLabel(_("The trash is empty."))
        self.restore_button = push_button(_("Restore"), "restoreButton", self.restore_selected)
        self.empty_button = push_button(_("Empty the trash…"), "emptyTrashButton", self.empty_trash)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Deleted cards stay here until you empty the trash. Their people, "
                                  "journal and links come back with them.")))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        items = trash.items()
        self.model.set_rows(items)
        self.empty_label.setVisible(not items)
        self.restore_button.setEnabled(bool(items))
        self.empty_button.setEnabled(bool(items))

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def restore_selected(self) -> None:
        items = [self.model.data(i, ObjectRole) for i in self.view.selectionModel().selectedIndexes()]
        for item in items:
            trash.restore(item.kind, item.id)
            self.restored.emit(item.kind, item.id)
        if items:
            self.refresh()
            self.changed.emit()

    def empty_trash(self) -> None:
        count = self.model.rowCount()
        if not prompts.confirm(self, _("Empty the trash"),
                               ngettext("Delete the {count} card of the trash for good? This cannot be undone.",
                                        "Delete the {count} cards of the trash for good? This cannot be undone.",
                                        count).format(count=count), _("Empty the trash")):
            return
        kept = trash.empty()
        self.refresh()
        self.changed.emit()
        if kept:
            prompts.inform(self, _("Empty the trash"),
                           _("Some cards are still used elsewhere (projects, conventions…) and were kept: {names}")
                           .format(names=", ".join(k.name for k in kept)))
