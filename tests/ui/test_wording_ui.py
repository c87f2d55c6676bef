"""One wording per concept, and the identity dialog checked like the cards."""

from __future__ import annotations

from partnerdesk import i18n
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import partners, settings
from partnerdesk.ui.dialogs.identity import IdentityDialog
from partnerdesk.ui.dialogs.merge import shown
from partnerdesk.ui.tabs.partners.tab import PartnersTab


def test_identity_dialog_checks_like_the_cards(ctx, qtbot):
    i18n.set_language("fr")
    dialog = IdentityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("EPN de Saint-Aubin")
    dialog.edits["postcode"].setText("3553")
    dialog.edits["website"].setText("www.epn-saint-aubin")
    assert not dialog.save()
    postcode = dialog.field_errors.message("postcode")
    assert postcode == "Un code postal français a 5 chiffres." and "pays" not in postcode.lower()
    assert dialog.field_errors.message("website")
    assert dialog.edits["website"].text() == "www.epn-saint-aubin"  # the typing is kept
    assert settings.identity().name != "EPN de Saint-Aubin"
    dialog.edits["postcode"].setText("35530")
    dialog.edits["website"].setText("www.epn-saint-aubin.fr")
    assert dialog.save()
    # the same address is refused on an organisation card too
    try:
        partners.create_organisation(OrganisationData(name="EPN", website="www.epn-saint-aubin"))
    except Exception as exc:  # noqa: BLE001
        assert "website" in exc.errors
    else:
        raise AssertionError("www.epn-saint-aubin accepted on a card")


def test_one_wording_for_the_contact_cadence(ctx, qtbot):
    i18n.set_language("fr")
    tab = PartnersTab(ctx)
    qtbot.addWidget(tab)
    org = partners.create_organisation(OrganisationData(name="CCAS", contact_cadence_days=30))
    tab.refresh()
    tab.open_item("organisation", org.id)
    assert tab.org_card.cadence.currentText() == "Tous les mois"
    assert shown("contact_cadence_days", 30) == "Tous les mois"
    assert shown("contact_cadence_days", 45) == "Tous les 45 jours"


def test_the_two_tag_buttons_have_different_names(ctx, qtbot):
    i18n.set_language("fr")
    tab = PartnersTab(ctx)
    qtbot.addWidget(tab)
    assert tab.list.tags_button.text() == "Gérer les étiquettes…"
    assert tab.org_card.tag_picker.button.text() == "Choisir les étiquettes…"
