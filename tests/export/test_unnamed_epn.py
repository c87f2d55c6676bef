"""An EPN without a name in its settings has one name in every document: « Espace public
numérique » in French (« de l’Espace public numérique », « L’Espace public numérique a le
plaisir… »), "Public Digital Space" in English: page headers, a convention's parties block and
signatures, the bilan's sources, the attendance sheet's note, letters and invitations alike."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess

import pytest

from partnerdesk.services import convention_output, conventions, documents, settings
from partnerdesk.services.convention_templates import default_template
from partnerdesk.services.exports import letters
from partnerdesk.services.meetings import letters as invitations
from partnerdesk.store.models import Meeting, Organisation
from tests.tools.all_documents import documents_of

TODAY = dt.date(2026, 11, 22)
#: the generic noun, not a name: labels that say « of the EPN » whatever its name
GENERIC = ("Fonds propres de l’EPN", "Relais de l’EPN", "Équipe de l’EPN", "interlocutrice de l’EPN",
           "Own funds of the EPN", "Relay of the EPN", "EPN team", "the EPN's point of contact",
           # and what the demo's user typed: a place, a bilan's text
           "EPN — salle", "seuls à l'EPN", "que l'EPN")


def _pdftotext(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", text)


def _documents(paths, tmp_path) -> dict[str, str]:
    """One of each kind, written and read back with pdftotext: {kind: text}."""
    texts: dict[str, str] = {}
    for _name, kind, rendered in documents_of(paths, TODAY, sessions_per_project=1, organisations=2):
        if kind in texts:
            continue
        path = tmp_path / f"{kind}.pdf"
        path.write_bytes(rendered.pdf)
        texts[kind] = _pdftotext(path)
    conv = conventions.create_convention("Convention Ateliers", [Organisation.select().first().id],
                                         template=default_template(settings.document_language()))
    texts["new convention"] = _pdftotext(convention_output.export(conv.id, tmp_path / "conv.pdf",
                                                                  accept_blanks=True))
    template = next(t for t in letters.templates() if t.name == "Invitation")  # {epn} starts a sentence
    letters.write_pdf("organisations", template, tmp_path / "letters.pdf")
    texts["letters"] = _pdftotext(tmp_path / "letters.pdf")
    meeting = Meeting.select().first()
    invitations.write_invitation_letters(meeting.id, tmp_path / "invitations.pdf")
    texts["invitations"] = _pdftotext(tmp_path / "invitations.pdf")
    return texts


def _unnamed() -> None:
    settings.save_identity(dataclasses.replace(settings.identity(), name=""))


def _names_of_the_epn(text: str) -> list[str]:
    """Every « EPN » of the text that is not one of the generic labels, with what precedes it."""
    for label in GENERIC:
        text = text.replace(label, "")
    return [text[max(0, m.start() - 30):m.end() + 10] for m in re.finditer(r"EPN", text)]


def test_an_unnamed_epn_is_the_espace_public_numerique_in_every_french_document(demo_store, tmp_path):
    _unnamed()
    texts = _documents(demo_store, tmp_path)
    assert {"dossier", "bilan", "attendance", "partner", "convention", "minutes", "letters",
            "invitations"} <= set(texts)
    for kind, text in texts.items():
        assert "Espace public numérique" in text, kind  # every page header, at least
        assert _names_of_the_epn(text) == [], kind
        assert "Public Digital Space" not in text, kind
    convention = texts["new convention"]
    assert "Entre les soussignés Espace public numérique 12, rue" in convention  # the parties block
    assert "ci-après « l’Espace public numérique »" in convention
    assert "Engagements de l’Espace public numérique" in convention and "Pour l’Espace public numérique" in convention
    assert "tenu par l’Espace public numérique" in texts["bilan"]
    assert "conservés par l’Espace public numérique" in texts["attendance"]
    assert "L’Espace public numérique a le plaisir de vous inviter" in texts["letters"]
    assert "L’Espace public numérique a le plaisir de vous inviter" in texts["invitations"]


def test_a_convention_made_before_keeps_no_placeholder_name(demo_store, tmp_path):
    """Conventions made by 0.2.5 for an unnamed EPN stored « EPN » as its party's name."""
    _unnamed()
    conv = conventions.create_convention("Ancienne", [Organisation.select().first().id])
    conv.content.parties[0].name = "EPN"
    conventions.save_convention(conv)
    text = _pdftotext(convention_output.export(conv.id, tmp_path / "old.pdf", accept_blanks=True))
    assert "Entre les soussignés Espace public numérique 12, rue" in text and _names_of_the_epn(text) == []


def test_an_unnamed_epn_is_the_public_digital_space_in_every_english_document(demo_store, tmp_path):
    _unnamed()
    settings.set_(settings.DOCUMENT_LANGUAGE, "en")
    texts = _documents(demo_store, tmp_path)
    for kind, text in texts.items():
        if kind == "convention":
            continue  # the demo's conventions are French: written and printed in their template's language
        assert "Public Digital Space" in text, kind
        assert "Espace public numérique" not in text and _names_of_the_epn(text) == [], kind
    assert "kept by the Public Digital Space" in texts["bilan"]
    assert "For Public Digital Space" in texts["new convention"]
    assert "Public Digital Space is pleased to invite you" in texts["invitations"]
