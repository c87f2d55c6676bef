"""Partenaires: the organisations list."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStackedWidget, QTableView, QVBoxLayout

from partnerdesk.i18n import _
from partnerdesk.services import partners
from partnerdesk.ui.models.organisations import COL_NAME, OrganisationTableModel
from partnerdesk.ui.models.roles import SortRole
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.widgets.empty_state import EmptyState


class PartnersTab(Tab):
    areas = ("organisations", "people", "tags", "interactions")
    object_name = "partnersTab"

    def __init__(self, ctx, load_demo=None, parent=None):
        super().__init__(ctx, parent)
        self.model = OrganisationTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.table = QTableView()
        self.table.setObjectName("organisationsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()

        self.empty = EmptyState(
            _("Create your first partner"),
            _("PartnerDesk keeps the cards of the organisations you work with, their people and your "
              "exchanges. Start with a partner, or try the app with demonstration data."),
        )
        self.empty.setObjectName("partnersEmptyState")
        if load_demo is not None:
            self.empty.add_button(_("Load demonstration data"), load_demo, "loadDemoButton")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresh()

    @classmethod
    def title(cls) -> str:
        return _("Partners")

    def refresh(self) -> None:
        rows = partners.list_organisations()
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
