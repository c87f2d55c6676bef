"""The side panel: every merge field with its current value; a click inserts it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from partnerdesk.domain.merge_fields import PROBLEM_LABELS, FieldProblem
from partnerdesk.i18n import _, ngettext


class FieldsPanel(QWidget):
    field_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("fieldsTree")
        self.tree.setHeaderLabels([_("Field"), _("Current value")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemClicked.connect(lambda item, _col: self.field_chosen.emit(item.data(0, Qt.ItemDataRole.UserRole)))
        hint = QLabel(_("Click a field to insert it where the cursor is."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>" + _("Merge fields") + "</b>"))
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        self.problems = QLabel()
        self.problems.setObjectName("fieldProblems")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        self.notice = QLabel()  # a single-partner field in a text shared by several partners
        self.notice.setObjectName("firstPartnerNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #975a16;")
        self.notice.hide()
        layout.addWidget(self.notice)

    def set_values(self, values: list[tuple[str, str, str | None]]) -> None:
        self.tree.clear()
        for name, label, value in values:
            parts = name.split(".")
            shown_label = _(label)
            if len(parts) == 3 and parts[1].isdigit():
                shown_label = shown_label.replace(" N", " " + parts[1])
            item = QTreeWidgetItem([f"{shown_label}\n{{{name}}}", value if value else _("(no value)")])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            item.setToolTip(0, "{" + name + "}")
            item.setToolTip(1, value or "")
            if not value:
                item.setForeground(1, QColor("#c53030"))
                font = QFont(item.font(1))
                font.setItalic(True)
                item.setFont(1, font)
            self.tree.addTopLevelItem(item)
        self.tree.setColumnWidth(0, 210)

    def show_loading(self) -> None:
        """Another convention's values are on their way: show none rather than the previous ones."""
        self.tree.clear()
        self.problems.setText(_("Loading…"))
        self.problems.setStyleSheet("color: palette(mid);")
        self.problems.setToolTip("")

    def names(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in items]

    def set_notices(self, notices: list[FieldProblem]) -> None:
        """Fields that name only the first of several partners: said, with the field that names them all."""
        lines = [_("{field} names only the first partner ({where}).").format(field="{" + n.name + "}", where=n.where)
                 for n in notices]
        if lines:
            lines.append(_("To name every partner, write {field}.").format(field="{partenaires.liste}"))
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))

    def set_problems(self, problems: list[FieldProblem]) -> None:
        """"All fields are filled", or how many are not (the list in the tooltip)."""
        if not problems:
            self.problems.setText(_("All the fields of the text are filled."))
            self.problems.setStyleSheet("color: #2f855a;")
            self.problems.setToolTip("")
            return
        lines = [f"{{{p.name}}} — {_(PROBLEM_LABELS[p.kind])} — {p.where}" for p in problems]
        shown = [ngettext("{n} field cannot be filled yet:", "{n} fields cannot be filled yet:",
                          len(problems)).format(n=len(problems))] + [f"• {line}" for line in lines[:3]]
        if len(lines) > 3:
            shown.append("…")
        self.problems.setText("\n".join(shown))
        self.problems.setStyleSheet("color: #c53030;")
        self.problems.setToolTip("\n".join(lines))
