"""The import wizard, the export dialog, the RGPD register and the File menu, driven through the real widgets."""

from __future__ import annotations

import json
import zipfile

from PySide6.QtCore import Qt

from partnerdesk import i18n
from partnerdesk.services import imports
from partnerdesk.services.imports import writer
from partnerdesk.store import database
from partnerdesk.ui.dialogs import import_wizard as iw
from partnerdesk.ui.dialogs.export_dialog import ExportDialog
from partnerdesk.ui.dialogs.rgpd_register import RgpdRegisterDialog

from tests.core.test_dataexport import _agree_to_partners_use
from tests.core.test_imports import DATA, people


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wizard(ctx, qtbot, path):
    dialog = iw.ImportWizard(ctx)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    dialog.path_edit.textEdited.emit(str(path))
    return dialog


def slow_wizard(ctx, qtbot, monkeypatch, rows: int, shown: bool = False):
    """A wizard on the review page of a long file, its write slowed down, with the real thread pool."""
    import time

    from partnerdesk.services import data
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
    if shown:
        dialog.show()
        qtbot.waitExposed(dialog)
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() != iw.PAGE_FILE, timeout=10000)
    if dialog.stack.currentIndex() == iw.PAGE_MAPPING:
        click(qtbot, dialog.next_button)
        qtbot.waitUntil(lambda: dialog.stack.currentIndex() == iw.PAGE_REVIEW, timeout=10000)
    return dialog


def test_known_format_goes_straight_to_the_review_then_imports_and_undoes(ctx, qtbot):
    seen = []
    ctx.signals.data_changed.connect(seen.append)
    dialog = wizard(ctx, qtbot, DATA / "google.csv")
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW
    assert dialog.creates_model.rowCount() == 3 + 2  # three people, two new organisations
    assert dialog.summary_label.text().startswith("5 cards will be created: 3 people and 2 organisations.")
    assert people() == {}  # nothing written before "Import"
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_DONE
    assert set(people()) == {"Hélène Le Guérec", "François Nguyễn", "Zoé Ærøskøbing-Müller"}
    assert seen == ["*"]
    click(qtbot, dialog.undo_button)
    assert people() == {} and not dialog.undo_button.isEnabled()
    assert "undone" in dialog.result_label.text()


def test_unknown_columns_mapping_screen_and_refusals(ctx, qtbot):
    i18n.set_language("fr")
    dialog = wizard(ctx, qtbot, DATA / "tableur_fr.csv")
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_MAPPING
    assert dialog.preview_model.rowCount() == 3 and dialog.preview_model.headerData(1, Qt.Orientation.Horizontal) == "Prénom"
    assert dialog.combos[0].currentData() == "last_name" and dialog.combos[4].currentData() == "email"
    # the user ignores "Remarques" and keeps the rest
    dialog.combos[9].setCurrentIndex(dialog.combos[9].findData(""))
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW
    # the e-mail-only row 5 is no longer refused: a name derived from the address, said in "Remarques" (#19)
    assert dialog.refused_model.rowCount() == 0
    assert "Ligne 5 : Pas de nom dans le fichier" in dialog.warnings_text.toPlainText()
    click(qtbot, dialog.next_button)
    assert "Éric Bouchard" in people() and "HYPERLINK" not in people()["Éric Bouchard"]["notes"]
    assert "Sans Nom" in people()
    # remembered for next time
    assert imports.read_file(DATA / "tableur_fr.csv").header_set == "remembered"


def test_mapping_without_a_name_column_is_refused_on_the_page(ctx, qtbot):
    dialog = wizard(ctx, qtbot, DATA / "tableur_fr.csv")
    click(qtbot, dialog.next_button)
    for combo in dialog.combos:
        combo.setCurrentIndex(combo.findData("notes"))
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_MAPPING
    assert "name" in dialog.mapping_intro.text()


def test_matches_skip_all(ctx, qtbot):
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "google.csv")), ctx.paths)
    before = people()
    dialog = wizard(ctx, qtbot, DATA / "google.csv")
    click(qtbot, dialog.next_button)
    assert dialog.matches_model.rowCount() == 3
    click(qtbot, dialog.findChild(type(dialog.next_button), "importSkipAll"))
    assert dialog.matches_model.data(dialog.matches_model.index(0, 4)) == "skip"
    click(qtbot, dialog.next_button)
    assert "3 rows skipped" in dialog.result_label.text()
    assert people() == before


