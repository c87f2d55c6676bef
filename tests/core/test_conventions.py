"""Conventions through the services: templates, circuit, versions, read-only, export refusal."""

import datetime as dt
import json

import pytest

from partnerdesk.domain.conventions import CircuitStep, TransitionError
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import convention_output as output
from partnerdesk.services import convention_templates as templates
from partnerdesk.services import conventions
from tests.conventions_helpers import make_convention

TODAY = dt.date(2026, 2, 1)


def test_builtin_template_has_the_sections_of_an_epn_convention():
    template = templates.default_template()
    assert template.name == "Convention de partenariat"
    titles = " | ".join(s.title for s in template.sections)
    for word in ("Préambule", "Attentes et objectifs", "Modalités de collaboration", "Nombre de séances",
                 "Engagements respectifs", "suivi", "Durée et résiliation", "Droit à l'image", "Signatures"):
        assert word in titles
    assert [s.kind for s in template.sections].count("engagements") == 1
    assert "{partenaire.nom}" in template.partner_engagements


def test_create_convention_from_template(store):
    conv = make_convention(kinds=("entreprise", "association"))
    assert conv.status == "brouillon" and conv.version == 1
    assert [p.is_epn for p in conv.content.parties] == [True, False, False]
    assert conv.content.parties[0].signatory == "Marie Durand"
    assert "s'engage" in conv.content.parties[1].engagements
    summary = conventions.list_conventions()[0]
    assert summary.project == "Ateliers « Premiers clics »"
    assert summary.parties == ["Dupont & Fils <SARL>", "Partenaire 2"]


def test_bad_input_is_refused_and_nothing_written(store):
    conv = make_convention()
    conv.title = "  "
    conv.end_date = dt.date(2020, 1, 1)
    with pytest.raises(ValidationError) as info:
        conventions.save_convention(conv)
    assert set(info.value.errors) == {"title", "end_date"}
    assert conventions.get_convention(conv.id).title == "Convention Premiers clics"


def test_sections_are_cleaned_on_save(store):
    conv = make_convention()
    conv.content.sections[0].body = '<p style="color:red">Texte <script>x</script><b>gras</b></p>'
    conv = conventions.save_convention(conv)
    assert conv.content.sections[0].body == "<p>Texte <b>gras</b></p>"


def test_complete_convention_resolves(store):
    conv = make_convention()
    assert output.check(conv).ok, output.check(conv).problems
    names = {name: value for name, _label, value in output.field_values(conv)}
    assert names["partenaire.nom"] == "Dupont & Fils <SARL>"
    assert names["partenaires.1.representant"] == "Jean Dupont"
    assert names["seances.nombre"] == "10"


def test_export_refused_on_unresolved_fields(store, tmp_path):
    conv = make_convention(complete=False)
    conv.content.sections[0].body += "<p>{projet.intitule}</p>"
    conv.content.parties[1].engagements += "<p>Représenté par {partenaire.representant}</p>"
    conv = conventions.save_convention(conv)
    target = tmp_path / "c.pdf"
    with pytest.raises(output.UnresolvedFields) as info:
        output.export(conv.id, target)
    problems = {(p.name, p.kind) for p in info.value.problems}
    assert ("projet.intitule", "unknown") in problems
    assert ("date.signature", "missing") in problems
    assert ("convention.lieu", "empty") in problems
    where = {p.where for p in info.value.problems if p.name == "partenaire.representant"}
    assert where == {"Engagements respectifs — Dupont & Fils <SARL>"}
    assert {p.where for p in info.value.problems if p.name == "projet.intitule"} == {
        "Préambule — objet de la convention"}
    assert not target.exists()
    output.export(conv.id, target, accept_blanks=True)
    assert target.stat().st_size > 1000


