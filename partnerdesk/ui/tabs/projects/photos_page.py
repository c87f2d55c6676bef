"""A project's photos: add pictures, caption them and tick the people shown (the bilan keeps only
the photos whose people consent to the use of their image)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.i18n import _, ngettext
from partnerdesk.services import realizations
from partnerdesk.services.photos import PhotoError
from partnerdesk.ui.models.roles import IdRole, ObjectRole
from partnerdesk.ui.widgets.form import push_button

THUMB = 160


def decode_thumbnails(paths, files: list[str], size: int = THUMB, handle=None) -> dict[str, QImage]:
    """Decode at size (fast), upright; runs in a worker (QImage, never QPixmap, off the GUI thread)."""
    out = {}
    for n, file in enumerate(files):
        reader = QImageReader(str(paths.photos_dir / file))
        reader.setAutoTransform(True)
        original = reader.size()
        if original.isValid():
            reader.setScaledSize(original.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            out[file] = image
        if handle is not None:
            handle.report(n + 1, len(files))
    return out


class PhotoListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._photos = []
        self._pixmaps: dict[str, QPixmap] = {}

    def set_photos(self, photos) -> None:
        self.beginResetModel()
        self._photos = list(photos)
        self.endResetModel()

    def set_thumbnails(self, images: dict[str, QImage]) -> None:
        self._pixmaps.update({f: QPixmap.fromImage(img) for f, img in images.items()})
        if self._photos:
            self.dataChanged.emit(self.index(0), self.index(len(self._photos) - 1))

    def has_thumbnail(self, file: str) -> bool:
        return file in self._pixmaps

    def photo_at(self, row: int):
        return self._photos[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._photos)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._photos)):
            return None
        photo = self._photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.caption
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmaps.get(photo.file)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ngettext("{count} person shown", "{count} people shown", len(photo.person_ids)).format(
                count=len(photo.person_ids))
        if role == IdRole:
            return photo.id
        if role == ObjectRole:
            return photo
        return None


class PhotosPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self.model = PhotoListModel(self)
        self.view = QListView()
        self.view.setObjectName("projectPhotos")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setGridSize(QSize(THUMB + 30, THUMB + 40))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._selected)
        add = push_button(_("Add photos…"), "addPhotos", self.choose_files)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b91c1c;")
        self.message.setWordWrap(True)

        self.caption = QLineEdit()
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText(_("Caption"))
        self.people = QStandardItemModel(self)
        self.people_view = QListView()
        self.people_view.setObjectName("photoPeople")
        self.people_view.setModel(self.people)
        save = push_button(_("Save"), "savePhoto", self.save_photo)
        remove = QPushButton(_("Delete the photo"))
        remove.clicked.connect(self.delete_photo)
        self.editor = QWidget()
        side = QVBoxLayout(self.editor)
        side.addWidget(self.caption)
        hint = QLabel(_("People shown (only photos whose people all consent go in the bilan):"))
        hint.setWordWrap(True)
        side.addWidget(hint)
        side.addWidget(self.people_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(remove)
        side.addLayout(buttons)
        self.editor.setEnabled(False)

        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(add)
        top.addWidget(self.message, 1)
        left.addLayout(top)
        left.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.editor, 2)

    def set_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.refresh()

    def refresh(self) -> None:
        if self.project_id is None:
            return
        photos = realizations.photos_of(self.project_id)
        self.model.set_photos(photos)
        self.editor.setEnabled(False)
        missing = [p.file for p in photos if not self.model.has_thumbnail(p.file)]
        if missing:
            paths = self.ctx.paths
            self.ctx.tasks.run(lambda handle: decode_thumbnails(paths, missing, handle=handle),
                               self.model.set_thumbnails, lambda *_args: None)

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, _("Add photos"), "",
                                                      _("Pictures (*.jpg *.jpeg *.png *.heic *.heif)"))
        self.add_files(files)

    def add_files(self, files: list[str]) -> int:
        """Import the files; refused ones are named in a message, the others are kept."""
        added, refused = 0, []
        for file in files:
            try:
                realizations.import_photo(self.ctx.paths, self.project_id, file)
                added += 1
            except PhotoError as exc:
                refused.append(f"{file} : {_(exc.message)}")
        self.message.setText("\n".join(refused))
        if added:
            self.ctx.signals.data_changed.emit("projects")
            self.refresh()
        return added

    def _selected(self, current, _previous) -> None:
        photo = self.model.photo_at(current.row()) if current.isValid() else None
        self.editor.setEnabled(photo is not None)
        self.people.clear()
        if photo is None:
            return
        self.caption.setText(photo.caption)
        for person_id, name, organisation in realizations.people_of_partners(self.project_id):
            item = QStandardItem(f"{name} — {organisation}")
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked if person_id in photo.person_ids else Qt.CheckState.Unchecked)
            item.setData(person_id, IdRole)
            item.setEditable(False)
            self.people.appendRow(item)

    def _current_photo(self):
        index = self.view.currentIndex()
        return self.model.photo_at(index.row()) if index.isValid() else None

    def checked_people(self) -> list[int]:
        return [self.people.item(r).data(IdRole) for r in range(self.people.rowCount())
                if self.people.item(r).checkState() == Qt.CheckState.Checked]

    def save_photo(self) -> None:
        photo = self._current_photo()
        if photo is not None:
            keep = [p for p in photo.person_ids if p not in {self.people.item(r).data(IdRole)
                                                              for r in range(self.people.rowCount())}]
            realizations.update_photo(photo.id, self.caption.text(), keep + self.checked_people())
            self.ctx.signals.data_changed.emit("projects")
            self.refresh()

    def delete_photo(self) -> None:
        photo = self._current_photo()
        if photo is not None:
            realizations.delete_photo(self.ctx.paths, photo.id)
            self.ctx.signals.data_changed.emit("projects")
            self.refresh()
