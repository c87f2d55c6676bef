"""Custom item roles shared by every model."""

from PySide6.QtCore import Qt

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
ObjectRole = Qt.ItemDataRole.UserRole + 3
