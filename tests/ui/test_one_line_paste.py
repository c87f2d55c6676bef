"""Several lines pasted into a one-line field of a card are saved, and shown back, on one line."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from partnerdesk.services import partners
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab


def test_an_address_pasted_in_the_name_is_saved_on_one_line(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "discard")
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    tab.new_item()
    card = tab.org_card
    QGuiApplication.clipboard().setText("Centre social\nLes Tilleuls\r\n35500 Vitré")
    card.name.setFocus()
    card.name.paste()
    card.city.setText("مركز 🎉 Vitré")
    assert card.save()
    [org] = partners.list_organisations()
    assert (org.name, org.city) == ("Centre social Les Tilleuls 35500 Vitré", "مركز 🎉 Vitré")
    assert card.name.text() == "Centre social Les Tilleuls 35500 Vitré"


def test_a_very_long_name_does_not_widen_the_card(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "discard")
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    window.resize(1366, 768)
    window.show()
    tab.new_item()
    card = tab.org_card
    name = "Association " + "x" * 2000
    card.name.setText(name)
    card.name.textEdited.emit(name)
    preview = card.article.preview
    card.article.set_name(name)
    assert preview.text().startswith("In documents: “de l’Association xxx") and preview.text().endswith("”")
    assert preview.toolTip() == preview.text()
    assert card.width() <= window.width() and preview.width() < 1366
    assert QLabel.text(preview).endswith("…")  # what is painted is shortened
