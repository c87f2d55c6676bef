"""Faut-il accepter ce partenariat ? The decision grid: each criterion rated and commented, the
main funders' conditions in view, a verdict and its date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.balance import DecisionGrid, Rating, Verdict, suggested_verdict
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import balance
from partnerdesk.ui.tabs.projects.fields import FieldError, date_edit, enum_combo, read_date, select_data, set_date
from partnerdesk.ui.widgets.form import FieldErrors, text_box


class DecisionGridDialog(QDialog):
    def __init__(self, grid: DecisionGrid, partner_name: str, parent=None):
        super().__init__(parent)
        self.grid = grid
        self.setObjectName("decisionGridDialog")
        self.setWindowTitle(_("Should we accept this partnership?"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{_('Should we accept this partnership?')}</b><br>{partner_name.replace('&', '&amp;').replace('<', '&lt;')}")
        title.setObjectName("gridTitle")
        title.setWordWrap(True)
        layout.addWidget(title)

        funders = [f for f in balance.main_funders() if f.organisation_id != grid.organisation_id]
        if funders:
            box = QGroupBox(_("Conditions of the main funders"))
            text = QLabel("\n".join(f"• {f.name} : {f.conditions or _('no condition written down')}"
                                    for f in funders))
            text.setObjectName("funderConditions")
            text.setWordWrap(True)
            QVBoxLayout(box).addWidget(text)
            layout.addWidget(box)

        rows = QWidget()
        grid_layout = QGridLayout(rows)
        grid_layout.addWidget(QLabel(f"<b>{_('Criterion')}</b>"), 0, 0)
        grid_layout.addWidget(QLabel(f"<b>{_('Rating')}</b>"), 0, 1)
        grid_layout.addWidget(QLabel(f"<b>{_('Comment')}</b>"), 0, 2)
        self.ratings: list[QComboBox] = []
        self.comments: list[QLineEdit] = []
        for i, answer in enumerate(grid.answers, start=1):
            label = QLabel(_(answer.criterion) + (" *" if answer.blocking else ""))
            label.setWordWrap(True)
            if answer.blocking:
                label.setToolTip(_("Blocking: unfavourable here means no."))
            rating = enum_combo(Rating, with_empty=_("Not rated"), object_name=f"rating{i}")
            select_data(rating, answer.rating.value if answer.rating else "")
            rating.currentIndexChanged.connect(self._update_suggestion)
            comment = QLineEdit(answer.comment)
            comment.setObjectName(f"comment{i}")
            comment.setMaxLength(2000)
            comment.setCursorPosition(0)
            grid_layout.addWidget(label, i, 0)
            grid_layout.addWidget(rating, i, 1)
            grid_layout.addWidget(comment, i, 2)
            self.ratings.append(rating)
            self.comments.append(comment)
        grid_layout.setRowStretch(len(grid.answers) + 1, 1)
        grid_layout.setColumnStretch(0, 3)
        grid_layout.setColumnStretch(2, 4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)
        layout.addWidget(scroll, 1)
        hint = QLabel(_("* blocking criterion: a partnership that fails it is a loss even when it is funded."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)

        self.suggestion = QLabel()
        self.suggestion.setObjectName("gridSuggestion")
        layout.addWidget(self.suggestion)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.verdict = enum_combo(Verdict, with_empty=_("Not decided yet"), object_name="gridVerdict")
        select_data(self.verdict, grid.verdict.value if grid.verdict else "")
        self.errors.row(form, _("Verdict"), "verdict", self.verdict)
        self.decided_on = date_edit("gridDate")
        set_date(self.decided_on, grid.decided_on or dt.date.today())
        self.errors.row(form, _("Date"), "decided_on", self.decided_on)
        self.note = text_box("gridNote", 50)
        self.note.setMaximumHeight(70)
        self.note.setPlainText(grid.note)
        self.errors.row(form, _("Note"), "note", self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_suggestion()
        self.resize(760, 600)

    def collect(self) -> DecisionGrid:
        for answer, rating, comment in zip(self.grid.answers, self.ratings, self.comments):
            answer.rating = Rating.parse(rating.currentData())
            answer.comment = comment.text().strip()
        self.grid.verdict = Verdict.parse(self.verdict.currentData())
        self.grid.note = self.note.toPlainText()
        self.grid.decided_on = read_date(self.decided_on, "decided_on")
        return self.grid

    def _update_suggestion(self) -> None:
        answers = [type(a)(a.criterion, Rating.parse(r.currentData()), "", a.blocking)
                   for a, r in zip(self.grid.answers, self.ratings)]
        verdict = suggested_verdict(answers)
        self.suggestion.setText(_("The ratings suggest: {verdict}").format(verdict=_(verdict.label)) if verdict
                                else _("Rate the criteria to get a suggestion."))

    def save(self) -> None:
        self.errors.clear()
        try:
            balance.save_grid(self.collect())
        except FieldError as exc:
            self.errors.set(exc.field, str(exc))
            return
        except ValidationError as exc:
            self.errors.show({k if k in self.errors.labels else "verdict": m for k, m in exc.errors.items()})
            return
        self.accept()
