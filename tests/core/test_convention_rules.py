"""Pure rules: merge fields, rich text cleaning, circuit transitions, diff."""

import datetime as dt

import pytest

from partnerdesk.domain import merge_fields as mf
from partnerdesk.domain.convention_diff import ADDED, CHANGED, SAME, compare
from partnerdesk.domain.conventions import (
    CircuitStep,
    ConventionContent,
    Party,
    Section,
    TransitionError,
    check_transition,
    is_ending_soon,
    step_transition,
)
from partnerdesk.domain.rich_text import clean_html, parse_blocks, plain_text

VALUES = {
    "projet": {"titre": "Premiers clics", "objectifs": ""},
    "partenaire": {"nom": "Dupont & Fils <SARL>", "representant": ""},
    "partenaires": {"liste": "A, B", "1": {"nom": "A", "representant": "Anne"},
                    "2": {"nom": "B", "representant": None}},
    "epn": {"nom": "EPN", "signataire": {"nom": "Marie Durand", "qualite": "Maire"}},
    "date": {"signature": None},
}


def _resolve(text, blanks=False):
    result = mf.Resolution()
    return mf.resolve(text, VALUES, "Préambule", result, blanks=blanks), result


def test_known_and_nested_fields_resolve():
    text, result = _resolve("{projet.titre} / {partenaires.2.nom} / {epn.signataire.nom} ({epn.signataire.qualite})")
    assert text == "Premiers clics / B / Marie Durand (Maire)"
    assert result.ok


def test_value_is_inserted_as_text_not_markup():
    text, result = _resolve("Entre {partenaire.nom} et nous")
    assert text == "Entre Dupont & Fils <SARL> et nous" and result.ok


def test_missing_fields_are_listed_with_their_section():
    text, result = _resolve("Signé le {date.signature} ; 3e : {partenaires.3.nom} ; rep. {partenaires.2.representant}")
    assert text == "Signé le {date.signature} ; 3e : {partenaires.3.nom} ; rep. {partenaires.2.representant}"
    assert [(p.name, p.kind, p.where) for p in result.problems] == [
        ("date.signature", mf.MISSING, "Préambule"),
        ("partenaires.3.nom", mf.MISSING, "Préambule"),
        ("partenaires.2.representant", mf.MISSING, "Préambule"),
    ]


def test_empty_fields_are_listed():
    _text, result = _resolve("{projet.objectifs} {partenaire.representant}")
    assert [(p.name, p.kind) for p in result.problems] == [("projet.objectifs", mf.EMPTY),
                                                          ("partenaire.representant", mf.EMPTY)]


def test_unknown_fields_are_listed():
    _text, result = _resolve("{projet.titr} {projet} {epn.signataire} {foo.bar.baz}")
    assert {p.name: p.kind for p in result.problems} == {
        "projet.titr": mf.UNKNOWN, "projet": mf.UNKNOWN, "epn.signataire": mf.UNKNOWN, "foo.bar.baz": mf.UNKNOWN}


def test_blanks_leave_nothing_raw():
    text, result = _resolve("[{date.signature}] [{projet.titr}] [{projet.titre}]", blanks=True)
    assert text == f"[{mf.BLANK}] [{mf.BLANK}] [Premiers clics]"
    assert len(result.problems) == 2


def test_anything_between_braces_is_a_field_to_check():
    text, result = _resolve("Titre : { projet.titre } ; {Projet Titre} ; {} ; {projet.titre}")
    assert text == "Titre : { projet.titre } ; {Projet Titre} ; {} ; Premiers clics"
    assert [(p.name, p.kind) for p in result.problems] == [
        (" projet.titre ", mf.UNKNOWN), ("Projet Titre", mf.UNKNOWN), ("", mf.UNKNOWN)]
    text, _result = _resolve("{ projet.titre } et {}", blanks=True)
    assert "{" not in text and "}" not in text


def test_a_brace_left_open_or_alone_is_a_problem_never_printed():
    text, result = _resolve("{partenaires.liste accompagnent ; {projet.titre} ; projet.titre} ; {{projet.titre}}")
    assert text == "{partenaires.liste accompagnent ; Premiers clics ; projet.titre} ; {Premiers clics}"
    assert [(p.name, p.kind) for p in result.problems] == [
        ("partenaires.liste", mf.BRACE), ("projet.titre", mf.BRACE), ("", mf.BRACE)]
    assert not result.ok
    text, _result = _resolve("{partenaires.liste accompagnent {projet.titre} ; projet.titre} ; {{projet.titre}} ; "
                             "(annexe} ; {x", blanks=True)
    assert "{" not in text and "}" not in text and "partenaires.liste" not in text and "projet.titre" not in text
    assert text == f"{mf.BLANK} accompagnent Premiers clics ; {mf.BLANK} ; Premiers clics ; (annexe ; x"
    assert mf.PROBLEM_LABELS[mf.BRACE]


def test_flatten_lists_every_leaf():
    flat = mf.flatten(VALUES)
    assert flat["partenaires.2.nom"] == "B" and flat["date.signature"] is None


