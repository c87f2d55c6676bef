"""Letters to a group ("lettre ouverte", mailing): a tag or a filtered list,
a letter template with merge fields, one PDF with one addressed letter per
organisation or person. Those without a postal address are skipped and listed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.dataio import LETTER_FIELDS, Letter, LetterTemplateData
from partnerdesk.domain import grammar
from partnerdesk.domain.grammar import OrgName
from partnerdesk.domain.name_context import guarded, unguarded
from partnerdesk.i18n import _, document_language, format_date, language
from partnerdesk.services import settings
from partnerdesk.services.exports import selection
from partnerdesk.services.files import write_file
from partnerdesk.store import database

_FIELD = re.compile(r"\{(\w+)\}")

DEFAULT_TEMPLATES = [
    ("Vœux", "Meilleurs vœux", "Madame, Monsieur,\n\nToute l'équipe de {epn} vous présente ses meilleurs vœux "
     "pour cette nouvelle année et vous remercie pour le travail mené ensemble.\n\nNous serons heureux de "
     "poursuivre nos projets communs avec {organisation}.\n\nBien cordialement,"),
    ("Invitation", "Invitation", "Madame, Monsieur,\n\n{epn} a le plaisir de vous inviter à la présentation de "
     "ses ateliers numériques.\n\nDans l'attente de vous y accueillir, nous vous prions d'agréer nos salutations "
     "distinguées."),
]


class LetterError(Exception):
    """`str(exc)` is a translated message."""


@dataclass
class Recipient:
    fields: dict[str, str]
    forms: dict[str, OrgName] = field(default_factory=dict)  # {epn} and {organisation} with their article

    @property
    def label(self) -> str:
        return self.fields["nom_complet"]

    @property
    def has_address(self) -> bool:
        return bool(self.fields["adresse"].strip() and (self.fields["ville"].strip() or
                                                        self.fields["code_postal"].strip()))

    def address_block(self) -> list[str]:
        f = self.fields
        lines = [f["nom_complet"]]
        if f["prenom"] or f["nom"]:
            if f["fonction"]:
                lines.append(f["fonction"])
            if f["organisation"]:
                lines.append(f["organisation"])
        lines += [line for line in f["adresse"].splitlines() if line.strip()]
        lines.append(" ".join(p for p in (f["code_postal"], f["ville"].upper()) if p))
        return lines


# --- templates ---------------------------------------------------------------

def templates() -> list[LetterTemplateData]:
    rows = database.execute_sql("SELECT id, name, subject, body FROM letter_template ORDER BY name").fetchall()
    if not rows:
        now = dt.datetime.now().isoformat(sep=" ")
        with database.atomic():
            for name, subject, body in DEFAULT_TEMPLATES:
                database.execute_sql("INSERT OR IGNORE INTO letter_template (name, subject, body, created_at, "
                                     "updated_at) VALUES (?,?,?,?,?)", (name, subject, body, now, now))
        rows = database.execute_sql("SELECT id, name, subject, body FROM letter_template ORDER BY name").fetchall()
    return [LetterTemplateData(r[1], r[2], r[3], r[0]) for r in rows]


def save_template(template: LetterTemplateData) -> LetterTemplateData:
    name = template.name.strip()
    if not name:
        raise LetterError(_("Give the template a name."))
    now = dt.datetime.now().isoformat(sep=" ")
    with database.atomic():
        other = database.execute_sql("SELECT id FROM letter_template WHERE name = ?", (name,)).fetchone()
        if other and other[0] != template.id:
            raise LetterError(_("A template with this name already exists."))
        if template.id is None:
            template.id = database.execute_sql(
                "INSERT INTO letter_template (name, subject, body, created_at, updated_at) VALUES (?,?,?,?,?)",
                (name, template.subject, template.body, now, now)).lastrowid
        else:
            database.execute_sql("UPDATE letter_template SET name = ?, subject = ?, body = ?, updated_at = ? "
                                 "WHERE id = ?", (name, template.subject, template.body, now, template.id))
    template.name = name
    return template


def unknown_fields(text: str) -> list[str]:
    return sorted({m for m in _FIELD.findall(text) if m not in LETTER_FIELDS})


def merge(text: str, fields: dict[str, str]) -> str:
    """Fill {field}s; an unknown {word} is left as it is."""
    return _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), text)


# --- recipients --------------------------------------------------------------

def _today() -> str:
    """Today's date as a letter writes it: in words in French ("30 novembre 2026")."""
    today = dt.date.today()
    return grammar.date_in_words(today, article=False) if language() == "fr" else format_date(today)


