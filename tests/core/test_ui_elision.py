"""Interface messages elide "de" before a name in French ("La fiche d’Agnès…"), as documents do."""

from partnerdesk import i18n
from partnerdesk.domain.grammar import of, of_organisation


def test_of_elides_before_a_vowel_sound():
    assert of("Agnès Durand") == "d’Agnès Durand"
    assert of("Hélène Martin") == "d’Hélène Martin"
    assert of("Marc  Petit") == "de Marc Petit"
    assert of_organisation("Mairie de Rennes") == "de la Mairie de Rennes"
    assert of_organisation("Orange") == "d’Orange"


def test_french_messages_use_the_elided_form():
    i18n.set_language("fr")
    try:
        text = i18n._("The card of {name} will be anonymised. This cannot be undone.").format(
            name="Agnès Durand", of_name=of("Agnès Durand"))
        assert text.startswith("La fiche d’Agnès Durand va être anonymisée")
        moved = i18n._("Move {name} to “{stage}”").format(name="Espace Jeunes", of_name=of_organisation("Espace Jeunes"),
                                                          stage="Bilan")
        assert "de Espace" not in moved and "d’Espace Jeunes" in moved or "de l’Espace Jeunes" in moved
    finally:
        i18n.set_language("en")
    english = i18n._("The card of {name} will be anonymised. This cannot be undone.").format(
        name="Agnès Durand", of_name=of("Agnès Durand"))
    assert english.startswith("The card of Agnès Durand")
