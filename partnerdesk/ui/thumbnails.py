"""Photo thumbnails for the GUI: decoded at size in the background, cached twice.

On disk, `services.thumbnails` keeps small JPEGs under the data folder's
`cache/thumbnails/`. In memory, this provider keeps QPixmaps. A worker makes the
cached file if needed and reads it into a QImage scaled at size (QImageReader);
only the GUI thread turns QImages into QPixmaps. The GUI thread never decodes a
full photo.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPixmap

from partnerdesk.services import thumbnails
from partnerdesk.ui.context import AppContext

BATCH = 24
_PALETTE = ["#2c5282", "#2f855a", "#b7791f", "#9b2c2c", "#6b46c1", "#2b6cb0", "#97266d", "#285e61"]


def read_scaled(path: str, size: int) -> QImage:
    """Read an image file scaled to fit `size` x `size` while decoding (worker-safe)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and max(original.width(), original.height()) > size:
        reader.setScaledSize(original.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _load_batch(paths, batch: list[tuple[str, int]]) -> list[tuple[str, int, QImage]]:
    out = []
    for photo, size in batch:
        path = thumbnails.ensure_thumbnail(paths, photo, size)
        image = read_scaled(str(path), size) if path else QImage()
        out.append((photo, size, image))
    return out


class ThumbnailProvider(QObject):
    """`pixmap(photo, size)` answers from memory or returns None and loads it;
    `ready(photos)` tells which ones arrived."""

    ready = Signal(list)

    def __init__(self, ctx: AppContext, capacity: int = 3000, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.capacity = capacity
        self._cache: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._failed: set[tuple[str, int]] = set()
        self._queued: list[tuple[str, int]] = []
        self._in_flight: set[tuple[str, int]] = set()
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)

    def pixmap(self, photo: str, size: int) -> QPixmap | None:
        key = (photo, size)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        if key not in self._in_flight and key not in self._failed:
            self._in_flight.add(key)
            self._queued.append(key)
            self._flush_timer.start()
        return None

    def pending(self) -> int:
        return len(self._in_flight)

    def forget_queue(self) -> None:
        """Drop requests not started yet (the view changed size or filter)."""
        for key in self._queued:
            self._in_flight.discard(key)
        self._queued.clear()

    def _flush(self) -> None:
        paths = self.ctx.paths
        while self._queued:
            batch, self._queued = self._queued[:BATCH], self._queued[BATCH:]
            self.ctx.tasks.run(lambda handle, b=batch: _load_batch(paths, b), self._arrived,
                               lambda exc, details, b=batch: self._lost(b))

    def _arrived(self, results: list[tuple[str, int, QImage]]) -> None:
        photos = []
        for photo, size, image in results:
            key = (photo, size)
            self._in_flight.discard(key)
            if image.isNull():
                self._failed.add(key)
                continue
            self._cache[key] = QPixmap.fromImage(image)
            photos.append(photo)
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        if photos:
            self.ready.emit(photos)

    def _lost(self, batch) -> None:
        for key in batch:
            self._in_flight.discard(key)
            self._failed.add(key)


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
        painter.drawEllipse(2, 2, size - 4, size - 4)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, int(size * 0.36)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        _placeholders[key] = pixmap
    return _placeholders[key]
