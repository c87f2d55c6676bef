"""The import wizard under a hurried hand: Annuler, Escape or the close box while the import is being
written, with the real thread pool. The database checked."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

from partnerdesk.ui.dialogs import import_wizard as iw
from tests.core.test_imports import people
from tests.ui.test_dataio_ui import click, slow_wizard, wizard


@pytest.mark.parametrize("how", ["button", "escape", "close box"])
def test_annuler_while_the_import_is_written_writes_nothing(ctx, qtbot, monkeypatch, how):
    """Seen in the hostile pass: « Importer », then « Annuler » (or Escape) at once: the wizard closed and
    the 600 contacts were written all the same, behind the user's back."""
    dialog = slow_wizard(ctx, qtbot, monkeypatch, rows=600, shown=True)
    click(qtbot, dialog.next_button)  # Importer
    assert dialog.handle is not None
    if how == "button":
        click(qtbot, dialog.close_button)
    elif how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=20000)
    ctx.tasks.wait(5000)
    assert people() == {} and ctx.undo_for(dialog).count() == 0
    assert dialog.isVisible() and "nothing was written" in dialog.summary_label.text()
    click(qtbot, dialog.close_button)  # nothing runs any more: Annuler closes
    assert not dialog.isVisible() and people() == {}


def test_an_ods_with_a_sheet_of_notes_first_reaches_the_review(ctx, qtbot):
    """Seen in the hostile pass: a « Lisez-moi » sheet before the contacts: the wizard stopped on the file
    page, « a single column »."""
    from partnerdesk import i18n
    from tests.core import ods_samples as s

    i18n.set_language("fr")
    path = ctx.paths.root / "partenaires.ods"
    path.write_bytes(s.ods(s.content(
        s.sheet("Lisez-moi", s.row("Liste tenue par Claire, à jour en mars")),
        s.sheet("Contacts", s.row("Prénom", "Nom", "Courriel"), s.row("Ana", "Lopes", "ana@exemple.fr")))))
    dialog = wizard(ctx, qtbot, path)
    click(qtbot, dialog.next_button)
    assert dialog.file_error.text() == ""
    if dialog.stack.currentIndex() == iw.PAGE_MAPPING:
        click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW and dialog.creates_model.rowCount() == 1
    assert "« Lisez-moi »" in dialog.warnings_text.toPlainText()
    click(qtbot, dialog.next_button)
    assert list(people()) == ["Ana Lopes"]