def recipients(kind: str, which: selection.Selection | None = None) -> list[Recipient]:
    today, identity = _today(), settings.identity()
    epn, epn_form = identity.shown_name(_), identity.org_name(_)
    found = []
    if kind == "organisations":
        where, params = (which or selection.Selection()).where("organisation", "o")
        for name, address, postcode, city, article, org_kind in database.execute_sql(
                f"SELECT o.name, o.address, o.postcode, o.city, o.article, o.kind FROM organisation o WHERE {where} "
                "ORDER BY o.name_norm", params):
            found.append(Recipient(dict(nom_complet=name, prenom="", nom="", organisation=name, fonction="",
                                        adresse=address, code_postal=postcode, ville=city, date=today, epn=epn,
                                        salutation=grammar.salutation("")),
                                   {"epn": epn_form, "organisation": OrgName(name, article, org_kind or "")}))
    else:
        civilities = dict(database.execute_sql("SELECT id, civility FROM person"))
        articles = {row[0]: row[1:] for row in database.execute_sql("SELECT id, article, kind FROM organisation")}
        for card in selection.people(which):
            civility = civilities.get(card.id) or ""
            article, org_kind = articles.get(card.organisation_id, (None, ""))
            found.append(Recipient(dict(nom_complet=_courtesy(civility, card.full_name),
                                        prenom=card.first_name, nom=card.last_name,
                                        organisation=card.organisation, fonction=card.role, adresse=card.address,
                                        code_postal=card.postcode, ville=card.city, date=today, epn=epn,
                                        salutation=grammar.salutation(civility)),
                                   {"epn": epn_form, "organisation": OrgName(card.organisation, article,
                                                                             org_kind or "")}))
    return found


def _courtesy(civility: str, name: str) -> str:
    """"Mme Claire Martin" in a French letter, "Ms Claire Martin" in an English one."""
    if language() == "fr":
        return grammar.courtesy(civility, name)
    title = {"madame": "Ms", "monsieur": "Mr"}.get(civility or "", "")
    return " ".join(p for p in (title, " ".join((name or "").split())) if p)


def _greeting(body: str, fields: dict[str, str]) -> str:
    """A letter opening "Madame, Monsieur," to a person whose civility is known says "Madame," only."""
    generic = grammar.salutation("")
    if body.lstrip().startswith(generic) and fields.get("salutation", generic) != generic:
        return body.replace(generic, fields["salutation"], 1)
    return body


def signature() -> tuple[str, list[str]]:
    """("Saint-Aubin, le 30 novembre 2026", the signatory's lines) under every letter."""
    identity = settings.identity()
    place = identity.city.strip()
    today = _today()
    place_date = _("{place}, {date}").format(place=place, date=today) if place else today
    if language() == "fr":
        place_date = f"{place}, le {today}" if place else f"Le {today}"
    return place_date, [line for line in (identity.signatory_name, identity.signatory_title,
                                          identity.shown_name(_)) if line.strip()]


def letter_of(recipient: Recipient, template: LetterTemplateData, signed: tuple[str, list[str]],
              extra: dict[str, str] | None = None) -> Letter:
    """One addressed letter, merge fields filled (`extra`: fields of the caller, e.g. a meeting's)."""
    fields = dict(recipient.fields, **(extra or {}))
    subject, body = template.subject, _greeting(template.body, fields)
    if language() == "fr":  # "de {epn}" -> "de l’Espace…", "avec {organisation}" -> "avec l’Association…"
        forms = guarded(recipient.forms)  # « Club {date} » is a name: its braces are no field
        subject, body = (grammar.place_names(text, forms) for text in (subject, body))
    subject, body = merge(subject, fields), merge(body, fields)
    if language() == "fr":  # one kind of apostrophe: "l’équipe de l’Espace", not "l'équipe de l’Espace"
        subject, body = unguarded(grammar.typographic(subject)), unguarded(grammar.typographic(body))
    return Letter(recipient.address_block(), subject, body, *signed)


def letters(kind: str, template: LetterTemplateData,
            which: selection.Selection | None = None) -> tuple[list[Letter], list[str]]:
    """(letters, names skipped for want of a postal address), written in the document language."""
    with document_language(settings.document_language()):
        signed = signature()
        made, skipped = [], []
        for recipient in recipients(kind, which):
            if not recipient.has_address:
                skipped.append(recipient.label)
                continue
            made.append(letter_of(recipient, template, signed))
    return made, skipped


def write_pdf(kind: str, template: LetterTemplateData, target: Path,
              which: selection.Selection | None = None) -> tuple[int, list[str]]:
    """Write the PDF; return (letters written, names skipped)."""
    return write_letters(lambda: letters(kind, template, which), template.name, target)


def write_letters(make, title: str, target: Path) -> tuple[int, list[str]]:
    """`make()` -> (letters, skipped), run in the document language; one PDF written whole."""
    from partnerdesk.export.letters import LettersDocument

    with document_language(settings.document_language()):
        made, skipped = make()
        pdf = LettersDocument(made, settings.identity(), title).render() if made else b""
    if not made:
        raise LetterError(_("No one in this list has a postal address: no letter to write."))
    try:
        write_file(target, pdf)
    except OSError as exc:
        raise LetterError(_("The file could not be written: {reason}").format(reason=exc.strerror or exc)) from exc
    return len(made), skipped
