"""Photo thumbnails for the GUI: decoded at size in the background, cached twice.

On disk, small JPEGs under the data folder's `cache/thumbnails/` (paths from
`services.thumbnails`). In memory, QPixmaps. A worker reads the cached file, or
decodes the stored photo directly at size (QImageReader.setScaledSize) and writes
the cached file; only the GUI thread turns the QImages into QPixmaps. The GUI
thread never decodes a full photo.

Work is throttled so the GUI thread keeps the processor and the interpreter: one
batch at a time, and no new requests while the view scrolls (`hold`).
"""

from __future__ import annotations

import os
from collections import OrderedDict

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPixmap

from partnerdesk.services import thumbnails
from partnerdesk.ui.context import AppContext

BATCH = 12
_PALETTE = ["#5b7db1", "#5f9e7f", "#c08a3e", "#b46a6a", "#8a74b8", "#4f8fa8", "#a8688f", "#6f8f5b"]


def read_scaled(path: str, size: int) -> QImage:
    """Read an image file scaled to fit `size` x `size` while decoding (worker-safe)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and max(original.width(), original.height()) > size:
        reader.setScaledSize(original.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def load_thumbnail(paths, photo: str, size: int) -> QImage:
    """The thumbnail of a stored photo at `size`, made and cached on disk when missing."""
    cached = thumbnails.thumbnail_path(paths, photo, size)
    if cached.exists():
        image = read_scaled(str(cached), size)
        if not image.isNull():
            return image.convertToFormat(QImage.Format.Format_RGB32)
    image = read_scaled(str(paths.photos_dir / photo), thumbnails.bucket(size))
    if image.isNull():
        return image
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_name(f"{cached.stem}.{os.getpid()}.{id(image)}.part")
    if image.save(str(tmp), "JPEG", 85):
        os.replace(tmp, cached)
    if max(image.width(), image.height()) > size:
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image.convertToFormat(QImage.Format.Format_RGB32)


def _load_batch(paths, batch: list[tuple[str, int]]) -> list[tuple[str, int, QImage]]:
    return [(photo, size, load_thumbnail(paths, photo, size)) for photo, size in batch]


class ThumbnailProvider(QObject):
    """`pixmap(photo, size)` answers from memory, or returns None and loads it in the
    background; `ready(photos)` tells which ones arrived."""

    ready = Signal(list)

    def __init__(self, ctx: AppContext, capacity: int = 3000, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.capacity = capacity
        self._cache: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._failed: set[tuple[str, int]] = set()
        self._queued: list[tuple[str, int]] = []
        self._wanted: set[tuple[str, int]] = set()
        self._busy = False
        self._held = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.timeout.connect(self._release)

    def pixmap(self, photo: str, size: int) -> QPixmap | None:
        key = (photo, size)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        if not self._held and key not in self._wanted and key not in self._failed:
            self._wanted.add(key)
            self._queued.append(key)
            self._flush_timer.start()
        return None

    def pending(self) -> int:
        return len(self._wanted)

    def forget_queue(self) -> None:
        """Drop requests not started yet (the view scrolled, resized or was filtered)."""
        for key in self._queued:
            self._wanted.discard(key)
        self._queued.clear()

    def hold(self, msecs: int = 80) -> None:
        """Make no new request for `msecs` (while the view scrolls); `ready([])` when released."""
        self._held = True
        self.forget_queue()
        self._release_timer.start(msecs)

    def _release(self) -> None:
        self._held = False
        self.ready.emit([])  # the view repaints and asks again for what it shows

    def _flush(self) -> None:
        if self._busy or not self._queued:
            return
        batch, self._queued = self._queued[-BATCH:], self._queued[:-BATCH]  # newest first
        self._busy = True
        paths = self.ctx.paths
        self.ctx.tasks.run(lambda handle: _load_batch(paths, batch), self._arrived,
                           lambda exc, details: self._lost(batch))

    def _arrived(self, results: list[tuple[str, int, QImage]]) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        photos = []
        for photo, size, image in results:
            key = (photo, size)
            self._wanted.discard(key)
            if image.isNull():
                self._failed.add(key)
                continue
            self._cache[key] = QPixmap.fromImage(image)
            photos.append(photo)
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        if photos:
            self.ready.emit(photos)
        self._flush_timer.start()

    def _lost(self, batch) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        for key in batch:
            self._wanted.discard(key)
            self._failed.add(key)
        self._flush_timer.start()


_placeholders: dict[tuple[str, int], QPixmap] = {}


def initials_pixmap(text: str, size: int) -> QPixmap:
    """A coloured disc with initials, for people without a usable photo (GUI thread)."""
    key = (text, size)
    if key not in _placeholders:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(_PALETTE[sum(map(ord, text)) % len(_PALETTE)]))
        margin = max(2, size // 10)
        painter.drawEllipse(margin, margin, size - 2 * margin, size - 2 * margin)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, int(size * 0.3)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        _placeholders[key] = pixmap
    return _placeholders[key]
