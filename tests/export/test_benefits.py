"""« Ce que ce partenariat vous apporte » follows the partner's kind, publics and contributions."""

from partnerdesk import i18n
from partnerdesk.services.documents.benefits import PartnerProfile, partnership_benefits


def _texts(benefits) -> dict[str, str]:
    return {b.title: b.text for b in benefits}


def test_generic_without_a_partner():
    texts = _texts(partnership_benefits(["seniors", "familles"], 12, 10, None))
    assert set(texts) == {"Visibility", "Publics reached", "Image", "Concrete counterparts"}
    assert "seniors and families" in texts["Publics reached"].lower()
    assert "12 sessions of about 10 places each" in texts["Publics reached"]  # never sessions × places


def test_tailored_to_a_company_that_funds():
    partner = PartnerProfile("Boulangerie Dupont & Fils <SARL>", "entreprise", ["familles"], ["financement"])
    texts = _texts(partnership_benefits(["seniors", "familles"], 0, 0, partner))
    assert "customers" in texts["Visibility"]
    assert "people you already work with" in texts["Publics reached"]
    assert "social responsibility" in texts["Image"]
    assert "account for your support" in texts["Concrete counterparts"]


def test_tailored_in_french_to_a_school_that_lends_premises():
    i18n.set_language("fr")
    partner = PartnerProfile("Collège Jean-Moulin", "etablissement_scolaire", ["scolaires"], ["locaux", "public"])
    texts = _texts(partnership_benefits(["scolaires"], 6, 15, partner))
    assert texts["Publics touchés"].startswith("Le projet touche les scolaires : des publics que vous accompagnez")
    assert "6 séances d'environ 15 places chacune." in texts["Publics touchés"]
    one = _texts(partnership_benefits(["tout_public"], 1, 0, partner))["Publics touchés"]
    assert "1 séance prévue." in one and "les tout public" not in one.lower()
    assert "projet d'établissement" in texts["Image"]
    assert "dans vos locaux" in texts["Contreparties concrètes"]
    assert "places réservées" in texts["Contreparties concrètes"]


def test_french_repeats_the_article_and_agrees_the_places():
    """Seen in a dossier: « Le projet touche les seniors. 1 séance d'environ 1 places. » and
    « les jeunes et familles »."""
    i18n.set_language("fr")
    one = _texts(partnership_benefits(["seniors"], 1, 1, None))["Publics touchés"]
    assert one == "Le projet touche les seniors. 1 séance d'environ 1 place."
    several = _texts(partnership_benefits(["jeunes", "familles", "seniors"], 2, 12, None))["Publics touchés"]
    assert several == ("Le projet touche les jeunes, les familles et les seniors. "
                       "2 séances d'environ 12 places chacune.")
    i18n.set_language("en")
    english = _texts(partnership_benefits(["jeunes", "familles"], 1, 1, None))["Publics reached"]
    assert english == "The project reaches young people and families. 1 session of about 1 place."
