"""The full archive round-trips the demo data, generically over every table."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from partnerdesk.cli import main
from partnerdesk.paths import DataPaths
from partnerdesk.services import archive, data, demo, imports, tables
from partnerdesk.store import database

from tests.core.test_imports import DATA


def snapshot(paths: DataPaths) -> tuple[dict, dict]:
    content = {}
    for name in tables.data_tables():
        if name == "schema_migration":
            continue
        cols, rows = tables.rows(name)
        content[name] = (cols, rows)
    files = {p.relative_to(paths.root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in archive.data_files(paths)}
    return content, files


def test_round_trip_of_the_demo_data(tmp_path):
    source = DataPaths(tmp_path / "source").ensure()
    data.open_data(source, daily_backup=False)
    demo.fill("small", paths=source)
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard30.vcf")), source)  # photos, tags
    (source.proofs_dir / "preuve-consentement.pdf").write_bytes(b"%PDF-1.4 preuve")
    # a proof is a file a consent row refers to (an unreferenced file is a leftover, never exported)
    database.execute_sql("UPDATE photo_consent SET proof = 'preuve-consentement.pdf' "
                         "WHERE person_id = (SELECT min(person_id) FROM photo_consent)")
    assert database.execute_sql("SELECT count(*) FROM photo_consent WHERE proof = 'preuve-consentement.pdf'"
                                ).fetchone()[0] == 1
    (source.root / "templates").mkdir()
    (source.root / "templates" / "convention.txt").write_text("Modèle « convention »", encoding="utf-8")
    database.execute_sql("INSERT OR REPLACE INTO setting (key, value) VALUES ('epn.identity', ?)",
                         (json.dumps({"name": "EPN de Saint-Aubin"}),))
    before = snapshot(source)
    assert before[0]["person"][1] and before[1]
    target = tmp_path / "all.zip"
    summary = archive.export_all(source, target)
    assert summary.files == len(before[1])
    data.close_data()

    with zipfile.ZipFile(target) as z:
        names = set(z.namelist())
        assert {"README.txt", "manifest.json", "json/person.json", "csv/person.csv"} <= names
        assert z.read("csv/person.csv").startswith(b"\xef\xbb\xbf")
        assert "files/proofs/preuve-consentement.pdf" in names

    restored = DataPaths(tmp_path / "restored").ensure()
    data.open_data(restored, daily_backup=False)
    try:
        archive.import_all(restored, target)
        after = snapshot(restored)
        assert after[0].keys() == before[0].keys()
        for name in before[0]:
            assert after[0][name] == before[0][name], name
        assert after[1] == before[1]
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(archive.ArchiveError, match="not empty"):
            archive.import_all(restored, target)
    finally:
        data.close_data()


def test_bad_archives(store, tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(archive.ArchiveError, match="readable"):
        archive.import_all(store, bad)
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(archive.ArchiveError, match="manifest"):
        archive.import_all(store, bad)
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("manifest.json", json.dumps({"format": 1, "migrations": [1], "tables": {"person": {}},
                                                "files": ["../../evil.txt"]}))
        z.writestr("json/person.json", json.dumps({"columns": ["id"], "rows": []}))
    with pytest.raises(archive.ArchiveError, match="outside"):
        archive.import_all(store, bad)
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("manifest.json", json.dumps({"format": 1, "migrations": [1, 9999], "tables": {}, "files": []}))
    with pytest.raises(archive.ArchiveError, match="newer"):
        archive.import_all(store, bad)
    # a broken row: nothing is written
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("manifest.json", json.dumps({"format": 1, "migrations": [1], "tables": {
            "organisation": {}, "affiliation": {}}, "files": []}))
        z.writestr("json/organisation.json", json.dumps({"columns": ["id", "name", "created_at", "updated_at"],
                                                         "rows": [{"id": 1, "name": "A", "created_at": "x",
                                                                   "updated_at": "x"}]}))
        z.writestr("json/affiliation.json", json.dumps({"columns": ["id", "person_id", "organisation_id"],
                                                        "rows": [{"id": 1, "person_id": 42, "organisation_id": 1}]}))
    with pytest.raises(Exception):
        archive.import_all(store, bad)
    assert database.execute_sql("SELECT count(*) FROM organisation").fetchone()[0] == 0


def test_cli_export_all_and_import_all(tmp_path, capsys):
    src, dst = tmp_path / "a", tmp_path / "b"
    assert main(["--data-dir", str(src), "demo"]) == 0
    assert main(["--data-dir", str(src), "export-all", "-o", str(tmp_path / "x.zip")]) == 0
    assert main(["--data-dir", str(dst), "import-all", str(tmp_path / "x.zip")]) == 0
    assert "Archive restored" in capsys.readouterr().out
    assert main(["--data-dir", str(dst), "--lang", "fr", "import-all", str(tmp_path / "x.zip")]) == 1
    assert "vide" in capsys.readouterr().err


def test_cli_import_and_undo(tmp_path, capsys):
    folder = tmp_path / "d"
    assert main(["--data-dir", str(folder), "import", "--dry-run", str(DATA / "google.csv")]) == 0
    assert "Hélène Le Guérec" in capsys.readouterr().out
    assert main(["--data-dir", str(folder), "import", str(DATA / "google.csv")]) == 0
    assert main(["--data-dir", str(folder), "import", str(DATA / "google.csv")]) == 0  # all match now
    out = capsys.readouterr().out
    assert "3 cards completed" in out
    assert main(["--data-dir", str(folder), "import", "--undo"]) == 0
    assert main(["--data-dir", str(folder), "import", "--undo"]) == 1  # only the latest import, once
    assert main(["--data-dir", str(folder), "import", str(tmp_path / "missing.csv")]) == 1


def test_cli_export_list(tmp_path, capsys):
    folder = tmp_path / "d"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    assert main(["--data-dir", str(folder), "export-list", "people", "-o", str(tmp_path / "p.vcf"),
                 "--tag", "SENIORS"]) == 0
    assert (tmp_path / "p.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") > 0
    assert main(["--data-dir", str(folder), "export-list", "agenda", "-o", str(tmp_path / "a.ics")]) == 0
    assert "BEGIN:VTIMEZONE" in (tmp_path / "a.ics").read_text(encoding="utf-8")
    assert main(["--data-dir", str(folder), "export-list", "organisations", "-o", str(tmp_path / "o.vcf")]) == 1
    assert main(["--data-dir", str(folder), "export-list", "people", "-o", str(tmp_path / "x.csv"),
                 "--tag", "nope"]) == 1


def test_an_archive_cannot_bring_wrong_contact_dates(tmp_path):
    """The links' copy of each interaction's date (what "dernier contact" reads) is derived again
    on import, whatever the archive says: an edited archive cannot show a partner as contacted
    on a day nobody met them."""
    source = DataPaths(tmp_path / "source").ensure()
    data.open_data(source, daily_backup=False)
    demo.fill("small", paths=source)
    good = archive.export_all(source, tmp_path / "good.zip")
    assert good
    data.close_data()
    edited = tmp_path / "edited.zip"
    with zipfile.ZipFile(tmp_path / "good.zip") as original, zipfile.ZipFile(edited, "w") as copy:
        for item in original.infolist():
            content = original.read(item.filename)
            if item.filename == "json/interaction_organisation.json":
                table = json.loads(content)
                for row in table["rows"]:
                    row["occurred_on"] = "2099-12-31"
                content = json.dumps(table).encode()
            copy.writestr(item, content)
    restored = DataPaths(tmp_path / "restored").ensure()
    data.open_data(restored, daily_backup=False)
    try:
        archive.import_all(restored, edited)
        wrong = database.execute_sql(
            "SELECT count(*) FROM interaction_organisation io JOIN interaction i ON i.id = io.interaction_id "
            "WHERE io.occurred_on IS NOT i.occurred_on").fetchone()[0]
        assert wrong == 0
        assert database.execute_sql("SELECT count(*) FROM interaction_organisation").fetchone()[0] > 0
    finally:
        data.close_data()


def _edited_archive(source_zip, target, edit) -> None:
    """A copy of an archive whose tables' rows `edit(table_name, rows)` changed."""
    with zipfile.ZipFile(source_zip) as original, zipfile.ZipFile(target, "w") as copy:
        for item in original.infolist():
            content = original.read(item.filename)
            if item.filename.startswith("json/"):
                table = json.loads(content)
                edit(item.filename[5:-5], table["rows"])
                content = json.dumps(table).encode()
            copy.writestr(item, content)


