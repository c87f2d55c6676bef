"""The application's style: the platform's own, with the few metrics a French interface needs.

Unselected tabs are drawn a couple of pixels lower than the selected one (Fusion and
others); capital letters with an accent ("À faire", "À créer", "Évaluation") then lose
their accent at the top of the tab. Tabs keep their text where the selected one has it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory


class ComfortStyle(QProxyStyle):
    def pixelMetric(self, metric, option=None, widget=None):
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


def install(app: QApplication) -> None:
    if isinstance(app.style(), ComfortStyle):
        return
    base = QStyleFactory.create(app.style().name()) if app.style() else None
    app.setStyle(ComfortStyle(base) if base is not None else ComfortStyle())
