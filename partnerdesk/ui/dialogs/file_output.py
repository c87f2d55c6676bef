"""What the Export and Letters dialogs share: which cards (the filtered list, a tag),
the file to write with its "Choose…" button, and the message line under the form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton

from partnerdesk.i18n import _
from partnerdesk.services.exports import selection
from partnerdesk.ui.widgets.form import ERROR_STYLE

LAST_FOLDER = "export/last_folder"


def export_folder(settings) -> Path:
    """Where the last export was written (the home folder the first time)."""
    return Path(settings.value(LAST_FOLDER, "") or Path.home())


def remember_export_folder(settings, target: Path) -> None:
    settings.setValue(LAST_FOLDER, str(Path(target).parent))


def add_selection_choices(combo: QComboBox, ids: list[int] | None, ids_kind: str, kind: str) -> None:
    """The current filtered list (when it holds cards of `kind`), then one entry per tag."""
    if ids is not None and kind == ids_kind:
        combo.addItem(_("The current filtered list ({count})").format(count=len(ids)), "ids")
    for tag_id, name in selection.list_tags():
        combo.addItem(_("Tag: {name}").format(name=name), tag_id)


def chosen_selection(which, ids: list[int] | None) -> selection.Selection | None:
    """The Selection for a combo entry of `add_selection_choices`; None means all."""
    if which == "ids":
        return selection.Selection(ids=list(ids or []))
    if isinstance(which, int):
        return selection.Selection(tag_id=which)
    return None


def save_path_row(parent, edit: QLineEdit, title: str, file_filter: str = "") -> QHBoxLayout:
    """`edit` with a "Choose…" button asking where to save."""
    browse = QPushButton(_("Choose…"))

    def choose() -> None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, edit.text(), file_filter)
        if name:
            edit.setText(name)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def target_path(text: str) -> tuple[Path | None, str]:
    """(the file to write, "") or (None, why it cannot be written there)."""
    text = text.strip()
    if not text:
        return None, _("Choose where to write the file.")
    target = Path(text).expanduser()
    if not target.parent.is_dir():
        return None, _("This folder does not exist: {path}").format(path=target.parent)
    return target, ""


class MessageLine(QLabel):
    """The line under the form: progress and results in plain text, problems in red."""

    def __init__(self, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)

    def error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)

    def info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