def test_bad_file_message_in_french_and_typing_kept(ctx, qtbot, tmp_path):
    i18n.set_language("fr")
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    dialog = wizard(ctx, qtbot, bad)
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_FILE
    assert "n'est pas un fichier texte" in dialog.file_error.text()
    assert dialog.path_edit.text() == str(bad)
    assert database.execute_sql("SELECT count(*) FROM import_batch").fetchone()[0] == 0


def test_vcard_with_photo_through_the_menu(window, qtbot, monkeypatch):
    def run_wizard(self):
        self.next()
        self.next()
        return 0

    monkeypatch.setattr(iw.ImportWizard, "exec", run_wizard)
    dialog = window.dataio.import_file(DATA / "vcard21.vcf")
    assert dialog.result.photos == 1
    assert "Joséphine Clément" in people()


def test_export_dialog_vcard_and_tag(ctx, qtbot, tmp_path):
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard30.vcf")), ctx.paths)
    _agree_to_partners_use()  # the photo leaves PartnerDesk only with consent
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("people"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("vcf"))
    tag_index = dialog.which_combo.findText("Tag: Presse")
    assert tag_index > 0
    dialog.which_combo.setCurrentIndex(tag_index)
    dialog.path_edit.setText(str(tmp_path / "presse.vcf"))
    click(qtbot, dialog.export_button)
    text = (tmp_path / "presse.vcf").read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 1 and "Le Bihan" in text and "PHOTO;ENCODING=b" in text
    assert "1 item written" in dialog.message.text()


def test_export_dialog_csv_of_the_filtered_list_and_bad_folder(ctx, qtbot, tmp_path):
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "google.csv")), ctx.paths)
    ids = [people()["Hélène Le Guérec"]["id"]]
    dialog = ExportDialog(ctx, ids=ids, ids_kind="people")
    qtbot.addWidget(dialog)
    dialog.which_combo.setCurrentIndex(dialog.which_combo.findData("ids"))
    dialog.path_edit.setText(str(tmp_path / "nope" / "x.csv"))
    click(qtbot, dialog.export_button)
    assert "does not exist" in dialog.message.text()
    dialog.path_edit.setText(str(tmp_path / "liste.csv"))
    click(qtbot, dialog.export_button)
    import csv
    import io

    content = list(csv.reader(io.StringIO((tmp_path / "liste.csv").read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert len(content) == 2 and content[1][:2] == ["Hélène", "Le Guérec"]


def test_rgpd_register_erase_from_the_photos_list(ctx, qtbot, tmp_path):
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard21.vcf")), ctx.paths)
    dialog = RgpdRegisterDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.photos_model.rowCount() == 1
    assert not dialog.erase_button.isEnabled()
    dialog.photos_view.selectRow(0)
    assert dialog.erase_button.isEnabled()
    # export their data first
    dialog._export(target=tmp_path / "jo.html")
    assert "Joséphine" in (tmp_path / "jo.html").read_text(encoding="utf-8")
    asked = []
    dialog.confirm = lambda text: asked.append(text) or True
    click(qtbot, dialog.erase_button)
    assert "Joséphine Clément" in asked[0] and "photo" in asked[0]
    assert "Joséphine Clément" not in people()
    assert dialog.photos_model.rowCount() == 0
    assert dialog.log_model.rowCount() == 2  # the export and the erasure
    assert {dialog.log_model.data(dialog.log_model.index(r, 1)) for r in range(2)} == {"Export", "Erasure"}


def test_rgpd_register_years_setting(ctx, qtbot):
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "google.csv")), ctx.paths)
    database.execute_sql("UPDATE person SET created_at = '2020-01-01 09:00:00'")
    dialog = RgpdRegisterDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.inactive_model.rowCount() == 3
    dialog.years_spin.setValue(20)
    assert dialog.inactive_model.rowCount() == 0
    from partnerdesk.services import settings

    assert settings.get(settings.RGPD_INACTIVE_YEARS) == 20
    dialog.tabs.setCurrentIndex(2)
    dialog.search.setText("hélène")
    assert dialog.people_view.model().rowCount() == 1


