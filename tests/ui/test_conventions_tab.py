"""The Conventions tab driven with real widgets; results checked in the database."""

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from partnerdesk.domain.conventions import CircuitStep
from partnerdesk.services import conventions
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
from tests.conventions_helpers import make_convention


@pytest.fixture
def tab(ctx, qtbot):
    widget = ConventionsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    return widget


def test_the_editor_is_built_after_the_tab(ctx, qtbot):
    """The tab shows its list at once; the editor (the largest form) comes in its own turn of the
    event loop, or at once when something needs it (selecting a convention)."""
    from partnerdesk.ui.tabs.conventions.editor import ConventionEditor

    conv = make_convention()
    tab = ConventionsTab(ctx)
    qtbot.addWidget(tab)
    assert tab._editor is None and tab.can_leave() and tab._editor is None
    qtbot.waitUntil(lambda: tab._editor is not None)
    assert isinstance(tab.editor, ConventionEditor) and tab.right.indexOf(tab.editor) >= 0

    other = ConventionsTab(ctx)  # asked for before that turn: built at once
    qtbot.addWidget(other)
    other.refresh()
    other.select(conv.id)
    assert other.editor.conv.id == conv.id and other.right.currentWidget() is other.editor


@pytest.fixture
def opened(tab):
    conv = make_convention()
    tab.refresh()
    tab.select(conv.id)
    assert tab.editor.conv.id == conv.id
    return tab


def test_empty_state_then_list(tab, qtbot):
    assert tab.stack.currentWidget() is tab.empty
    conv_id = tab.create("Convention test", [], None)
    assert tab.stack.currentWidget() is tab.splitter
    assert tab.model.rowCount() == 1 and tab.editor.conv.id == conv_id
    assert tab.editor.text_page.list.count() == 9


def test_edit_and_save_details(opened, qtbot):
    editor = opened.editor
    editor.title.setText("Convention renommée")
    editor.title.textEdited.emit("Convention renommée")
    editor.start.setText("32/13/2026")
    editor.start.textEdited.emit("32/13/2026")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "not valid" in editor.errors["start_date"].text()
    assert editor.title.text() == "Convention renommée"  # the typing is kept
    assert conventions.get_convention(editor.conv.id).title == "Convention Premiers clics"
    editor.start.setText("02/02/2026")
    editor.start.textEdited.emit("02/02/2026")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = conventions.get_convention(editor.conv.id)
    assert stored.title == "Convention renommée" and stored.start_date == dt.date(2026, 2, 2)
    assert opened.model.rowCount() == 1


def test_paste_from_word_processor_is_cleaned(opened, qtbot):
    page = opened.editor.text_page
    text = page.body.editor
    text.set_html("")
    mime = QMimeData()
    mime.setHtml('<html><head><style>p{color:red}</style></head><body><p class=MsoNormal>'
                 '<span style="font-family:Comic Sans MS;font-size:20pt;color:red">Rouge</span> '
                 '<b>gras</b> <u>souligné</u><img src="x.png"></p>'
                 '<table><tr><td>cellule</td></tr></table></body></html>')
    text.insertFromMimeData(mime)
    assert text.html() == "<p>Rouge <b>gras</b> souligné</p><p>cellule</p>"
    qtbot.mouseClick(opened.editor.save_button, Qt.MouseButton.LeftButton)
    assert conventions.get_convention(opened.editor.conv.id).content.sections[0].body == text.html()


def test_toolbar_bold_and_list(opened, qtbot):
    text = opened.editor.text_page.body.editor
    text.set_html("<p>un mot</p>")
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    qtbot.mouseClick(opened.editor.text_page.body.toolbar.buttons["bold"], Qt.MouseButton.LeftButton)
    assert text.html() == "<p><b>un</b> mot</p>"
    qtbot.mouseClick(opened.editor.text_page.body.toolbar.buttons["bullets"], Qt.MouseButton.LeftButton)
    assert text.html() == "<ul><li><b>un</b> mot</li></ul>"
    text.set_html("<p>Titre</p>")
    qtbot.mouseClick(opened.editor.text_page.body.toolbar.buttons["heading"], Qt.MouseButton.LeftButton)
    assert text.html() == "<h3>Titre</h3>"
    qtbot.mouseClick(opened.editor.text_page.body.toolbar.buttons["paragraph"], Qt.MouseButton.LeftButton)
    assert text.html() == "<p>Titre</p>"


