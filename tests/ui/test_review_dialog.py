"""The yearly review, action by action, through the widgets."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import partners
from partnerdesk.store.models import Affiliation, Organisation, Person
from partnerdesk.ui.dialogs.review import ReviewDialog

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def cards(store):
    mairie = partners.create_organisation(OrganisationData("Mairie", verified_on=dt.date(2025, 1, 10)))
    college = partners.create_organisation(OrganisationData("Collège", verified_on=dt.date(2026, 6, 1)))
    anne = partners.create_person(PersonData("Martin", "Anne", ["anne@mairie.fr"], ["02 99 00 00 01"],
                                             verified_on=dt.date(2024, 2, 29)), mairie.id, "Directrice")
    paul = partners.create_person(PersonData("Petit", "Paul"), college.id, "Principal")
    # Created cards count as checked today; a never-checked card comes from older data.
    Person.update(verified_on=None).where(Person.id == paul.id).execute()
    return dict(mairie=mairie.id, college=college.id, anne=anne.id, paul=paul.id)


def _dialog(ctx, qtbot):
    dialog = ReviewDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def _click(qtbot, dialog, name):
    qtbot.mouseClick(dialog.findChild(object, name), Qt.MouseButton.LeftButton)


def test_walks_oldest_first_and_nothing_changed_stamps(ctx, qtbot, cards):
    dialog = _dialog(ctx, qtbot)
    assert dialog.progress_label.text() == "1 / 3"
    assert dialog.title.text() == "Paul Petit" and "never checked" in dialog.subtitle.text()
    changed = []
    ctx.signals.data_changed.connect(changed.append)
    _click(qtbot, dialog, "reviewUnchangedButton")
    assert Person.get_by_id(cards["paul"]).verified_on == TODAY
    assert changed == ["people"]
    assert dialog.progress_label.text() == "2 / 3" and dialog.title.text() == "Anne Martin"
    assert dialog.findChild(object, "reviewCurrent_email").text() == "anne@mairie.fr"


def test_save_changes_with_a_bad_email_keeps_the_typing(ctx, qtbot, cards):
    dialog = _dialog(ctx, qtbot)
    _click(qtbot, dialog, "reviewSkipButton")
    email = dialog.findChild(object, "reviewEdit_email")
    email.setText("anne.martin@")
    email.textEdited.emit(email.text())
    _click(qtbot, dialog, "reviewSaveButton")
    error = dialog.findChild(object, "reviewError_email")
    assert error.isVisibleTo(dialog) and "not valid" in error.text()
    assert email.text() == "anne.martin@" and dialog.progress_label.text() == "2 / 3"
    assert Person.get_by_id(cards["anne"]).emails == ["anne@mairie.fr"]

    email.setText("anne.martin@ville.fr")
    dialog.findChild(object, "reviewEdit_last_name").setText("Martin-Roy")
    dialog.findChild(object, "reviewEdit_role").setText("Directrice générale")
    _click(qtbot, dialog, "reviewSaveButton")
    anne = Person.get_by_id(cards["anne"])
    assert (anne.emails, anne.last_name, anne.verified_on) == (["anne.martin@ville.fr"], "Martin-Roy", TODAY)
    assert partners.affiliations_of(cards["anne"])[0].role == "Directrice générale"
    assert dialog.title.text() == "Mairie" and not dialog.left_box.isVisibleTo(dialog)

    dialog.findChild(object, "reviewEdit_city").setText("Vitré")
    _click(qtbot, dialog, "reviewSaveButton")
    assert Organisation.get_by_id(cards["mairie"]).city == "Vitré"
    assert dialog.pages.currentIndex() == 1 and dialog.progress_label.text() == "3 / 3"


def test_left_the_organisation_with_a_new_one(ctx, qtbot, cards):
    dialog = _dialog(ctx, qtbot)
    assert dialog.left_box.isVisibleTo(dialog)
    combo = dialog.findChild(object, "reviewNewOrganisation")
    combo.setCurrentIndex(combo.findData(cards["mairie"]))
    dialog.findChild(object, "reviewNewRole").setText("Chargé de mission numérique")
    _click(qtbot, dialog, "reviewLeftButton")
    rows = list(Affiliation.select().where(Affiliation.person == cards["paul"]).order_by(Affiliation.id))
    assert [(r.organisation_id, r.end_date) for r in rows] == [(cards["college"], TODAY), (cards["mairie"], None)]
    assert rows[1].role == "Chargé de mission numérique"
    assert Person.get_by_id(cards["paul"]).verified_on == TODAY
    assert dialog.progress_label.text() == "2 / 3"


def test_left_without_new_organisation(ctx, qtbot, cards):
    dialog = _dialog(ctx, qtbot)
    _click(qtbot, dialog, "reviewLeftButton")
    assert Affiliation.get(Affiliation.person == cards["paul"]).end_date == TODAY


def test_resume_later_where_the_user_stopped(ctx, qtbot, cards):
    dialog = _dialog(ctx, qtbot)
    _click(qtbot, dialog, "reviewSkipButton")
    _click(qtbot, dialog, "reviewUnchangedButton")
    _click(qtbot, dialog, "reviewLaterButton")
    assert not dialog.isVisible()
    again = _dialog(ctx, qtbot)
    assert again.progress_label.text() == "3 / 3" and again.title.text() == "Mairie"
    _click(qtbot, again, "reviewSkipButton")
    assert again.pages.currentIndex() == 1
    assert "checked" in again.done_label.text()


def test_nothing_due(ctx, qtbot, store):
    partners.create_person(PersonData("Roux", "Léa", verified_on=TODAY))
    dialog = _dialog(ctx, qtbot)
    assert dialog.pages.currentIndex() == 1 and "up to date" in dialog.done_label.text()
    assert not dialog.findChild(object, "reviewSaveButton").isEnabled()


def test_banner_counts_and_opens_the_review(cards, window, qtbot):
    banner = window.review_banner
    assert banner.isVisibleTo(window) and banner.label.text().startswith("3 cards")
    qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ReviewDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.nothing_changed()
    assert banner.label.text().startswith("2 cards")
    qtbot.mouseClick(banner.later_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisibleTo(window)
    dialog.close()


def test_banner_in_french(ctx, qtbot, cards):
    from partnerdesk import i18n
    from partnerdesk.ui.widgets.review_banner import ReviewBanner

    i18n.set_language("fr")
    banner = ReviewBanner(ctx)
    qtbot.addWidget(banner)
    assert banner.label.text() == "3 fiches à vérifier cette année"



def test_open_requested_review_opens_it(cards, window, qtbot):
    window.ctx.signals.open_requested.emit("review", 0)
    dialog = window.findChild(ReviewDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_photo_shown_only_with_consent_for_internal_use(ctx, qtbot, cards):
    from partnerdesk.domain.consent import Consent
    from partnerdesk.services import consent, photos
    from tests.core.images import jpeg_bytes

    photos.set_photo_from_bytes(ctx.paths, cards["paul"], jpeg_bytes(width=300, height=400))
    dialog = _dialog(ctx, qtbot)
    assert dialog.photo_file is None  # no consent yet: initials
    assert dialog.photo.pixmap().width() == dialog.photo.pixmap().height()
    consent.save_consent(cards["paul"], Consent(True, TODAY, ["interne"]))
    again = _dialog(ctx, qtbot)
    qtbot.waitUntil(lambda: again.provider.pending() == 0)
    assert again.photo_file and again.photo.pixmap().width() < again.photo.pixmap().height()


def test_each_action_can_be_undone(ctx, qtbot, cards):
    dialog = _dialog(ctx, qtbot)
    combo = dialog.findChild(object, "reviewNewOrganisation")
    combo.setCurrentIndex(combo.findData(cards["mairie"]))
    _click(qtbot, dialog, "reviewLeftButton")  # Paul leaves the college for the town hall
    dialog.findChild(object, "reviewEdit_email").setText("anne@ville.fr")
    _click(qtbot, dialog, "reviewSaveButton")  # Anne's new email
    _click(qtbot, dialog, "reviewUnchangedButton")  # the town hall is fine
    assert Organisation.get_by_id(cards["mairie"]).verified_on == TODAY
    assert ctx.undo_stack.undoText() == "Nothing changed (Mairie)"

    ctx.undo_stack.undo()
    assert Organisation.get_by_id(cards["mairie"]).verified_on == dt.date(2025, 1, 10)
    ctx.undo_stack.undo()
    anne = Person.get_by_id(cards["anne"])
    assert anne.emails == ["anne@mairie.fr"] and anne.verified_on == dt.date(2024, 2, 29)
    ctx.undo_stack.undo()
    rows = list(Affiliation.select().where(Affiliation.person == cards["paul"]))
    assert [(r.organisation_id, r.end_date) for r in rows] == [(cards["college"], None)]
    assert Person.get_by_id(cards["paul"]).verified_on is None
    ctx.undo_stack.redo()
    rows = list(Affiliation.select().where(Affiliation.person == cards["paul"]).order_by(Affiliation.id))
    assert [(r.organisation_id, r.end_date) for r in rows] == [(cards["college"], TODAY), (cards["mairie"], None)]


def test_period_is_set_from_the_review(ctx, qtbot, cards):
    from partnerdesk.services import review

    dialog = _dialog(ctx, qtbot)
    assert dialog.period.value() == 12 and dialog.progress_label.text() == "1 / 3"
    dialog.period.setValue(48)
    dialog.period.editingFinished.emit()
    assert review.period_months() == 48
    assert dialog.progress_label.text() == "1 / 1" and dialog.title.text() == "Paul Petit"
    dialog.period.setValue(3)
    dialog.period.editingFinished.emit()
    assert dialog.progress_label.text() == "1 / 4"
