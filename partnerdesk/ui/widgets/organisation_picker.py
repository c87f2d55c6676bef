"""The one organisation picker: type a few letters, accents and case ignored ("ecole",
"video"), pick in the list, or create the organisation from what was typed.

Suggestions come from the search service (the same index as the Partenaires search box),
so every picker of the application finds the same organisations.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.text import normalize
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import partners, search


class OrganisationPicker(QLineEdit):
    chosen = Signal(int)  # organisation id (0 when the text no longer names one)
    created = Signal(int)  # an organisation created from the typed name

    def __init__(self, parent=None, allow_create: bool = True):
        super().__init__(parent)
        self.allow_create = allow_create
        self._id: int | None = None
        self._choices: list[tuple[str, int | None]] = []  # (label, id); id None: "create"
        self._typed = ""
        self.setPlaceholderText(_("Type a few letters of the name"))
        self.setClearButtonEnabled(True)
        self.suggestions = QStringListModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setWidget(self)
        self.completer_.activated[str].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.update_suggestions)
        self.textEdited.connect(self._edited)

    # --- public -------------------------------------------------------------------------

    def organisation_id(self) -> int | None:
        return self._id

    def set_organisation(self, org_id: int | None) -> None:
        org = partners.get_organisation(org_id) if org_id else None
        self._id = org.id if org else None
        self.setText(org.name if org else "")

    def suggestion_labels(self) -> list[str]:
        return [label for label, _id in self._choices]

    def choose(self, label: str) -> None:
        """What picking `label` in the list does (tests call it too)."""
        self._activated(label)

    # --- behaviour ----------------------------------------------------------------------

    def _edited(self, _text: str) -> None:
        if self._id is not None:
            self._id = None
            self.chosen.emit(0)
        self._timer.start()

    def update_suggestions(self) -> None:
        text = self.text().strip()
        self._typed = text
        hits = search.pick_organisations(text) if text else []
        self._choices = [(self._label(h.name, h.city), h.id) for h in hits]
        exact = any(normalize(h.name) == normalize(text) for h in hits)
        if text and self.allow_create and not exact:
            self._choices.append((_("Create this organisation: “{name}”…").format(name=text), None))
        self.suggestions.setStringList([label for label, _id in self._choices])
        if self._choices and self.hasFocus():
            self.completer_.complete()

    @staticmethod
    def _label(name: str, city: str) -> str:
        return f"{name} — {city}" if city else name

    def _activated(self, label: str) -> None:
        match = next(((lbl, oid) for lbl, oid in self._choices if lbl == label), None)
        if match is None:
            return
        if match[1] is None:
            self._create(self._typed)
            return
        self.set_organisation(match[1])
        self.chosen.emit(match[1])

    def _create(self, name: str) -> None:
        try:
            org = partners.create_organisation(OrganisationData(name=name))
        except ValidationError as exc:
            self.setToolTip(" ".join(_(m) for m in exc.errors.values()))
            return
        self.set_organisation(org.id)
        self.created.emit(org.id)
        self.chosen.emit(org.id)
