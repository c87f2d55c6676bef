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
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from partnerdesk import __version__
from partnerdesk.i18n import _, format_datetime
from partnerdesk.paths import DB_FILENAME, DataPaths
from partnerdesk.services import leftovers, tables
from partnerdesk.services.archive_import import FORMAT, SKIPPED_TABLES, ArchiveError, import_all
from partnerdesk.services.exports.tabular import csv_bytes
from partnerdesk.store import database, filestore

__all__ = ["ArchiveError", "ArchiveSummary", "data_files", "export_all", "import_all"]
Report = Callable[[int, int], None] | None


@dataclass
class ArchiveSummary:
    tables: int
    rows: int
    files: int
    rounded: int = 0  # amounts of an imported archive rounded half-up to the cent


def _encode(value):
    if isinstance(value, bytes):
        return {"$base64": base64.b64encode(value).decode("ascii")}
    return value


def data_files(paths: DataPaths) -> list[Path]:
    """Files of the data folder that belong in an archive: in a folder (photos/, proofs/,
    templates/...), not the database, backups, logs or caches, and no photo or proof that no
    row references (a leftover of an interrupted import, an erased person's file)."""
    orphans = set(leftovers.orphan_files(paths))
    return [p for p in filestore.data_files(paths.root, DB_FILENAME)
            if len(p.relative_to(paths.root).parts) > 1 and p not in orphans]


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