def test_field_panel_inserts_and_highlights(opened, qtbot):
    page = opened.editor.text_page
    tree = page.fields.tree
    names = page.fields.names()
    assert "projet.titre" in names and "partenaires.1.nom" in names
    values = {tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): tree.topLevelItem(i).text(1)
              for i in range(tree.topLevelItemCount())}
    assert values["partenaire.nom"] == "Dupont & Fils <SARL>"
    page.body.editor.set_html("<p>Avec </p>")
    page.body.editor.moveCursor(QTextCursor.MoveOperation.End)
    item = tree.topLevelItem(names.index("partenaire.nom"))
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.body.editor.toPlainText() == "Avec {partenaire.nom}"
    page.body.editor.set_html("<p>{partenaire.nom} {projet.titr}</p>")
    block = page.body.editor.document().firstBlock()
    formats = block.layout().formats()
    colours = {(f.start, f.length): f.format.background().color().name() for f in formats}
    assert colours[(0, len("{partenaire.nom}"))] == "#dbe9f6"
    assert colours[(len("{partenaire.nom} "), len("{projet.titr}"))] == "#f9d6d5"


def test_parties_signatory_and_engagements(opened, qtbot):
    page = opened.editor.parties_page
    assert page.list.count() == 2
    page.list.setCurrentRow(1)
    page.signatory.setText("Hélène Dupont")
    page.signatory.textEdited.emit("Hélène Dupont")
    page.engagements.editor.set_html("<p>Prêter <b>3 tablettes</b></p>")
    qtbot.mouseClick(opened.editor.save_button, Qt.MouseButton.LeftButton)
    party = conventions.get_convention(opened.editor.conv.id).content.parties[1]
    assert party.signatory == "Hélène Dupont" and party.engagements == "<p>Prêter <b>3 tablettes</b></p>"
    page.name.setText("")
    page.name.textEdited.emit("")
    qtbot.mouseClick(opened.editor.save_button, Qt.MouseButton.LeftButton)
    assert page.name_error.text() == "This field is required."
    assert conventions.get_convention(opened.editor.conv.id).content.parties[1].name == "Dupont & Fils <SARL>"


