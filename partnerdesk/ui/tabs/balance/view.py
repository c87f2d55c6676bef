"""Bilan des partenariats: every partner's time cost against the value it brought, over a year or a
project, as a sortable table and a chart; exported to CSV/ODS or to the internal PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from partnerdesk.domain.balance import totals
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _, format_money, format_number, ngettext
from partnerdesk.services import balance, balance_report, files, projects
from partnerdesk.ui.dialogs.file_output import export_folder, remember_export_folder
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.models.roles import SortRole
from partnerdesk.ui.tabs.balance.chart import BalanceChart
from partnerdesk.ui.tabs.balance.criteria_dialog import CriteriaDialog
from partnerdesk.ui.tabs.balance.models import BalanceTableModel, ratio_text
from partnerdesk.ui.tabs.balance.panel import year_combo
from partnerdesk.ui.tabs.projects.fields import table


class BalanceDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_pdf: Path | None = None
        self.setObjectName("balanceDialog")
        self.setWindowTitle(_("Partnerships balance"))
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Year")))
        self.year = year_combo("balanceViewYear")
        today_index = self.year.findData(dt.date.today().year)
        self.year.setCurrentIndex(max(0, today_index))
        bar.addWidget(self.year)
        bar.addWidget(QLabel(_("Project")))
        self.project = QComboBox()
        self.project.setObjectName("balanceViewProject")
        self.project.addItem(_("All projects"), None)
        for pid, title in projects.project_titles():
            self.project.addItem(title, pid)
        self.project.setMaximumWidth(260)
        bar.addWidget(self.project)
        bar.addStretch(1)
        bar.addWidget(QLabel(_("Hourly cost")))
        self.cost = QDoubleSpinBox()
        self.cost.setObjectName("hourlyCost")
        self.cost.setRange(0, 10_000)
        self.cost.setDecimals(2)
        self.cost.setSuffix(" €")
        self.cost.setValue(balance.hourly_cost())
        self.cost.setToolTip(_("Loaded cost of an hour of staff time (salary and charges)."))
        self.cost.editingFinished.connect(self._save_cost)
        bar.addWidget(self.cost)
        layout.addLayout(bar)

        self.summary = QLabel()
        self.summary.setObjectName("balanceSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = BalanceTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.view = table(self.proxy, "balanceTable")
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self._open)
        self.chart = BalanceChart()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("balanceMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        for text, name, slot in ((_("Export to CSV…"), "balanceCsv", lambda: self.export_table("csv")),
                                 (_("Export to ODS…"), "balanceOds", lambda: self.export_table("ods")),
                                 (_("Internal report (PDF)…"), "balancePdf", self.export_pdf),
                                 (_("Decision criteria…"), "balanceCriteria", self.edit_criteria)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.open_pdf = QPushButton(_("Open the PDF"))
        self.open_pdf.setObjectName("balanceOpenPdf")
        self.open_pdf.hide()
        self.open_pdf.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf))))
        buttons.addWidget(self.open_pdf)
        buttons.addStretch(1)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.project.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(1000, 620)
        self.refresh()

    def refresh(self) -> None:
        rows = balance.balance_rows(self.year.currentData(), self.project.currentData())
        self.model.set_rows(rows)
        self.chart.set_rows(rows)
        t = totals(rows)
        text = _("{hours} h of staff time worth {cost}; {value} obtained; ratio {ratio}.").format(
            hours=format_number(t.hours, 1), cost=format_money(t.time_cost), value=format_money(t.value),
            ratio=ratio_text(t.ratio))
        if t.flagged:
            text += " " + ngettext("{n} partner costs more than it brings with no non-financial benefit (in red).",
                                   "{n} partners cost more than they bring with no non-financial benefit (in red).",
                                   t.flagged).format(n=t.flagged)
        self.summary.setText(text)

    def edit_criteria(self) -> None:
        CriteriaDialog(self).exec()

    def _save_cost(self) -> None:
        try:
            balance.set_hourly_cost(self.cost.value())
        except ValidationError as exc:
            self.message.setText(_(next(iter(exc.errors.values()))))
            return
        self.refresh()
        self.ctx.signals.data_changed.emit("balance")

    def _open(self, index) -> None:
        record = self.model.row_at(self.proxy.mapToSource(index).row())
        self.ctx.signals.open_requested.emit("organisation", record.organisation_id)

    def _ask_path(self, name: str, file_filter: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save as"), str(export_folder(self.ctx.settings) / name),
                                                      file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        remember_export_folder(self.ctx.settings, path)
        return path

    def _period(self) -> str:
        year = self.year.currentData()
        return str(year) if year else _("all years")

    def export_table(self, fmt: str, path: Path | None = None) -> Path | None:
        name = _("Partnerships balance {period}").format(period=self._period()) + f".{fmt}"
        path = path or self._ask_path(name, f"{fmt.upper()} (*.{fmt})")
        if path is None:
            return None
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        try:
            written = files.write_file(
                path, balance_report.table_bytes(fmt, self.year.currentData(), self.project.currentData()))
        except OSError as exc:
            self.message.setText(_("The file could not be written: {reason}").format(reason=exc.strerror or exc))
            return None
        self.message.setText(_("Written: {path}").format(path=written))
        return written

    def export_pdf(self, path: Path | None = None) -> None:
        year = self.year.currentData()
        path = path or self._ask_path(balance_report.suggested_name(year), "PDF (*.pdf)")
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.message.setText(_("Creating the internal report…"))

        def work(_handle):
            pdf, _title = balance_report.render_internal(year)
            return files.write_file(path, pdf)

        def done(written):
            self.message.setText(_("The internal report is ready: {path}").format(path=written))
            self.last_pdf = written
            self.open_pdf.show()

        def failed(_exc, details):
            self.message.setText(_("The internal report could not be created."))
            show_error(self, _("The internal report could not be created."), details).exec()

        self.ctx.tasks.run(work, done, failed)
