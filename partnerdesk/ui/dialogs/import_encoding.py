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

from partnerdesk.i18n import _

NAMES = {
    "cp1252": "Windows-1252 (Europe de l'Ouest)", "iso8859_15": "ISO-8859-15 / Latin-9", "latin-1": "ISO-8859-1",
    "cp1250": "Windows-1250 (Europe centrale)", "shift_jis": "Shift_JIS (japonais)", "cp932": "Windows-932 (japonais)",
    "euc_jp": "EUC-JP (japonais)", "gb18030": "GB18030 (chinois)", "big5": "Big5 (chinois)", "utf-8": "UTF-8",
}


class EncodingDialog(QDialog):
    def __init__(self, file_name: str, candidates: list[tuple[str, list[str]]], parent=None):
        super().__init__(parent)
        self.setObjectName("importEncodingDialog")
        self.setWindowTitle(_("Which encoding?"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("PartnerDesk cannot tell for sure how « {name} » is encoded. Choose the reading in "
                         "which the names look right; nothing is imported before the review.").format(name=file_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[QRadioButton, str]] = []
        for index, (encoding, lines) in enumerate(candidates):
            button = QRadioButton(NAMES.get(encoding, encoding))
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
