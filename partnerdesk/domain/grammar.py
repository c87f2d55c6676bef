"""French grammar for generated text: articles and elisions, agreement, counts, dates, typography.

Organisations (the article is stored on the card, `None` = propose it from the name and kind):

    article = propose_article("Association Les Petits Débrouillards", "association")   # "l_f"
    org = OrgName("Association Les Petits Débrouillards", article)
    org.bare()          # "l’Association Les Petits Débrouillards"
    org.de()            # "de l’Association…"   ("du Collège…", "des Restos…", "d’Orange", "de la Caisse…")
    org.a()             # "à l’Association…"    ("au Collège…", "aux Restos…", "à Orange")
    org.with_("avec")   # "avec l’Association…" (any preposition that does not contract)
    org.subject()       # "L’Association…"      (start of a sentence)
    org.agree("représenté", "représentée")      # gender and number of the organisation

Articles (`ARTICLES`): "le", "la", "l_m", "l_f" (l’ before a masculine / feminine noun),
"les", "" (none: "Orange", "Emmaüs"). A name that starts with its own article ("La Poste",
"Le Relais", "Les Restos du Cœur") is read as such: "de La Poste", "du Relais", "des Restos".

People: `civility` is "madame", "monsieur" or "" (unknown):

    salutation("madame")                         # "Madame,"   ("" -> "Madame, Monsieur,")
    courtesy("madame", "Claire Martin")          # "Mme Claire Martin"
    agree_person("madame", "soussigné", "soussignée")

Counts, dates and numbers (French rule: 0 and 1 singular):

    count_words(3, feminine=True)                # "trois"
    count_noun(1, "séance", "séances")           # "1 séance"; 1250 -> "1 250 séances"
    plural(n, "séance", "séances")               # the word only
    date_in_words(dt.date(2026, 11, 30))         # "le 30 novembre 2026" ("le 1er décembre 2026")
    number(1234.5, 1)                            # "1 234,5" (narrow no-break space)
    money(10000)                                 # "10 000 €" (no-break space before €)
    typographic("l'EPN")                         # "l’EPN"

Only plain Python: no locale, no translation (this is French text by construction).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from partnerdesk.domain.amounts import printable
from partnerdesk.domain.labels import N_
from partnerdesk.domain.name_context import place_names, place_names_in_runs  # noqa: F401  (re-exported)

APOSTROPHE = "’"
NNBSP = "\u202f"  # narrow no-break space: thousands, before ; ! ? and inside « »
NBSP = "\u00a0"  # no-break space: before € and %, before a colon

ARTICLES = ("le", "la", "l_m", "l_f", "les", "")
#: labels for an editor's choice list (the value, what it shows)
ARTICLE_CHOICES = (("le", N_("le … (masculine)")), ("la", N_("la … (feminine)")),
                   ("l_m", N_("l’… (masculine)")), ("l_f", N_("l’… (feminine)")), ("les", N_("les … (plural)")),
                   ("", N_("no article")))

# --- vocabulary ---------------------------------------------------------------------

_FEMININE = frozenset("""
    association amicale agence academie antenne auberge banque bibliotheque boutique caisse chambre cite
    clinique communaute commune compagnie confederation conference cooperative coordination creche delegation
    direction ecole entreprise epicerie federation fondation fabrique gendarmerie halle imprimerie inspection
    ligue mairie maison maternelle mediatheque metropole mission mutuelle paroisse permanence pharmacie
    prefecture prefecture region regie residence ressourcerie recyclerie societe sous-prefecture structure
    union universite ville caf cpam mjc mdph msa cci cma sncf ratp dreets ddets drac ccmsa epa cafe-associatif
    ludotheque cyberbase cantine cuisine radio television compagnie troupe librairie poste scop scic sarl sas
    agglomeration collectivite administration unite brigade police regie
""".split())
_MASCULINE = frozenset("""
    atelier bureau cabinet cafe centre cercle club college comite conseil conservatoire departement ehpad
    espace etablissement foyer fablab fonds garage gip gie groupe groupement hopital hotel institut lycee
    ministere musee office ordre pole point rectorat relais reseau secours secretariat service syndicat
    theatre tiers-lieu tribunal ccas cias cidff crij cdi cfa clic centre-social collectif conseil-departemental
    credit departement greta ime itep lieu parc planning pres quartier restaurant smic studio village
    campus cinema hameau hangar epn laboratoire labo repair repair-cafe cyber-espace point-info ecomusee zoo
