"""When the encoding of a file is not declared and the detector is not sure: the lines that
differ, as each candidate encoding reads them; the user chooses the one that looks right."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from partnerdesk.i18n import N_, _

NAMES = {
    "cp1252": N_("Windows-1252 (Western Europe)"), "iso8859_15": N_("ISO-8859-15 / Latin-9 (Western Europe)"),
    "latin-1": N_("ISO-8859-1 (Western Europe)"), "cp1250": N_("Windows-1250 (Central Europe)"),
    "shift_jis": N_("Shift_JIS (Japanese)"), "cp932": N_("Windows-932 (Japanese)"), "euc_jp": N_("EUC-JP (Japanese)"),
    "gb18030": N_("GB18030 (Chinese)"), "big5": N_("Big5 (Chinese)"),
}


class EncodingDialog(QDialog):
    def __init__(self, file_name: str, candidates: list[tuple[str, list[str]]], parent=None):
        super().__init__(parent)
        self.setObjectName("importEncodingDialog")
        self.setWindowTitle(_("Which encoding?"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(_("PartnerDesk cannot tell for sure how « {name} » is encoded. Choose the reading in "
                         "which the names look right; nothing is imported before the review.").format(name=file_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[QRadioButton, str]] = []
        for index, (encoding, lines) in enumerate(candidates):
            button = QRadioButton(_(NAMES[encoding]) if encoding in NAMES else encoding)
            button.setObjectName(f"encoding_{encoding}")
            self.group.addButton(button, index)
            self.buttons.append((button, encoding))
            preview = QLabel("\n".join(line[:120] for line in lines) or _("(no difference in the first lines)"))
            preview.setObjectName(f"encodingPreview_{encoding}")
            preview.setStyleSheet("margin-left: 24px; font-family: monospace;")
            layout.addWidget(button)
            layout.addWidget(preview)
        if self.buttons:
            self.buttons[0][0].setChecked(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def chosen(self) -> str | None:
        return next((encoding for button, encoding in self.buttons if button.isChecked()), None)