def test_file_menu_export_all(window, qtbot, tmp_path):
    names = [a.objectName() for a in window.file_menu.actions()]
    assert {"importAction", "exportAction", "exportAllAction", "rgpdAction"} <= set(names)
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard21.vcf")), window.ctx.paths)
    window.dataio.export_all(str(tmp_path / "tout.zip"))
    with zipfile.ZipFile(tmp_path / "tout.zip") as z:
        manifest = json.loads(z.read("manifest.json"))
        assert manifest["tables"]["person"]["rows"] == 2 and any(f.startswith("photos/") for f in manifest["files"])
    assert "Archive written" in window.statusBar().currentMessage()


def test_letters_dialog_skips_people_without_address(ctx, qtbot, tmp_path):
    from partnerdesk.ui.dialogs.letters_dialog import LettersDialog

    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "google.csv")), ctx.paths)
    dialog = LettersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("people"))
    dialog.which_combo.setCurrentIndex(dialog.which_combo.findData(None))
    assert dialog.template_combo.count() == 3  # two ready-made templates and "New template"
    dialog.body_edit.setPlainText("Bonjour {prenom}, {oups}")
    click(qtbot, dialog.make_button)
    assert "{oups}" in dialog.message.text()
    dialog.body_edit.setPlainText("Bonjour {prenom},\n\nÀ bientôt.")
    dialog.path_edit.setText(str(tmp_path / "lettres.pdf"))
    click(qtbot, dialog.make_button)
    assert "1 letter written" in dialog.message.text()  # only Hélène's organisation has an address
    assert "François Nguyễn" in dialog.message.text() and "Zoé" in dialog.message.text()
    assert (tmp_path / "lettres.pdf").read_bytes().startswith(b"%PDF")
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData(None))
    dialog.name_edit.setText("Relance")
    dialog.subject_edit.setText("Relance")
    click(qtbot, dialog.findChild(type(dialog.make_button), "lettersSaveTemplate"))
    assert dialog.template_combo.currentText() == "Relance"


def test_export_and_register_follow_the_partners_list(window, qtbot, monkeypatch, tmp_path):
    from partnerdesk.services import demo
    from partnerdesk.ui.dialogs import export_dialog, rgpd_register
    from partnerdesk.ui.tabs.partners.tab import PartnersTab

    demo.fill("small", paths=window.ctx.paths)
    window.ctx.signals.data_changed.emit("*")
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.list.apply_search("Mairie")
    shown = list(tab.list.org_proxy.visible_ids())
    assert 0 < len(shown) < 40
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: 0)
    dialog = window.dataio.export()
    assert dialog.ids == shown and dialog.which_combo.currentData() == "ids"
    dialog.path_edit.setText(str(tmp_path / "mairies.csv"))
    click(qtbot, dialog.export_button)
    assert f"{len(shown)} items written" in dialog.message.text()
    # the register opens on the person whose card is open
    person_id = database.execute_sql("SELECT id FROM person ORDER BY id LIMIT 1").fetchone()[0]
    tab.open_item("person", person_id)
    monkeypatch.setattr(rgpd_register.RgpdRegisterDialog, "exec", lambda self: 0)
    register = window.dataio.rgpd_register()
    assert register.selected_person() == person_id and register.erase_button.isEnabled()


def test_back_from_the_review_shows_the_recognised_columns(ctx, qtbot):
    dialog = wizard(ctx, qtbot, DATA / "outlook_fr.csv")
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW
    click(qtbot, dialog.back_button)
    assert dialog.stack.currentIndex() == iw.PAGE_MAPPING
    assert "Outlook (French)" in dialog.mapping_intro.text()
    assert dialog.combos[1].currentData() == "first_name"
    # ignore the phones this time (each kind of phone has its target since #19)
    for combo in dialog.combos:
        if combo.currentData() in ("phone", "work_phone", "mobile_phone", "home_phone", "fax"):
            combo.setCurrentIndex(combo.findData(""))
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    assert people()["Maëlle Kerbrat"]["phones"] == []


def test_import_is_on_the_undo_stack(ctx, qtbot):
    dialog = wizard(ctx, qtbot, DATA / "vcard30.vcf")
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    assert len(people()) == 2
    assert ctx.undo_stack.canUndo() and "vcard30.vcf" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()  # Ctrl+Z
    assert people() == {}
    ctx.undo_stack.redo()  # Ctrl+Shift+Z: the same import written again
    assert set(people()) == {"Gwenaëlle Le Bihan", "Åsa Øverlie"}
    click(qtbot, dialog.undo_button)  # "Annuler cet import" undoes the new batch too
    assert people() == {}


