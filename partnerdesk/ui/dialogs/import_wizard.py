"""Fichier → Importer…: file, columns (when the headers are unknown), review, result.

Nothing is written before the user clicks "Importer" on the review page; the
import is one transaction, and "Annuler cet import" undoes it as a whole.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.dataio import TARGETS
from partnerdesk.i18n import _
from partnerdesk.services import imports
from partnerdesk.ui.dialogs.import_command import ImportCommand
from partnerdesk.ui.dialogs.import_encoding import EncodingDialog
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.models.dataio import MatchTableModel, RowsTableModel
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.tasks import Cancelled
from partnerdesk.ui.widgets.form import ERROR_STYLE, push_button
from partnerdesk.ui.widgets.stoppable import StoppableTask

PAGE_FILE, PAGE_MAPPING, PAGE_REVIEW, PAGE_DONE = range(4)


def _table(model, object_name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class ImportWizard(QDialog):
    def __init__(self, ctx, path: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.setWindowTitle(_("Import contacts"))
        self.resize(900, 620)
        self.parsed: imports.ParsedFile | None = None
        self.plan: imports.ImportPlan | None = None
        self.result: imports.ImportResult | None = None
        self.command: ImportCommand | None = None
        self.combos: list[QComboBox] = []

        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._review_page())
        self.stack.addWidget(self._done_page())

        self.progress = QProgressBar()
        self.progress.hide()
        self.stop_button = QPushButton(_("Stop"))
        self.stop_button.setObjectName("importStop")
        self.stop_button.hide()
        self.task = StoppableTask(self.progress, self.stop_button, self._busy)
        self.back_button = push_button(_("< Back"), "importBack", self.back)
        self.next_button = QPushButton(_("Next >"))
        self.next_button.setObjectName("importNext")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.close_button = push_button(_("Cancel"), "importClose", self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.stop_button)
        buttons.addStretch()
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        if path:
            self.path_edit.setText(str(path))
        self.setAcceptDrops(True)
        self._show(PAGE_FILE)

    # --- a file dropped on the window ----------------------------------------

    def dragEnterEvent(self, event) -> None:
        if self.stack.currentIndex() == PAGE_FILE and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        local = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if local and self.stack.currentIndex() == PAGE_FILE:
            self.path_edit.setText(local[0])
            event.acceptProposedAction()
            self.next()

    # --- pages --------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(_("Choose a file of contacts (or drop it here): a CSV file or a LibreOffice spreadsheet "
                         "(.ods), from a spreadsheet, Google Contacts, Outlook or Thunderbird, or a vCard file (.vcf) "
                         "from a phone. Nothing is written before you check what will be imported."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(_("File to import (.csv, .ods, .vcf)"))
        self.path_edit.returnPressed.connect(self.next)
        browse = push_button(_("Choose…"), "importBrowse", self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.file_error = QLabel()
        self.file_error.setObjectName("importFileError")
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.file_error)
        layout.addStretch()
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.mapping_intro = QLabel()
        self.mapping_intro.setWordWrap(True)
        layout.addWidget(self.mapping_intro)
        self.mapping_form_host = QWidget()
        self.mapping_form = QFormLayout(self.mapping_form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_form_host)
        layout.addWidget(scroll, 2)
        self.remember_box = QCheckBox(_("Remember these columns for the next import of a file like this one"))
        self.remember_box.setObjectName("importRemember")
        self.remember_box.setChecked(True)
        layout.addWidget(self.remember_box)
        layout.addWidget(QLabel(_("First rows of the file:")))
        self.preview_model = RowsTableModel()
        self.preview_view = _table(self.preview_model, "importPreview")
        layout.addWidget(self.preview_view, 2)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.review_tabs = comfort_tabs(QTabWidget())
        self.creates_model = RowsTableModel()
        self.creates_view = _table(self.creates_model, "importCreates")
        self.creates_view.setWordWrap(True)
        self.creates_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # rows fit their wrapped text once "What goes where" has its width (laid out after the rows are
        # filled, and again when the window is resized)
        self.fit_rows = QTimer(self, singleShot=True, interval=100)
        self.fit_rows.timeout.connect(self.creates_view.resizeRowsToContents)
        self.creates_view.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: column == 3 and self.fit_rows.start())
        self.review_tabs.addTab(self.creates_view, _("To create"))
        matches = QWidget()
        matches_layout = QVBoxLayout(matches)
        self.matches_model = MatchTableModel(self)
        self.matches_view = _table(self.matches_model, "importMatches")
        matches_layout.addWidget(QLabel(_("These rows match a card you already have. Checked: the new emails, "
                                          "phones and notes are added to the card. Unchecked: the row is skipped.")))
        matches_layout.addWidget(self.matches_view)
        row = QHBoxLayout()
        merge_all = push_button(_("Merge all"), "importMergeAll", lambda: self.matches_model.set_all(True))
        skip_all = push_button(_("Skip all"), "importSkipAll", lambda: self.matches_model.set_all(False))
        row.addWidget(merge_all)
        row.addWidget(skip_all)
        row.addStretch()
        matches_layout.addLayout(row)
        self.review_tabs.addTab(matches, _("Already known"))
        self.refused_model = RowsTableModel()
        self.review_tabs.addTab(_table(self.refused_model, "importRefused"), _("Refused"))
        self.warnings_text = QPlainTextEdit()
        self.warnings_text.setObjectName("importWarnings")
        self.warnings_text.setReadOnly(True)
        self.review_tabs.addTab(self.warnings_text, _("Remarks"))
        layout.addWidget(self.review_tabs, 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.undo_button = push_button(_("Undo this import"), "importUndo", self.undo)
        layout.addWidget(self.undo_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        return page

    # --- navigation ---------------------------------------------------------

    def _show(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.back_button.setVisible(page in (PAGE_MAPPING, PAGE_REVIEW))
        self.next_button.setVisible(page != PAGE_DONE)
        self.next_button.setText(_("Import") if page == PAGE_REVIEW else _("Next >"))
        self.close_button.setText(_("Close") if page == PAGE_DONE else _("Cancel"))

    def back(self) -> None:
        page = self.stack.currentIndex()
        if page == PAGE_REVIEW and self.parsed is not None and self.parsed.kind == "csv":
            self._fill_mapping()
            self._show(PAGE_MAPPING)
        else:
            self._show(PAGE_FILE)

    def next(self) -> None:
        if self.handle is not None:
            return
        page = self.stack.currentIndex()
        if page == PAGE_FILE:
            self._read()
        elif page == PAGE_MAPPING:
            self._apply_mapping()
        elif page == PAGE_REVIEW:
            self._write()

    def _browse(self) -> None:
        start = self.ctx.settings.value("import/last_folder", "") or ""
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import contacts"), str(start), _("Contacts (*.csv *.ods *.vcf *.vcard *.txt);;All files (*)"))
        if name:
            self.path_edit.setText(name)
            self.ctx.settings.setValue("import/last_folder", str(Path(name).parent))

    def reject(self) -> None:
        """Annuler, Escape or the close box while the import is being written: it stops (nothing is
        written) and the wizard stays open to say so; otherwise the wizard closes."""
        if self.handle is not None and not self.stop_button.isHidden():
            self.task.stop()
            return
        super().reject()

    # --- background work ----------------------------------------------------

    @property
    def handle(self):
        """The running step, None when idle."""
        return self.task.handle

    def _busy(self, busy: bool) -> None:
        for button in (self.back_button, self.next_button):
            button.setEnabled(not busy)

    def _run(self, fn, on_done, progress: bool = False) -> None:
        def failed(exc, details):
            if isinstance(exc, imports.ImportFileError):
                self.file_error.setText(str(exc))
                self._show(PAGE_FILE)
            elif isinstance(exc, Cancelled):
                self.summary_label.setText(_("Import stopped: nothing was written."))
            else:
                show_error(self, _("The import failed. Nothing was written."), details).exec()

        self.task.start(self.ctx.tasks, fn, on_done, failed, stoppable=progress)

    def _read(self, encoding: str | None = None) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.file_error.setText(_("Choose a file to import."))
            return
        self.file_error.clear()
        path = Path(text).expanduser()

        def work(_handle):
            parsed = imports.read_file(path, encoding=encoding)
            ready = not (parsed.needs_mapping or parsed.needs_encoding)
            return parsed, (imports.plan_for(parsed) if ready else None)

        self._run(work, self._after_read)

    def ask_encoding(self, parsed) -> str | None:
        """The encoding the user chooses from the previews (a method: tests answer it)."""
        dialog = EncodingDialog(parsed.path.name, parsed.encoding_candidates, self)
        return dialog.chosen() if dialog.exec() else None

    def _after_read(self, result) -> None:
        self.parsed, plan = result
        if self.parsed.needs_encoding:
            encoding = self.ask_encoding(self.parsed)
            if encoding is None:
                self.file_error.setText(_("Nothing was imported: the encoding of this file was not chosen."))
                self._show(PAGE_FILE)
            else:
                self._read(encoding)
            return
        if plan is None:
            self._fill_mapping()
            self._show(PAGE_MAPPING)
        else:
            self._fill_review(plan)

    def _fill_mapping(self) -> None:
        parsed = self.parsed
        how = parsed.how_read()
        if parsed.header_set in imports.HEADER_SET_LABELS:
            intro = _("Columns recognised: {format} ({how}). Change them if you wish.").format(
                format=_(imports.HEADER_SET_LABELS[parsed.header_set]), how=how)
        elif parsed.header_set == "remembered":
            intro = _("Columns as you chose them last time for a file like this one ({how}).").format(how=how)
        else:
            intro = _("PartnerDesk does not know the columns of this file ({how}). Say what each column holds; "
                      "the guesses are already chosen.").format(how=how)
        self.mapping_intro.setStyleSheet("")
        self.mapping_intro.setText(intro)
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.combos = []
        for index, header in enumerate(parsed.headers):
            combo = QComboBox()
            combo.setObjectName(f"importColumn{index}")
            for key, label in TARGETS.items():
                combo.addItem(_(label), key)
            combo.setCurrentIndex(max(0, combo.findData(parsed.mapping.get(index, ""))))
            self.combos.append(combo)
            sample = next((cells[index] for cells in parsed.preview(20) if index < len(cells) and cells[index].strip()),
                          "")
            example = QLabel(_("e.g. {value}").format(value=" ".join(sample.split())[:60]) if sample else "")
            example.setStyleSheet("color: palette(mid);")
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(example, 1)
            self.mapping_form.addRow(header or _("(column {number})").format(number=index + 1), row)
        self.preview_model.set_rows(parsed.preview(8), parsed.headers)

    def current_mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData()}

    def _apply_mapping(self) -> None:
        mapping = self.current_mapping()
        targets = set(mapping.values())
        if not targets & {"last_name", "full_name", "first_name", "organisation"}:
            self.mapping_intro.setText(_("Choose at least one column holding a name or an organisation."))
            self.mapping_intro.setStyleSheet(ERROR_STYLE)
            return
        self.mapping_intro.setStyleSheet("")
        parsed = self.parsed
        parsed.remap(mapping)
        remember = self.remember_box.isChecked()

        def work(_handle):
            if remember:
                imports.remember(parsed.headers, mapping)
            return imports.plan_for(parsed)

        self._run(work, self._fill_review)

    def _fill_review(self, plan: imports.ImportPlan) -> None:
        self.plan = plan
        self.summary_label.setText(plan.summary())
        rows = [[r.contact.line, r.contact.display_name,
                 r.contact.organisation if r.kind == "person" else _("organisation"),
                 "\n".join(r.placements)] for r in plan.creates]
        rows += [["", name, _("new organisation"), ""] for name in plan.new_organisations]
        self.creates_model.set_rows(rows, [_("Line"), _("Name"), _("Organisation"), _("What goes where")])
        header = self.creates_view.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.creates_view.resizeRowsToContents()
        self.matches_model.set_rows(plan.matches)
        self.refused_model.set_rows([[r.line, r.reason, r.text] for r in plan.refused],
                                    [_("Line"), _("Reason"), _("Content")])
        self.warnings_text.setPlainText("\n".join(plan.warnings))
        self.review_tabs.setTabText(0, _("To create ({count})").format(count=len(plan.creates)))
        self.review_tabs.setTabText(1, _("Already known ({count})").format(count=len(plan.matches)))
        self.review_tabs.setTabText(2, _("Refused ({count})").format(count=len(plan.refused)))
        self.review_tabs.setTabText(3, _("Remarks ({count})").format(count=len(plan.warnings)))
        self._show(PAGE_REVIEW)

    def _write(self) -> None:
        plan, paths = self.plan, self.ctx.paths
        if not plan.rows:  # why, when the plan knows it (a header line alone)
            self.summary_label.setText(_("There is nothing to import in this file.") if plan.refused
                                       else plan.summary())
            return
        self._run(lambda handle: imports.apply_plan(plan, paths, handle.report), self._after_write, progress=True)

    def _after_write(self, result: imports.ImportResult) -> None:
        self.result = result
        self.result_label.setText(imports.result_text(result))
        self.undo_button.setEnabled(result.undoable)
        if result.undoable:  # an import that wrote nothing leaves Ctrl+Z to what came before it
            self.command = ImportCommand(self.ctx, self.plan, result)
            self.command_stack = self.ctx.undo_for(self)
            self.command_stack.push(self.command)
            self.ctx.signals.data_changed.emit("*")
        self._show(PAGE_DONE)

    def undo(self) -> None:
        if self.result is None:
            return
        stack = getattr(self, "command_stack", None) or self.ctx.undo.active()
        if self.command is not None and stack.index() > 0 and stack.command(stack.index() - 1) is self.command:
            stack.undo()
            if self.command.error:
                self.result_label.setText(self.command.error)
                return
        else:
            try:
                imports.undo_batch(self.command.result.batch_id if self.command else self.result.batch_id,
                                   self.ctx.paths)
            except imports.UndoError as exc:
                self.result_label.setText(str(exc))
                return
            self.ctx.signals.data_changed.emit("*")
        self.undo_button.setEnabled(False)
        self.result_label.setText(_("The import was undone: your cards are back as they were."))
