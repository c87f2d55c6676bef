"""Registre RGPD: photos without consent, people out of contact for N years
(proposed for anonymisation), any person's data export or erasure, and the
log of exports and erasures. `export_person_data` and `erase_person` are
also the actions a person card can call."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.grammar import of
from partnerdesk.i18n import N_, _, format_date, format_datetime, ngettext
from partnerdesk.services import rgpd, settings
from partnerdesk.services.exports import selection
from partnerdesk.ui.dialogs.file_output import export_folder
from partnerdesk.ui.models.dataio import FilterProxy, RowsTableModel
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.widgets.form import push_button

ACTION_LABELS = {"export": N_("Export"), "erase": N_("Erasure")}


def export_person_data(parent, ctx, person_id: int, target: str | Path | None = None) -> Path | None:
    """Ask where (unless `target`), write the one-file export, log it."""
    if target is None:
        who = rgpd.person(person_id)
        default = export_folder(ctx.settings) / (_("data of {name}").format(name=who.full_name or who.id, of_name=of(who.full_name or str(who.id))) + ".html")
        name, _filter = QFileDialog.getSaveFileName(parent, _("Export the data of a person"), str(default),
                                                    _("Web page (*.html)"))
        if not name:
            return None
        target = name
    path = rgpd.export_person(ctx.paths, person_id, Path(target))
    ctx.signals.status_message.emit(_("Personal data exported to {path}").format(path=path))
    return path


def erase_person(parent, ctx, person_id: int, confirm=None) -> bool:
    """Say what will happen, ask, anonymise. `confirm(text) -> bool` replaces the dialog (tests)."""
    preview = rgpd.erasure_preview(ctx.paths, person_id)
    text = preview.describe()
    if confirm is None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Erase / anonymise"), text, parent=parent)
        box.setObjectName("rgpdConfirm")
        erase = box.addButton(_("Anonymise"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        accepted = box.clickedButton() is erase
    else:
        accepted = confirm(text)
    if not accepted:
        return False
    try:
        rgpd.anonymise(ctx.paths, person_id)
    except rgpd.RgpdError as exc:
        QMessageBox.information(parent, _("Erase / anonymise"), str(exc))
        return False
    ctx.signals.data_changed.emit("people")
    ctx.signals.status_message.emit(_("The person was anonymised."))
    return True


def _view(model, name: str) -> QTableView:
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table
    view.setObjectName(name)
    proxy = FilterProxy(view)
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RgpdRegisterDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.confirm = None  # tests replace the confirmation dialog
        self.setObjectName("rgpdRegister")
        self.setWindowTitle(_("RGPD register"))
        self.resize(900, 560)
        intro = QLabel(_("What the RGPD asks of you: photos need the person's consent, data is not kept longer "
                         "than needed, and every person can get their data or have it erased."))
        intro.setWordWrap(True)
        self.tabs = comfort_tabs(QTabWidget())
        self.tabs.setObjectName("rgpdTabs")

        self.photos_model = RowsTableModel()
        self.photos_view = _view(self.photos_model, "rgpdPhotos")
        self.tabs.addTab(self.photos_view, _("Photos without consent"))

        inactive = QWidget()
        inactive_layout = QVBoxLayout(inactive)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("No contact for at least")))
        self.years_spin = QSpinBox()
        self.years_spin.setObjectName("rgpdYears")
        self.years_spin.setRange(1, 30)
        self.years_spin.setValue(settings.get(settings.RGPD_INACTIVE_YEARS))
        self._years_suffix(self.years_spin.value())
        self.years_spin.valueChanged.connect(self._years_suffix)
        self.years_spin.valueChanged.connect(self._years_changed)
        row.addWidget(self.years_spin)
        row.addStretch()
        inactive_layout.addLayout(row)
        inactive_layout.addWidget(QLabel(_("These people are proposed for anonymisation.")))
        self.inactive_model = RowsTableModel()
        self.inactive_view = _view(self.inactive_model, "rgpdInactive")
        inactive_layout.addWidget(self.inactive_view)
        self.tabs.addTab(inactive, _("Out of contact"))

        everyone = QWidget()
        everyone_layout = QVBoxLayout(everyone)
        self.search = QLineEdit()
        self.search.setObjectName("rgpdSearch")
        self.search.setPlaceholderText(_("Search a person"))
        everyone_layout.addWidget(self.search)
        self.people_model = RowsTableModel()
        self.people_view = _view(self.people_model, "rgpdPeople")
        self.search.textChanged.connect(self.people_view.model().setFilterFixedString)
        everyone_layout.addWidget(self.people_view)
        self.tabs.addTab(everyone, _("Everyone"))

        self.log_model = RowsTableModel()
        self.log_view = _view(self.log_model, "rgpdLog")
        self.log_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.tabs.addTab(self.log_view, _("Log of exports and erasures"))

        self.export_button = push_button(_("Export their data…"), "rgpdExport", self._export)
        self.erase_button = push_button(_("Erase / anonymise…"), "rgpdErase", self._erase)
        self.message = QLabel()
        self.message.setObjectName("rgpdMessage")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.erase_button)
        actions.addWidget(self.message, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.tabs.currentChanged.connect(self._update_buttons)
        for view in (self.photos_view, self.inactive_view, self.people_view):
            view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected_person() if hasattr(self, "export_button") else None
        self._fill()
        if keep is not None:
            self._select(keep)
        self._update_buttons()

    def show_person(self, person_id: int) -> None:
        """Open on "Everyone" with this person selected (the card open in Partenaires)."""
        self.tabs.setCurrentIndex(2)
        self._select(person_id)
        self._update_buttons()

    def _select(self, person_id: int) -> None:
        view = self.current_view()
        model = view.model() if view else None
        for row in range(model.rowCount() if model else 0):
            if model.index(row, 0).data(IdRole) == person_id:
                view.selectRow(row)
                return

    def _fill(self) -> None:
        headers = [_("Name"), _("Organisation"), _("Last contact")]
        photos = rgpd.photos_without_consent(self.ctx.paths)
        self.photos_model.set_rows([[r.name, r.organisation] for r in photos], headers[:2],
                                   [r.person_id for r in photos])
        self._fill_inactive()
        erased = rgpd.erased_ids()
        cards = [c for c in selection.people() if c.id not in erased]
        self.people_model.set_rows([[c.full_name, c.organisation, ", ".join(c.emails)] for c in cards],
                                   [_("Name"), _("Organisation"), _("Emails")], [c.id for c in cards])
        entries = rgpd.log_entries()
        self.log_model.set_rows([[format_datetime(e.occurred_at), _(ACTION_LABELS.get(e.action, e.action)), e.what,
                                  e.done_by] for e in entries], [_("Date"), _("Action"), _("What"), _("By")],
                                keys=[[e.occurred_at.isoformat(), e.action, e.what, e.done_by] for e in entries])
        self.tabs.setTabText(0, _("Photos without consent ({count})").format(count=len(photos)))

    def _fill_inactive(self) -> None:
        rows = rgpd.inactive_people(self.years_spin.value())
        self.inactive_model.set_rows(
            [[r.name, r.organisation, format_date(r.last_contact) if r.last_contact else _("never")] for r in rows],
            [_("Name"), _("Organisation"), _("Last contact")], [r.person_id for r in rows],
            [[r.name.casefold(), r.organisation.casefold(), r.last_contact.isoformat() if r.last_contact else ""]
             for r in rows])
        self.tabs.setTabText(1, _("Out of contact ({count})").format(count=len(rows)))

    def _years_suffix(self, value: int) -> None:
        self.years_spin.setSuffix(" " + ngettext("year", "years", value))

    def _years_changed(self, value: int) -> None:
        settings.set_(settings.RGPD_INACTIVE_YEARS, value)
        self._fill_inactive()

    def current_view(self) -> QTableView | None:
        return {0: self.photos_view, 1: self.inactive_view, 2: self.people_view}.get(self.tabs.currentIndex())

    def selected_person(self) -> int | None:
        view = self.current_view()
        if view is None:
            return None
        rows = view.selectionModel().selectedRows()
        return rows[0].data(IdRole) if rows else None

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected_person() is not None
        self.export_button.setEnabled(chosen)
        self.erase_button.setEnabled(chosen)

    def _export(self, _checked=False, target=None) -> None:
        person_id = self.selected_person()
        if person_id is None:
            return
        path = export_person_data(self, self.ctx, person_id, target)
        if path:
            self.message.setText(_("Exported to {path}").format(path=path))
            self.refresh()

    def _erase(self) -> None:
        person_id = self.selected_person()
        if person_id is not None and erase_person(self, self.ctx, person_id, self.confirm):
            self.message.setText(_("The person was anonymised."))
            self.refresh()
