"""`import-all` treats the archive as untrusted input: confined paths, bounded sizes, values
checked against the schema before anything is written, manifest counts compared; and it swaps
atomically (a kill at any step leaves the folder empty or complete)."""

import json
import signal
import zipfile

import pytest

from partnerdesk.cli import main
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.paths import DataPaths
from partnerdesk.services import archive, data, partners
from partnerdesk.services.archive_reader import Limits
from partnerdesk.store import database
from tests.faults.helpers import files_of, run_killed


@pytest.fixture(scope="module")
def good_archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("source")
    source = DataPaths(root / "data").ensure()
    data.open_data(source, daily_backup=False)
    try:
        org = partners.create_organisation(OrganisationData(name="Médiathèque", email="contact@media.fr"))
        person = partners.create_person(PersonData(last_name="Durand", first_name="Ana", emails=["ana@media.fr"]),
                                        org.id, "Directrice")
        (source.photos_dir / "abc.jpg").write_bytes(b"\xff\xd8 photo")
        database.execute_sql("INSERT INTO person_photo (person_id, file, width, height, source_name, added_at) "
                             "VALUES (?, 'abc.jpg', 1, 1, '', '2026-01-01 10:00:00')", (person.id,))
        target = root / "all.zip"
        archive.export_all(source, target)
    finally:
        data.close_data()
    return target