""".split())
_PLURAL = frozenset("""
    restos amis petits compagnons eclaireurs scouts francas ateliers jardins cemea jeunes apprentis
    pupilles papillons blouses chantiers artisans editions
""".split())
_FEMININE_PLURAL = frozenset("blouses petites amies cigales abeilles".split())
#: words starting with an h that is "aspiré": no elision ("la Halle", "le Hangar")
_H_ASPIRE = frozenset("""
    halle hameau hangar haut haute hauts hautes handicap harpe hasard hall halte hockey hollande homard honte
    hublot huit hibou heros hetre hachette hainaut havre hyper hypermarche hotte
""".split())
#: kinds whose name without a known noun reads as feminine ("Orange, représentée par…": la société)
_FEMININE_KINDS = frozenset({"entreprise", "association", "fondation", "institution_publique", "autre"})

_ARTICLE_WORD = re.compile(r"^(?:(?:le|la|les)\s+|l['’](?=\w))", re.IGNORECASE)
_WORD = re.compile(r"[\w-]+", re.UNICODE)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


def _first_word(text: str) -> str:
    match = _WORD.search(text or "")
    return _plain(match.group(0)) if match else ""


def starts_with_vowel_sound(text: str) -> bool:
    """Whether "de"/"le"/"la"/"que" elide before `text`: a vowel, an h muet, or a y before a consonant.

    Acronyms follow their first letter ("d’EDF", "de SFR"); digits and symbols never elide."""
    stripped = (text or "").lstrip(" \u00a0\u202f«\"'“‘([")
    if not stripped:
        return False
    first = _plain(stripped[0])
    if not first:
        return False
    if first in "aeiou":
        return True
    if first == "h":
        return _first_word(stripped) not in _H_ASPIRE and not stripped[:2].isupper()
    if first == "y":
        second = _plain(stripped[1]) if len(stripped) > 1 else ""
        return bool(second) and second not in "aeiouy"
    return False


# --- organisations -------------------------------------------------------------------

def propose_article(name: str, kind: str = "") -> str:
    """The article form a card proposes for `name` (one of ARTICLES); the user may change it."""
    name = (name or "").strip()
    if _ARTICLE_WORD.match(name):
        return ""  # the name carries its own article ("La Poste", "Les Restos du Cœur")
    word = _first_word(name)
    if not word:
        return ""
    vowel = starts_with_vowel_sound(name)
    if word in _PLURAL:
        return "les"
    if word in _FEMININE or word.split("-")[0] in _FEMININE:
        return "l_f" if vowel else "la"
    if word in _MASCULINE or word.split("-")[0] in _MASCULINE:
        return "l_m" if vowel else "le"
    return ""


def _split_own_article(name: str) -> tuple[str, str]:
    """("La Poste") -> ("La ", "Poste") ; names without a leading article -> ("", name)."""
    match = _ARTICLE_WORD.match(name)
    if not match:
        return "", name
    return match.group(0), name[match.end():]


def _article_form(article: str, rest: str, capital: bool = False) -> str:
    """The article glued to `rest`: "l’Espace", "la Caisse", "les Restos", "Orange"."""
    if article in ("l_m", "l_f"):
        word = "L" if capital else "l"
        return f"{word}{APOSTROPHE}{rest}"
    if article in ("le", "la", "les"):
        if article in ("le", "la") and starts_with_vowel_sound(rest):
            word = "L" if capital else "l"
            return f"{word}{APOSTROPHE}{rest}"
        word = article.capitalize() if capital else article
        return f"{word} {rest}"
    return rest


@dataclass(frozen=True)
class OrgName:
    """An organisation's name with its article form (one of ARTICLES; None = proposed from the name)."""

    name: str
    article: str | None = None
    kind: str = ""

    @property
    def form(self) -> str:
        article = self.article if self.article is not None else propose_article(self.name, self.kind)
        return article if article in ARTICLES else ""

    def _parts(self) -> tuple[str, str, bool]:
        """(article, the name after it, whether the article is part of the name)."""
        name = " ".join(self.name.split())
        own, rest = _split_own_article(name)
        if own and rest:
            word = own.strip().lower()
            article = {"le": "le", "la": "la", "les": "les"}.get(word)
            if article is None:  # "L’Atelier…" is masculine, "L’Arche…" feminine: the noun says it
                noun = _first_word(rest)
                article = "l_m" if noun in _MASCULINE or noun.split("-")[0] in _MASCULINE else "l_f"
            return article, rest, True
        return self.form, name, False

    def bare(self) -> str:
        """"l’Association X", "la Caisse…", "Orange" (the name as written in a sentence)."""
        article, rest, own = self._parts()
        if own:
            return " ".join(self.name.split())
        return _article_form(article, rest)

    def in_sentence(self, lang: str) -> str:
        """The name inside a sentence of the document's language: with its article in French
        ("tenu par l’Espace…"), as written otherwise."""
        return self.bare() if lang == "fr" else " ".join(self.name.split())

    def subject(self) -> str:
        """At the start of a sentence: "L’Association X", "La Caisse…"."""
        text = self.bare()
        return text[:1].upper() + text[1:]

    def _contract(self, prep: str, masc: str, plural: str) -> str:
        article, rest, own = self._parts()
        if article == "le" and not starts_with_vowel_sound(rest):
            return f"{masc} {rest}"
        if article == "les":
            return f"{plural} {rest}"
        if own:  # "de La Poste", "de L’Arche"
            return f"{prep} {' '.join(self.name.split())}".replace("'", APOSTROPHE)
        return f"{prep} {_article_form(article, rest)}"

    def de(self) -> str:
        """"de l’Association", "du Collège", "des Restos", "de la Caisse", "d’Orange", "de Boulanger"."""
        article, rest, own = self._parts()
        if not article and starts_with_vowel_sound(rest):
            return f"d{APOSTROPHE}{rest}"
        if not article:
            return f"de {rest}"
        return self._contract("de", "du", "des")

    def a(self) -> str:
        """"à l’Association", "au Collège", "aux Restos", "à la Caisse", "à Orange"."""
        article, rest, own = self._parts()
        if not article:
            return f"à {rest}"
        return self._contract("à", "au", "aux")

    def with_(self, preposition: str) -> str:
        """Any preposition that does not contract: "avec l’Association", "pour la Caisse", "entre les Restos"."""
        return f"{preposition} {self.bare()}"

    @property
    def feminine(self) -> bool:
        article, rest, own = self._parts()
        if article in ("la", "l_f"):
            return True
        if article in ("le", "l_m"):
            return False
        word = _first_word(rest)
        if article == "les":  # masculine plural unless the noun is known to be feminine ("les Blouses roses")
            return word.rstrip("sx") in _FEMININE or word in _FEMININE_PLURAL
        if word in _MASCULINE:
            return False
        if word in _FEMININE:
            return True
        return self.kind in _FEMININE_KINDS or not self.kind

    @property
    def plural(self) -> bool:
        return self._parts()[0] == "les"

    def agree(self, masculine: str, feminine: str) -> str:
        """"représenté"/"représentée" (and "représentés"/"représentées" for "les …")."""
        word = feminine if self.feminine else masculine
        return word + "s" if self.plural and not word.endswith("s") else word


