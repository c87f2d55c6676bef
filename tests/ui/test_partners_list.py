"""Partenaires list through the real widgets: search, filters, tags, emails, merge, trash."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import journal, partners, tags, trash
from partnerdesk.store.models import Interaction, Organisation, OrganisationTag, Person
from partnerdesk.ui.models.interactions import InteractionTableModel
from partnerdesk.ui.models.organisations import OrganisationTableModel
from partnerdesk.ui.models.people import MemberTableModel, PersonTableModel
from partnerdesk.ui.models.roles import IdRole, ObjectRole
from partnerdesk.ui.models.tags import TagListModel
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab


@pytest.fixture
def tab(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)  # on show, as the user works in it (hidden tabs catch up when shown)
    return tab


@pytest.fixture
def demo_tab(tab):
    from partnerdesk.services import demo

    demo.fill("small", paths=tab.ctx.paths)
    tab.refresh()
    return tab


def shown_names(tab):
    proxy = tab.list.org_proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def search(tab, text):
    tab.list.search_box.setText(text)  # textChanged fires as when typing


def test_search_as_you_type_ignores_case_and_accents(demo_tab, window):
    tab = demo_tab
    search(tab, "ecole")
    assert "École élémentaire Louise-Michel" in shown_names(tab)
    search(tab, "ÉCOLE")
    assert "École élémentaire Louise-Michel" in shown_names(tab)
    # "helene" finds the organisations of every current Hélène.
    search(tab, "helene")
    expected = {m.organisation_id for p in Person.select() if p.first_name == "Hélène"
                for m in partners.affiliations_of(p.id) if m.is_current}
    assert {tab.list.org_proxy.index(r, 0).data(IdRole) for r in range(tab.list.org_proxy.rowCount())} == expected
    assert len(expected) > 0
    for junk in ('"', "o'", "covid-19", "(", "*", "NEAR"):
        search(tab, junk)
    search(tab, "")
    assert tab.list.org_proxy.rowCount() == 40
    assert tab.list.count_label.text() == "40 of 40 organisations"


def test_people_view_search(demo_tab, qtbot):
    tab = demo_tab
    tab.list.view_box.setCurrentIndex(1)
    search(tab, "HELENE")
    proxy = tab.list.people_proxy
    names = {proxy.index(r, 0).data() for r in range(proxy.rowCount())}
    assert names and all(n.startswith("Hélène") for n in names)
    proxy_index = proxy.index(0, 0)
    tab.list.people_table.setCurrentIndex(proxy_index)
    assert tab.cards.currentWidget() is tab.person_card
    assert tab.person_card.title.text() == proxy_index.data()


def test_filters(demo_tab):
    tab = demo_tab
    lst = tab.list
    lst.kind_filter.setCurrentIndex(lst.kind_filter.findData("etablissement_scolaire"))
    kinds = {lst.org_proxy.index(r, 0).data(ObjectRole).kind for r in range(lst.org_proxy.rowCount())}
    assert kinds == {"etablissement_scolaire"}
    lst.public_filter.setCurrentIndex(lst.public_filter.findData("scolaires"))
    rows = [lst.org_proxy.index(r, 0).data(ObjectRole) for r in range(lst.org_proxy.rowCount())]
    assert rows and all("scolaires" in r.publics for r in rows)
    lst.kind_filter.setCurrentIndex(0)
    lst.public_filter.setCurrentIndex(0)
    tag = tags.list_tags()[0]
    lst.tag_filter.setCurrentIndex(lst.tag_filter.findData(tag.id))
    assert lst.org_proxy.rowCount() == tag.organisations
    lst.tag_filter.setCurrentIndex(0)
    lst.status_filter.setCurrentIndex(lst.status_filter.findData("ecarte"))
    assert lst.org_proxy.rowCount() == Organisation.select().where(Organisation.status == "ecarte").count()
    lst.status_filter.setCurrentIndex(0)
    lst.contribution_filter.setCurrentIndex(lst.contribution_filter.findData("financement"))
    assert all("financement" in lst.org_proxy.index(r, 0).data(ObjectRole).contributions
               for r in range(lst.org_proxy.rowCount()))


def test_sorting_by_last_contact(demo_tab):
    lst = demo_tab.list
    lst.org_table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    dates = [lst.org_proxy.index(r, 0).data(ObjectRole).last_contact for r in range(lst.org_proxy.rowCount())]
    known = [d for d in dates if d]
    assert known == sorted(known, reverse=True)


def test_tags_create_rename_colour_merge_and_assign(tab, qtbot, monkeypatch):
    a = partners.create_organisation(OrganisationData(name="Club des aînés", email="club@aines.fr"))
    b = partners.create_organisation(OrganisationData(name="EHPAD Les Glycines", email="ehpad@glycines.fr"))
    partners.create_person(PersonData("Robin", "Léa", emails=["lea.robin@glycines.fr"]), organisation_id=b.id)
    tab.refresh()
    answers = iter(["seniors", "Seniors", "aînés", "Aînés actifs"])
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: next(answers))
    monkeypatch.setattr(prompts, "ask_colour", lambda parent, current: "#a855f7")
    monkeypatch.setattr(prompts, "ask_choice", lambda parent, title, label, items: items.index("seniors"))

    def drive(dialog):
        qtbot.mouseClick(dialog.buttons["newTagButton"], Qt.MouseButton.LeftButton)
        assert [t.name for t in tags.list_tags()] == ["seniors"]
        qtbot.mouseClick(dialog.buttons["newTagButton"], Qt.MouseButton.LeftButton)  # same name, other case
        assert dialog.error.isVisibleTo(dialog) and len(tags.list_tags()) == 1
        qtbot.mouseClick(dialog.buttons["colourTagButton"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.buttons["newTagButton"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.buttons["renameTagButton"], Qt.MouseButton.LeftButton)
        assert sorted(t.name for t in tags.list_tags()) == ["Aînés actifs", "seniors"]
        qtbot.mouseClick(dialog.buttons["mergeTagButton"], Qt.MouseButton.LeftButton)
        return True

    monkeypatch.setattr(tab, "run_dialog", drive)
    tab.show_tags()
    [tag] = tags.list_tags()
    assert (tag.name, tag.colour) == ("seniors", "#a855f7")

    # Assign to a selection of the list.
    lst = tab.list
    lst.org_table.selectAll()
    lst.tag_selection(tag.id)
    assert OrganisationTag.select().where(OrganisationTag.tag == tag.id).count() == 2
    assert lst.org_model.row_at(0).tags == ["seniors"]
    # And from the card.
    tab.open_item("organisation", a.id)
    tab.org_card.tag_picker.toggle(tag.id, False)
    assert tab.org_card.is_dirty()
    qtbot.mouseClick(tab.org_card.save_button, Qt.MouseButton.LeftButton)
    assert [t.name for t in tags.tags_of_organisation(a.id)] == []


def test_copy_emails_and_mailto_bcc(tab, qtbot, monkeypatch):
    a = partners.create_organisation(OrganisationData(name="Club des aînés", email="club@aines.fr"))
    b = partners.create_organisation(OrganisationData(name="EHPAD", email="ehpad@glycines.fr"))
    partners.create_person(PersonData("Robin", "Léa", emails=["lea.robin@glycines.fr"]), organisation_id=b.id)
    tag = tags.create_tag("seniors")
    tags.tag_organisations(tag.id, [b.id])
    tab.refresh()
    search(tab, "ehpad")
    tab.list.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "ehpad@glycines.fr, lea.robin@glycines.fr"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    search(tab, "")
    tab.list.write_action.trigger()
    assert opened == ["mailto:?bcc=club@aines.fr,ehpad@glycines.fr,lea.robin@glycines.fr"]

    def drive(dialog):
        dialog.select(tag.id)
        qtbot.mouseClick(dialog.buttons["copyTagEmailsButton"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.buttons["mailTagButton"], Qt.MouseButton.LeftButton)
        return True

    monkeypatch.setattr(tab, "run_dialog", drive)
    tab.show_tags()
    assert QGuiApplication.clipboard().text() == "ehpad@glycines.fr, lea.robin@glycines.fr"
    assert opened[-1] == "mailto:?bcc=ehpad@glycines.fr,lea.robin@glycines.fr"
    assert a.id


def test_merge_two_organisations_side_by_side(tab, qtbot, monkeypatch):
    keep = partners.create_organisation(OrganisationData(name="Médiathèque", city="Vitré", phone="02 99 00 00 01"))
    drop = partners.create_organisation(OrganisationData(name="Médiathèque Anne-Frank", city="Vitré",
                                                         phone="02 99 00 00 02", email="media@vitre.fr"))
    partners.create_person(PersonData("Roche", "Léa"), organisation_id=drop.id, role="Directrice")
    interaction = journal.log_interaction("appel", __import__("datetime").date(2026, 1, 5), "Appel", [drop.id])
    tag = tags.create_tag("culture")
    tags.tag_organisations(tag.id, [drop.id])
    tab.refresh()
    tab.open_item("organisation", keep.id)

    def drive(dialog):
        dialog.set_other(drop.id)
        dialog.choose("name", "drop")
        assert "merge_phone_keep" in [w.objectName() for w in dialog.findChildren(object)]
        dialog.choose("phone", "drop")
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return dialog.result() == 1

    monkeypatch.setattr(tab, "run_dialog", drive)
    assert tab.merge("organisation", keep.id)
    merged = partners.get_organisation(keep.id)
    assert (merged.name, merged.phone, merged.email) == ("Médiathèque Anne-Frank", "02 99 00 00 02", "media@vitre.fr")
    assert partners.get_organisation(drop.id) is None
    assert [m.full_name for m in partners.people_of(keep.id)] == ["Léa Roche"]
    assert journal.get_interaction(interaction.id).organisation_ids == [keep.id]
    assert [t.name for t in tags.tags_of_organisation(keep.id)] == ["culture"]
    assert tab.list.org_model.rowCount() == 1 and tab.org_card.name.text() == "Médiathèque Anne-Frank"


def test_merge_refuses_an_invalid_combination(tab, qtbot, monkeypatch):
    keep = partners.create_organisation(OrganisationData(name="Maison de la Wallonie", postcode="B-1000",
                                                         country="Belgique"))
    drop = partners.create_organisation(OrganisationData(name="Maison Wallonie", postcode="35500", country="France"))
    tab.refresh()

    def drive(dialog):
        dialog.set_other(drop.id)
        dialog.choose("country", "drop")  # France, with the Belgian postcode kept: not a valid card
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        assert "5" in dialog.summary.text() and dialog.isVisible() is False and dialog.result() == 0
        return False

    monkeypatch.setattr(tab, "run_dialog", drive)
    assert tab.merge("organisation", keep.id) is False
    assert partners.count_organisations() == 2
    assert partners.get_organisation(keep.id).country == "Belgique"


def test_delete_key_trash_restore_and_empty(tab, qtbot, monkeypatch):
    a = partners.create_organisation(OrganisationData(name="Pharmacie de l'Église"))
    b = partners.create_organisation(OrganisationData(name="Radio Campus"))
    journal.log_interaction("appel", __import__("datetime").date(2026, 2, 1), "Appel", [a.id])
    tab.refresh()
    tab.open_item("organisation", a.id)
    table = tab.list.org_table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert partners.is_deleted("organisation", a.id) and tab.list.org_model.rowCount() == 1
    assert tab.cards.currentWidget() is tab.no_card
    tab.undo_stack.undo()  # Ctrl+Z (in Partenaires) brings it back
    assert not partners.is_deleted("organisation", a.id) and tab.list.org_model.rowCount() == 2
    tab.undo_stack.redo()
    assert partners.is_deleted("organisation", a.id) and tab.list.org_model.rowCount() == 1

    def restore(dialog):
        assert dialog.model.rowCount() == 1
        dialog.select_row(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return True

    monkeypatch.setattr(tab, "run_dialog", restore)
    tab.show_trash()
    assert not partners.is_deleted("organisation", a.id) and tab.list.org_model.rowCount() == 2

    trash.delete("organisation", b.id)
    trash.delete("organisation", a.id)
    confirmations = []

    def empty(dialog):
        monkeypatch.setattr(prompts, "confirm", lambda *args: confirmations.append(args[1]) or False)
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
        assert trash.count() == 2  # the user said no
        monkeypatch.setattr(prompts, "confirm", lambda *args: True)
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
        return True

    monkeypatch.setattr(tab, "run_dialog", empty)
    tab.show_trash()
    assert confirmations and trash.count() == 0
    assert Organisation.select().count() == 0 and Interaction.select().count() == 0


def test_models(qtmodeltester, demo_store):
    org_model = OrganisationTableModel()
    org_model.set_rows(partners.list_organisations())
    qtmodeltester.check(org_model)
    people = PersonTableModel()
    people.set_rows(partners.list_people())
    qtmodeltester.check(people)
    org = partners.list_organisations()[0]
    members = MemberTableModel()
    members.set_rows(partners.people_of(org.id))
    qtmodeltester.check(members)
    entries = InteractionTableModel()
    entries.set_rows(journal.journal_of_organisation(org.id))
    qtmodeltester.check(entries)
    tag_model = TagListModel()
    tag_model.set_rows(tags.list_tags())
    qtmodeltester.check(tag_model)


def test_merge_two_people_from_the_person_card(tab, qtbot, monkeypatch):
    import datetime as dt

    org = partners.create_organisation(OrganisationData(name="CCAS"))
    keep = partners.create_person(PersonData("Lefèvre", "Hélène", emails=["h@ccas.fr"]), organisation_id=org.id)
    drop = partners.create_person(PersonData("Lefevre", "Helene", emails=["helene@gmail.com"], relais=True))
    entry = journal.log_interaction("appel", dt.date(2026, 4, 1), "Appel", [], [drop.id])
    tab.refresh()
    tab.ctx.signals.open_requested.emit("person", keep.id)

    def drive(dialog):
        dialog.set_other(drop.id)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return True

    monkeypatch.setattr(tab, "run_dialog", drive)
    [merge_action] = [a for a in tab.person_card.more_menu.actions() if a.text().startswith("Merge")]
    merge_action.trigger()
    person = partners.get_person(keep.id)
    assert person.emails == ["h@ccas.fr", "helene@gmail.com"] and person.relais
    assert partners.get_person(drop.id) is None
    assert journal.get_interaction(entry.id).person_ids == [keep.id]
    assert tab.person_card.emails.text() == "h@ccas.fr, helene@gmail.com"


def test_too_many_addresses_for_mailto_are_copied_instead(tab, monkeypatch):
    from partnerdesk.ui.tabs.partners import mailing

    emails = [f"contact{i}@association-du-quartier-{i}.fr" for i in range(120)]
    opened, told = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: told.append(text))
    assert mailing.write_bcc(tab, tab.ctx, emails) is False
    assert opened == [] and told and "copied" in told[0]
    assert QGuiApplication.clipboard().text().split(", ") == emails


def test_sorting_ignores_accents(tab):
    for name in ("Zébulon", "École Jules-Ferry", "Association Émile", "Espace jeunes"):
        partners.create_organisation(OrganisationData(name=name))
    tab.refresh()
    tab.list.org_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown_names(tab) == ["Association Émile", "École Jules-Ferry", "Espace jeunes", "Zébulon"]
