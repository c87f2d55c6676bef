"""The French grammar of generated text, on a table of real-looking names."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk.domain import grammar as g
from partnerdesk.domain.grammar import OrgName

# name, kind, proposed article, bare form, "de …", "à …", agreement of "représenté"
ORGANISATIONS = [
    ("Association Les Petits Débrouillards", "association", "l_f", "l’Association Les Petits Débrouillards",
     "de l’Association Les Petits Débrouillards", "à l’Association Les Petits Débrouillards", "représentée"),
    ("Espace public numérique de Saint-Ouen", "autre", "l_m", "l’Espace public numérique de Saint-Ouen",
     "de l’Espace public numérique de Saint-Ouen", "à l’Espace public numérique de Saint-Ouen", "représenté"),
    ("Caisse d'allocations familiales de la Gironde", "institution_publique", "la",
     "la Caisse d'allocations familiales de la Gironde", "de la Caisse d'allocations familiales de la Gironde",
     "à la Caisse d'allocations familiales de la Gironde", "représentée"),
    ("Collège Jean Moulin", "etablissement_scolaire", "le", "le Collège Jean Moulin", "du Collège Jean Moulin",
     "au Collège Jean Moulin", "représenté"),
    ("École élémentaire Jules Ferry", "etablissement_scolaire", "l_f", "l’École élémentaire Jules Ferry",
     "de l’École élémentaire Jules Ferry", "à l’École élémentaire Jules Ferry", "représentée"),
    ("Restos du Cœur", "association", "les", "les Restos du Cœur", "des Restos du Cœur", "aux Restos du Cœur",
     "représentés"),
    ("Les Restos du Cœur", "association", "", "Les Restos du Cœur", "des Restos du Cœur", "aux Restos du Cœur",
     "représentés"),
    ("Orange", "entreprise", "", "Orange", "d’Orange", "à Orange", "représentée"),
    ("Emmaüs Connect", "association", "", "Emmaüs Connect", "d’Emmaüs Connect", "à Emmaüs Connect", "représentée"),
    ("Amicale laïque de Bègles", "association", "l_f", "l’Amicale laïque de Bègles", "de l’Amicale laïque de Bègles",
     "à l’Amicale laïque de Bègles", "représentée"),
    ("Mairie de Bordeaux", "service_municipal", "la", "la Mairie de Bordeaux", "de la Mairie de Bordeaux",
     "à la Mairie de Bordeaux", "représentée"),
    ("Ville de Lormont", "service_municipal", "la", "la Ville de Lormont", "de la Ville de Lormont",
     "à la Ville de Lormont", "représentée"),
    ("Centre communal d'action sociale", "service_municipal", "le", "le Centre communal d'action sociale",
     "du Centre communal d'action sociale", "au Centre communal d'action sociale", "représenté"),
    ("CCAS de Cenon", "service_municipal", "le", "le CCAS de Cenon", "du CCAS de Cenon", "au CCAS de Cenon",
     "représenté"),
    ("EHPAD Les Tilleuls", "institution_publique", "l_m", "l’EHPAD Les Tilleuls", "de l’EHPAD Les Tilleuls",
     "à l’EHPAD Les Tilleuls", "représenté"),
    ("Lycée professionnel Marcel Dassault", "etablissement_scolaire", "le",
     "le Lycée professionnel Marcel Dassault", "du Lycée professionnel Marcel Dassault",
     "au Lycée professionnel Marcel Dassault", "représenté"),
    ("Fondation Orange", "fondation", "la", "la Fondation Orange", "de la Fondation Orange", "à la Fondation Orange",
     "représentée"),
    ("Fondation Abbé Pierre", "fondation", "la", "la Fondation Abbé Pierre", "de la Fondation Abbé Pierre",
     "à la Fondation Abbé Pierre", "représentée"),
    ("Université de Bordeaux", "etablissement_scolaire", "l_f", "l’Université de Bordeaux",
     "de l’Université de Bordeaux", "à l’Université de Bordeaux", "représentée"),
    ("Médiathèque François Mitterrand", "service_municipal", "la", "la Médiathèque François Mitterrand",
     "de la Médiathèque François Mitterrand", "à la Médiathèque François Mitterrand", "représentée"),
    ("Maison des jeunes et de la culture", "association", "la", "la Maison des jeunes et de la culture",
     "de la Maison des jeunes et de la culture", "à la Maison des jeunes et de la culture", "représentée"),
    ("MJC Champ de Foire", "association", "la", "la MJC Champ de Foire", "de la MJC Champ de Foire",
     "à la MJC Champ de Foire", "représentée"),
    ("Institut régional du travail social", "institution_publique", "l_m", "l’Institut régional du travail social",
     "de l’Institut régional du travail social", "à l’Institut régional du travail social", "représenté"),
    ("Hôpital Pellegrin", "institution_publique", "l_m", "l’Hôpital Pellegrin", "de l’Hôpital Pellegrin",
     "à l’Hôpital Pellegrin", "représenté"),
    ("Halle des Chartrons", "service_municipal", "la", "la Halle des Chartrons", "de la Halle des Chartrons",
     "à la Halle des Chartrons", "représentée"),
    ("Hangar Darwin", "entreprise", "le", "le Hangar Darwin", "du Hangar Darwin", "au Hangar Darwin", "représenté"),
    ("La Poste", "entreprise", "", "La Poste", "de La Poste", "à La Poste", "représentée"),
    ("Le Relais Gironde", "association", "", "Le Relais Gironde", "du Relais Gironde", "au Relais Gironde",
     "représenté"),
    ("L'Arche à Bordeaux", "association", "", "L'Arche à Bordeaux", "de L’Arche à Bordeaux",
     "à L’Arche à Bordeaux", "représentée"),
    ("Laval Numérique", "entreprise", "", "Laval Numérique", "de Laval Numérique", "à Laval Numérique",
     "représentée"),
    ("Lesquin Services", "entreprise", "", "Lesquin Services", "de Lesquin Services", "à Lesquin Services",
     "représentée"),
    ("Secours populaire français", "association", "le", "le Secours populaire français",
     "du Secours populaire français", "au Secours populaire français", "représenté"),
    ("Pôle emploi Mérignac", "institution_publique", "le", "le Pôle emploi Mérignac", "du Pôle emploi Mérignac",
     "au Pôle emploi Mérignac", "représenté"),
    ("Conseil départemental de la Gironde", "institution_publique", "le", "le Conseil départemental de la Gironde",
     "du Conseil départemental de la Gironde", "au Conseil départemental de la Gironde", "représenté"),
    ("Région Nouvelle-Aquitaine", "institution_publique", "la", "la Région Nouvelle-Aquitaine",
     "de la Région Nouvelle-Aquitaine", "à la Région Nouvelle-Aquitaine", "représentée"),
    ("Crédit agricole d'Aquitaine", "entreprise", "le", "le Crédit agricole d'Aquitaine",
     "du Crédit agricole d'Aquitaine", "au Crédit agricole d'Aquitaine", "représenté"),
    ("Banque alimentaire de Bordeaux", "association", "la", "la Banque alimentaire de Bordeaux",
     "de la Banque alimentaire de Bordeaux", "à la Banque alimentaire de Bordeaux", "représentée"),
    ("Ateliers du Bocage", "association", "les", "les Ateliers du Bocage", "des Ateliers du Bocage",
     "aux Ateliers du Bocage", "représentés"),
    ("Compagnons bâtisseurs", "association", "les", "les Compagnons bâtisseurs", "des Compagnons bâtisseurs",
     "aux Compagnons bâtisseurs", "représentés"),
    ("Unis-Cité", "association", "", "Unis-Cité", "d’Unis-Cité", "à Unis-Cité", "représentée"),
    ("Boulanger", "entreprise", "", "Boulanger", "de Boulanger", "à Boulanger", "représentée"),
    ("Yves Rocher", "entreprise", "", "Yves Rocher", "d’Yves Rocher", "à Yves Rocher", "représentée"),
    ("Yoplait", "entreprise", "", "Yoplait", "de Yoplait", "à Yoplait", "représentée"),
    ("EDF Commerce", "entreprise", "", "EDF Commerce", "d’EDF Commerce", "à EDF Commerce", "représentée"),
    ("SNCF Voyageurs", "entreprise", "la", "la SNCF Voyageurs", "de la SNCF Voyageurs", "à la SNCF Voyageurs",
     "représentée"),
    ("3F Résidences", "entreprise", "", "3F Résidences", "de 3F Résidences", "à 3F Résidences", "représentée"),
    ("Office de tourisme de Blaye", "service_municipal", "l_m", "l’Office de tourisme de Blaye",
     "de l’Office de tourisme de Blaye", "à l’Office de tourisme de Blaye", "représenté"),
    ("Recyclerie L'Ordi Solidaire", "association", "la", "la Recyclerie L'Ordi Solidaire",
     "de la Recyclerie L'Ordi Solidaire", "à la Recyclerie L'Ordi Solidaire", "représentée"),
    ("Fab Lab Cenon", "association", "", "Fab Lab Cenon", "de Fab Lab Cenon", "à Fab Lab Cenon", "représentée"),
    ("Agence nationale de la cohésion des territoires", "institution_publique", "l_f",
     "l’Agence nationale de la cohésion des territoires", "de l’Agence nationale de la cohésion des territoires",
     "à l’Agence nationale de la cohésion des territoires", "représentée"),
    # a name carrying an elided article: the noun after it says the gender
    ("L'Atelier du Web", "association", "", "L'Atelier du Web", "de L’Atelier du Web", "à L’Atelier du Web",
     "représenté"),
    ("L’Espace Jeunes de Cenon", "association", "", "L’Espace Jeunes de Cenon", "de L’Espace Jeunes de Cenon",
     "à L’Espace Jeunes de Cenon", "représenté"),
    ("Hameau des Lilas", "association", "le", "le Hameau des Lilas", "du Hameau des Lilas", "au Hameau des Lilas",
     "représenté"),
    ("Hôtel de ville de Rennes", "service_municipal", "l_m", "l’Hôtel de ville de Rennes",
     "de l’Hôtel de ville de Rennes", "à l’Hôtel de ville de Rennes", "représenté"),
]


def test_table_has_at_least_forty_organisations():
    assert len(ORGANISATIONS) >= 40


@pytest.mark.parametrize("name,kind,article,bare,de,a,agreed", ORGANISATIONS, ids=[r[0] for r in ORGANISATIONS])
def test_organisation_forms(name, kind, article, bare, de, a, agreed):
    assert g.propose_article(name, kind) == article
    org = OrgName(name, None, kind)
    assert org.bare() == bare
    assert org.de() == de
    assert org.a() == a
    assert org.with_("avec") == f"avec {bare}"
    assert org.agree("représenté", "représentée") == agreed
    assert org.subject()[0] == bare[0].upper()


def test_the_stored_article_overrides_the_proposal():
    assert OrgName("Espace Darwin", "l_f").agree("représenté", "représentée") == "représentée"
    assert OrgName("Fab Lab Cenon", "le").de() == "du Fab Lab Cenon"
    assert OrgName("Fondation Orange", "").de() == "de Fondation Orange"
    assert OrgName("Amicale laïque", "la").de() == "de l’Amicale laïque"  # la elides before a vowel
    assert OrgName("Les Restos du Cœur", "").subject() == "Les Restos du Cœur"
    assert OrgName("association des parents", None).subject() == "L’association des parents"
    assert OrgName("   ", None).de() == "de "  # an empty name never crashes


# civility, full name, salutation, courtesy, agreement of "soussigné"
PEOPLE = [
    ("madame", "Claire Martin", "Madame,", "Mme\u00a0Claire Martin", "soussignée"),
    ("monsieur", "Karim Benali", "Monsieur,", "M.\u00a0Karim Benali", "soussigné"),
    ("", "Camille Durand", "Madame, Monsieur,", "Camille Durand", "soussigné"),
    ("madame", "Hélène Lefèvre-Dubois", "Madame,", "Mme\u00a0Hélène Lefèvre-Dubois", "soussignée"),
    ("monsieur", "Jean-Baptiste N'Diaye", "Monsieur,", "M.\u00a0Jean-Baptiste N'Diaye", "soussigné"),
    ("madame", "Anaïs Œuvray", "Madame,", "Mme\u00a0Anaïs Œuvray", "soussignée"),
    ("", "", "Madame, Monsieur,", "", "soussigné"),
]


@pytest.mark.parametrize("civility,name,hello,courtesy,agreed", PEOPLE)
def test_people_forms(civility, name, hello, courtesy, agreed):
    assert g.salutation(civility) == hello
    assert g.courtesy(civility, name) == courtesy
    assert g.agree_person(civility, "soussigné", "soussignée") == agreed


def test_counts_plurals_and_numbers():
    assert [g.count_words(n, feminine=True) for n in (1, 2, 3, 4)] == ["une", "deux", "trois", "quatre"]
    assert f"les {g.count_words(3, feminine=True)} parties" == "les trois parties"
    assert g.count_words(25) == "25"
    assert g.count_noun(0, "séance", "séances") == "0 séance"
    assert g.count_noun(1, "séance", "séances") == "1 séance"
    assert g.count_noun(2, "séance", "séances") == "2 séances"
    assert g.count_noun(1250, "séance", "séances") == "1\u202f250 séances"
    assert g.number(10000) == "10\u202f000"
    assert g.number(3703.5, 1) == "3\u202f703,5"
    assert g.number(-0.001, 2) == "0,00"
    assert g.money(10_000_000) == "10\u202f000\u202f000\u00a0€"
    assert g.money(1234.5) == "1\u202f234,50\u00a0€"
    assert g.percent(0.873) == "87\u00a0%"
    assert g.percent(None) == "—"


def test_dates_in_words():
    assert g.date_in_words(dt.date(2026, 11, 30)) == "le 30\u00a0novembre 2026"
    assert g.date_in_words(dt.date(2026, 12, 1)) == "le 1er\u00a0décembre 2026"
    assert g.date_in_words(dt.date(2027, 8, 15), article=False) == "15\u00a0août 2027"
    assert g.date_in_words(None) == ""


def test_typography_and_elision():
    assert g.typographic("l'EPN d'Orange, 'cité'") == "l’EPN d’Orange, 'cité'"
    assert g.elide("de", "Orange") == "d’Orange"
    assert g.elide("que", "il") == "qu’il"
    assert g.elide("de", "Halle") == "de Halle"
    assert g.elide("le", "hôpital") == "l’hôpital"
    assert g.elide("de", "Boulanger") == "de Boulanger"
    assert g.starts_with_vowel_sound("«\u00a0Atelier\u00a0»") is True
    assert g.starts_with_vowel_sound("") is False


def test_the_vocabulary_is_written_as_names_are_compared():
    """Names are compared without accents: « café » in the list made « Café des Familles » lose its
    article (« de Café des Familles »)."""
    for words in (g._FEMININE, g._MASCULINE, g._PLURAL, g._FEMININE_PLURAL, g._H_ASPIRE):
        assert all(g._plain(w) == w for w in words), sorted(w for w in words if g._plain(w) != w)
    cafe = OrgName("Café des Familles")
    assert (cafe.subject(), cafe.de()) == ("Le Café des Familles", "du Café des Familles")


def test_weekday_dates_and_numbers_kept_with_their_noun():
    assert g.weekday_date(dt.date(2026, 11, 1)) == "dimanche 1er\u00a0novembre 2026"
    assert g.weekday_date(dt.date(2026, 12, 3)) == "jeudi 3\u00a0décembre 2026"
    assert g.tight("2 séances d’environ 10 places") == "2\u00a0séances d’environ 10\u00a0places"
    assert g.tight("Total : 3 · 2 €") == "Total\u00a0: 3 · 2 €"  # a number before a sign is left alone


def test_addresses_keep_their_apostrophes_and_cf_is_not_a_sentence_end():
    text = "Écrivez à jean.o'neil@epn35.fr ou https://epn35.fr/l'atelier : l'équipe d'Orange"
    assert g.typographic(text) == "Écrivez à jean.o'neil@epn35.fr ou https://epn35.fr/l'atelier : l’équipe d’Orange"
    forms = {"o": OrgName("Collège Jules Verne")}
    assert g.place_names("cf. {o}", forms) == "cf. le Collège Jules Verne"
    assert g.place_names("Objet : {o}", forms) == "Objet : le Collège Jules Verne"  # lower case after a colon
    assert g.place_names("Bonjour,\n{o} vous invite", forms) == "Bonjour,\nLe Collège Jules Verne vous invite"