def _rewrite(source, target, *, drop=(), add=None, replace=None, manifest=None):
    """A copy of `source` with entries dropped, added or replaced, and the manifest edited."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            if info.filename in drop or info.filename in (replace or {}):
                continue
            content = z.read(info.filename)
            if info.filename == "manifest.json" and manifest:
                loaded = json.loads(content)
                manifest(loaded)
                content = json.dumps(loaded).encode()
            out.writestr(info.filename, content)
        for name, content in {**(replace or {}), **(add or {})}.items():
            out.writestr(name, content)
    return target


@pytest.fixture
def empty(paths):
    data.open_data(paths, daily_backup=False)
    yield paths
    data.close_data()


def _untouched(paths):
    assert database.execute_sql("SELECT count(*) FROM organisation").fetchone()[0] == 0
    assert files_of(paths.root) == {}
    assert not (paths.root / ".import-staging").exists()
    assert not list(paths.root.glob("*.restoring*"))


def test_a_good_archive_is_restored(empty, good_archive):
    summary = archive.import_all(empty, good_archive)
    assert summary.files == 1
    assert [o.name for o in partners.list_organisations()] == ["Médiathèque"]
    assert (empty.photos_dir / "abc.jpg").read_bytes() == b"\xff\xd8 photo"
    assert any(b.name.endswith("-pre-import-all.sqlite3") for b in empty.backups_dir.iterdir())


@pytest.mark.parametrize("rel", [
    "photos/../partnerdesk.sqlite3",
    "photos/../backups/partnerdesk-20991231-235959-daily.sqlite3",
    "../evil.txt", "/etc/evil", "C:/evil.txt", "photos\\..\\evil.txt", "partnerdesk.sqlite3",
    "backups/partnerdesk-20991231-235959-daily.sqlite3", "logs/partnerdesk.log", "photos/./a.jpg",
    ".import-staging/x", "top-level.txt",
])
def test_paths_outside_the_file_folders_are_refused(rel, empty, good_archive, tmp_path):
    bad = _rewrite(good_archive, tmp_path / "bad.zip", add={f"files/{rel}": b"SQLite format 3\0 fake"},
                   manifest=lambda m: m["files"].append(rel))
    with pytest.raises(archive.ArchiveError, match="outside"):
        archive.import_all(empty, bad)
    _untouched(empty)
    assert not any("2099" in p.name for p in empty.backups_dir.iterdir())


def test_a_file_onto_a_folder_is_refused_and_a_retry_works(empty, good_archive, tmp_path):
    bad = _rewrite(good_archive, tmp_path / "bad.zip", add={"files/photos/abc.jpg/x.jpg": b"x"},
                   manifest=lambda m: m["files"].append("photos/abc.jpg/x.jpg"))
    with pytest.raises(archive.ArchiveError, match="collides"):
        archive.import_all(empty, bad)
    _untouched(empty)
    archive.import_all(empty, good_archive)
    assert partners.count_organisations() == 1


def test_a_zip_bomb_is_refused(empty, good_archive, tmp_path):
    bomb = tmp_path / "bomb.zip"
    _rewrite(good_archive, bomb, add={"files/photos/big.jpg": b"\0" * (6 * 1024 * 1024)},
             manifest=lambda m: m["files"].append("photos/big.jpg"))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(archive.ArchiveError, match="more than"):
        archive.import_all(empty, bomb, limits=Limits(file_bytes=5 * 1024 * 1024))
    with pytest.raises(archive.ArchiveError, match="more than"):
        archive.import_all(empty, bomb, limits=Limits(total_bytes=4 * 1024 * 1024))
    _untouched(empty)


def test_a_huge_table_is_refused_while_streaming(empty, good_archive, tmp_path):
    rows = [{"id": i, "name": f"t{i}"} for i in range(1, 60_000)]
    bad = _rewrite(good_archive, tmp_path / "bad.zip",
                   replace={"json/tag.json": json.dumps({"table": "tag", "columns": ["id", "name"], "rows": rows})},
                   manifest=lambda m: m["tables"]["tag"].update(rows=len(rows)))
    with pytest.raises(archive.ArchiveError, match="more than"):
        archive.import_all(empty, bad, limits=Limits(json_bytes=512 * 1024))
    _untouched(empty)


def _bad_people(good_archive, tmp_path, edit):
    with zipfile.ZipFile(good_archive) as z:
        content = json.loads(z.read("json/person.json"))
    edit(content["rows"][0])
    return _rewrite(good_archive, tmp_path / "bad.zip", replace={"json/person.json": json.dumps(content)})


@pytest.mark.parametrize("edit, words", [
    (lambda r: r.update(birth_date="31/12/1990") if "birth_date" in r else r.update(verified_on="31/12/2024"),
     "date"),
    (lambda r: r.update(emails=json.dumps(["pas-un-mail"])), "e-mail"),
    (lambda r: r.update(emails="not json"), "list"),
    (lambda r: r.update(phones=42), "text"),
    (lambda r: r.update(id="abc"), "whole number"),
    (lambda r: r.update(created_at="yesterday"), "date and time"),
    (lambda r: r.update(last_name=None), "required"),
])
def test_values_of_the_wrong_type_are_listed_and_nothing_is_written(edit, words, empty, good_archive, tmp_path):
    bad = _bad_people(good_archive, tmp_path, edit)
    with pytest.raises(archive.ArchiveError, match=words) as caught:
        archive.import_all(empty, bad)
    assert "table person, row 1" in str(caught.value)
    _untouched(empty)


def test_wrong_types_in_french_through_the_cli(good_archive, tmp_path, capsys):
    bad = _bad_people(good_archive, tmp_path, lambda r: r.update(emails=json.dumps(["x@"]), created_at=12))
    code = main(["--data-dir", str(tmp_path / "new"), "--lang", "fr", "import-all", str(bad)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "adresse e-mail" in err and "ligne 1" in err
    # and the app starts on that folder afterwards
    assert main(["--data-dir", str(tmp_path / "new"), "check"]) == 0


def test_a_broken_foreign_key_is_refused(empty, good_archive, tmp_path):
    with zipfile.ZipFile(good_archive) as z:
        content = json.loads(z.read("json/affiliation.json"))
    content["rows"][0]["organisation_id"] = 999
    bad = _rewrite(good_archive, tmp_path / "bad.zip", replace={"json/affiliation.json": json.dumps(content)})
    with pytest.raises(archive.ArchiveError, match="missing row of organisation"):
        archive.import_all(empty, bad)
    _untouched(empty)


@pytest.mark.parametrize("how", ["rows", "missing-file", "extra-file"])
def test_manifest_counts_are_checked(how, empty, good_archive, tmp_path):
    if how == "rows":
        bad = _rewrite(good_archive, tmp_path / "bad.zip", manifest=lambda m: m["tables"]["person"].update(rows=5))
    elif how == "missing-file":
        bad = _rewrite(good_archive, tmp_path / "bad.zip", drop=("files/photos/abc.jpg",))
    else:
        bad = _rewrite(good_archive, tmp_path / "bad.zip", add={"files/photos/zzz.jpg": b"x"})
    with pytest.raises(archive.ArchiveError, match="damaged"):
        archive.import_all(empty, bad)
    _untouched(empty)


def _import_in_child(paths, source):
    data.open_data(paths, daily_backup=False)
    archive.import_all(paths, source)


@pytest.mark.parametrize("step", ["files-staged", "database-staged", "prepared", "files-moved", "wal-removed",
                                  "renamed"])
def test_import_all_killed_at(step, paths, good_archive):
    assert run_killed(step, lambda: _import_in_child(paths, good_archive)) == signal.SIGKILL
    data.open_data(paths, daily_backup=False)
    try:
        count = partners.count_organisations()
        files = files_of(paths.root)
        if step in ("files-staged", "database-staged"):
            assert count == 0 and files == {}  # rolled back
        else:
            assert count == 1 and files == {"photos/abc.jpg": b"\xff\xd8 photo"}  # finished
        assert not (paths.root / ".import-staging").exists()
    finally:
        data.close_data()


def test_a_large_table_is_streamed_not_loaded(empty, good_archive, tmp_path):
    import tracemalloc

    rows = [{"id": i, "name": f"Thème numéro {i} " + "x" * 1700} for i in range(1, 6_001)]
    text = json.dumps({"table": "tag", "columns": ["id", "name"], "rows": rows})
    assert len(text) > 10_000_000
    big = _rewrite(good_archive, tmp_path / "big.zip", replace={"json/tag.json": text},
                   manifest=lambda m: m["tables"]["tag"].update(rows=len(rows)))
    del rows, text
    tracemalloc.start()
    try:
        archive.import_all(empty, big)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert database.execute_sql("SELECT count(*) FROM tag").fetchone()[0] == 6_000
    assert peak < 8_000_000, peak  # the 10 MB table never sits in memory at once