def test_real_background_import_can_be_stopped(ctx, qtbot, monkeypatch):
    """With the real thread pool: the write runs in a worker with its own connection; Stop leaves nothing."""
    real = writer.apply_plan
    dialog = slow_wizard(ctx, qtbot, monkeypatch, rows=1500)
    click(qtbot, dialog.next_button)
    assert not dialog.stop_button.isHidden() and dialog.handle is not None
    click(qtbot, dialog.stop_button)
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=10000)
    ctx.tasks.wait(5000)
    assert "nothing was written" in dialog.summary_label.text()
    assert people() == {}
    # and without Stop it goes through
    monkeypatch.setattr(iw.imports, "apply_plan", real)
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == iw.PAGE_DONE, timeout=10000)
    assert len(people()) == 1500


def test_export_all_in_the_background_can_be_stopped(window, qtbot, monkeypatch, tmp_path):
    import time

    from partnerdesk.services import archive, data
    from partnerdesk.ui.tasks import TaskRunner

    window.ctx.tasks = TaskRunner(data.connection_context)
    real = archive.export_all

    def slow(paths, target, report=None):
        def slow_report(done, total):
            time.sleep(0.05)
            report(done, total)
        return real(paths, target, slow_report)

    monkeypatch.setattr(archive, "export_all", slow)
    out = tmp_path / "out"
    out.mkdir()
    window.dataio.export_all(str(out / "tout.zip"))
    assert not window.dataio.stop_button.isHidden()
    click(qtbot, window.dataio.stop_button)
    qtbot.waitUntil(lambda: window.dataio.handle is None, timeout=10000)
    window.ctx.tasks.wait(5000)
    assert "stopped" in window.statusBar().currentMessage()
    assert list(out.iterdir()) == []  # no archive, no partial file


def test_person_card_more_menu_has_the_rgpd_actions(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from partnerdesk.ui.tabs.partners.tab import PartnersTab

    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard30.vcf")), window.ctx.paths)
    window.ctx.signals.data_changed.emit("*")
    tab = window.tab_of(PartnersTab)
    gwen = people()["Gwenaëlle Le Bihan"]["id"]
    tab.open_item("person", gwen)
    actions = {a.objectName(): a for a in tab.person_card.more_menu.actions()}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "gwen.html"), ""))
    actions["personRgpdExport"].trigger()
    assert "gwen@imprimerie-exemple.fr" in (tmp_path / "gwen.html").read_text(encoding="utf-8")
    window.dataio.confirm = lambda text: "Gwenaëlle Le Bihan" in text
    actions["personRgpdErase"].trigger()
    assert "Gwenaëlle Le Bihan" not in people()


def test_export_in_the_background_can_be_stopped(ctx, qtbot, monkeypatch, tmp_path):
    import time

    from partnerdesk.services import data, demo
    from partnerdesk.services.exports import vcard
    from partnerdesk.ui.tasks import TaskRunner

    demo.fill("small", paths=ctx.paths)
    ctx.tasks = TaskRunner(data.connection_context)
    real = vcard.card
    monkeypatch.setattr(vcard, "card", lambda *a, **k: (time.sleep(0.01), real(*a, **k))[1])
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("people"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("vcf"))
    out = tmp_path / "out"
    out.mkdir()
    dialog.path_edit.setText(str(out / "tous.vcf"))
    click(qtbot, dialog.export_button)
    assert dialog.handle is not None and not dialog.stop_button.isHidden()
    qtbot.wait(300)
    click(qtbot, dialog.stop_button)
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=10000)
    ctx.tasks.wait(5000)
    assert "stopped" in dialog.message.text() and list(out.iterdir()) == []


def test_a_file_dropped_on_the_wizard_is_read(ctx, qtbot):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    dialog = iw.ImportWizard(ctx)
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "vcard40.vcf"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW and dialog.creates_model.rowCount() >= 3


