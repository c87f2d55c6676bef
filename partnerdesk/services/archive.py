"""The full archive: every table as JSON and CSV, every file of the data
folder (photos, consent proofs, templates...), a manifest and a README, in one
.zip; and its restoration into an empty data folder.

Generic over the tables of the database, so the tables other areas add are
archived and restored without being listed here.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from partnerdesk import __version__
from partnerdesk.i18n import _, format_datetime
from partnerdesk.paths import DB_FILENAME, DataPaths
from partnerdesk.services import data, tables
from partnerdesk.services.exports.tabular import csv_bytes
from partnerdesk.store import database

FORMAT = 1
SKIPPED_DIRS = {"backups", "logs", "cache", ".import-staging"}
SKIPPED_TABLES = {"schema_migration"}
Report = Callable[[int, int], None] | None


class ArchiveError(Exception):
    """`str(exc)` is a translated message for the user."""


@dataclass
class ArchiveSummary:
    tables: int
    rows: int
    files: int


def _encode(value):
    if isinstance(value, bytes):
        return {"$base64": base64.b64encode(value).decode("ascii")}
    return value


def _decode(value):
    if isinstance(value, dict) and set(value) == {"$base64"}:
        return base64.b64decode(value["$base64"])
    return value


def data_files(paths: DataPaths) -> list[Path]:
    """Files of the data folder that belong in an archive (not the database, backups, logs or caches)."""
    found = []
    for path in sorted(paths.root.rglob("*")):
        rel = path.relative_to(paths.root)
        if not path.is_file() or rel.parts[0] in SKIPPED_DIRS:
            continue
        if len(rel.parts) == 1 and (path.name.startswith(DB_FILENAME) or path.suffix in (".lock", ".partial")):
            continue
        found.append(path)
    return found


def _readme(manifest: dict) -> str:
    lines = [
        _("PartnerDesk: full archive of the data"),
        "",
        _("Made on {date} by PartnerDesk {version}.").format(
            date=format_datetime(dt.datetime.fromisoformat(manifest["created_at"])), version=__version__),
        "",
        _("What each file is:"),
        "- manifest.json : " + _("the list of tables, row counts and files, and the database version."),
        "- json/<table>.json : " + _("every table, exactly (the copy PartnerDesk restores from)."),
        "- csv/<table>.csv : " + _("the same tables for a spreadsheet (UTF-8, separator ;)."),
        "- files/ : " + _("the files of the data folder: photos, consent proofs, templates."),
        "",
        _("Tables:"),
    ]
    lines += [f"- {name} : {info['rows']}" for name, info in manifest["tables"].items()]
    lines += ["", _("To restore: partnerdesk --data-dir NEW_FOLDER import-all THIS_FILE.zip")]
    return "\n".join(lines) + "\n"


def export_all(paths: DataPaths, target: Path, report: Report = None) -> ArchiveSummary:
    target = Path(target)
    names = [t for t in tables.data_tables() if t not in SKIPPED_TABLES]
    files = data_files(paths)
    total = len(names) + len(files)
    manifest = {
        "format": FORMAT, "app_version": __version__,
        "created_at": dt.datetime.now().isoformat(timespec="seconds"),
        "migrations": sorted(r[0] for r in database.execute_sql("SELECT version FROM schema_migration")),
        "tables": {}, "files": [],
    }
    partial = target.with_name(target.name + ".partial")
    row_count = 0
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            with database.atomic():  # one consistent snapshot
                for done, name in enumerate(names):
                    if report:
                        report(done, total)
                    cols, rows = tables.rows(name)
                    records = [{c: _encode(v) for c, v in zip(cols, row)} for row in rows]
                    archive.writestr(f"json/{name}.json", json.dumps(
                        {"table": name, "columns": cols, "rows": records}, ensure_ascii=False, indent=1))
                    archive.writestr(f"csv/{name}.csv", csv_bytes(cols, rows))
                    manifest["tables"][name] = {"rows": len(rows), "columns": cols}
                    row_count += len(rows)
            for done, path in enumerate(files, start=len(names)):
                if report:
                    report(done, total)
                rel = path.relative_to(paths.root).as_posix()
                archive.write(path, f"files/{rel}")
                manifest["files"].append(rel)
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.writestr("README.txt", _readme(manifest))
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ArchiveError(_("The archive could not be written: {reason}").format(reason=exc.strerror or exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    if report:
        report(total, total)
    return ArchiveSummary(len(names), row_count, len(files))


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except KeyError as exc:
        raise ArchiveError(_("This file is not a PartnerDesk archive (no manifest.json).")) from exc
    except ValueError as exc:
        raise ArchiveError(_("The manifest of this archive is damaged.")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("This archive was made by another version of PartnerDesk and cannot be read."))
    return manifest


def _safe_target(root: Path, rel: str) -> Path:
    target = (root / rel).resolve()
    if root.resolve() not in target.parents or Path(rel).parts[0] in SKIPPED_DIRS:
        raise ArchiveError(_("This archive holds a file outside the data folder ({name}): refused.").format(name=rel))
    return target


def import_all(paths: DataPaths, source: Path, report: Report = None) -> ArchiveSummary:
    """Restore an archive into the open, EMPTY data folder. All or nothing."""
    if not data.is_empty() or data_files(paths):
        raise ArchiveError(_("The data folder {path} is not empty. An archive is restored into a new, empty data "
                             "folder: use --data-dir NEW_FOLDER.").format(path=paths.root))
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ArchiveError(_("This file is not a readable .zip archive.")) from exc
    staging = paths.root / ".import-staging"
    with archive:
        manifest = _read_manifest(archive)
        here = {r[0] for r in database.execute_sql("SELECT version FROM schema_migration")}
        if not set(manifest.get("migrations", [])) <= here:
            raise ArchiveError(_("This archive was made by a newer PartnerDesk: update PartnerDesk first."))
        current = set(tables.data_tables())
        loaded = {}
        try:
            for name in manifest["tables"]:
                if name not in current:
                    raise ArchiveError(_("This archive holds a table this PartnerDesk does not know: {name}.")
                                       .format(name=name))
                content = json.loads(archive.read(f"json/{name}.json"))
                loaded[name] = (list(content["columns"]), list(content["rows"]))
        except (KeyError, ValueError, TypeError) as exc:
            raise ArchiveError(_("This archive is incomplete or damaged ({reason}).").format(reason=exc)) from exc
        files = [rel for rel in manifest.get("files", [])]
        targets = {rel: _safe_target(paths.root, rel) for rel in files}
        total = len(loaded) + len(files)
        shutil.rmtree(staging, ignore_errors=True)
        try:
            for done, rel in enumerate(files):
                if report:
                    report(done, total)
                out = staging / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(f"files/{rel}") as src, out.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
            rows = _load_tables(loaded, report, len(files), total)
        except KeyError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise ArchiveError(_("This archive is incomplete or damaged ({reason}).").format(reason=exc)) from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    for rel, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        (staging / rel).replace(target)
    shutil.rmtree(staging, ignore_errors=True)
    if report:
        report(total, total)
    return ArchiveSummary(len(loaded), rows, len(files))


def _load_tables(loaded: dict[str, tuple[list[str], list[dict]]], report: Report, offset: int, total: int) -> int:
    count = 0
    with database.atomic("IMMEDIATE"):
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        for name in loaded:
            database.execute_sql(f'DELETE FROM "{name}"')
        cursor = database.cursor()
        for done, (name, (columns, records)) in enumerate(loaded.items(), start=offset):
            if report:
                report(done, total)
            known = {c for c, _t in tables.columns(name)}
            cols = [c for c in columns if c in known]  # a column dropped since is left out
            quoted = ", ".join(f'"{c}"' for c in cols)
            cursor.executemany(f'INSERT INTO "{name}" ({quoted}) VALUES ({", ".join("?" for _c in cols)})',
                               ([_decode(record.get(c)) for c in cols] for record in records))
            count += len(records)
        for fts in tables.fts5_tables():
            try:
                database.execute_sql(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
            except Exception:  # noqa: BLE001 - a contentless index has nothing to rebuild from
                pass
    return count
