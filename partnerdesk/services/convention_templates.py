"""Convention templates: the built-in French and English models and the user's own.

A template is a list of sections plus the default engagements of the EPN and
of a partner, written in one language (`language`: "fr", or "en"; a file without
it is French). A convention takes its template's language. Templates are shared
between EPNs as JSON files (`export_template` / `import_template`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.conventions import Section, language_of
from partnerdesk.domain.labels import N_
from partnerdesk.domain.rich_text import clean_html
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.paths import resource
from partnerdesk.store import database
from partnerdesk.store.models import ConventionTemplate

FORMAT = "partnerdesk-convention-template"
BUILTIN_FILES = ("convention_partenariat.json", "convention_partnership_en.json")
SECTION_KINDS = ("text", "engagements", "signatures")


class TemplateFileError(ValueError):
    """The file is not a PartnerDesk template; `message` is English, marked for translation."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class TemplateData:
    name: str
    description: str = ""
    sections: list[Section] = field(default_factory=list)
    epn_engagements: str = ""
    partner_engagements: str = ""
    builtin: str = ""  # file name of a built-in template
    id: int | None = None
    language: str = "fr"  # what the text is written in: the convention prints its labels in it too

    def to_dict(self) -> dict:
        return {
            "format": FORMAT, "format_version": 1, "language": self.language, "name": self.name,
            "description": self.description,
            "epn_engagements": self.epn_engagements, "partner_engagements": self.partner_engagements,
            "sections": [{"key": s.key, "kind": s.kind, "title": s.title, "body": s.body} for s in self.sections],
        }


def from_dict(data: dict) -> TemplateData:
    """A template from its JSON form, cleaned; raises TemplateFileError when it is not one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TemplateFileError(N_("This file is not a PartnerDesk convention template."))
    sections = []
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise TemplateFileError(N_("This template has no sections."))
    seen = set()
    for i, raw in enumerate(raw_sections):
        if not isinstance(raw, dict) or not str(raw.get("title", "")).strip():
            raise TemplateFileError(N_("A section of this template has no title."))
        key = str(raw.get("key") or f"section{i + 1}")
        while key in seen:
            key += "_"
        seen.add(key)
        kind = raw.get("kind") if raw.get("kind") in SECTION_KINDS else "text"
        sections.append(Section(key, str(raw["title"]).strip(), clean_html(str(raw.get("body", ""))), kind))
    name = str(data.get("name", "")).strip()
    if not name:
        raise TemplateFileError(N_("This template has no name."))
    return TemplateData(name, str(data.get("description", "")), sections,
                        clean_html(str(data.get("epn_engagements", ""))),
                        clean_html(str(data.get("partner_engagements", ""))),
                        language=language_of(data.get("language")))


def builtin_templates() -> list[TemplateData]:
    out = []
    for name in BUILTIN_FILES:
        template = from_dict(json.loads(resource("templates", name).read_text(encoding="utf-8")))
        template.builtin = name
        out.append(template)
    return out


def default_template(language: str = "fr") -> TemplateData:
    """The built-in template written in `language` (French by default)."""
    templates = builtin_templates()
    return next((t for t in templates if t.language == language), templates[0])


#: the signatures section of a convention written from scratch, in each language
_BLANK_SIGNATURES = {"fr": "<p>Fait à {epn.ville}, le {date.signature}.</p>",
                     "en": "<p>Signed in {epn.ville}, on {date.signature}.</p>"}


def blank_template(language: str = "fr") -> TemplateData:
    """To write a convention, then a template, from scratch: only the signatures, in `language`."""
    return TemplateData(_("Blank template"), "", [Section("signatures", "Signatures", _BLANK_SIGNATURES[language],
                                                          "signatures")], builtin="blank", language=language)


def _data(row: ConventionTemplate) -> TemplateData:
    template = from_dict({**row.content, "format": FORMAT, "name": row.name, "description": row.description})
    template.id = row.id
    return template


def list_templates(*, with_blank: bool = False) -> list[TemplateData]:
    rows = (ConventionTemplate.select().where(ConventionTemplate.deleted_at.is_null())
            .order_by(ConventionTemplate.name))
    blanks = [blank_template(language) for language in _BLANK_SIGNATURES] if with_blank else []
    return builtin_templates() + [_data(r) for r in rows] + blanks


def get_template(template_id: int) -> TemplateData | None:
    row = ConventionTemplate.get_or_none((ConventionTemplate.id == template_id)
                                         & ConventionTemplate.deleted_at.is_null())
    return _data(row) if row else None


def save_template(template: TemplateData) -> TemplateData:
    """Create (id None) or update a user template. Built-in ones are saved as a copy."""
    if not template.name.strip():
        raise ValidationError({"name": N_("This field is required.")})
    checked = from_dict(template.to_dict())
    now = dt.datetime.now()
    content = checked.to_dict()
    with database.atomic():
        if template.id is None:
            row = ConventionTemplate.create(name=checked.name, description=checked.description, content=content,
                                            created_at=now, updated_at=now)
        else:
            row = ConventionTemplate.get_by_id(template.id)
            row.name, row.description, row.content, row.updated_at = (checked.name, checked.description,
                                                                       content, now)
            row.save()
    return _data(row)


def delete_template(template_id: int) -> None:
    with database.atomic():
        ConventionTemplate.update(deleted_at=dt.datetime.now()).where(ConventionTemplate.id == template_id).execute()


def export_template(template: TemplateData, path: Path) -> None:
    Path(path).write_text(json.dumps(template.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")


def import_template(path: Path) -> TemplateData:
    """Read a template file and save it as a user template."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateFileError(N_("This file cannot be read as a convention template.")) from exc
    template = from_dict(data)
    template.name = _free_name(template.name)
    return save_template(template)


def _free_name(name: str) -> str:
    """`name`, or « name (2) », « name (3) »… when a template is already so called."""
    names = {t.name for t in list_templates()}
    free, n = name, 2
    while free in names:
        free = f"{name} ({n})"
        n += 1
    return free


#: the other language of a template, and what its copy's name says (in the copy's language)
OTHER_LANGUAGE = {"fr": "en", "en": "fr"}
COPY_NAMES = {"en": "{name} (English)", "fr": "{name} (français)"}


def copy_in_other_language(template_id: int) -> TemplateData:
    """A copy of the user template `template_id`, written in the other language (French <-> English),
    to translate: the same sections, fields and engagements, its language set to the other one
    (so that a convention made from it prints English labels, grammar and dates, or French ones),
    named « … (English) » or « … (français) ». Saved as a user template; the original is unchanged."""
    original = get_template(template_id)
    if original is None:
        raise LookupError(template_id)
    language = OTHER_LANGUAGE[original.language]
    copy = TemplateData(_free_name(COPY_NAMES[language].format(name=original.name)), original.description,
                        [Section(s.key, s.title, s.body, s.kind) for s in original.sections],
                        original.epn_engagements, original.partner_engagements, language=language)
    return save_template(copy)