def test_circuit_through_signature(store):
    conv = make_convention(kinds=("service_municipal",))
    steps = conventions.preset_steps(["service_municipal"])
    assert [s.label for s in steps] == ["Department in charge", "Mayor's office / elected official",
                                        "Municipal order or council decision"]
    with pytest.raises(TransitionError):
        conventions.set_status(conv.id, "signee")
    conv = conventions.set_steps(conv.id, steps)
    first = conv.steps[0].id
    conv = conventions.step_action(conv.id, first, "start", today=TODAY)
    assert conv.status == "en_validation" and conv.steps[0].started_on == TODAY
    conv = conventions.step_action(conv.id, first, "refuse", comment="Revoir l'article 4", today=TODAY)
    assert conv.status == "brouillon" and conv.steps[0].status == "refuse"
    conv = conventions.step_action(conv.id, first, "reopen", today=TODAY)
    assert conv.status == "en_validation"
    for step in conv.steps:
        if step.status == "a_faire":
            conventions.step_action(conv.id, step.id, "start", today=TODAY)
        conv = conventions.step_action(conv.id, step.id, "approve", today=TODAY)
    assert all(s.status == "valide" for s in conv.steps)
    conv = conventions.set_status(conv.id, "signee")
    assert conv.status == "signee" and conv.read_only
    conv = conventions.set_status(conv.id, "en_cours")
    conventions.set_dates(conv.id, end_date=dt.date(2026, 1, 31))
    assert conventions.update_expired(TODAY) == 1
    assert conventions.get_convention(conv.id).status == "echue"


def test_signed_convention_is_read_only_until_amended(store):
    conv = make_convention()
    conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
    conventions.set_status(conv.id, "en_validation")
    conv = conventions.set_status(conv.id, "signee")
    conv.content.sections[0].body = "<p>changé</p>"
    with pytest.raises(conventions.ReadOnlyError):
        conventions.save_convention(conv)
    with pytest.raises(conventions.ReadOnlyError):
        conventions.save_version(conv.id)
    with pytest.raises(conventions.ReadOnlyError):
        conventions.set_steps(conv.id, [])
    with pytest.raises(conventions.ReadOnlyError):
        conventions.restore_version(conv.id, 1)
    assert "changé" not in conventions.get_convention(conv.id).content.sections[0].body
    if conventions.get_convention(conv.id).signed_on is None:  # a signed one without date may get it
        conventions.set_dates(conv.id, signed_on=dt.date(2026, 3, 2))
    signed_on = conventions.get_convention(conv.id).signed_on
    with pytest.raises(conventions.SignedDateLocked):  # then it is locked: an amendment changes it
        conventions.set_dates(conv.id, signed_on=signed_on + dt.timedelta(days=7))
    amended = conventions.start_amendment(conv.id, "ajout d'un partenaire")
    # the amendment is a draft of its own; the signed convention stays in force with its date
    assert amended.id != conv.id and amended.amends_id == conv.id
    assert amended.status == "brouillon" and amended.signed_on is None
    # its title is printed: in the convention's language (French), whatever the interface's
    assert amended.steps[0].status == "a_faire" and amended.title == "Avenant n° 1 à « Convention Premiers clics »"
    assert conventions.list_versions(amended.id)[0].note == "Amendment 1 : ajout d'un partenaire"
    original = conventions.get_convention(conv.id)
    assert (original.status, original.signed_on) == ("signee", signed_on)
    assert conventions.amendments_of(conv.id) == [amended.id]
    amended.content.sections[0].body = "<p>changé</p>"
    assert conventions.save_convention(amended).content.sections[0].body == "<p>changé</p>"
    assert "changé" not in conventions.get_convention(conv.id).content.sections[0].body


def test_versions_compare_and_restore(store):
    conv = make_convention()
    original = conv.content.sections[1].body
    conv.content.sections[1].body = "<p>Nouveaux objectifs.</p>"
    conventions.save_convention(conv)
    assert conventions.save_version(conv.id, "après la rencontre") == 2
    assert [v.number for v in conventions.list_versions(conv.id)] == [2, 1]
    assert conventions.version_content(conv.id, 1).sections[1].body == original
    changes = {c.title: c for c in conventions.compare_versions(conv.id, 1, 2)}
    assert changes["Attentes et objectifs généraux"].state == "changed"
    assert ("+", "Nouveaux objectifs.") in changes["Attentes et objectifs généraux"].lines
    assert changes["Durée et résiliation"].state == "same"
    number = conventions.restore_version(conv.id, 1)
    assert number == 3
    restored = conventions.get_convention(conv.id)
    assert restored.content.sections[1].body == original and restored.version == 3
    assert conventions.version_content(conv.id, 2).sections[1].body == "<p>Nouveaux objectifs.</p>"
    assert all(c.state == "same" for c in conventions.compare_versions(conv.id, 1, 3))