# --- people ---------------------------------------------------------------------------

CIVILITIES = ("madame", "monsieur", "")
CIVILITY_CHOICES = (("madame", N_("Madam")), ("monsieur", N_("Sir")), ("", N_("Not given")))


def salutation(civility: str | None) -> str:
    """The opening of a letter: "Madame,", "Monsieur," or "Madame, Monsieur," when unknown."""
    return {"madame": "Madame,", "monsieur": "Monsieur,"}.get(civility or "", "Madame, Monsieur,")


def courtesy(civility: str | None, full_name: str) -> str:
    """"Mme Claire Martin", "M. Paul Durand", or the name alone."""
    title = {"madame": "Mme", "monsieur": "M."}.get(civility or "", "")
    name = " ".join((full_name or "").split())
    return f"{title}{NBSP}{name}" if title and name else name


def agree_person(civility: str | None, masculine: str, feminine: str) -> str:
    """Agreement with a person: "soussignée" for Madame; the masculine form otherwise."""
    return feminine if civility == "madame" else masculine


# --- counts and numbers ------------------------------------------------------------------

_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt")


def count_words(n: int, feminine: bool = False) -> str:
    """0–20 in words ("trois", "une" when feminine), larger numbers in figures."""
    if 0 <= n <= 20:
        word = _UNITS[n]
        return "une" if feminine and n == 1 else word
    return number(n)