WORD_PASTE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal{font-family:Calibri}</style></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
<p class=MsoNormal><b><span style='font-size:14pt;color:red'>Objet</span></b> de la
<span style='font-style:italic'>convention</span> &amp; suite<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·
<span>&nbsp;&nbsp; </span></span><![endif]>Premier point</p>
<table><tr><td>Cellule</td></tr></table><img src="x.png"><script>alert(1)</script>
<ol><li>un <font color=red>deux</font></li><li>trois</li></ol><h1 style="color:blue">Titre</h1>
<p><a href="http://x">lien</a> <u>souligné</u></p></body></html>"""


def test_word_paste_is_cleaned_to_the_subset():
    assert clean_html(WORD_PASTE) == (
        "<p><b>Objet</b> de la <i>convention</i> &amp; suite</p><ul><li>Premier point</li></ul>"
        "<p>Cellule</p><ol><li>un deux</li><li>trois</li></ol><h3>Titre</h3><p>lien souligné</p>")


def test_qt_html_styles_become_bold_and_italic():
    qt = ('<!DOCTYPE HTML><html><head><style type="text/css">p, li { white-space: pre-wrap; }</style></head>'
          '<body style=" font-family:\'Sans\';"><p style="-qt-paragraph-type:empty;"><br /></p>'
          '<p>a<span style=" font-weight:700;">b</span><span style=" font-style:italic;">c</span><br />d</p>'
          '<h4>Sous-titre</h4></body></html>')
    assert clean_html(qt) == "<p>a<b>b</b><i>c</i><br/>d</p><h4>Sous-titre</h4>"


def test_text_that_looks_like_markup_stays_text():
    html = clean_html("<p>&lt;b&gt; &amp; 😀</p>")
    assert html == "<p>&lt;b&gt; &amp; 😀</p>"
    assert parse_blocks(html)[0].text == "<b> & 😀"
    assert clean_html(html) == html  # idempotent


def test_plain_text_input_becomes_paragraphs():
    assert clean_html("ligne 1\nligne <2>") == "<p>ligne 1</p><p>ligne &lt;2&gt;</p>"
    assert plain_text("<ul><li>a</li></ul><h3>T</h3>") == "• a\n# T"


TODAY = dt.date(2026, 3, 1)


def test_step_transitions():
    step = CircuitStep("Bureau")
    started = step_transition(step, "start", TODAY)
    assert started.status == "en_cours" and started.started_on == TODAY
    approved = step_transition(started, "approve", TODAY + dt.timedelta(days=3))
    assert approved.status == "valide" and approved.decided_on == TODAY + dt.timedelta(days=3)
    reopened = step_transition(approved, "reopen", TODAY)
    assert reopened.status == "en_cours" and reopened.decided_on is None
    with pytest.raises(TransitionError):
        step_transition(started, "refuse", TODAY)  # no comment
    started.comment = "Budget insuffisant"
    refused = step_transition(started, "refuse", TODAY)
    assert refused.status == "refuse" and refused.decided_on == TODAY
    assert step_transition(refused, "reopen", TODAY).status == "en_cours"
    with pytest.raises(TransitionError):
        step_transition(step, "approve", TODAY)  # à faire cannot be approved directly
    assert step.status == "a_faire"  # the original is untouched


def test_convention_transitions():
    done = [CircuitStep("Direction", status="valide")]
    check_transition("brouillon", "en_validation", done)
    with pytest.raises(TransitionError):
        check_transition("brouillon", "en_validation", [])
    with pytest.raises(TransitionError):
        check_transition("brouillon", "signee", done)
    check_transition("en_validation", "brouillon", done)
    with pytest.raises(TransitionError):
        check_transition("en_validation", "signee", [CircuitStep("Direction", status="en_cours")], signed_on=TODAY)
    with pytest.raises(TransitionError):
        check_transition("en_validation", "signee", done)  # no signature date
    check_transition("en_validation", "signee", done, signed_on=TODAY)
    with pytest.raises(TransitionError):
        check_transition("signee", "en_cours", done)
    check_transition("signee", "en_cours", done, start=TODAY)
    check_transition("signee", "resiliee", done)
    check_transition("en_cours", "echue", done, end=TODAY)
    check_transition("en_cours", "resiliee", done)
    for final in ("echue", "resiliee"):
        with pytest.raises(TransitionError):
            check_transition(final, "en_cours", done, start=TODAY)


def test_ending_soon():
    assert is_ending_soon("en_cours", TODAY + dt.timedelta(days=60), TODAY)
    assert not is_ending_soon("en_cours", TODAY + dt.timedelta(days=61), TODAY)
    assert not is_ending_soon("brouillon", TODAY + dt.timedelta(days=10), TODAY)
    assert not is_ending_soon("signee", TODAY - dt.timedelta(days=1), TODAY)


def test_compare_by_section():
    old = ConventionContent([Section("a", "Objet", "<p>un</p><p>deux</p>"), Section("b", "Durée", "<p>1 an</p>")],
                            [Party("EPN", True)])
    new = ConventionContent([Section("a", "Objet", "<p>un</p><p>trois</p>"), Section("b", "Durée", "<p>1 an</p>"),
                             Section("c", "Image", "<p>non</p>")], [Party("EPN", True)])
    changes = {c.title: c for c in compare(old, new)}
    assert changes["Objet"].state == CHANGED
    assert ("-", "deux") in changes["Objet"].lines and ("+", "trois") in changes["Objet"].lines
    assert changes["Durée"].state == SAME and changes["Image"].state == ADDED
