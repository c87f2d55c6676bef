"""Restoring a full archive into an empty data folder, the archive being untrusted input.

Nothing of the live data folder changes until everything is checked: entry names confined to
the file folders (photos/, proofs/, templates/...), sizes bounded while reading (per file, in
total, per table's JSON, per row), every value checked against the schema's types (dates,
e-mails, JSON columns, integer keys) and every foreign key, manifest counts compared. The
files go to `.import-staging/`, the tables into a new database beside the live one; a copy of
the live database is kept (kind "pre-import-all"), then `store.restore` moves the files into
place and renames the new database over the live one, last, in one rename.
"""

from __future__ import annotations

import base64
import json
import logging
import shutil
import zipfile
from pathlib import Path

from partnerdesk.domain.amounts import check_amount, to_cents
from partnerdesk.i18n import N_, _, ngettext
from partnerdesk.paths import DB_FILENAME, DataPaths
from partnerdesk.services import archive_reader as reader
from partnerdesk.services import data, tables
from partnerdesk.store import close_store, database, filestore, open_store, partner_queries
from partnerdesk.store import restore as store_restore
from partnerdesk.store.backup import create_backup
from partnerdesk.store.staging import StagingDatabase, json_columns

log = logging.getLogger(__name__)

FORMAT = 1
SKIPPED_TABLES = {"schema_migration"}
MAX_PROBLEMS = 10
EMAIL_COLUMNS = {("organisation", "email"), ("person", "emails")}
# Amounts in euros: checked as the services check them (not negative, at most 1,000,000,000 €) and
# rounded half-up to the cent when an archive holds more decimals (counted, said in the summary).
AMOUNT_COLUMNS = {("project_need", "amount"), ("budget_line", "amount"), ("contribution", "value")}


class ArchiveError(Exception):
    """`str(exc)` is a translated message for the user."""


def _damaged(reason) -> ArchiveError:
    return ArchiveError(_("This archive is incomplete or damaged ({reason}).").format(reason=reason))


def _too_large(what: str) -> ArchiveError:
    return ArchiveError(_("This archive expands to more than PartnerDesk accepts ({what}): refused, "
                          "nothing was written.").format(what=what))


PROBLEM_TEXT = {
    "missing": N_("a value is required"),
    "integer": N_("not a whole number"),
    "number": N_("not a number"),
    "text": N_("not a text"),
    "date": N_("not a date (YYYY-MM-DD)"),
    "datetime": N_("not a date and time"),
    "json": N_("not a valid list"),
    "email": N_("not a valid e-mail address"),
    "amount": N_("not an amount in euros (0 to 1,000,000,000 €)"),
}


def _problem(table: str, line: int, column: str, key: str, value) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return _("table {table}, row {line}, column {column}: {problem} ({value})").format(
        table=table, line=line, column=column, problem=_(PROBLEM_TEXT[key]), value=shown)


def _refuse(problems: list[str], total: int) -> ArchiveError:
    head = _("This archive cannot be restored: its values do not fit this version of PartnerDesk. "
             "Nothing was written. The first problems:")
    lines = "\n".join(f"- {p}" for p in problems[:MAX_PROBLEMS])
    rest = total - MAX_PROBLEMS
    more = ngettext("… and {count} more problem.", "… and {count} more problems.", rest).format(count=rest) if rest > 0 else ""
    return ArchiveError("\n".join(x for x in (head, lines, more) if x))