def plural(n: float, singular: str, plural_form: str) -> str:
    """French rule: 0 and 1 take the singular."""
    return singular if abs(n) < 2 else plural_form


def count_noun(n: int, singular: str, plural_form: str) -> str:
    """"0 séance", "1 séance", "1 250 séances"."""
    return f"{number(n)} {plural(n, singular, plural_form)}"


def number(value: float, decimals: int = 0) -> str:
    """1234.5 -> "1 234,5" with a narrow no-break space between thousands; -0 prints "0"."""
    value = round(float(value), decimals)
    if value == 0:
        value = 0.0
    text = f"{abs(value):,.{decimals}f}".replace(",", NNBSP).replace(".", ",")
    return ("-" if value < 0 else "") + text


def money(amount: float, decimals: int | None = None) -> str:
    """"10 000 €", "1 234,50 €" (cents only when there are any, unless `decimals` says); a stored
    figure that is no amount (inf, 1e300) is "montant invalide"."""
    amount = float(amount or 0)
    if not printable(amount):
        return "montant invalide"
    if decimals is None:
        decimals = 0 if abs(amount - round(amount)) < 0.005 else 2
    return f"{number(amount, decimals)}{NBSP}€"


def percent(ratio: float | None) -> str:
    """0.873 -> "87 %" ; None -> "—"."""
    return "—" if ratio is None else f"{number(ratio * 100)}{NBSP}%"


# --- dates ---------------------------------------------------------------------------------

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def day_month_year(day: dt.date) -> str:
    """"30 novembre 2026", "1er décembre 2026"."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first}{NBSP}{MONTHS[day.month - 1]} {day.year}"


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def weekday_date(day: dt.date) -> str:
    """"dimanche 1er novembre 2026"."""
    return f"{WEEKDAYS[day.weekday()]} {day_month_year(day)}"


def date_in_words(day: dt.date | None, article: bool = True) -> str:
    """"le 30 novembre 2026" (or without "le"); "" for None."""
    if day is None:
        return ""
    text = day_month_year(day)
    return f"le {text}" if article else text


def month_year(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


# --- typography ------------------------------------------------------------------------------

_STRAIGHT = re.compile(r"(?<=\w)'(?=\w)")


_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*")  # an e-mail address or a web address: written as typed


def typographic(text: str) -> str:
    """Straight apostrophes between letters become typographic ("l'EPN" -> "l’EPN"), except in
    e-mail and web addresses ("jean.o'neil@epn35.fr" stays what it is)."""
    text = text or ""
    if "'" not in text:
        return text
    out, last = [], 0
    for match in _ADDRESS.finditer(text):
        out += [_STRAIGHT.sub(APOSTROPHE, text[last:match.start()]), match.group(0)]
        last = match.end()
    out.append(_STRAIGHT.sub(APOSTROPHE, text[last:]))
    return "".join(out)


def elide(word: str, following: str) -> str:
    """"de" + "Orange" -> "d’Orange"; "que" + "il" -> "qu’il"; the word unchanged otherwise.

    Works for de, le, la, que, ne, je, me, te, se, ce, jusque, lorsque, puisque."""
    if word.lower() in ("de", "le", "la", "que", "ne", "je", "me", "te", "se", "ce", "jusque", "lorsque", "puisque") \
            and starts_with_vowel_sound(following):
        return f"{word[:-1]}{APOSTROPHE}{following}"
    return f"{word} {following}"


_TIGHT = re.compile(r"(?<=«) | (?=[»:;!?])|(?<=\d) (?=[^\W\d_])")


def tight(text: str) -> str:
    """French typography: a no-break space after « and before », :, ;, ! and ? (no line break
    there), and between a number and the word it counts ("2 séances", "1er décembre" stay whole)."""
    return _TIGHT.sub(NBSP, text or "")


def of(name: str) -> str:
    """"de" before a person's name in an interface message, elided: "d’Agnès Durand", "de Marc Petit".

    French catalogue entries write "{of_name}" / "{of_who}" where the English says "of {name}";
    the code passes `of_name=of(name)` beside `name` (English ignores it)."""
    return elide("de", " ".join((name or "").split()))


def of_organisation(name: str, article: str | None = None, kind: str = "") -> str:
    """"de" before an organisation's name: "de la Mairie de Rennes", "du Collège…", "d’Orange"."""
    return OrgName(name, article, kind).de()
