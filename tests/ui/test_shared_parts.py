"""The pieces the dialogs and list models share: file_output, FieldErrors in the identity
dialog, and the record models built on RecordTableModel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from partnerdesk.domain.conventions import ConventionSummary
from partnerdesk.domain.partners import TagData, TrashItem
from partnerdesk.services import tags
from partnerdesk.services.exports import selection
from partnerdesk.store.backup import BackupFile
from partnerdesk.ui.dialogs import file_output
from partnerdesk.ui.dialogs.backups import BackupTableModel
from partnerdesk.ui.dialogs.identity import IdentityDialog
from partnerdesk.ui.dialogs.letters_dialog import LettersDialog
from partnerdesk.ui.dialogs.trash import TrashListModel
from partnerdesk.ui.models.conventions import COL_PARTIES, COL_STATUS, COL_TITLE, COL_VERSION, ConventionTableModel
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole
from partnerdesk.ui.models.tags import TagListModel
from partnerdesk.ui.widgets.form import ERROR_STYLE, INVALID_STYLE

TOOLTIP = Qt.ItemDataRole.ToolTipRole


def test_selection_choices_and_chosen_selection(ctx, qtbot):
    tag = tags.create_tag("financeurs")
    combo = QComboBox()
    qtbot.addWidget(combo)
    file_output.add_selection_choices(combo, [4, 7], "people", "organisations")
    assert [combo.itemData(i) for i in range(combo.count())] == [tag.id]  # a list of people: not offered
    combo.clear()
    file_output.add_selection_choices(combo, [4, 7], "people", "people")
    assert combo.itemText(0) == "The current filtered list (2)" and combo.itemData(0) == "ids"
    assert combo.itemText(1) == "Tag: financeurs"
    assert file_output.chosen_selection("ids", [4, 7]) == selection.Selection(ids=[4, 7])
    assert file_output.chosen_selection(tag.id, [4, 7]) == selection.Selection(tag_id=tag.id)
    assert file_output.chosen_selection(None, [4, 7]) is None


def test_target_path(tmp_path):
    assert file_output.target_path("  ") == (None, "Choose where to write the file.")
    target, problem = file_output.target_path(str(tmp_path / "nope" / "x.pdf"))
    assert target is None and "does not exist" in problem and "nope" in problem
    assert file_output.target_path(f" {tmp_path / 'x.pdf'} ") == (tmp_path / "x.pdf", "")


def test_letters_dialog_without_a_file_says_so_and_writes_nothing(ctx, qtbot, tmp_path):
    dialog = LettersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText("")
    dialog.make_button.click()
    assert dialog.message.text() == "Choose where to write the file."
    assert dialog.message.styleSheet() == ERROR_STYLE
    dialog.path_edit.setText(str(tmp_path / "missing" / "lettres.pdf"))
    dialog.make_button.click()
    assert "does not exist" in dialog.message.text()
    assert not (tmp_path / "missing").exists() and dialog.make_button.isEnabled()
    dialog.save_template()  # a ready-made template saved again: the message turns plain
    assert dialog.message.text() == "Template saved." and dialog.message.styleSheet() == ""


def test_export_folder_is_remembered(ctx, tmp_path):
    assert file_output.export_folder(ctx.settings) == Path.home()
    file_output.remember_export_folder(ctx.settings, tmp_path / "liste.csv")
    assert file_output.export_folder(ctx.settings) == tmp_path


def test_identity_errors_frame_the_field_but_not_the_logo_row(ctx, qtbot, tmp_path):
    dialog = IdentityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["email"].setText("pas-une-adresse")
    assert not dialog.save()
    assert dialog.edits["email"].styleSheet() == INVALID_STYLE
    assert dialog.errors["email"].styleSheet() == ERROR_STYLE
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    assert not dialog.set_logo_file(str(bad))
    logo_row = dialog.field_errors.widgets["logo_path"]
    assert dialog.errors["logo_path"].isVisibleTo(dialog) and logo_row.styleSheet() == ""
    dialog.edits["email"].setText("accueil@epn.fr")
    assert dialog.save()
    assert dialog.edits["email"].styleSheet() == "" and not dialog.errors["email"].isVisibleTo(dialog)
    assert not dialog.errors["logo_path"].isVisibleTo(dialog)


def _convention(**changes) -> ConventionSummary:
    values = dict(id=3, title="Ateliers seniors", project="Inclusion", parties=["Mairie", "CCAS"],
                  status="signee", version=10, start_date=dt.date(2026, 1, 5), end_date=None, signed_on=None)
    return ConventionSummary(**{**values, **changes})


def test_convention_model_columns_sort_and_tooltips(qapp, qtmodeltester):
    model = ConventionTableModel()
    model.set_rows([_convention(), _convention(id=4, version=9, status="brouillon")])
    qtmodeltester.check(model)
    assert model.headerData(COL_PARTIES, Qt.Orientation.Horizontal) == "Partners"
    assert model.index(0, COL_PARTIES).data() == "Mairie, CCAS"
    assert model.index(0, COL_PARTIES).data(TOOLTIP) == "Mairie\nCCAS"
    assert model.index(0, COL_TITLE).data(TOOLTIP) is None
    assert model.index(0, COL_VERSION).data() == "10" and model.index(0, COL_VERSION).data(SortRole) == 10
    assert model.index(1, COL_STATUS).data(SortRole) < model.index(0, COL_STATUS).data(SortRole)
    assert model.index(0, COL_STATUS).data(Qt.ItemDataRole.ForegroundRole).name() == "#2f855a"
    assert model.index(1, COL_TITLE).data(IdRole) == 4 and model.row_of(4) == 1 and model.row_of(99) == -1


def test_backup_tag_and_trash_models(qapp, qtmodeltester, tmp_path):
    backups = BackupTableModel()
    made = BackupFile(tmp_path / "partnerdesk-20260105-101500-manual.sqlite3", dt.datetime(2026, 1, 5, 10, 15),
                      "manual", 300 * 1024)
    backups.set_rows([made])
    qtmodeltester.check(backups)
    assert [backups.index(0, c).data() for c in (1, 2)] == ["Manual", "300 KB"]
    assert all(backups.index(0, c).data(TOOLTIP) == str(made.path) for c in range(3))
    assert backups.index(0, 0).data(ObjectRole) is made

    tag_model = TagListModel()
    tag_model.set_rows([TagData("Financeurs", "#aa0000", 2, 1, id=5)])
    qtmodeltester.check(tag_model)
    index = tag_model.index(0, 0)
    assert index.data() == "Financeurs (2 organisations, 1 person)" and index.data(TOOLTIP) is None
    assert index.data(SortRole) == "financeurs" and index.data(IdRole) == 5
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()

    trash_model = TrashListModel()
    trash_model.set_rows([TrashItem("person", 8, "Zoé Martin", dt.datetime(2026, 2, 1, 9, 0))])
    qtmodeltester.check(trash_model)
    assert trash_model.index(0, 0).data().startswith("Zoé Martin — Person, deleted on ")
    assert trash_model.index(0, 0).data(ObjectRole).id == 8


def test_match_model_headers_and_merge_checkbox(qapp, qtmodeltester):
    from types import SimpleNamespace

    from partnerdesk.ui.models.dataio import COL_ADDS, COL_EXISTING, COL_MERGE, MatchTableModel

    model = MatchTableModel()
    row = SimpleNamespace(contact=SimpleNamespace(line=3, display_name="Zoé Martin"), match_id=12,
                          match_label="Zoé MARTIN", match_reason="same email", merge=True,
                          additions=["phone", "role"])
    model.set_rows([row])
    qtmodeltester.check(model)
    assert model.columnCount() == 6 and model.headerData(COL_MERGE, Qt.Orientation.Horizontal) == "Merge"
    assert model.index(0, COL_EXISTING).data() == "Zoé MARTIN" and model.index(0, COL_EXISTING).data(IdRole) == 12
    assert model.index(0, COL_ADDS).data(TOOLTIP) == "phone\nrole"
    assert model.setData(model.index(0, COL_MERGE), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert row.merge is False and model.index(0, COL_MERGE).data() == "skip"
    model.set_all(True)
    assert row.merge is True


def test_stoppable_task_shows_the_bar_while_running_and_gives_the_buttons_back(ctx, qtbot):
    from PySide6.QtWidgets import QProgressBar, QPushButton

    from partnerdesk.ui.widgets.stoppable import StoppableTask

    bar, stop = QProgressBar(), QPushButton()
    qtbot.addWidget(bar)
    qtbot.addWidget(stop)
    seen, results, errors = [], [], []
    task = StoppableTask(bar, stop, seen.append)

    def work(handle):
        seen.append(("running", bar.isHidden(), stop.isHidden()))
        return 42

    task.start(ctx.tasks, work, results.append, lambda exc, details: errors.append(exc))
    assert seen == [True, ("running", False, False), False] and results == [42] and errors == []
    assert task.handle is None and bar.isHidden() and stop.isHidden()
    seen.clear()
    task.start(ctx.tasks, lambda h: 1 / 0, results.append, lambda exc, details: errors.append(exc),
               stoppable=False)
    assert seen == [True, False] and isinstance(errors[0], ZeroDivisionError) and task.handle is None
    task.stop()  # idle: nothing to cancel


def test_push_button_has_its_name_action_and_tooltip(qtbot):
    from partnerdesk.ui.widgets.form import push_button

    clicked = []
    widget = push_button("Enregistrer", "saveThing", lambda: clicked.append(True), tooltip="Enregistre (Ctrl+S)")
    qtbot.addWidget(widget)
    assert widget.objectName() == "saveThing" and widget.text() == "Enregistrer"
    assert widget.toolTip() == "Enregistre (Ctrl+S)"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert clicked == [True]
    plain = push_button("Plus tard", "later")
    qtbot.addWidget(plain)
    assert plain.toolTip() == "" and plain.objectName() == "later"
