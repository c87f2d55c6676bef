"""Issue #19 through the real widgets: the person card's addresses, kinds and extensions,
occupation and department; an organisation's logo; the import wizard asking the encoding
and saying what goes where."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from partnerdesk import i18n
from partnerdesk.domain.contact_points import Address
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import org_logos, partners
from partnerdesk.store import database
from partnerdesk.ui.dialogs import import_wizard as iw
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab

from tests.core.test_imports_real import DATA, person


@pytest.fixture
def tab(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    return window.tab_of(PartnersTab)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_in(edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


def test_person_card_shows_and_edits_kinds_addresses_and_occupation(window, tab, qtbot):
    i18n.set_language("fr")
    org = partners.create_organisation(OrganisationData(name="Médiathèque"))
    saved = partners.create_person(
        PersonData("Le Guérec", "Hélène", phones=["+33611223344", "+33299123456"],
                   labels={"+33611223344": {"kind": "mobile"}, "+33299123456": {"kind": "work", "ext": "12"}},
                   addresses=[Address("home", "12 rue des Lilas", "35000", "Rennes", "", "France")]),
        organisation_id=org.id, role="Bibliothécaire")
    tab.refresh()
    window.ctx.signals.open_requested.emit("person", saved.id)
    card = tab.person_card
    assert card.phones.text() == "06 11 22 33 44 (mobile), 02 99 12 34 56 poste 12 (travail)"  # stored E.164
    assert len(card.addresses.blocks) == 1 and card.addresses.blocks[0].city.text() == "Rennes"
    assert card.title.text() == "Hélène Le Guérec"  # the card's heading, not the occupation
    type_in(card.phones, "+33611223344 (mobile), 02 99 12 34 57 (fax)")
    type_in(card.occupation, "Conteuse")
    click(qtbot, card.addresses.add_button)
    block = card.addresses.blocks[1]
    block.kind.setCurrentIndex(block.kind.findData("work"))
    block.street.setPlainText("3 place de la Mairie")
    block.city.setText("Châteaugiron")
    assert card.save_button.isEnabled()  # any change marks the card modified
    click(qtbot, card.save_button)
    data = partners.get_person(saved.id)
    assert data.phones == ["+33611223344", "02 99 12 34 57"]
    assert data.labels == {"+33611223344": {"kind": "mobile"}, "02 99 12 34 57": {"kind": "fax"}}
    assert data.title == "Conteuse"
    assert [(a.kind, a.city) for a in data.addresses] == [("home", "Rennes"), ("work", "Châteaugiron")]
    click(qtbot, card.addresses.blocks[0].findChild(type(card.save_button), "addressRemove"))
    click(qtbot, card.save_button)
    assert [a.kind for a in partners.get_person(saved.id).addresses] == ["work"]
    i18n.set_language("en")


def test_department_button_and_career_table(window, tab, qtbot, monkeypatch):
    org = partners.create_organisation(OrganisationData(name="IBM"))
    saved = partners.create_person(PersonData("Nguyen", "François"), organisation_id=org.id, role="Chef de projet")
    tab.refresh()
    window.ctx.signals.open_requested.emit("person", saved.id)
    card = tab.person_card
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, default="": "Accounting")
    click(qtbot, card.findChild(type(card.save_button), "departmentButton"))
    assert partners.affiliations_of(saved.id)[0].department == "Accounting"
    model = card.history_model
    assert model.data(model.index(0, 1)) == "Chef de projet — Accounting"


def test_organisation_logo_chosen_and_removed(window, tab, qtbot, tmp_path):
    org = partners.create_organisation(OrganisationData(name="Fablab"))
    tab.refresh()
    tab.open_item("organisation", org.id)
    card = tab.org_card
    assert not card.logo.remove.isEnabled() and card.logo.choose.isEnabled()
    # The placeholder's text fits its 64 px frame, in French as in English (it was cut: "pas de logc").
    label = card.logo.image
    for text in ("pas de logo", "no logo"):
        needed = label.fontMetrics().boundingRect(label.contentsRect(), int(Qt.TextFlag.TextWordWrap), text)
        assert label.wordWrap() and needed.width() <= label.contentsRect().width(), text
    image = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (300, 120), "orange").save(buffer, "PNG")
    image.write_bytes(buffer.getvalue())
    assert card.logo.set_file(str(image))
    assert org_logos.logo_path(window.ctx.paths, org.id).is_file() and card.logo.remove.isEnabled()
    assert not card.logo.image.pixmap().isNull()
    broken = tmp_path / "bad.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 30)
    assert not card.logo.set_file(str(broken)) and card.logo.message.text()  # a message, the logo kept
    click(qtbot, card.logo.remove)
    assert partners.get_organisation(org.id).logo == ""


def _wizard(ctx, qtbot, path):
    dialog = iw.ImportWizard(ctx)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    return dialog


def test_wizard_asks_the_encoding_when_not_sure(ctx, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "polonais.csv"
    path.write_bytes("Nom;Prénom;Courriel\nWałęsa;Łucja;lucja@exemple.pl\n".encode("cp1250"))
    asked = []

    def answer(self, parsed):
        asked.append([enc for enc, _lines in parsed.encoding_candidates])
        return None  # the user cancels: nothing happens

    monkeypatch.setattr(iw.ImportWizard, "ask_encoding", answer)
    dialog = _wizard(ctx, qtbot, path)
    click(qtbot, dialog.next_button)
    assert "cp1250" in asked[0] and dialog.stack.currentIndex() == iw.PAGE_FILE
    assert "encoding" in dialog.file_error.text()
    monkeypatch.setattr(iw.ImportWizard, "ask_encoding", lambda self, parsed: "cp1250")
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() in (iw.PAGE_MAPPING, iw.PAGE_REVIEW)
    if dialog.stack.currentIndex() == iw.PAGE_MAPPING:
        click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    assert person("Łucja Wałęsa")["emails"] == ["lucja@exemple.pl"]


def test_encoding_dialog_lists_previews(qtbot):
    from partnerdesk.ui.dialogs.import_encoding import EncodingDialog

    dialog = EncodingDialog("x.csv", [("cp1252", ["£ódŸ"]), ("cp1250", ["Łódź"])])
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "cp1252"
    dialog.findChild(type(dialog.buttons[1][0]), "encoding_cp1250").setChecked(True)
    assert dialog.chosen() == "cp1250"


def test_review_says_what_goes_where_and_the_result_counts(ctx, qtbot):
    i18n.set_language("fr")
    dialog = _wizard(ctx, qtbot, DATA / "vcard21_android.vcf")
    click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == iw.PAGE_REVIEW
    assert dialog.summary_label.text().startswith("7 fiches vont être créées : 5 personnes et 2 organisations.")
    where = [dialog.creates_model.data(dialog.creates_model.index(r, 3))
             for r in range(dialog.creates_model.rowCount())]
    assert any("2 adresses (domicile, travail)" in w and "Rattachement à « Médiathèque Anne-Frank »" in w
               for w in where)
    remarks = dialog.warnings_text.toPlainText()
    assert "Yannick Le Floc'h" in remarks and "abîmée" in remarks  # the dropped photo, with the reason
    click(qtbot, dialog.next_button)
    text = dialog.result_label.text()
    assert text.startswith("Import terminé : 5 personnes et 2 organisations créées, 0 fiche complétée")
    assert "(s)" not in text
    assert database.execute_sql("SELECT count(*) FROM person").fetchone()[0] == 5
    i18n.set_language("en")