def test_register_sorts_dates_as_dates(ctx, qtbot):
    i18n.set_language("fr")  # 01/12/2019 sorts after 01/02/2020 as text
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "google.csv")), ctx.paths)
    database.execute_sql("UPDATE person SET created_at = '2015-01-01 09:00:00'")
    ids = people()
    for name, day in (("Hélène Le Guérec", "2019-12-01"), ("François Nguyễn", "2020-02-01")):
        cursor = database.execute_sql("INSERT INTO interaction (kind, occurred_on, summary, created_at) VALUES "
                                      "('appel', ?, '', ?)", (day, day + " 09:00:00"))
        database.execute_sql("INSERT INTO interaction_person VALUES (?, ?)", (cursor.lastrowid, ids[name]["id"]))
    dialog = RgpdRegisterDialog(ctx)
    qtbot.addWidget(dialog)
    view = dialog.inactive_view
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert view.model().index(0, 2).data() == "jamais"
    assert [view.model().index(r, 0).data() for r in range(3)] == [
        "Zoé Ærøskøbing-Müller", "Hélène Le Guérec", "François Nguyễn"]  # 01/12/2019 before 01/02/2020


def test_an_ods_file_is_offered_read_and_previewed_like_a_csv(ctx, qtbot, monkeypatch, tmp_path):
    from tests.core.test_import_ods import _calc_file

    i18n.set_language("fr")
    asked = []
    monkeypatch.setattr(iw.QFileDialog, "getOpenFileName",
                        staticmethod(lambda parent, title, folder, filters: asked.append(filters) or ("", "")))
    path = tmp_path / "contacts.ods"
    path.write_bytes(_calc_file())
    dialog = wizard(ctx, qtbot, path)
    dialog._browse()
    assert "*.ods" in asked[0].split(";;")[0]
    assert ".ods" in dialog.path_edit.placeholderText()
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_MAPPING
    assert "(classeur LibreOffice, feuille « Contacts »)" in dialog.mapping_intro.text()
    assert dialog.preview_model.headerData(0, Qt.Orientation.Horizontal) == "Prénom"
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW
    assert "1 cellule contient une formule" in dialog.warnings_text.toPlainText()
    click(qtbot, dialog.next_button)
    assert {"Hélène Le Guérec", "Jean Martin", "Zoé Müller"} <= set(people())


def test_a_renamed_file_is_refused_on_the_first_page_in_french(ctx, qtbot, tmp_path):
    i18n.set_language("fr")
    bad = tmp_path / "contacts.ods"
    bad.write_bytes(b"Prenom;Nom\nJean;Martin\n")
    dialog = wizard(ctx, qtbot, bad)
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_FILE
    assert "n'est pas un classeur LibreOffice (.ods)" in dialog.file_error.text()
    assert dialog.path_edit.text() == str(bad)


def test_the_review_rows_are_as_tall_as_their_lines_at_1366_by_768(ctx, qtbot, tmp_path):
    from partnerdesk.services.exports.tabular import csv_bytes

    path = tmp_path / "people.csv"
    path.write_bytes(csv_bytes(["First name", "Last name", "Email", "Organisation"],
                               [[f"Anne-Laure{n}", "Le Guérec-Ærøskøbing", f"ana{n}@exemple.fr",
                                 f"Office de tourisme du Pays de Châteaugiron — antenne {n}"] for n in range(40)]))
    dialog = wizard(ctx, qtbot, path)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.next()
    if dialog.stack.currentIndex() == iw.PAGE_MAPPING:
        dialog.next()
    lines = len(dialog.creates_model.index(0, 3).data().split("\n"))
    assert lines == 2
    spacing = dialog.creates_view.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: dialog.creates_view.rowHeight(0) <= (lines + 1) * spacing + 8, timeout=2000)


def test_a_file_with_only_its_header_says_why_nothing_is_imported(ctx, qtbot, tmp_path):
    path = tmp_path / "entete.csv"
    path.write_bytes("Nom;Prénom;Courriel\r\n".encode("utf-8-sig"))
    dialog = wizard(ctx, qtbot, path)
    dialog.next()
    if dialog.stack.currentIndex() == iw.PAGE_MAPPING:
        dialog.next()
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW
    said = "There is nothing to import in this file: it holds no row under its header line."
    assert dialog.summary_label.text() == said
    dialog.next()  # « Import »: nothing written, the reason stays
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW and dialog.summary_label.text() == said
    assert people() == {}
