"""The import wizard under a hurried hand: Annuler, Escape or the close box while the import is being
written, with the real thread pool. The database checked."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from partnerdesk.ui.dialogs import import_wizard as iw
from tests.core.test_imports import people
from tests.ui.test_dataio_ui import click, wizard


def _slow_wizard(ctx, qtbot, monkeypatch, rows: int = 600):
    """A wizard on the review page of a long file, its write slowed down, with the real thread pool."""
    from partnerdesk.services import data
    from partnerdesk.services.imports import writer
    from partnerdesk.ui.tasks import TaskRunner

    ctx.tasks = TaskRunner(data.connection_context)
    path = ctx.paths.root / "long.csv"
    path.write_text("Nom;Prénom;Courriel\n" + "".join(f"Nom{i};Prénom{i};p{i}@exemple.fr\n" for i in range(rows)),
                    encoding="utf-8")
    real = writer.apply_plan

    def slow(plan, paths, report=None):
        def slow_report(done, total):
            time.sleep(0.05)
            report(done, total)
        return real(plan, paths, slow_report)

    monkeypatch.setattr(iw.imports, "apply_plan", slow)
    dialog = wizard(ctx, qtbot, path)
    dialog.show()
    qtbot.waitExposed(dialog)
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() != iw.PAGE_FILE, timeout=10000)
    if dialog.stack.currentIndex() == iw.PAGE_MAPPING:
        click(qtbot, dialog.next_button)
        qtbot.waitUntil(lambda: dialog.stack.currentIndex() == iw.PAGE_REVIEW, timeout=10000)
    return dialog


@pytest.mark.parametrize("how", ["button", "escape", "close box"])
def test_annuler_while_the_import_is_written_writes_nothing(ctx, qtbot, monkeypatch, how):
    """Seen in the hostile pass: « Importer », then « Annuler » (or Escape) at once: the wizard closed and
    the 600 contacts were written all the same, behind the user's back."""
    dialog = _slow_wizard(ctx, qtbot, monkeypatch)
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
