"""The two grammar fields of the cards: an organisation's article form (with a preview of how
documents will write it) and a person's civility. The rules live in `domain/grammar.py`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from partnerdesk.domain.grammar import ARTICLE_CHOICES, CIVILITY_CHOICES, OrgName, propose_article
from partnerdesk.i18n import _

AUTO = "auto"  # the combo's value for "proposed from the name" (stored as NULL)


class ElidedLabel(QLabel):
    """One line that never widens its form: shown shortened with "…" to the width it is given,
    whole in its tooltip and in `text()` (a 2,000-character name)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._full = text
        self._fit()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class ArticleField(QWidget):
    """A combo (proposed / le / la / l’ / les / none) and a preview "de l’Association…"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.box = QComboBox()
        self.box.setObjectName("orgArticle")
        self.box.addItem("", AUTO)
        for value, label in ARTICLE_CHOICES:
            self.box.addItem(_(label), value)
        self.preview = ElidedLabel()
        self.preview.setObjectName("orgArticlePreview")
        self.preview.setStyleSheet("color: #555;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.preview, 1)
        self._name, self._kind = "", ""
        self.box.currentIndexChanged.connect(lambda _i: self._show())

    def set_name(self, name: str, kind: str = "") -> None:
        self._name, self._kind = name, kind or ""
        proposed = dict(ARTICLE_CHOICES)[propose_article(name, self._kind)]
        self.box.setItemText(0, _("Proposed: {form}").format(form=_(proposed)))
        self._show()

    def value(self) -> str | None:
        data = self.box.currentData()
        return None if data == AUTO else data

    def set_value(self, value: str | None) -> None:
        index = self.box.findData(AUTO if value is None else value)
        self.box.setCurrentIndex(max(index, 0))

    def _show(self) -> None:
        name = self._name.strip()
        org = OrgName(name, self.value(), self._kind)
        self.preview.setText(_("In documents: “{example}”").format(example=f"{org.de()}") if name else "")


def civility_combo() -> QComboBox:
    box = QComboBox()
    box.setObjectName("personCivility")
    for value, label in CIVILITY_CHOICES:
        box.addItem(_(label), value)
    return box
