"""Conventions: the list on the left, the editor on the right; templates shared as files."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.i18n import N_, _
from partnerdesk.services import convention_templates, conventions, data, projects
from partnerdesk.ui.models.conventions import COL_TITLE, ConventionTableModel
from partnerdesk.ui.models.roles import IdRole, SortRole
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.tabs.conventions import OPENS, TITLE
from partnerdesk.ui.tabs.conventions.dialogs import NewConventionDialog
from partnerdesk.ui.tabs.conventions.editor import ConventionEditor
from partnerdesk.ui.tabs.conventions.template_dialog import TemplateDialog, copy_note
from partnerdesk.ui.widgets.columns import widths_from_sample
from partnerdesk.ui.widgets.empty_state import EmptyState
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.loading import LoadingPlaceholder
from partnerdesk.ui.widgets.splitters import keep_minimum_sizes


#: Templates → Duplicate…: the title of the choice, and what is said when there is nothing to copy
DUPLICATE_TITLE = {"fr": N_("Duplicate a French template in English"),
                   "en": N_("Duplicate an English template in French")}
NO_TEMPLATE_IN = {"fr": N_("There is no French template of yours to duplicate: save a convention as a template "
                           "first (the built-in template already exists in English)."),
                  "en": N_("There is no English template of yours to duplicate: save a convention as a template "
                           "first (the built-in template already exists in French).")}


class DeleteConventionCommand(QUndoCommand):
    """Convention to the trash; undo brings it back."""

    def __init__(self, tab, convention_id: int, title: str):
        super().__init__(_("Delete the convention « {title} »").format(title=title))
        self.tab, self.convention_id = tab, convention_id

    def redo(self) -> None:
        conventions.delete_convention(self.convention_id)
        self.tab.ctx.signals.data_changed.emit("conventions")

    def undo(self) -> None:
        conventions.restore_convention(self.convention_id)
        self.tab.ctx.signals.data_changed.emit("conventions")
        self.tab.refresh()
        self.tab.select(self.convention_id)


class ConventionsTab(Tab):
    areas = ("projects", "organisations")  # its own changes refresh it directly
    object_name = "conventionsTab"
    opens = OPENS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = ConventionTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = widths_from_sample(QTableView())
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("conventionsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        self.search = QLineEdit()
        self.search.setObjectName("conventionsSearch")
        self.search.setPlaceholderText(_("Search a convention, a project, a partner…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = push_button(_("New convention"), "newConventionButton", self.new_item)
        self.templates_button = QToolButton()
        self.templates_button.setText(_("Templates"))
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.templates_button)
        menu.addAction(_("Save this convention as a template…"), self.save_as_template)
        menu.addAction(_("Edit a template…"), self.edit_template)
        menu.addAction(_("Duplicate a French template in English…"), lambda: self.duplicate_template("fr"))
        menu.addAction(_("Duplicate an English template in French…"), lambda: self.duplicate_template("en"))
        menu.addAction(_("Export a template to a file…"), self.export_template)
        menu.addAction(_("Import a template from a file…"), self.import_template)
        menu.addAction(_("Delete a template…"), self.delete_template)
        self.templates_button.setMenu(menu)
        self.delete_button = push_button(_("Delete"), "deleteConventionButton", self.delete_selected,
                                         tooltip=_("Put the selected convention in the trash (Ctrl+Z to undo)"))
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.templates_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)

        self._editor: ConventionEditor | None = None  # built just after the tab (see `editor`)
        self.placeholder = EmptyState(_("Choose a convention"), _("Select a convention in the list to edit it."))
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setSizes([520, 980])
        keep_minimum_sizes(self.splitter, (260, 560))
        self.empty = EmptyState(
            _("Write your first convention"),
            _("A convention sets down what the EPN and its partners commit to for a project. It starts from the "
              "template « Convention de partenariat », which you can adapt."))
        self.empty.add_button(_("New convention"), self.new_item, "emptyNewConvention")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._generation = 0  # of the latest read of the list
        self._sized = False  # column widths set from the first rows
        # The first rows are read in the background ("Chargement…" meanwhile): the tab shows at once.
        # Nothing expires here: the start-up did it.
        self.loading = LoadingPlaceholder(self.table)
        self.stack.setCurrentWidget(self.splitter)
        self.loading.show_while(True)
        self._generation += 1
        generation = self._generation
        self.ctx.tasks.run(lambda _handle: conventions.list_conventions(),
                           lambda rows: self._first_rows(generation, rows),
                           lambda _exc, _details: self._first_rows(generation, None))
        # The editor (a form with its pages and two rich-text fields) in its own turn of the event
        # loop once the list is filled, or at once when something needs it.
        self.ctx.tasks.when_idle(lambda: shiboken6.isValid(self) and self.editor, after_ms=50)

    @property
    def editor(self) -> ConventionEditor:
        if self._editor is None:
            self._editor = ConventionEditor(self.ctx)
            self._editor.saved.connect(self._saved)
            self.right.addWidget(self._editor)
        return self._editor

    def _open_id(self) -> int | None:
        """The convention open in the editor, if any (without building the editor)."""
        editor = self._editor
        return editor.conv.id if editor is not None and editor.conv else None

    @classmethod
    def title(cls) -> str:
        return _(TITLE)

    def refresh(self, reload_editor: bool = True, *, expire: bool = True) -> None:
        """Reload the list; the open convention too (changed elsewhere), unless it has unsaved typing.
        Ended conventions become échues, except while the tab is built (nothing writes then: the
        start-up does it) and when the data is read-only."""
        self._generation += 1  # a background read under way is older than this one
        if expire and data.writable():
            conventions.update_expired()
        self._show_rows(conventions.list_conventions(), reload_editor)

    def _first_rows(self, generation: int, rows) -> None:
        if not shiboken6.isValid(self):
            return
        self.loading.show_while(False)
        if generation != self._generation:
            return  # an explicit refresh came first
        if rows is None:  # the read failed (logged): read again on the GUI thread, as before
            self.refresh(expire=False)
            return
        self._show_rows(rows, reload_editor=False)

    def on_data_changed(self, area: str) -> None:
        """Another area changed (a project, an organisation): read in the background, then show
        what changed; the open convention is reloaded only if it changed."""
        if area != "*" and area not in self.areas:
            return
        self._generation += 1
        generation, writable = self._generation, data.writable()
        current = self._open_id()

        def read(_handle):
            if writable:
                conventions.update_expired()
            return (conventions.list_conventions(), conventions.get_convention(current) if current else None,
                    projects.project_titles())

        self.ctx.tasks.run(read, lambda result: self._changed_elsewhere(generation, *result))

    def _changed_elsewhere(self, generation: int, rows, conv, titles) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a newer read is under way, or the tab is gone
        unchanged = (conv is not None and self._editor is not None and conv == self._editor.conv
                     and titles == self._editor.project_titles)
        self._show_rows(rows, reload_editor=not unchanged)
        if unchanged:
            self.editor.parties_page.organisations_changed()

    def _show_rows(self, rows, reload_editor: bool) -> None:
        self.loading.show_while(False)
        current = self._open_id()
        if rows != self.model.rows() or not self._sized:
            self.model.set_rows(rows)
            self.table.resizeColumnsToContents()
            for col in range(self.model.columnCount()):
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), 190))
            self._sized = True
        self.stack.setCurrentWidget(self.splitter if rows else self.empty)
        if current is not None and self.model.row_of(current) >= 0:
            self.select(current)
            if reload_editor and not self.editor.dirty:
                page = self.editor.pages.currentIndex()
                self.editor.load(current)
                self.editor.pages.setCurrentIndex(page)
        elif current is not None:
            self.editor.conv = None
            self.right.setCurrentWidget(self.placeholder)

    def select(self, convention_id: int) -> None:
        if self._highlight(convention_id) and (self.editor.conv is None or self.editor.conv.id != convention_id):
            self._open(convention_id)

    def _highlight(self, convention_id: int) -> bool:
        """Select the row of `convention_id` in the list (without reopening it)."""
        row = self.model.row_of(convention_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.selectionModel().blockSignals(False)
        return True

    def _selected(self, current, _previous) -> None:
        if not current.isValid():
            return
        convention_id = self.proxy.data(current, IdRole)
        if self.editor.conv is not None and self.editor.conv.id == convention_id:
            return
        if not self.editor.can_leave():
            self.select(self.editor.conv.id)
            return
        self._open(convention_id)

    def _open(self, convention_id: int) -> None:
        """Show `convention_id` in the editor, and its row in the list: always the same one (saving
        the previous one on the way may have reloaded the list)."""
        self.editor.load(convention_id)
        self.right.setCurrentWidget(self.editor)
        self._highlight(convention_id)

    def _saved(self, convention_id: int) -> None:
        self.refresh(reload_editor=False)
        self.ctx.signals.data_changed.emit("conventions")

    def new_item(self, project_id: int | None = None) -> bool:
        if not self.editor.can_leave():
            return False
        dialog = NewConventionDialog(self, project_id if isinstance(project_id, int) else None)
        if dialog.exec() != NewConventionDialog.DialogCode.Accepted:
            return False
        self.create(dialog.title.text(), dialog.organisation_ids(), dialog.project.currentData(),
                    dialog.chosen_template())
        return True

    def create(self, title, organisation_ids, project_id=None, template=None) -> int:
        conv = conventions.create_convention(title, organisation_ids, project_id=project_id, template=template)
        self.editor.conv = None
        self.ctx.signals.data_changed.emit("conventions")
        self.refresh()
        self.select(conv.id)
        return conv.id

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def can_leave(self) -> bool:
        return self._editor is None or self._editor.can_leave()

    def open_item(self, kind: str, item_id: int) -> bool:
        if kind != "convention":
            return False
        self.refresh()
        self.select(item_id)
        return True

    def delete_selected(self) -> None:
        conv = self.editor.conv
        if conv is None:
            return
        answer = QMessageBox.question(self, _("Delete"), _("Put the convention « {title} » in the trash? "
                                                           "Edit > Undo brings it back.").format(title=conv.title))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(conv.id)

    def delete(self, convention_id: int) -> None:
        title = self.editor.conv.title if self.editor.conv else ""
        self.editor.dirty = False
        self.ctx.undo_for(self).push(DeleteConventionCommand(self, convention_id, title))
        self.refresh()

    # --- templates -------------------------------------------------------------
    def save_as_template(self) -> None:
        if self.editor.conv is None:
            QMessageBox.information(self, _("Templates"), _("Select a convention first."))
            return
        name, ok = QInputDialog.getText(self, _("Save as a template"), _("Name of the template"))
        if ok and name.strip():
            if self.editor.dirty and not self.editor.save():
                return
            conventions.template_from_convention(self.editor.conv.id, name.strip())
            self.ctx.signals.status_message.emit(_("Template « {name} » saved.").format(name=name.strip()))

    def export_template(self) -> None:
        templates = convention_templates.list_templates()
        names = [t.name for t in templates]
        name, ok = QInputDialog.getItem(self, _("Export a template"), _("Template"), names, 0, False)
        if not ok:
            return
        path, _f = QFileDialog.getSaveFileName(self, _("Export a template"), str(Path.home() / f"{name}.json"),
                                               _("PartnerDesk template (*.json)"))
        if path:
            convention_templates.export_template(templates[names.index(name)], Path(path))
            self.ctx.signals.status_message.emit(_("Template exported: {path}").format(path=path))

    def delete_template(self) -> None:
        mine = [t for t in convention_templates.list_templates() if t.id is not None]
        if not mine:
            QMessageBox.information(self, _("Templates"), _("There is no template of yours to delete: the "
                                                            "built-in template cannot be deleted."))
            return
        names = [t.name for t in mine]
        name, ok = QInputDialog.getItem(self, _("Delete a template"), _("Template"), names, 0, False)
        if ok:
            convention_templates.delete_template(mine[names.index(name)].id)
            self.ctx.signals.status_message.emit(_("Template « {name} » deleted.").format(name=name))

    def edit_template(self) -> None:
        mine = [t for t in convention_templates.list_templates() if t.id is not None]
        if not mine:
            QMessageBox.information(self, _("Templates"), _("There is no template of yours to edit: save a "
                                                            "convention as a template first."))
            return
        names = [t.name for t in mine]
        name, ok = QInputDialog.getItem(self, _("Edit a template"), _("Template"), names, 0, False)
        if ok:
            self.open_template(mine[names.index(name)])

    def duplicate_template(self, language: str) -> None:
        """Copy one of the user's templates written in `language` into the other language, then open
        the copy to translate it."""
        mine = [t for t in convention_templates.list_templates() if t.id is not None and t.language == language]
        if not mine:
            QMessageBox.information(self, _("Templates"), _(NO_TEMPLATE_IN[language]))
            return
        names = [t.name for t in mine]
        title = _(DUPLICATE_TITLE[language])
        name, ok = QInputDialog.getItem(self, title, _("Template"), names, 0, False)
        if ok:
            self.duplicate(mine[names.index(name)].id)

    def duplicate(self, template_id: int) -> TemplateDialog:
        """The copy in the other language is saved at once, then opened to be translated."""
        copy = convention_templates.copy_in_other_language(template_id)
        self.ctx.signals.status_message.emit(_("Template « {name} » made: translate it, then save.")
                                             .format(name=copy.name))
        return self.open_template(copy, copy_note(copy.language))

    def open_template(self, template, note: str = "") -> TemplateDialog:
        dialog = TemplateDialog(template, self, note=note)
        dialog.exec()
        if dialog.saved is not None:
            self.ctx.signals.status_message.emit(_("Template « {name} » saved.").format(name=dialog.saved.name))
        return dialog

    def import_template(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Import a template"), str(Path.home()),
                                               _("PartnerDesk template (*.json)"))
        if path:
            self.import_template_file(Path(path))

    def import_template_file(self, path: Path) -> None:
        try:
            template = convention_templates.import_template(path)
        except convention_templates.TemplateFileError as exc:
            QMessageBox.warning(self, _("Import a template"), _(exc.message))
            return
        self.ctx.signals.status_message.emit(_("Template « {name} » imported.").format(name=template.name))
