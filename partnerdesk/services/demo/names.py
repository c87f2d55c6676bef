"""French names and places for the demo data: accents and apostrophes on purpose."""

FIRST_NAMES = [
    "Hélène", "Zoé", "Jérôme", "François", "Anaïs", "Noël", "Loïc", "Maëlle", "Chloé", "Léa",
    "Théo", "Inès", "Gaëtan", "Aurélie", "Benoît", "Céline", "Cédric", "Élodie", "Émile", "Agnès",
    "Thérèse", "Joël", "Raphaël", "Mélanie", "Stéphane", "Sébastien", "Frédérique", "Hervé",
    "Josée", "Nadège", "Yannick", "Karim", "Fatou", "Mamadou", "Aïcha", "Sofiane", "Lucie",
    "Camille", "Julien", "Nathalie", "Pierre-Yves", "Marie-Claude", "Jean-Luc", "Anne-Sophie",
    "Océane", "Timothée", "Bérénice", "Clément", "Amélie", "Grégoire",
]

LAST_NAMES = [
    "Lefèvre", "D'Almeida", "N'Diaye", "Le Goff", "Béranger", "Moreau", "Girard", "Rousseau",
    "Faure", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
    "Gauthier", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
    "Dumont", "O'Neill", "L'Hôte", "Da Silva", "Benali", "Traoré", "Nguyen", "Lemaître",
    "Château", "Pâris", "Fèvre", "Brûlé", "Daguerre", "de La Fontaine", "Saint-Éloi", "Kerjean",
    "Le Bihan", "Œuvrard", "Prud'homme", "Aubé", "Gaillard", "Roche", "Marchand", "Barbier",
]

STREETS = [
    "rue de la République", "avenue Jean-Jaurès", "place de l'Hôtel-de-Ville", "rue Victor-Hugo",
    "boulevard Gambetta", "rue des Écoles", "chemin du Moulin", "rue Pasteur", "allée des Tilleuls",
    "rue du Général-de-Gaulle", "impasse des Lilas", "rue d'Alsace-Lorraine",
]

TOWNS = [
    ("Saint-Aubin-des-Prés", "35410"), ("Rennes", "35000"), ("Cesson-Sévigné", "35510"),
    ("Châteaugiron", "35410"), ("Vitré", "35500"), ("Noyal-sur-Vilaine", "35530"),
    ("Acigné", "35690"), ("Thorigné-Fouillard", "35235"),
]

ROLES = [
    "Directrice", "Directeur", "Chargée de mission", "Chargé de mission", "Animatrice",
    "Animateur", "Présidente", "Président", "Trésorier", "Secrétaire", "Principal adjoint",
    "Professeure documentaliste", "Élue à la jeunesse", "Adjoint au maire", "Responsable RSE",
    "Coordinatrice", "Bénévole", "Conseillère numérique", "Bibliothécaire", "Gérant",
]

SUMMARIES = [
    "Premier échange sur l'atelier « premiers pas sur tablette ».",
    "Point sur le planning des séances du mercredi.",
    "Présentation du projet au bureau de l'association.",
    "Relance pour la convention : signature prévue au prochain conseil.",
    "Vœux de la nouvelle année envoyés avec le bilan 2025.",
    "Rencontre informelle au forum des associations.",
    "Comité de suivi : bonne participation, prévoir 2 séances de plus.",
    "Appel : le prêt de 10 ordinateurs portables est confirmé.",
    "Mail : envoi des photos de l'exposition & du compte-rendu.",
    "Discussion sur l'accueil des demandeurs d'emploi en avril.",
]
