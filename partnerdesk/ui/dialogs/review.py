"""The yearly review ("Mise à jour annuelle"): due cards one by one, oldest first.

Current values on the left, editable fields on the right, and the actions
"Nothing changed", "Save changes", "Left the organisation", "Skip". The
position is saved after every step, so closing the dialog and opening it again
resumes where the user stopped.
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.review import CardKind
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.domain.consent import ConsentScope
from partnerdesk.domain.text import initials
from partnerdesk.services import consent, partners, review
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.undo import UndoScope
from partnerdesk.ui.unsaved import settle, vanished_message
from partnerdesk.ui.thumbnails import ThumbnailProvider, initials_pixmap
from partnerdesk.ui.widgets.form import ERROR_STYLE

LABELS = {
    "first_name": N_("First name"), "last_name": N_("Last name"), "email": N_("Email"), "phone": N_("Phone"),
    "role": N_("Role"), "name": N_("Name"), "address": N_("Address"), "postcode": N_("Postcode"),
    "city": N_("City"), "website": N_("Website"),
}
PHOTO_SIZE = 72


class ReviewCommand(QUndoCommand):
    """One review action, already done; undo puts the card back as it was before."""

    def __init__(self, ctx: AppContext, before: review.Snapshot, after: review.Snapshot, text: str):
        super().__init__(text)
        self.ctx, self.before, self.after = ctx, before, after
        self._done = True

    def _apply(self, snap: review.Snapshot) -> None:
        review.restore(snap)
        self.ctx.signals.data_changed.emit("people" if snap.kind == CardKind.PERSON.value else "organisations")

    def redo(self) -> None:
        if self._done:
            self._done = False  # the action itself already wrote it
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class ReviewDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.setObjectName("reviewDialog")
        self.setWindowTitle(_("Yearly card review"))
        self.resize(760, 520)
        self.card: review.ReviewCard | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        self.progress_label = QLabel()
        self.progress_label.setObjectName("reviewProgress")
        self.progress_label.setStyleSheet("font-weight: 600;")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        top = QHBoxLayout()
        top.addWidget(self.progress_label)
        top.addWidget(self.progress, 1)

        self.provider = ThumbnailProvider(ctx, capacity=20, parent=self)
        self.provider.ready.connect(lambda _files: self._show_photo())
        self.photo_file: str | None = None
        self.photo = QLabel()
        self.photo.setObjectName("reviewPhoto")
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("reviewCardTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("reviewCardSubtitle")
        self.subtitle.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

        self.left_box = QGroupBox(_("Leaving the organisation"))
        self.new_org = QComboBox()
        self.new_org.setObjectName("reviewNewOrganisation")
        self.new_role = QLineEdit()
        self.new_role.setObjectName("reviewNewRole")
        self.left_button = QPushButton(_("Left the organisation"))
        self.left_button.setObjectName("reviewLeftButton")
        self.left_button.setToolTip(_("Closes the current affiliation today; the history is kept"))
        left_form = QFormLayout(self.left_box)
        left_form.addRow(_("New organisation (optional):"), self.new_org)
        left_form.addRow(_("New role:"), self.new_role)
        left_form.addRow("", self.left_button)
        self.left_error = QLabel()
        self.left_error.setObjectName("reviewLeftError")
        self.left_error.setStyleSheet(ERROR_STYLE)
        self.left_error.setWordWrap(True)
        self.left_error.hide()
        left_form.addRow(self.left_error)

        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        heading = QHBoxLayout()
        heading.addWidget(self.photo)
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        heading.addLayout(names, 1)
        card_layout.addLayout(heading)
        card_layout.addLayout(self.grid)
        card_layout.addWidget(self.left_box)
        card_layout.addStretch(1)

        self.done_label = QLabel()
        self.done_label.setObjectName("reviewDone")
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet("font-size: 14pt;")
        self.pages = QStackedWidget()
        self.pages.addWidget(card_page)
        self.pages.addWidget(self.done_label)

        self.skip_button = QPushButton(_("Skip"))
        self.skip_button.setObjectName("reviewSkipButton")
        self.unchanged_button = QPushButton(_("Nothing changed"))
        self.unchanged_button.setObjectName("reviewUnchangedButton")
        self.save_button = QPushButton(_("Save changes"))
        self.save_button.setObjectName("reviewSaveButton")
        self.save_button.setDefault(True)
        self.later_button = QPushButton(_("Continue later"))
        self.later_button.setObjectName("reviewLaterButton")
        self.period = QSpinBox()
        self.period.setObjectName("reviewPeriod")
        self.period.setRange(1, 120)
        self.period.setSuffix(" " + _("months"))
        self.period.setValue(review.period_months())
        self.period.setToolTip(_("A card not checked for this long is due again. Changing it starts the "
                                 "review again on the new list."))
        top.addSpacing(16)
        top.addWidget(QLabel(_("Check each card every")))
        top.addWidget(self.period)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.unchanged_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self.skip_button.clicked.connect(self.skip)
        self.unchanged_button.clicked.connect(self.nothing_changed)
        self.save_button.clicked.connect(self.save_changes)
        self.left_button.clicked.connect(self.left_organisation)
        self.later_button.clicked.connect(self.close)
        self.period.editingFinished.connect(self.change_period)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_changes)

        self.new_org.addItem(_("— none —"), None)
        # The due cards of 10,000 people are gathered in the background: the window opens at once.
        self.session: review.Session | None = None
        for button in (self.skip_button, self.unchanged_button, self.save_button, self.left_button):
            button.setEnabled(False)
        self.progress_label.setText(_("Loading…"))
        self.undo_scope = UndoScope(self, ctx)  # Ctrl+Z here undoes the review's own steps
        ctx.tasks.run(lambda _handle: (review.organisation_choices(), review.start_session(self.today)),
                      self._started, lambda _exc, _details: self._start_failed())

    def _started(self, result) -> None:
        if not shiboken6.isValid(self):
            return
        choices, self.session = result
        for org_id, name in choices:
            self.new_org.addItem(name, org_id)
        for button in (self.skip_button, self.unchanged_button, self.save_button):
            button.setEnabled(True)
        self.show_current()

    def _start_failed(self) -> None:
        if shiboken6.isValid(self):
            self.progress_label.setText(_("The cards to check could not be gathered."))

    # --- unsaved changes (ui/unsaved.py) ---------------------------------------------------

    def is_dirty(self) -> bool:
        return self.card is not None and any(
            edit.text() != (self.card.values.get(name) or "") for name, edit in self.edits.items())

    def display_name(self) -> str:
        return self.card.title if self.card is not None else ""

    def save(self) -> bool:
        return self.save_changes()

    def revert(self) -> None:
        if self.card is not None:
            self._fill(self.card)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not settle(self):
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if settle(self):
            super().reject()

    # --- display ----------------------------------------------------------------------

    def show_current(self) -> None:
        while not self.session.finished:
            kind, card_id = self.session.current()
            self.card = review.load(kind, card_id)
            if self.card is not None:
                break
            review.advance(self.session)  # deleted since: nothing to review
        total = self.session.total
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(self.session.position)
        if self.session.finished:
            self.card = None
            self.progress_label.setText(f"{total} / {total}")
            self.done_label.setText(_("All the cards due are checked. Thank you!") if total
                                    else _("No card to check: everything is up to date."))
            self.pages.setCurrentIndex(1)
            for button in (self.skip_button, self.unchanged_button, self.save_button):
                button.setEnabled(False)
            self.later_button.setText(_("Close"))
            return
        self.progress_label.setText(f"{self.session.position + 1} / {total}")
        self.pages.setCurrentIndex(0)
        self._fill(self.card)

    def _fill(self, card: review.ReviewCard) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.edits, self.errors = {}, {}
        person = card.kind == CardKind.PERSON.value
        self.title.setText(card.title)
        self.photo.setVisible(person)
        self.photo_file = consent.photo_for_use(card.id, ConsentScope.INTERNE) if person else None
        self._show_photo()
        checked = (_("last checked on {date}").format(date=format_date(card.verified_on)) if card.verified_on
                   else _("never checked"))
        kind = _("Person") if person else _("Organisation")
        where = f" · {card.organisation}" if person and card.organisation else ""
        self.subtitle.setText(f"{kind}{where} — {checked}")
        for column, text in ((1, _("On the card")), (2, _("Up to date"))):
            header = QLabel(text)
            header.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(header, 0, column)
        for row, (name, value) in enumerate(card.values.items(), start=1):
            self.grid.addWidget(QLabel(_(LABELS[name])), row, 0)
            current = QLabel(value or "—")
            current.setObjectName(f"reviewCurrent_{name}")
            current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            current.setStyleSheet("color: palette(placeholder-text);" if not value else "")
            self.grid.addWidget(current, row, 1)
            edit = QLineEdit(value)
            edit.setObjectName(f"reviewEdit_{name}")
            self.grid.addWidget(edit, row, 2)
            error = QLabel()
            error.setObjectName(f"reviewError_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.grid.addWidget(error, row, 3)
            self.edits[name], self.errors[name] = edit, error
        extra = card.extra_emails + card.extra_phones
        if extra:
            note = QLabel(_("Also on the card: {items}").format(items=", ".join(extra)))
            note.setWordWrap(True)
            self.grid.addWidget(note, len(card.values) + 1, 0, 1, 4)
        self.left_box.setVisible(person)
        self.left_button.setEnabled(person and bool(card.organisation))
        self.new_org.setCurrentIndex(0)
        self.new_role.clear()
        self.left_error.hide()
        if self.edits:
            first = next(iter(self.edits.values()))
            first.setFocus()

    def _show_photo(self) -> None:
        """The person's photo when their consent covers internal use, else their initials."""
        if self.card is None or self.card.kind != CardKind.PERSON.value:
            return
        pixmap = self.provider.pixmap(self.photo_file, PHOTO_SIZE) if self.photo_file else None
        if pixmap is None:
            values = self.card.values
            pixmap = initials_pixmap(initials(values.get("first_name", ""), values.get("last_name", "")), PHOTO_SIZE)
        self.photo.setPixmap(pixmap)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = errors.get(name)
            label.setText(_(message) if message else "")
            label.setVisible(bool(message))

    # --- actions ----------------------------------------------------------------------

    def _next(self, before: review.Snapshot, action: str) -> None:
        card = self.card
        area = "people" if card.kind == CardKind.PERSON.value else "organisations"
        after = review.snapshot(card.kind, card.id)
        self.undo_stack.push(ReviewCommand(self.ctx, before, after, f"{action} ({card.title})"))
        review.advance(self.session)
        self.ctx.signals.data_changed.emit(area)
        self.show_current()

    def change_period(self) -> None:
        months = self.period.value()
        if months == review.period_months() or not settle(self):
            return
        review.set_period(months)
        self.session = review.start_session(self.today)
        self.ctx.signals.data_changed.emit("people")
        for button in (self.skip_button, self.unchanged_button, self.save_button):
            button.setEnabled(True)
        self.later_button.setText(_("Continue later"))
        self.show_current()

    def skip(self) -> None:
        card = self.card
        if card is not None and settle(self) and self.card is card:  # "Save" in the question moved on already
            review.advance(self.session)
            self.show_current()

    def nothing_changed(self) -> None:
        card = self.card
        if card is not None and settle(self) and self.card is card:
            before = review.snapshot(self.card.kind, self.card.id)
            review.mark_unchanged(self.card.kind, self.card.id, self.today)
            self._next(before, _("Nothing changed"))

    def save_changes(self) -> bool:
        if self.card is None:
            return False
        values = {name: edit.text() for name, edit in self.edits.items()}
        before = review.snapshot(self.card.kind, self.card.id)
        try:
            review.save_changes(self.card.kind, self.card.id, values, self.today)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except partners.NotFound:
            prompts.inform(self, _("Card not found"), vanished_message())
            review.advance(self.session)
            self.show_current()
            return False
        self._next(before, _("Save changes"))
        return True

    def left_organisation(self) -> None:
        if self.card is None or self.card.kind != CardKind.PERSON.value:
            return
        before = review.snapshot(self.card.kind, self.card.id)
        try:
            review.left_organisation(self.card.id, self.today, self.new_org.currentData(), self.new_role.text())
        except ValidationError as exc:
            self.left_error.setText(" ".join(_(m) for m in exc.errors.values()))
            self.left_error.show()
            return
        self._next(before, _("Left the organisation"))


def open_review(ctx: AppContext, parent=None) -> ReviewDialog:
    """Open the review window (not modal: the user can look things up meanwhile)."""
    dialog = ReviewDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    return dialog
