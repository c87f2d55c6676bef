"""The main window's size and place: always inside the available screen.

On a first start the window is maximised on screens up to 1440 px wide (the EPN's
1366×768 laptop) and centred at a comfortable size on larger ones; a saved geometry
is restored, then clamped to the screen it lands on (a window saved on a 1920×1080
monitor must not open half off a laptop screen).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MAXIMISE_UP_TO = 1440  # px of available width
COMFORT = (1280, 860)  # first size on larger screens
MINIMUM = (800, 560)


def clamp(frame: QRect, available: QRect) -> QRect:
    """`frame` resized to fit in `available` and moved inside it."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    x = min(max(frame.x(), available.x()), available.x() + available.width() - width)
    y = min(max(frame.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def first_geometry(available: QRect) -> tuple[QRect, bool]:
    """(geometry, maximised) for a window that has no saved geometry."""
    width = min(COMFORT[0], available.width())
    height = min(COMFORT[1], available.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect, available.width() <= MAXIMISE_UP_TO


def available_geometry(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def restore(window: QWidget, saved, available: QRect | None = None) -> None:
    """Place `window` before it is shown: saved geometry clamped, or the first-run choice."""
    available = available or available_geometry(window)
    window.setMinimumSize(min(MINIMUM[0], available.width()), min(MINIMUM[1], available.height()))
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        maximised = bool(window.windowState() & Qt.WindowState.WindowMaximized)
        if not maximised:
            frame = clamp(window.geometry(), available)
            window.setGeometry(frame)
        return
    rect, maximised = first_geometry(available)
    window.setGeometry(rect)
    if maximised:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