def test_user_templates_export_and_import(store, tmp_path):
    conv = make_convention()
    conv.content.sections[0].body = "<p>Notre préambule {epn.nom}</p>"
    conventions.save_convention(conv)
    mine = conventions.template_from_convention(conv.id, "Modèle seniors")
    assert mine.id and mine.sections[0].body == "<p>Notre préambule {epn.nom}</p>"
    path = tmp_path / "modele.json"
    templates.export_template(mine, path)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == templates.FORMAT
    imported = templates.import_template(path)
    assert imported.name == "Modèle seniors (2)" and imported.sections == mine.sections
    assert [t.name for t in templates.list_templates()] == ["Convention de partenariat", "Partnership agreement",
                                                           "Modèle seniors", "Modèle seniors (2)"]
    other = conventions.create_convention("Depuis mon modèle", [], template=imported)
    assert other.content.sections[0].body == "<p>Notre préambule {epn.nom}</p>"


def test_importing_a_bad_file_says_so(store, tmp_path):
    for content in ("pas du json", json.dumps({"format": "autre"}),
                    json.dumps({"format": templates.FORMAT, "name": "x", "sections": [{"body": "sans titre"}]})):
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(templates.TemplateFileError):
            templates.import_template(path)
    assert len(templates.list_templates()) == 2  # the built-in French and English ones


def test_delete_convention_hides_it(store):
    conv = make_convention()
    conventions.delete_convention(conv.id)
    assert conventions.list_conventions() == [] and conventions.get_convention(conv.id) is None


def test_demo_conventions(demo_store):
    rows = conventions.list_conventions()
    assert len(rows) == 8
    assert {r.status for r in rows} == {"brouillon", "en_validation", "signee", "en_cours", "echue", "resiliee"}
    assert any(r.version == 2 for r in rows)
    waiting = [r for r in rows if r.status == "en_validation"][0]
    assert any(s.status == "en_cours" for s in conventions.get_convention(waiting.id).steps)


def test_cli_export_convention(store, tmp_path, capsys):
    from partnerdesk.cli import main
    from partnerdesk.services import data

    conv = make_convention()
    incomplete = make_convention("Autre", complete=False)
    data.close_data()
    folder = str(store.root)
    assert main(["--data-dir", folder, "export", "convention", str(conv.id), "-o", str(tmp_path / "c.pdf")]) == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert main(["--data-dir", folder, "export", "convention", str(conv.id), "-o", str(tmp_path / "c.odt")]) == 0
    assert main(["--data-dir", folder, "export", "convention", str(incomplete.id), "-o", str(tmp_path / "i.pdf")]) == 1
    err = capsys.readouterr().err
    assert "{date.signature}" in err and "Signatures" in err and not (tmp_path / "i.pdf").exists()
    assert main(["--data-dir", folder, "export", "convention", str(incomplete.id), "-o", str(tmp_path / "i.pdf"),
                 "--accept-blanks"]) == 0
    assert main(["--data-dir", folder, "export", "convention", "999", "-o", str(tmp_path / "x.pdf")]) == 1
    assert main(["--data-dir", folder, "export", "convention", "1", "-o", str(tmp_path / "x.doc")]) == 1
    data.open_data(store, daily_backup=False)