def test_circuit_preset_and_step_actions(opened, qtbot):
    editor = opened.editor
    page = editor.circuit_page
    editor.pages.setCurrentWidget(page)
    page.preset.setCurrentIndex(page.preset.findData("service_municipal"))
    qtbot.mouseClick(page.apply_preset, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 3
    page.new_label.setText("Délibération du conseil municipal")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 4
    page.select(0)
    qtbot.mouseClick(page.action_buttons["start"], Qt.MouseButton.LeftButton)
    stored = conventions.get_convention(editor.conv.id)
    assert [s.label for s in stored.steps][-1] == "Délibération du conseil municipal"
    assert stored.steps[0].status == "en_cours" and stored.status == "en_validation"
    page.select(0)
    qtbot.mouseClick(page.action_buttons["refuse"], Qt.MouseButton.LeftButton)
    assert page.error.text() == "Say why the step is refused in its comment."
    page.comment.setText("Budget à revoir")
    qtbot.mouseClick(page.action_buttons["refuse"], Qt.MouseButton.LeftButton)
    stored = conventions.get_convention(editor.conv.id)
    assert stored.steps[0].status == "refuse" and stored.steps[0].comment == "Budget à revoir"
    assert stored.status == "brouillon"
    assert "Draft" in editor.status.text()


def test_versions_view_compare_restore(opened, qtbot):
    editor = opened.editor
    page = editor.text_page
    page.list.setCurrentRow(1)
    page.body.editor.set_html("<p>Des objectifs tout neufs.</p>")
    editor.dirty = True
    editor.new_version("après la rencontre")
    versions = editor.versions_page
    assert versions.tree.topLevelItemCount() == 2
    editor.pages.setCurrentWidget(versions)
    versions.tree.setCurrentItem(versions.tree.topLevelItem(0))
    versions.other.setCurrentIndex(versions.other.findData(1))
    qtbot.mouseClick(versions.compare_button, Qt.MouseButton.LeftButton)
    shown = versions.browser.toPlainText()
    assert "Des objectifs tout neufs." in shown and "Attentes et objectifs généraux (changed)" in shown
    versions.tree.setCurrentItem(versions.tree.topLevelItem(1))
    assert "Par cette action" in versions.browser.toPlainText()
    qtbot.mouseClick(versions.restore_button, Qt.MouseButton.LeftButton)
    stored = conventions.get_convention(editor.conv.id)
    assert stored.version == 3 and "Par cette action" in stored.content.sections[1].body
    assert versions.tree.topLevelItemCount() == 3


def test_signed_convention_is_read_only(ctx, tab, qtbot):
    conv = make_convention()
    conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
    conventions.set_status(conv.id, "en_validation")
    conventions.set_status(conv.id, "signee")
    tab.refresh()
    tab.select(conv.id)
    editor = tab.editor
    assert not editor.banner.isHidden() and not editor.save_button.isEnabled()
    assert editor.text_page.body.editor.isReadOnly() and editor.parties_page.signatory.isReadOnly()
    assert not editor.versions_page.restore_button.isEnabled()
    assert not editor.circuit_page.apply_preset.isEnabled()
    editor.text_page.body.editor.setPlainText("tentative")
    editor.save()
    assert "tentative" not in conventions.get_convention(conv.id).content.sections[0].body
    assert not editor.amend_button.isHidden()
    editor.amend("nouvelle séance")
    assert conventions.get_convention(conv.id).status == "signee"  # still in force
    draft = editor.conv
    assert draft.id != conv.id and draft.amends_id == conv.id and draft.status == "brouillon"
    assert tab.table.currentIndex().data(IdRole) == draft.id  # the list shows the one edited
    assert editor.save_button.isEnabled() and editor.banner.isHidden()
    assert not editor.text_page.body.editor.isReadOnly()


def test_export_refused_then_with_blanks(ctx, tab, qtbot, tmp_path, monkeypatch):
    conv = make_convention(complete=False)
    tab.refresh()
    tab.select(conv.id)
    editor = tab.editor
    seen = []
    monkeypatch.setattr(editor, "confirm_blanks", lambda problems: seen.append(problems) or False)
    monkeypatch.setattr(editor, "ask_path", lambda suffix: tmp_path / f"c{suffix}")
    qtbot.mouseClick(editor.pdf_button, Qt.MouseButton.LeftButton)
    assert seen and any(p.name == "date.signature" for p in seen[0])
    assert not (tmp_path / "c.pdf").exists()
    monkeypatch.setattr(editor, "confirm_blanks", lambda problems: True)
    qtbot.mouseClick(editor.odt_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "c.odt").stat().st_size > 0


def test_export_complete_convention(ctx, opened, tmp_path, monkeypatch, qtbot):
    editor = opened.editor
    monkeypatch.setattr(editor, "confirm_blanks", lambda problems: pytest.fail(f"unexpected {problems}"))
    monkeypatch.setattr(editor, "ask_path", lambda suffix: tmp_path / f"c{suffix}")
    qtbot.mouseClick(editor.pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")


def test_unresolved_dialog_lists_fields(ctx, qtbot):
    from partnerdesk.domain.merge_fields import FieldProblem
    from partnerdesk.ui.tabs.conventions.dialogs import UnresolvedFieldsDialog

    dialog = UnresolvedFieldsDialog([FieldProblem("projet.titr", "unknown", "Préambule")])
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(0)
    assert (item.text(0), item.text(1), item.text(2)) == ("{projet.titr}", "unknown field", "Préambule")


def test_tab_in_main_window(window):
    assert any(spec.is_for(ConventionsTab) for spec in window.lazy_tabs.specs())
    assert isinstance(window.tab(ConventionsTab), ConventionsTab)


def test_list_model(ctx, qtmodeltester):
    from partnerdesk.ui.models.conventions import COL_PARTIES, COL_STATUS, ConventionTableModel

    make_convention()
    model = ConventionTableModel()
    model.set_rows(conventions.list_conventions())
    qtmodeltester.check(model)
    assert model.index(0, COL_PARTIES).data() == "Dupont & Fils <SARL>"
    assert model.index(0, COL_STATUS).data() == "Draft"


def test_delete_and_undo(ctx, opened, qtbot):
    conv_id = opened.editor.conv.id
    opened.delete(conv_id)
    assert conventions.get_convention(conv_id) is None and opened.stack.currentWidget() is opened.empty
    opened.undo_stack.undo()
    assert conventions.get_convention(conv_id) is not None
    assert opened.model.rowCount() == 1 and opened.editor.conv.id == conv_id


def test_new_convention_dialog(ctx, qtbot):
    from partnerdesk.domain.projects import ProjectData
    from partnerdesk.services import projects
    from partnerdesk.ui.tabs.conventions.dialogs import NewConventionDialog

    conv = make_convention()  # creates an organisation and a project
    project = projects.get_project(conv.project_id)
    org_id = conv.content.parties[1].organisation_id
    projects.add_partner(project.id, org_id, "convention_redaction")
    # merely identified or refused partners are not pre-ticked (domain/engagement.py)
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.services import partners

    identified = partners.create_organisation(OrganisationData("Juste identifiée")).id
    refused = partners.create_organisation(OrganisationData("A refusé")).id
    signed = partners.create_organisation(OrganisationData("Déjà engagée")).id
    projects.add_partner(project.id, identified)
    projects.add_partner(project.id, refused, "abandonne")
    projects.add_partner(project.id, signed, "action_en_cours")
    projects.create_project(ProjectData("Autre projet"))
    dialog = NewConventionDialog(project_id=project.id)
    qtbot.addWidget(dialog)
    # the title is printed on the convention: in the template's language, whatever the screens'
    assert dialog.title.text() == "Convention de partenariat — Ateliers « Premiers clics »"
    assert sorted(dialog.organisation_ids()) == sorted([org_id, signed])
    dialog.project.setCurrentIndex(dialog.project.findText("Autre projet"))
    assert dialog.organisation_ids() == []  # another project: its own partners only
    assert dialog.title.text() == "Convention de partenariat — Autre projet"
    assert [dialog.template.itemText(i) for i in range(dialog.template.count())] == [
        "Convention de partenariat — in French", "Partnership agreement — in English",
        "Blank template — in French", "Blank template — in English"]
    dialog.template.setCurrentIndex(1)
    assert dialog.title.text() == "Partnership agreement — Autre projet"
    qtbot.keyClicks(dialog.title, " 2027")  # typed by the user: kept whatever is chosen next
    dialog.template.setCurrentIndex(0)
    dialog.project.setCurrentIndex(dialog.project.findText("Ateliers « Premiers clics »"))
    assert dialog.title.text() == "Partnership agreement — Autre projet 2027"
    dialog.title.setText("")
    dialog._accept()
    assert dialog.title_error.text() == "This field is required." and dialog.result() == 0


def test_open_requested_from_another_tab(window, qtbot):
    conv = make_convention()
    window.ctx.signals.open_requested.emit("convention", conv.id)
    tab = window.current_tab()
    assert isinstance(tab, ConventionsTab) and tab.editor.conv.id == conv.id


def test_step_model(qtmodeltester):
    from partnerdesk.ui.models.conventions import S_COMMENT, S_LABEL, S_STATUS, StepTableModel

    model = StepTableModel()
    model.set_steps([CircuitStep("Bureau", "Mme Roux"), CircuitStep("Conseil", status="valide")])
    qtmodeltester.check(model)
    assert model.index(1, S_STATUS).data() == "Approved"
    assert not model.setData(model.index(0, S_LABEL), "  ")  # a step keeps its name
    assert model.setData(model.index(0, S_COMMENT), "vu le 3/02")
    assert model.steps[0].comment == "vu le 3/02"
    from partnerdesk.ui.models.conventions import S_STARTED

    assert not model.setData(model.index(0, S_STARTED), "31/02/2026")
    assert model.setData(model.index(0, S_STARTED), "03/02/2026")
    assert model.steps[0].started_on == dt.date(2026, 2, 3)
    assert model.move(0, 1) and [s.label for s in model.steps] == ["Conseil", "Bureau"]
    model.set_steps(model.steps, read_only=True)
    assert not model.flags(model.index(0, S_LABEL)) & Qt.ItemFlag.ItemIsEditable


def _status_button(editor, target):
    from PySide6.QtWidgets import QPushButton

    return editor.findChild(QPushButton, f"status_{target}")


def test_status_buttons_through_signature(opened, qtbot):
    editor = opened.editor
    conv_id = editor.conv.id
    qtbot.mouseClick(_status_button(editor, "en_validation"), Qt.MouseButton.LeftButton)
    assert editor.status_error.text() == "Add at least one step to the validation circuit first."
    conventions.set_steps(conv_id, [CircuitStep("Direction", status="valide")])
    conventions.set_dates(conv_id, end_date=dt.date.today() + dt.timedelta(days=100))
    editor.load(conv_id)
    qtbot.mouseClick(_status_button(editor, "en_validation"), Qt.MouseButton.LeftButton)
    assert conventions.get_convention(conv_id).status == "en_validation"
    editor.signed.setText("")
    editor.signed.textEdited.emit("")
    qtbot.mouseClick(_status_button(editor, "signee"), Qt.MouseButton.LeftButton)
    assert editor.status_error.text() == "Fill in the signature date first."
    editor.signed.setText("10/01/2026")
    editor.signed.textEdited.emit("10/01/2026")
    qtbot.mouseClick(_status_button(editor, "signee"), Qt.MouseButton.LeftButton)
    stored = conventions.get_convention(conv_id)
    assert stored.status == "signee" and stored.signed_on == dt.date(2026, 1, 10)
    assert not editor.banner.isHidden()
    qtbot.mouseClick(_status_button(editor, "en_cours"), Qt.MouseButton.LeftButton)
    assert conventions.get_convention(conv_id).status == "en_cours"
    assert opened.model.index(0, 1).data() == "In progress"
    conventions.set_dates(conv_id, end_date=dt.date.today() - dt.timedelta(days=1))
    opened.refresh()  # a convention in progress past its end date becomes échue
    assert opened.model.index(0, 1).data() == "Expired" and "Expired" in editor.status.text()


def test_signatory_from_contacts_and_field_problems(ctx, qtbot, tab):
    from partnerdesk.domain.partners import PersonData
    from partnerdesk.services import partners, projects
    from partnerdesk.store.models import ProjectPartner

    conv = make_convention(complete=False)
    org_id = conv.content.parties[1].organisation_id
    person = partners.create_person(PersonData("Martin", "Élodie"), org_id, role="Directrice")
    tab.refresh()
    tab.select(conv.id)
    editor = tab.editor
    assert "fields cannot be filled yet:" in editor.text_page.fields.problems.text()
    assert "{date.signature} — no value — Signatures" in editor.text_page.fields.problems.toolTip()
    page = editor.parties_page
    page.list.setCurrentRow(1)
    assert page.contacts.count() == 2
    page.contacts.setCurrentIndex(1)
    page.contacts.activated.emit(1)
    assert (page.signatory.text(), page.signatory_title.text()) == ("Élodie Martin", "Directrice")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert conventions.get_convention(conv.id).content.parties[1].signatory == "Élodie Martin"
    # a new convention takes the project's contact person as signatory
    projects.add_partner(conv.project_id, org_id)
    ProjectPartner.update(contact_person=person.id).execute()
    other = conventions.create_convention("Autre", [org_id], project_id=conv.project_id)
    assert (other.content.parties[1].signatory, other.content.parties[1].signatory_title) == (
        "Élodie Martin", "Directrice")


def test_a_faire_line_opens_the_convention(window, qtbot):
    from partnerdesk.ui.tabs.todo.tab import TodoTab

    conv = make_convention()
    conventions.set_steps(conv.id, [CircuitStep("Direction", who="M. Dupont")])
    conventions.step_action(conv.id, conventions.get_convention(conv.id).steps[0].id, "start")
    window.ctx.signals.data_changed.emit("conventions")
    todo_tab = window.tab_of(TodoTab)
    qtbot.waitUntil(lambda: todo_tab.select_key(f"convention_step:{conventions.get_convention(conv.id).steps[0].id}"
                                                ":en_cours"), timeout=3000)
    todo_tab.open_selected()
    tab = window.current_tab()
    assert isinstance(tab, ConventionsTab) and tab.editor.conv.id == conv.id


def test_ctrl_b_in_the_editor(opened, qtbot):
    text = opened.editor.text_page.body.editor
    text.set_html("<p>mot</p>")
    text.selectAll()
    qtbot.keyClick(text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert text.html() == "<p><b>mot</b></p>"
    qtbot.keyClick(text, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert text.html() == "<p><b><i>mot</i></b></p>"


def test_field_panel_points_out_a_field_naming_only_the_first_partner(ctx, tab, qtbot):
    conv = make_convention(kinds=("entreprise", "association"))
    tab.refresh()
    tab.select(conv.id)
    page = tab.editor.text_page
    notice = page.fields.notice
    assert notice.isHidden()  # the built-in template names every partner
    page.list.setCurrentRow(0)
    page.body.editor.set_html("<p>{partenaire.nom} accompagne un public.</p>")
    tab.editor.refresh_fields()
    assert not notice.isHidden()
    assert "{partenaire.nom}" in notice.text() and "{partenaires.liste}" in notice.text()
    assert page.fields.problems.text() == "All the fields of the text are filled."


def test_an_english_convention_is_said_and_exported_in_english(ctx, tab, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from partnerdesk.services import convention_templates
    from partnerdesk.ui.tabs.conventions.dialogs import NewConventionDialog

    french = make_convention()
    other = partners_named("Café des Familles")
    dialog = NewConventionDialog()
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.findText("Partnership agreement — in English"))
    assert dialog.chosen_template().language == "en"
    conv_id = tab.create("Partnership", [french.content.parties[1].organisation_id],
                         template=dialog.chosen_template())
    editor = tab.editor
    assert editor.conv.content.language == "en" and "in English" in editor.status.text()
    editor.parties_page._fill_organisations()  # as when the page is shown; a partner added takes English engagements
    assert editor.parties_page.org_combo.findData(other) >= 0
    editor.parties_page.org_combo.setCurrentIndex(editor.parties_page.org_combo.findData(other))
    editor.parties_page.add_selected()
    assert [p.name for p in editor.parties_page.parties][-1] == "Café des Familles"
    english = convention_templates.default_template("en")
    assert editor.parties_page.parties[-1].engagements == english.partner_engagements
    titles = []
    target = str(tmp_path / "c.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, *args: titles.append(title) or (target, "")))
    assert editor.ask_path(".pdf") == tmp_path / "c.pdf"
    assert titles == ["Export the convention — in English"]
    tab.select(french.id)
    assert "in French" in tab.editor.status.text() and conv_id != french.id


def partners_named(name: str) -> int:
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.services import partners

    return partners.create_organisation(OrganisationData(name, kind="association")).id


def test_a_partner_added_keeps_its_own_engagements(opened, qtbot):
    from partnerdesk.services import convention_templates

    other = partners_named("Café des Familles")
    editor = opened.editor
    page = editor.parties_page
    page.load(editor.conv.content.parties, False)
    page._fill_organisations()
    page.list.setCurrentRow(0)  # the EPN's engagements on screen
    page.org_combo.setCurrentIndex(page.org_combo.findData(other))
    page.add_selected()
    assert page.list.currentRow() == 2 and page.engagements.editor.html() == page.parties[2].engagements
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    parties = conventions.get_convention(editor.conv.id).content.parties
    assert parties[2].engagements == convention_templates.default_template().partner_engagements
    assert parties[0].engagements == convention_templates.default_template().epn_engagements


def test_a_partner_added_to_a_convention_made_from_a_user_template_takes_its_engagements(ctx, tab, qtbot):
    """The convention remembers its template (migration 0021): a partner added in the parties page
    commits to what that template says, in the database and in the printed text."""
    from partnerdesk.services import convention_output, convention_templates
    from partnerdesk.services.convention_templates import TemplateData
    from partnerdesk.ui.tabs.conventions.dialogs import NewConventionDialog

    base = convention_templates.default_template("fr")
    own = convention_templates.save_template(TemplateData(
        "Modèle du mercredi", "", base.sections, "<p>L'EPN ouvre la salle le mercredi.</p>",
        "<p>Le partenaire prête ses tablettes le mercredi.</p>"))
    first = make_convention().content.parties[1].organisation_id
    other = partners_named("Café des Familles")
    dialog = NewConventionDialog()
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.findText("Modèle du mercredi — in French"))
    assert dialog.chosen_template().id == own.id
    conv_id = tab.create("Mercredis", [first], template=dialog.chosen_template())
    editor = tab.editor
    tab.show()
    editor.pages.setCurrentWidget(editor.parties_page)  # the page shown fills its list of organisations
    page = editor.parties_page
    page.org_combo.setCurrentIndex(page.org_combo.findData(other))
    page.add_selected()
    assert page.engagements.editor.html() == own.partner_engagements
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = conventions.get_convention(conv_id)
    assert [p.name for p in saved.content.parties][-1] == "Café des Familles"
    assert saved.content.parties[-1].engagements == own.partner_engagements
    assert base.partner_engagements not in [p.engagements for p in saved.content.parties]
    with convention_output.written_in(saved):
        doc, _result = convention_output.printable(saved, blanks=True)
    printed = "\n".join(b.text for s in doc.sections for _t, blocks in s.subsections for b in blocks)
    assert printed.count("prête ses tablettes le mercredi") == 2  # each partner's commitments


def test_a_french_template_is_duplicated_in_english_and_opens_to_be_translated(ctx, tab, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from partnerdesk.services import convention_templates
    from partnerdesk.services.convention_templates import TemplateData
    from partnerdesk.ui.tabs.conventions.template_dialog import TemplateDialog

    base = convention_templates.default_template("fr")
    french = convention_templates.save_template(TemplateData(
        "Modèle du mercredi", "", base.sections, "<p>L'EPN ouvre la salle.</p>", "<p>Le partenaire prête ses tablettes.</p>"))
    entries = [a.text() for a in tab.templates_button.menu().actions()]
    assert "Duplicate a French template in English…" in entries and "Duplicate an English template in French…" in entries
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda parent, title, label, items, *args: offered.append((title, list(items))) or ("Modèle du mercredi", True)))
    shown = []

    def translate(dialog):  # the user translates the copy, then saves
        shown.append((dialog.windowTitle(), dialog.note.text(), dialog.name.text()))
        assert dialog.text_page.list.count() == len(base.sections)
        dialog.text_page.list.setCurrentRow(0)
        dialog.text_page.title.setText("Preamble")
        dialog.text_page.title.textEdited.emit("Preamble")
        dialog.partner_engagements.editor.set_html("<p>The partner lends its tablets.</p>")
        assert dialog.is_dirty()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TemplateDialog, "exec", translate)
    messages = []
    ctx.signals.status_message.connect(messages.append)
    tab.duplicate_template("fr")
    assert offered == [("Duplicate a French template in English", ["Modèle du mercredi"])]
    assert shown == [("Template « Modèle du mercredi (English) »",
                      "This copy is to be translated: write its sections and the commitments in English, then save.",
                      "Modèle du mercredi (English)")]
    copy = next(t for t in convention_templates.list_templates() if t.name == "Modèle du mercredi (English)")
    assert copy.language == "en" and copy.sections[0].title == "Preamble"
    assert copy.partner_engagements == "<p>The partner lends its tablets.</p>"
    assert convention_templates.get_template(french.id).partner_engagements == "<p>Le partenaire prête ses tablettes.</p>"
    assert messages[-1] == "Template « Modèle du mercredi (English) » saved."
    offered.clear()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda parent, title, label, items, *args: offered.append((title, list(items))) or ("", False)))
    tab.duplicate_template("en")  # the English copy can go back to French; cancelled here
    assert offered == [("Duplicate an English template in French", ["Modèle du mercredi (English)"])]
    assert len([t for t in convention_templates.list_templates() if t.id is not None]) == 2


def test_duplicating_without_a_template_of_ones_own_says_what_to_do(tab, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: said.append(text)))
    tab.duplicate_template("en")
    assert said and said[0].startswith("There is no English template of yours to duplicate")
