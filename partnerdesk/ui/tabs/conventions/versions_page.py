"""Versions: the list, a view of any version, a comparison of two, restore as a new version."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.convention_diff import STATE_LABELS, SectionChange
from partnerdesk.domain.conventions import ConventionContent, VersionInfo
from partnerdesk.i18n import _, format_datetime
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.splitters import keep_minimum_sizes


def content_html(content: ConventionContent) -> str:
    parts = []
    for party in content.parties:
        who = ", ".join(x for x in (party.signatory, party.signatory_title) if x)
        parts.append(f"<p><b>{escape(party.name)}</b>" + (f" — {escape(who)}" if who else "") + "</p>")
    for number, section in enumerate(content.sections, 1):
        parts.append(f"<h3>{number}. {escape(section.title)}</h3>{section.body}")
        if section.kind == "engagements":
            for party in content.parties:
                parts.append(f"<h4>{escape(party.name)}</h4>{party.engagements}")
    return "".join(parts)


def diff_html(changes: list[SectionChange]) -> str:
    parts = []
    for change in changes:
        state = _(STATE_LABELS[change.state])
        colour = {"same": "#718096", "changed": "#b7791f", "added": "#2f855a", "removed": "#c53030"}[change.state]
        parts.append(f"<h3>{escape(change.title)} <span style='color:{colour}; font-weight:normal;'>"
                     f"({escape(state)})</span></h3>")
        for op, line in change.lines:
            text = escape(line) or "&nbsp;"
            if op == "+":
                parts.append(f"<p style='background:#e6f4ea; color:#1e5631;'>+ {text}</p>")
            elif op == "-":
                parts.append(f"<p style='background:#fdecea; color:#8a1c1c;'><s>− {text}</s></p>")
            else:
                parts.append(f"<p style='color:#4a5568;'>&nbsp;&nbsp;{text}</p>")
    return "".join(parts)


class VersionsPage(QWidget):
    view_requested = Signal(int)
    compare_requested = Signal(int, int)
    restore_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("versionsTree")
        self.tree.setHeaderLabels([_("Version"), _("Saved on"), _("Note")])
        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(lambda *_a: self._view())
        self._view_pending = False  # a version to show once the page is visible
        self.other = QComboBox()
        self.other.setObjectName("compareWith")
        self.compare_button = push_button(_("Compare"), "compareButton", self._compare)
        self.restore_button = push_button(_("Restore as a new version"), "restoreButton", self._restore)
        self.browser = QTextBrowser()
        self.browser.setObjectName("versionBrowser")
        self.caption = QLabel()
        self.caption.setObjectName("versionCaption")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Compare with")))
        row.addWidget(self.other, 1)
        row.addWidget(self.compare_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.restore_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.caption)
        right_layout.addWidget(self.browser, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])
        keep_minimum_sizes(splitter, (200, 300))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def load(self, versions: list[VersionInfo], read_only: bool) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.other.clear()
        for v in versions:
            item = QTreeWidgetItem([str(v.number), format_datetime(v.created_at), v.note])
            item.setData(0, Qt.ItemDataRole.UserRole, v.number)
            self.tree.addTopLevelItem(item)
            self.other.addItem(_("version {number}").format(number=v.number), v.number)
        self.tree.blockSignals(False)
        self.restore_button.setEnabled(not read_only)
        self.restore_button.setToolTip(_("A signed convention changes through an amendment.") if read_only else "")
        if versions:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            self.tree.blockSignals(False)
            if len(versions) > 1:
                self.other.setCurrentIndex(1)
        # The latest version's text is rendered when the page is seen, not at every convention opened.
        self.caption.clear()
        self.browser.clear()
        self._view_pending = bool(versions)
        if self.isVisible():
            self._show_pending()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._show_pending()

    def _show_pending(self) -> None:
        if self._view_pending:
            self._view()

    def selected(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def show_content(self, number: int, content: ConventionContent) -> None:
        self.caption.setText("<b>" + _("Version {number}").format(number=number) + "</b>")
        self.browser.setHtml(content_html(content))

    def show_diff(self, old: int, new: int, changes: list[SectionChange]) -> None:
        self.caption.setText("<b>" + _("Changes from version {old} to version {new}").format(old=old, new=new)
                             + "</b>")
        self.browser.setHtml(diff_html(changes))

    def _view(self) -> None:
        self._view_pending = False
        number = self.selected()
        if number is not None:
            self.view_requested.emit(number)

    def _compare(self) -> None:
        number, other = self.selected(), self.other.currentData()
        if number is not None and other is not None and number != other:
            self.compare_requested.emit(min(number, other), max(number, other))

    def _restore(self) -> None:
        number = self.selected()
        if number is not None:
            self.restore_requested.emit(number)
