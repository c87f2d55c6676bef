"""The one organisation picker: type a few letters, accents and case ignored ("ecole",
"video"), pick in the list, or create the organisation from what was typed.

Suggestions come from the search service (the same index as the Partenaires search box),
so every picker finds the same organisations. `OrganisationCompleter` serves any line
edit; `OrganisationPicker` is a line edit with it; `attach_to_combo` gives an editable
combo box (a list of organisations) the same suggestions.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.text import normalize
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import partners, search


class OrganisationCompleter(QCompleter):
    picked = Signal(int)  # the organisation chosen in the list, or created from the typed name
    created = Signal(int)
    failed = Signal(str)  # the organisation could not be created (message in the interface language)

    def __init__(self, edit: QLineEdit, allow_create: bool = True):
        self.suggestions = QStringListModel()
        super().__init__(self.suggestions, edit)
        self.suggestions.setParent(self)
        self.edit = edit
        self.allow_create = allow_create
        self._choices: list[tuple[str, int | None]] = []  # (label, id); id None: "create"
        self._typed = ""
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setWidget(edit)
        self.activated[str].connect(self.choose)
        edit.textEdited.connect(self.update_suggestions)

    def labels(self) -> list[str]:
        return [label for label, _id in self._choices]

    def update_suggestions(self, *_args) -> None:
        text = self.edit.text().strip()
        self._typed = text
        hits = search.pick_organisations(text) if text else []
        self._choices = [(f"{h.name} — {h.city}" if h.city else h.name, h.id) for h in hits]
        exact = any(normalize(h.name) == normalize(text) for h in hits)
        if text and self.allow_create and not exact:
            self._choices.append((_("Create this organisation: “{name}”…").format(name=text), None))
        self.suggestions.setStringList(self.labels())
        if self._choices and self.edit.hasFocus():
            self.complete()

    def choose(self, label: str) -> None:
        """What picking `label` in the list does (tests call it too)."""
        org_id = next((oid for lbl, oid in self._choices if lbl == label), 0)
        if org_id == 0:
            return
        if org_id is None:
            org_id = self._create(self._typed)
            if org_id is None:
                return
        org = partners.get_organisation(org_id)
        self.edit.setText(org.name if org else "")
        self.picked.emit(org_id)

    def _create(self, name: str) -> int | None:
        try:
            org = partners.create_organisation(OrganisationData(name=name))
        except ValidationError as exc:
            self.failed.emit(" ".join(_(m) for m in exc.errors.values()))
            return None
        self.created.emit(org.id)
        return org.id


class OrganisationPicker(QLineEdit):
    chosen = Signal(int)  # organisation id (0 when the text no longer names one)
    created = Signal(int)

    def __init__(self, parent=None, allow_create: bool = True):
        super().__init__(parent)
        self._id: int | None = None
        self.setPlaceholderText(_("Type a few letters of the name"))
        self.setClearButtonEnabled(True)
        self.completer_ = OrganisationCompleter(self, allow_create)
        self.completer_.picked.connect(self._picked)
        self.completer_.created.connect(self.created)
        self.completer_.failed.connect(self.setToolTip)
        self.textEdited.connect(self._edited)

    def organisation_id(self) -> int | None:
        return self._id

    def set_organisation(self, org_id: int | None) -> None:
        org = partners.get_organisation(org_id) if org_id else None
        self._id = org.id if org else None
        self.setText(org.name if org else "")

    def update_suggestions(self) -> None:
        self.completer_.update_suggestions()

    def suggestion_labels(self) -> list[str]:
        return self.completer_.labels()

    def choose(self, label: str) -> None:
        self.completer_.choose(label)

    def _edited(self, _text: str) -> None:
        if self._id is not None:
            self._id = None
            self.chosen.emit(0)

    def _picked(self, org_id: int) -> None:
        self._id = org_id
        self.chosen.emit(org_id)


def attach_to_combo(combo: QComboBox, allow_create: bool = True) -> OrganisationCompleter:
    """An editable combo box listing organisations (item data: the id) gets the shared
    suggestions; a pick selects the item, a creation adds it."""
    combo.setCompleter(None)
    completer = OrganisationCompleter(combo.lineEdit(), allow_create)

    def picked(org_id: int) -> None:
        index = combo.findData(org_id)
        if index < 0:
            org = partners.get_organisation(org_id)
            combo.addItem(org.name if org else "?", org_id)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    completer.picked.connect(picked)
    combo.organisation_completer = completer
    return completer
