"""The criteria of the decision grid: a setting the EPN adapts (label, blocking or not)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.balance import DEFAULT_CRITERIA, Criterion
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import balance
from partnerdesk.ui.widgets.form import push_button


class CriteriaDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("criteriaDialog")
        self.setWindowTitle(_("Criteria of the decision grid"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Each criterion is rated when a partnership is considered. A blocking criterion rated "
                         "unfavourable means the answer is no."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        self.rows: list[tuple[QWidget, QLineEdit, QCheckBox]] = []
        for criterion in balance.criteria():
            self.add_row(criterion)
        tools = QHBoxLayout()
        add = push_button(_("Add a criterion"), "addCriterion", lambda: self.add_row(Criterion("")))
        reset = push_button(_("Back to the guide's criteria"), "resetCriteria", self.reset)
        tools.addWidget(add)
        tools.addWidget(reset)
        tools.addStretch(1)
        layout.addLayout(tools)
        self.error = QLabel()
        self.error.setObjectName("criteriaError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add_row(self, criterion: Criterion) -> None:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLineEdit(_(criterion.label))
        label.setMaxLength(200)
        label.setObjectName(f"criterion{len(self.rows) + 1}")
        blocking = QCheckBox(_("blocking"))
        blocking.setChecked(criterion.blocking)
        remove = QPushButton(_("Remove"))
        entry = (holder, label, blocking)
        remove.clicked.connect(lambda: self.remove_row(entry))
        row.addWidget(label, 1)
        row.addWidget(blocking)
        row.addWidget(remove)
        self.rows_box.addWidget(holder)
        self.rows.append(entry)

    def remove_row(self, entry) -> None:
        self.rows.remove(entry)
        entry[0].deleteLater()

    def reset(self) -> None:
        for entry in list(self.rows):
            self.remove_row(entry)
        for criterion in DEFAULT_CRITERIA:
            self.add_row(criterion)

    def criteria(self) -> list[Criterion]:
        return [Criterion(label.text().strip(), blocking.isChecked()) for _holder, label, blocking in self.rows
                if label.text().strip()]

    def save(self) -> None:
        try:
            balance.set_criteria(self.criteria())
        except ValidationError as exc:
            self.error.setText(_(next(iter(exc.errors.values()))))
            self.error.show()
            return
        self.accept()