@pytest.fixture
def demo_archive(tmp_path):
    source = DataPaths(tmp_path / "source").ensure()
    data.open_data(source, daily_backup=False)
    try:
        demo.fill("small", paths=source)
        archive.export_all(source, tmp_path / "good.zip")
    finally:
        data.close_data()
    return tmp_path / "good.zip"


def test_amounts_of_an_archive_with_three_decimals_are_rounded_to_the_cent_and_counted(demo_archive, tmp_path,
                                                                                       capsys):
    def edit(name, rows):
        column = {"budget_line": "amount", "project_need": "amount", "contribution": "value"}.get(name)
        if column and rows:
            rows[0][column] = {"budget_line": 12.345, "project_need": 2.675, "contribution": 0.125}[name]
            if len(rows) > 1:
                rows[1][column] = 40.5  # two decimals at most: as it is

    edited = tmp_path / "edited.zip"
    _edited_archive(demo_archive, edited, edit)
    restored = DataPaths(tmp_path / "restored").ensure()
    data.open_data(restored, daily_backup=False)
    try:
        summary = archive.import_all(restored, edited)
        assert summary.rounded == 3
        stored = {name: database.execute_sql(f"SELECT {col} FROM {name} ORDER BY id LIMIT 2").fetchall()
                  for name, col in (("budget_line", "amount"), ("project_need", "amount"), ("contribution", "value"))}
    finally:
        data.close_data()
    assert stored == {"budget_line": [(12.35,), (40.5,)], "project_need": [(2.68,), (40.5,)],
                      "contribution": [(0.13,), (40.5,)]}
    again = DataPaths(tmp_path / "cli").ensure()
    assert main(["--data-dir", str(again.root), "--lang", "fr", "import-all", str(edited)]) == 0
    assert ("3 montants avaient plus de deux décimales : arrondis au centime le plus proche "
            "(12,345 € → 12,35 €).") in capsys.readouterr().out


@pytest.mark.parametrize("hostile", [float("nan"), float("inf"), -5, 9_999_999_999_999, "12,50 €", True])
def test_an_archive_with_a_figure_that_is_no_amount_is_refused_whole(hostile, demo_archive, tmp_path):
    def edit(name, rows):
        if name == "budget_line" and rows:
            rows[0]["amount"] = hostile

    edited = tmp_path / "edited.zip"
    _edited_archive(demo_archive, edited, edit)
    restored = DataPaths(tmp_path / "restored").ensure()
    data.open_data(restored, daily_backup=False)
    try:
        from partnerdesk import i18n

        i18n.set_language("fr")
        with pytest.raises(archive.ArchiveError) as caught:
            archive.import_all(restored, edited)
        assert "table budget_line, ligne 1, colonne amount" in str(caught.value)
        assert data.is_empty()
    finally:
        data.close_data()