def _read_manifest(archive: zipfile.ZipFile, limits: reader.Limits, budget: reader.Budget) -> dict:
    try:
        with archive.open("manifest.json") as stream:
            raw = b"".join(reader.read_bounded(stream, limits.manifest_bytes, budget))
        manifest = json.loads(raw)
    except KeyError as exc:
        raise ArchiveError(_("This file is not a PartnerDesk archive (no manifest.json).")) from exc
    except reader.TooLarge as exc:
        raise _too_large("manifest.json") from exc
    except (ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(_("The manifest of this archive is damaged.")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("This archive was made by another version of PartnerDesk and cannot be read."))
    if not isinstance(manifest.get("tables"), dict) or not isinstance(manifest.get("files", []), list) \
            or not isinstance(manifest.get("migrations", []), list) \
            or not all(isinstance(f, str) for f in manifest.get("files", [])):
        raise ArchiveError(_("The manifest of this archive is damaged."))
    return manifest


def _check_names(archive: zipfile.ZipFile, manifest: dict, limits: reader.Limits) -> list[str]:
    infos = archive.infolist()
    if len(infos) > limits.entries:
        raise _too_large(ngettext("{count} entry", "{count} entries", len(infos)).format(count=len(infos)))
    files = list(manifest.get("files", []))
    for rel in files:
        if not filestore.confined(rel, DB_FILENAME):
            raise ArchiveError(_("This archive holds a file outside the data folder ({name}): refused.")
                               .format(name=rel))
    clash = reader.collisions(files)
    if clash or len(set(files)) != len(files):
        raise ArchiveError(_("This archive holds a file that collides with a folder or another file "
                             "({name}): refused.").format(name=(clash or files)[0]))
    in_zip = {i.filename[len("files/"):] for i in infos if i.filename.startswith("files/") and not i.is_dir()}
    if in_zip != set(files):
        odd = sorted(in_zip ^ set(files))
        raise _damaged(_("the manifest lists {listed} files, the archive holds {held} ({name})").format(
            listed=len(files), held=len(in_zip), name=odd[0]))
    for info in infos:
        if info.file_size > limits.file_bytes:
            raise _too_large(info.filename)
    return files


def _stage_files(archive, files, root: Path, staging: Path, limits, budget) -> None:
    for rel in files:
        target = (root / rel).resolve()
        if root.resolve() not in target.parents or target.is_dir():
            raise ArchiveError(_("This archive holds a file outside the data folder ({name}): refused.")
                               .format(name=rel))
        out = staging / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            with archive.open(f"files/{rel}") as src, out.open("wb") as dst:
                for block in reader.read_bounded(src, limits.file_bytes, budget):
                    dst.write(block)
        except reader.TooLarge as exc:
            raise _too_large(rel) from exc


def _schema(staging: StagingDatabase, name: str, json_cols) -> dict[str, reader.Column]:
    return {c: reader.Column(c, kind, not_null and not has_default, has_default, pk, (name, c) in json_cols,
                             (name, c) in EMAIL_COLUMNS)
            for c, kind, not_null, has_default, pk in staging.columns(name)}


def _load_table(archive, name, staging, schema, limits, budget, problems: list[str]) -> tuple[int, int, int]:
    """Stream one table into the staging database; returns (rows read, problems found, amounts rounded)."""
    count = found = rounded = 0
    amounts = {c for t, c in AMOUNT_COLUMNS if t == name}
    try:
        with archive.open(f"json/{name}.json") as stream:
            header, rows = reader.stream_table(reader.read_bounded(stream, limits.json_bytes, budget), limits)
            columns = header.get("columns")
            if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
                raise reader.Damaged("columns")
            cols = [c for c in columns if c in schema]  # a column dropped since is left out
            batch = []
            for count, record in enumerate(rows, start=1):
                values = []
                for c in cols:
                    value = record.get(c)
                    if isinstance(value, dict) and set(value) == {"$base64"} and isinstance(value["$base64"], str):
                        try:
                            value = base64.b64decode(value["$base64"], validate=True)
                        except ValueError:
                            pass
                    key = reader.problem_with(schema[c], value)
                    if not key and c in amounts and value is not None:
                        key, value, changed = _amount(value)
                        rounded += changed
                    if key:
                        found += 1
                        if len(problems) < MAX_PROBLEMS:
                            problems.append(_problem(name, count, c, key, value))
                    values.append(value)
                for c, col in schema.items():
                    if c not in cols and col.not_null and not col.primary_key:
                        found += 1
                        if len(problems) < MAX_PROBLEMS:
                            problems.append(_problem(name, count, c, "missing", None))
                if not found:
                    batch.append(values)
                    if len(batch) >= 500:
                        staging.insert(name, cols, batch)
                        batch = []
            if batch and not found:
                staging.insert(name, cols, batch)
    except KeyError as exc:
        raise _damaged(_("no json/{name}.json").format(name=name)) from exc
    except reader.TooLarge as exc:
        raise _too_large(f"json/{name}.json") from exc
    except reader.Damaged as exc:
        raise _damaged(f"json/{name}.json: {exc}") from exc
    except zipfile.BadZipFile as exc:
        raise _damaged(exc) from exc
    return count, found, rounded


def _amount(value) -> tuple[str | None, float, bool]:
    """(problem key or None, the amount in cents, whether it was rounded) of an archive's figure."""
    if check_amount(float(value)):
        return "amount", value, False
    cents = to_cents(float(value))
    return None, cents, cents != value


def rounded_text(count: int) -> str:
    """The summary's sentence on the amounts of an archive rounded to the cent ("" when none)."""
    if not count:
        return ""
    return ngettext("{count} amount had more than two decimals: rounded to the nearest cent "
                    "(12.345 € → 12.35 €).",
                    "{count} amounts had more than two decimals: rounded to the nearest cent "
                    "(12.345 € → 12.35 €).", count).format(count=count)


def import_all(paths: DataPaths, source: Path, report=None, limits: reader.Limits | None = None):
    """Restore an archive into the open, EMPTY data folder. All or nothing."""
    from partnerdesk.services.archive import ArchiveSummary, data_files

    limits = limits or reader.Limits()
    if not data.is_empty() or data_files(paths):
        raise ArchiveError(_("The data folder {path} is not empty. An archive is restored into a new, empty data "
                             "folder: use --data-dir NEW_FOLDER.").format(path=paths.root))
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ArchiveError(_("This file is not a readable .zip archive.")) from exc
    budget = reader.Budget(limits.total_bytes)
    root = paths.root
    staging_dir = root / store_restore.IMPORT_STAGING
    candidate = paths.db_path.with_name(paths.db_path.name + ".restoring.partial")
    with archive:
        manifest = _read_manifest(archive, limits, budget)
        here = {r[0] for r in database.execute_sql("SELECT version FROM schema_migration")}
        if not {m for m in manifest.get("migrations", []) if isinstance(m, int)} <= here \
                or not all(isinstance(m, int) for m in manifest.get("migrations", [])):
            raise ArchiveError(_("This archive was made by a newer PartnerDesk: update PartnerDesk first."))
        current = set(tables.data_tables())
        for name in manifest["tables"]:
            if name not in current or name in SKIPPED_TABLES:
                raise ArchiveError(_("This archive holds a table this PartnerDesk does not know: {name}.")
                                   .format(name=name))
        files = _check_names(archive, manifest, limits)
        names = list(manifest["tables"])
        total = len(names) + len(files)
        fts = tables.fts5_tables()
        store_restore.recover(paths.db_path)
        shutil.rmtree(staging_dir, ignore_errors=True)
        staging_dir.mkdir()
        staging = None
        try:
            if report:
                report(0, total)
            _stage_files(archive, files, root, staging_dir, limits, budget)
            staging = StagingDatabase(paths.db_path, candidate)
            json_cols = json_columns()
            problems: list[str] = []
            found = rows = rounded = 0
            for done, name in enumerate(names, start=len(files)):
                if report:
                    report(done, total)
                staging.clear(name)
                count, bad, changed = _load_table(archive, name, staging, _schema(staging, name, json_cols), limits,
                                                  budget, problems)
                found += bad
                rounded += changed
                rows += count
                expected = manifest["tables"][name].get("rows") if isinstance(manifest["tables"][name], dict) else None
                if expected is not None and expected != count:
                    raise _damaged(_("the manifest counts {expected} rows in {table}, the archive holds {count}")
                                   .format(expected=expected, table=name, count=count))
            if found:
                raise _refuse(problems, found)
            broken = staging.foreign_key_problems(MAX_PROBLEMS)
            if broken:
                raise _refuse([_("table {table}, row {line}: refers to a missing row of {parent}").format(
                    table=t, line=r, parent=p) for t, r, p in broken], len(broken))
            staging.rebuild_search(fts)
            staging.rederive(partner_queries.DERIVED)
            staging.commit()
        except BaseException:
            if staging is not None:
                staging.discard()
            candidate.unlink(missing_ok=True)
            shutil.rmtree(staging_dir, ignore_errors=True)
            raise
    _swap(paths, candidate, staging_dir, files)
    if report:
        report(total, total)
    return ArchiveSummary(len(names), rows, len(files), rounded)


def _swap(paths: DataPaths, candidate: Path, staging_dir: Path, files: list[str]) -> None:
    """Keep a copy of the live database, then the files and the new database in place, atomically."""
    create_backup(paths.db_path, paths.backups_dir, "pre-import-all")
    close_store()
    try:
        store_restore.prepare(paths.db_path, candidate, staging_dir, files)
        store_restore.finish(paths.db_path)
    finally:
        open_store(paths.db_path, paths.backups_dir, check=False)
    log.info("archive restored into %s", paths.root)
