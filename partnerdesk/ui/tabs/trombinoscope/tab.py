"""Trombinoscope: a photo grid of people, with filters and a PDF export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
)

from partnerdesk.i18n import _, ngettext
from partnerdesk.services import trombinoscope
from partnerdesk.services.trombinoscope import GridFilter
from partnerdesk.ui.collector import keep_out_of_the_collector
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.models.people_grid import PeopleGridListModel
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.tabs.trombinoscope import OPENS, TITLE
from partnerdesk.ui.tabs.trombinoscope.delegate import PersonCardDelegate
from partnerdesk.ui.thumbnails import ThumbnailProvider
from partnerdesk.ui.widgets.empty_state import EmptyState

SIZES = (64, 256, 32)  # smallest, largest, step of the thumbnail slider
SIZE_KEY = "trombinoscope/icon_size"


class TrombinoscopeTab(Tab):
    areas = ("people", "organisations", "tags", "photos", "projects")
    object_name = "trombinoscopeTab"
    opens = OPENS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._generation = 0
        self.provider = ThumbnailProvider(ctx, parent=self)
        self.model = PeopleGridListModel(self.provider, self)
        self.delegate = PersonCardDelegate(self)

        self.view = QListView()
        self.view.setObjectName("trombinoscopeView")
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setWrapping(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(400)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        self.view.viewport().installEventFilter(self)
        self.view.activated.connect(self._open_person)  # double-click or Enter
        self.view.verticalScrollBar().valueChanged.connect(lambda _value: self.provider.hold())
        self.provider.ready.connect(lambda photos: None if photos else self.view.viewport().update())

        self.search = QLineEdit()
        self.search.setObjectName("trombinoscopeSearch")
        self.search.setPlaceholderText(_("Search a name, a role, an organisation…"))
        self.search.setClearButtonEnabled(True)
        self.organisation = QComboBox()
        self.organisation.setObjectName("trombinoscopeOrganisation")
        self.organisation.setMinimumContentsLength(12)
        self.organisation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag = QComboBox()
        self.tag.setObjectName("trombinoscopeTag")
        self.project = QComboBox()
        self.project.setObjectName("trombinoscopeProject")
        self.project.setMinimumContentsLength(10)
        self.project.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.project.setToolTip(_("People of the project's partner organisations, its contacts and participants"))
        self.incomplete = QCheckBox(_("Incomplete cards"))
        self.incomplete.setObjectName("incompleteFilter")
        self.incomplete.setToolTip(_("People missing an email, a phone, a photo, or a consent for their photo"))
        self.size = QSlider(Qt.Orientation.Horizontal)
        self.size.setObjectName("thumbnailSize")
        self.size.setRange(SIZES[0], SIZES[1])
        self.size.setSingleStep(SIZES[2])
        self.size.setPageStep(SIZES[2])
        self.size.setMaximumWidth(120)
        self.size.setToolTip(_("Photo size"))
        self.count = QLabel()
        self.count.setObjectName("trombinoscopeCount")
        self.review_button = QPushButton(_("Check cards…"))
        self.review_button.setObjectName("openReviewButton")
        self.export_button = QPushButton(_("Export to PDF…"))
        self.export_button.setObjectName("exportTrombinoscopeButton")
        self.export_button.setToolTip(_("An A4 sheet for partners: photos only of people who agreed to it"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(_("Organisation:")))
        filters.addWidget(self.organisation, 1)
        filters.addWidget(QLabel(_("Tag:")))
        filters.addWidget(self.tag)
        filters.addWidget(QLabel(_("Project:")))
        filters.addWidget(self.project, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.count)
        actions.addSpacing(16)
        actions.addWidget(self.incomplete)
        actions.addStretch(1)
        actions.addWidget(QLabel(_("Photo size")))
        actions.addWidget(self.size)
        actions.addWidget(self.review_button)
        actions.addWidget(self.export_button)

        self.empty = EmptyState(
            _("No one in the trombinoscope yet"),
            _("Add people to your partners' cards, then give them a photo: the trombinoscope helps the "
              "whole team recognise everyone."))
        self.empty.setObjectName("trombinoscopeEmptyState")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.organisation.currentIndexChanged.connect(lambda _i: self.load())
        self.tag.currentIndexChanged.connect(lambda _i: self.load())
        self.project.currentIndexChanged.connect(lambda _i: self.load())
        self.incomplete.toggled.connect(lambda _on: self.load())
        self.size.valueChanged.connect(self.set_icon_size)
        self.review_button.clicked.connect(self.open_review)
        self.export_button.clicked.connect(self.choose_export_file)

        saved = int(self.ctx.settings.value(SIZE_KEY, 128) or 128)
        self.size.setValue(saved)
        self.set_icon_size(saved)
        self.refresh()

    @classmethod
    def title(cls) -> str:
        return _(TITLE)

    # --- data -------------------------------------------------------------------------

    def filters(self) -> GridFilter:
        return GridFilter(organisation_id=self.organisation.currentData(), tag_id=self.tag.currentData(),
                          project_id=self.project.currentData(), search=self.search.text(),
                          incomplete_only=self.incomplete.isChecked())

    def refresh(self) -> None:
        """Reload the filter choices and the people, in the background."""
        self._generation += 1
        generation, filters = self._generation, self.filters()
        keep_out_of_the_collector()

        def work(handle):
            return (trombinoscope.organisations_with_people(), trombinoscope.tags(), trombinoscope.projects(),
                    trombinoscope.list_cards(filters))

        def done(result):
            organisations, tags, projects, cards = result
            kept = self._fill_combo(self.organisation, _("All organisations"), organisations)
            kept = self._fill_combo(self.tag, _("All tags"), tags) and kept
            kept = self._fill_combo(self.project, _("All projects"), projects) and kept
            if kept:
                self._loaded(generation, filters, cards)
            else:  # a chosen organisation or tag is gone: the filter changed
                self.load()

        self.ctx.tasks.run(work, done, self._load_failed)

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[int, str]]) -> bool:
        """Refill a filter; False when its current choice disappeared."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for item_id, name in items:
            combo.addItem(name, item_id)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        return found >= 0

    def _load_failed(self, exc, details) -> None:
        show_error(self, _("The trombinoscope could not be loaded."), details).exec()

    def load(self) -> None:
        """Load the people matching the filters in the background."""
        self._generation += 1
        generation, filters = self._generation, self.filters()
        keep_out_of_the_collector()
        self.ctx.tasks.run(lambda handle: trombinoscope.list_cards(filters),
                           lambda cards: self._loaded(generation, filters, cards), self._load_failed)

    def _loaded(self, generation: int, filters: GridFilter, cards) -> None:
        if generation != self._generation:
            return
        self.provider.forget_queue()
        self.model.set_rows(cards)
        keep_out_of_the_collector()
        filtered = filters != GridFilter()
        self.stack.setCurrentWidget(self.view if cards or filtered else self.empty)
        self.count.setText(ngettext("{count} person", "{count} people", len(cards)).format(count=len(cards)))

    # --- view -------------------------------------------------------------------------

    def set_icon_size(self, size: int) -> None:
        size = max(SIZES[0], min(SIZES[1], round(size / SIZES[2]) * SIZES[2]))
        self.delegate.icon_size = size
        self.model.set_icon_size(size)
        self._fit_grid()
        self.view.viewport().update()
        self.ctx.settings.setValue(SIZE_KEY, size)

    def _fit_grid(self) -> None:
        """Spread the columns over the whole width (no empty band on the right)."""
        cell = self.delegate.cell_size(self.view.font())
        available = max(cell.width(), self.view.viewport().width() - 4)
        columns = max(1, available // cell.width())
        grid = QSize(available // columns, cell.height())
        if grid != self.view.gridSize():
            self.delegate.width = grid.width()
            self.view.setGridSize(grid)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_grid()
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_person(self, index) -> None:
        person_id = index.data(IdRole)
        if person_id is not None:
            self.ctx.signals.open_requested.emit("person", int(person_id))

    def open_item(self, kind: str, item_id: int) -> bool:
        """"review" (from "À faire") opens the review window; no tab needs showing for it."""
        if kind == "review":
            self.open_review()
        return False

    def open_review(self) -> None:
        from partnerdesk.ui.dialogs.review import open_review

        open_review(self.ctx, self)

    # --- PDF --------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        folder = str(self.ctx.settings.value("trombinoscope/last_folder", str(Path.home())))
        path, _filter = QFileDialog.getSaveFileName(self, _("Export the trombinoscope"),
                                                    str(Path(folder) / (_("trombinoscope") + ".pdf")),
                                                    _("PDF documents (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.ctx.settings.setValue("trombinoscope/last_folder", str(Path(path).parent))
            self.export_to(Path(path), open_after=True)

    def pdf_title(self) -> str:
        """"Trombinoscope", with the chosen organisation, tag or project."""
        chosen = [combo.currentText() for combo in (self.organisation, self.tag, self.project)
                  if combo.currentData() is not None]
        return " — ".join([_("Trombinoscope")] + chosen)

    def export_to(self, path: Path, open_after: bool = False) -> None:
        filters, paths, title = self.filters(), self.ctx.paths, self.pdf_title()
        self.export_button.setEnabled(False)

        def work(handle):
            trombinoscope.export_pdf_to(paths, path, filters, title)
            return path

        def done(result):
            self.export_button.setEnabled(True)
            self.ctx.signals.status_message.emit(_("Trombinoscope saved: {path}").format(path=result))
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result)))

        def failed(exc, details):
            self.export_button.setEnabled(True)
            message = _("The PDF could not be written. Is the file open in another program?") \
                if isinstance(exc, OSError) else _("The trombinoscope could not be exported.")
            show_error(self, message, details).exec()

        self.ctx.tasks.run(work, done, failed)
