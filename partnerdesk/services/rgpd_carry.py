"""After a restore: the RGPD register kept beside the database (`store/register_carry.py`) goes back
into the restored data, and the people erased since that backup was taken are erased again, in
one transaction. Called by `backups.restore` and, for a restore interrupted or made by the command
line, when the data folder is opened (`data.open_data`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerdesk.i18n import _, ngettext
from partnerdesk.paths import DataPaths
from partnerdesk.services import erasure, rgpd
from partnerdesk.store import database, register_carry

_COLUMNS = register_carry.LOG_COLUMNS


@dataclass
class Carried:
    entries: int = 0  # register lines put back
    erased_again: list[int] = field(default_factory=list)  # people erased again

    def sentence(self) -> str | None:
        """What to tell the user after the restore; None when the backup's register was complete."""
        if self.erased_again:
            count = len(self.erased_again)
            return ngettext("RGPD register kept: {count} person erased since this backup was taken was erased again.",
                            "RGPD register kept: {count} people erased since this backup was taken were erased "
                            "again.", count).format(count=count)
        if self.entries:
            return _("RGPD register kept: the exports and erasures recorded since this backup was taken are still "
                     "listed.")
        return None


def _present() -> set[tuple]:
    return {tuple(r) for r in database.execute_sql(f"SELECT {', '.join(_COLUMNS)} FROM rgpd_log")}


def apply_pending(paths: DataPaths) -> Carried | None:
    """Put back the register kept before a restore, if any; None when there was none."""
    saved = register_carry.load(paths.db_path)
    if saved is None:
        return None
    rows, created = saved
    carried, files = Carried(), []
    database.execute_sql("PRAGMA secure_delete = ON")
    with database.atomic("IMMEDIATE"):
        present = _present()
        for row in rows:
            key = tuple(row.get(c) for c in _COLUMNS)
            if key in present or (key[:2] + (None,) + key[3:]) in present:
                continue
            pid = row.get("person_id")
            if row.get("action") == "erase" and pid is not None:
                here = database.execute_sql("SELECT created_at FROM person WHERE id = ?", (pid,)).fetchone()
                if here is not None and str(here[0]) == str(created.get(pid)):
                    files += erasure.person_files(paths, pid)
                    rgpd.erase_card(rgpd.person(pid))
                    carried.erased_again.append(pid)
                elif here is not None:  # that number is another card's here: the erased person is not in it
                    key = key[:2] + (None,) + key[3:]
            database.execute_sql(f"INSERT INTO rgpd_log ({', '.join(_COLUMNS)}) VALUES (?,?,?,?,?)", key)
            carried.entries += 1
    for path in files:
        path.unlink(missing_ok=True)
    if carried.erased_again:
        rgpd.compact()
    register_carry.discard(paths.db_path)
    return carried
