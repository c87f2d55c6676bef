"""A convention is written in one language, recorded with it: its text, labels and grammar agree."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from partnerdesk.domain import merge_fields as mf
from partnerdesk.domain.conventions import ConventionContent
from partnerdesk.services import convention_output as output
from partnerdesk.services import convention_templates as templates
from partnerdesk.services import conventions, settings
from partnerdesk.store import database
from tests.conventions_helpers import make_convention


def english() -> templates.TemplateData:
    return next(t for t in templates.builtin_templates() if t.language == "en")


def test_the_builtin_templates_come_in_french_and_in_english(store):
    french, english_one = templates.default_template("fr"), templates.default_template("en")
    assert (french.language, english_one.language) == ("fr", "en")
    assert french.name == "Convention de partenariat" and english_one.name == "Partnership agreement"
    assert [s.key for s in english_one.sections] == [s.key for s in french.sections]
    assert [s.kind for s in english_one.sections] == [s.kind for s in french.sections]
    texts = [english_one.epn_engagements, english_one.partner_engagements] + [
        t for s in english_one.sections for t in (s.title, s.body)]
    for text in texts:
        for braced in mf.BRACES.finditer(text):
            assert mf.is_field(braced.group(0)), braced.group(0)
    assert templates.default_template() is not None and templates.default_template().language == "fr"
    assert {t.language for t in templates.list_templates(with_blank=True) if t.builtin == "blank"} == {"fr", "en"}


def test_a_template_file_without_a_language_is_french_and_the_language_travels(store, tmp_path):
    data = english().to_dict()
    assert data["language"] == "en"
    del data["language"]
    assert templates.from_dict(data).language == "fr"
    path = tmp_path / "english.json"
    templates.export_template(english(), path)
    imported = templates.import_template(path)
    assert imported.language == "en" and templates.get_template(imported.id).language == "en"


def test_the_convention_records_its_language_in_every_version(store):
    conv = make_convention()
    assert conv.content.language == "fr"
    made = conventions.create_convention("Partnership", [conv.content.parties[1].organisation_id], template=english())
    assert made.content.language == "en"
    assert conventions.get_convention(made.id).content.language == "en"
    number = conventions.save_version(made.id, "second")
    assert conventions.version_content(made.id, number).language == "en"
    assert conventions.version_content(made.id, 1).language == "en"
    assert ConventionContent.from_dict({"sections": [], "parties": []}).language == "fr"  # versions before 0020
    saved = conventions.template_from_convention(made.id, "Our English agreement")
    assert saved.language == "en"


def test_conventions_written_before_the_language_was_recorded_are_french(store):
    conv = make_convention()
    column = database.execute_sql("SELECT language FROM convention WHERE id = ?", (conv.id,)).fetchone()
    assert column == ("fr",)
    info = {row[1]: row for row in database.execute_sql("PRAGMA table_info(convention)").fetchall()}
    assert info["language"][4] == "'fr'" and info["language"][3] == 1  # default 'fr', not null


def _words(conv) -> str:
    doc, _result = output.printable(conv, blanks=True)
    parts = [doc.title, doc.version_label, *doc.labels.values()]
    parts += [p.represented or "" for p in doc.parties] + [p.called for p in doc.parties]
    for section in doc.sections:
        parts.append(section.title)
        parts += [b.text for b in section.blocks]
        for title, blocks in section.subsections:
            parts.append(title)
            parts += [b.text for b in blocks]
    return "\n".join(parts)


@pytest.mark.parametrize("setting", ["fr", "en"])
def test_an_english_convention_is_english_whatever_the_documents_language(store, setting):
    settings.set_(settings.DOCUMENT_LANGUAGE, setting)
    conv = make_convention(kinds=("association", "service_municipal"))
    made = conventions.create_convention("Partnership", [p.organisation_id for p in conv.content.parties[1:]],
                                         template=english(), start_date=dt.date(2026, 1, 5))
    rendered = output.rendered(made.id, accept_blanks=True)
    assert rendered.pdf.startswith(b"%PDF")
    with output.written_in(made):
        text = _words(made)
    assert "Between the undersigned" in text and "DRAFT — unsigned document" in text
    assert "hereafter “{name}”" in text  # English quotation marks
    assert "Dupont & Fils <SARL> and Partenaire 2 work every day" in text
    assert "the three parties have chosen" in text and "Commitments of Partenaire 2" in text
    assert "5 January 2026" in text
    for french in ("Entre les soussignés", "PROJET", "représenté", "ci-après", "Engagements", " le ", " et "):
        assert french not in text, french


@pytest.mark.parametrize("setting", ["fr", "en"])
def test_a_french_convention_is_french_whatever_the_documents_language(store, setting):
    settings.set_(settings.DOCUMENT_LANGUAGE, setting)
    conv = make_convention(kinds=("association", "service_municipal"))
    with output.written_in(conv):
        text = _words(conv)
    assert "Entre les soussignés" in text and "PROJET — document non signé" in text
    assert "Dupont & Fils <SARL> et Partenaire 2 accompagnent" in text and "les trois parties" in text
    assert "le 5\u00a0janvier 2026" in text  # dates in words, the day kept with its month
    for english_word in ("Between", "DRAFT", "represented by", "hereafter", "Commitments"):
        assert english_word not in text, english_word


def test_the_side_panel_shows_the_values_in_the_conventions_language(store):
    settings.set_(settings.DOCUMENT_LANGUAGE, "en")
    conv = make_convention(kinds=("association", "service_municipal"))
    values = {name: value for name, _label, value in output.field_values(conv)}
    assert values["date.debut"] == "5\u00a0janvier 2026" and values["parties.nombre"] == "trois"
    assert values["partenaires.liste"] == "Dupont & Fils <SARL> et Partenaire 2"


def test_a_signed_english_convention_is_frozen_in_english(store):
    conv = make_convention()
    made = conventions.create_convention("Partnership", [conv.content.parties[1].organisation_id],
                                         template=english())
    made.signed_on = dt.date(2026, 1, 2)
    conventions.save_convention(made)
    from partnerdesk.domain.conventions import CircuitStep

    conventions.set_steps(made.id, [CircuitStep("Board", status="valide")])
    conventions.set_status(made.id, "en_validation")
    conventions.set_status(made.id, "signee")
    doc, _result = output.printable(conventions.get_convention(made.id))
    assert doc.labels["between"] == "Between the undersigned" and not doc.draft
    assert json.dumps(doc.to_dict(), ensure_ascii=False).count("Entre les soussignés") == 0
    amendment = conventions.start_amendment(made.id)
    assert amendment.content.language == "en"  # an amendment is written in the language of what it amends


def _signed(conv_id: int) -> None:
    from partnerdesk.domain.conventions import CircuitStep

    conv = conventions.get_convention(conv_id)
    conv.signed_on = dt.date(2026, 1, 2)
    conventions.save_convention(conv)
    conventions.set_steps(conv_id, [CircuitStep("Board", status="valide")])
    conventions.set_status(conv_id, "en_validation")
    conventions.set_status(conv_id, "signee")


@pytest.mark.parametrize("interface", ["fr", "en"])
def test_an_amendment_is_titled_in_the_language_of_what_it_amends(store, interface):
    from partnerdesk import i18n

    conv = make_convention()
    made = conventions.create_convention("Partnership", [conv.content.parties[1].organisation_id],
                                         template=english())
    _signed(made.id)
    _signed(conv.id)
    i18n.set_language(interface)
    try:
        amended_en = conventions.start_amendment(made.id)
        amended_fr = conventions.start_amendment(conv.id)
    finally:
        i18n.set_language("fr")
    assert amended_en.title == "Amendment 1 to “Partnership”"  # printed as the English amendment's title
    assert amended_fr.title == f"Avenant n° 1 à « {conv.title} »"


def test_the_title_of_an_amendment_to_a_long_title_keeps_its_closing_quotation_mark(store):
    conv = make_convention()
    conv.title = "Convention de partenariat pour les ateliers numériques " * 4
    conv.title = conv.title[:200].strip()
    conventions.save_convention(conv)
    _signed(conv.id)
    amended = conventions.start_amendment(conv.id)
    assert len(amended.title) <= 200
    assert amended.title.startswith("Avenant n° 1 à « Convention de partenariat") and amended.title.endswith("… »")