def test_todo_lines(store):
    from partnerdesk.services import todo

    conv = make_convention()
    conventions.set_steps(conv.id, [CircuitStep("Bureau", who="M. Le Goff"), CircuitStep("Conseil")])
    step = conventions.get_convention(conv.id).steps[0]
    conventions.step_action(conv.id, step.id, "start", today=TODAY)
    lines = [i for i in todo.items(TODAY) if i.open_kind == "convention"]
    # due two weeks after the start, capped at the end of next week
    assert [(i.title, i.due_on) for i in lines] == [("Follow up « Bureau » (M. Le Goff)", dt.date(2026, 2, 8))]
    conventions.step_action(conv.id, step.id, "approve", today=TODAY)
    lines = [i for i in todo.items(TODAY) if i.open_kind == "convention"]
    assert [i.title for i in lines] == ["Start the step « Conseil »"]
    other = make_convention("Autre")
    conventions.set_steps(other.id, [CircuitStep("Direction", status="valide")])
    conventions.set_status(other.id, "en_validation")
    conventions.set_status(other.id, "signee")
    conventions.set_dates(other.id, end_date=TODAY + dt.timedelta(days=45))
    ending = [i for i in todo.items(TODAY) if i.kind == "convention_end"]
    assert len(ending) == 1 and ending[0].open_id == other.id and ending[0].due_on == TODAY
    conventions.set_dates(other.id, end_date=TODAY + dt.timedelta(days=75))
    assert not [i for i in todo.items(TODAY) if i.kind == "convention_end"]


def test_from_scratch_with_the_blank_template(store):
    conv = conventions.create_convention("À partir de rien", [], template=templates.blank_template())
    assert [s.kind for s in conv.content.sections] == ["signatures"]
    conv.content.sections.insert(0, conv.content.sections[0].__class__("objet", "Objet", "<p>Notre objet</p>"))
    conventions.save_convention(conv)
    mine = conventions.template_from_convention(conv.id, "Mon modèle")
    assert [s.title for s in mine.sections] == ["Objet", "Signatures"]
    conventions.delete_convention(conv.id)
    conventions.restore_convention(conv.id)
    assert conventions.get_convention(conv.id).title == "À partir de rien"
    templates.delete_template(mine.id)
    assert [t.name for t in templates.list_templates()] == ["Convention de partenariat", "Partnership agreement"]


def test_restore_a_version_whose_organisation_was_purged(store):
    from partnerdesk.store.models import Organisation

    conv = make_convention(kinds=("entreprise", "association"))
    org_id = conv.content.parties[2].organisation_id
    conv.content.parties.pop(2)
    conventions.save_convention(conv)
    conventions.save_version(conv.id)
    Organisation.delete().where(Organisation.id == org_id).execute()
    conventions.restore_version(conv.id, 1)
    parties = conventions.get_convention(conv.id).content.parties
    assert [p.name for p in parties][-1] == "Partenaire 2" and parties[-1].organisation_id is None


def test_export_convention_takes_the_export_commands_arguments(store, tmp_path):
    """The lead routes `partnerdesk export convention ID -o FILE` to export_convention(args)."""
    import argparse

    from partnerdesk.cli.common import CommandError
    from partnerdesk.cli.conventions import export_convention
    from partnerdesk.services import data

    conv = make_convention()
    data.close_data()
    args = argparse.Namespace(data_dir=str(store.root), lang=None, document="convention", target=str(conv.id),
                              output=tmp_path / "c.odt")
    assert export_convention(args) == 0 and (tmp_path / "c.odt").exists()
    args.target = "abc"
    with pytest.raises(CommandError):
        export_convention(args)
    data.open_data(store, daily_backup=False)


def test_only_conventions_in_progress_whose_end_has_passed_expire(store):
    from partnerdesk.store.models import Convention

    def with_status(status, end, deleted=False):
        conv = conventions.create_convention(f"{status} {end}", [], template=templates.blank_template())
        Convention.update(status=status, end_date=end,
                          deleted_at=dt.datetime(2026, 1, 5) if deleted else None).where(
            Convention.id == conv.id).execute()
        return conv.id

    ended = with_status("en_cours", TODAY - dt.timedelta(days=1))
    ends_today = with_status("en_cours", TODAY)
    signed = with_status("signee", TODAY - dt.timedelta(days=30))
    trashed = with_status("en_cours", TODAY - dt.timedelta(days=30), deleted=True)
    no_end = with_status("en_cours", None)
    assert conventions.update_expired(TODAY) == 1
    assert conventions.update_expired(TODAY) == 0  # nothing left: a read, no write
    status = dict(Convention.select(Convention.id, Convention.status).tuples())
    assert status[ended] == "echue"
    assert [status[i] for i in (ends_today, signed, trashed, no_end)] == ["en_cours", "signee", "en_cours", "en_cours"]
