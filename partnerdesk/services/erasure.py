"""The two sweeps of an RGPD erasure (used by `rgpd.anonymise`):

- `person_files`: every file that ever belonged to the person — current and earlier photos
  (`person_file_history`, filled by triggers), their thumbnails, current and earlier consent
  proofs — except a file another card or a project still uses;
- `Scrubber`: the person's full name in any case (accents, hyphens and spaces aside, first and
  last name in either order, or "G. Château" when no other card shares that form), emails and
  phones in every text column of every table, except other people's own identity (their names,
  contacts and addresses); "Mme Château" where no other card could be so named, or else in the
  journal entries the person took part in (unless another participant bears that last name).
  The last name alone is never replaced:
  `mentions()` lists where it is still written, for the user to review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from partnerdesk.domain.erasure import courtesy_pattern, first_initials, surname_pattern, trace_pattern
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.paths import DataPaths
from partnerdesk.services import person_photos, tables
from partnerdesk.store import database

# Columns that hold free text (sentences), where the last name alone is looked for (to review).
FREE_TEXT_COLUMNS = frozenset((
    "notes", "note", "summary", "description", "objectives", "context", "bilan_text", "decision_circuit",
    "comment", "body", "subject", "content", "sections", "engagements", "caption", "closed_reason",
    "next_step", "reason", "before",
))


# What a mention's record is called in the erasure preview, by table; others show their table's name.
RECORD_KINDS = {"organisation": N_("Organisation"), "project": N_("Project"), "realization": N_("Realisation"),
                "convention": N_("Convention"), "convention_party": N_("Convention party"),
                "letter_template": N_("Letter template"), "convention_template": N_("Convention template")}


def person_files(paths: DataPaths, person_id: int) -> list[Path]:
    """Files on disk to delete with the person (existing ones only, each once)."""
    found = list(person_photos.files_of(paths, person_id))
    history = database.execute_sql("SELECT kind, file FROM person_file_history WHERE person_id = ?",
                                   (person_id,)).fetchall()
    used = _files_used_by_others(person_id)
    for kind, name in history:
        if not name or name in used:
            continue
        if kind == "photo":
            photo = paths.photos_dir / name
            found.append(photo)
            if paths.thumbnails_dir.is_dir():
                found += sorted(paths.thumbnails_dir.glob(f"{Path(name).stem}_*"))
        else:
            found.append(paths.proofs_dir / name)
    unique = dict.fromkeys(p for p in found if p.is_file() and _inside(paths.root, p))
    return list(unique)


def _inside(root: Path, path: Path) -> bool:
    return root.resolve() in path.resolve().parents


def _files_used_by_others(person_id: int) -> set[str]:
    rows = database.execute_sql(
        "SELECT file FROM person_photo WHERE person_id <> ? "
        "UNION SELECT proof FROM photo_consent WHERE person_id <> ? AND proof <> '' "
        "UNION SELECT file FROM project_photo", (person_id, person_id)).fetchall()
    return {r[0] for r in rows}


@dataclass(frozen=True)
class Mention:
    """The last name alone, still written somewhere once the person is erased."""
    table: str
    column: str
    rowid: int
    excerpt: str


@dataclass(frozen=True)
class Traces:
    person_id: int
    first_name: str
    last_name: str
    civility: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    others: tuple[str, ...] = ()


class Scrubber:
    """Where and how a person's traces are replaced; reads the database when made."""

    def __init__(self, who: Traces, hidden: str):
        self.who, self.hidden = who, hidden
        self.traces = trace_pattern(who.first_name, who.last_name, list(who.emails), list(who.phones),
                                    list(who.others), initials=not _initials_shared(who))
        self.courtesy = courtesy_pattern(who.civility, who.last_name)
        self.surname = surname_pattern(who.last_name)
        self.courtesy_anywhere = self.courtesy is not None and not _titled_namesake(who)
        self.own_entries = _own_entries(who) if self.courtesy else set()

    def rewrite(self, table: str, value: str, rowid: int) -> str:
        new = self.traces.sub(self.hidden, value) if self.traces else value
        if self.courtesy_anywhere or (table == "interaction" and rowid in self.own_entries):
            new = self.courtesy.sub(lambda m: f"{m.group('title')} {self.hidden}", new)
        return new

    def _cells(self):
        for table in tables.data_tables():
            for column in tables.text_columns(table):
                if table == "person" and column not in FREE_TEXT_COLUMNS:
                    where = " AND rowid = ?"  # other people's names and contacts are theirs
                    args = (self.who.person_id,)
                else:
                    where, args = "", ()
                rows = database.execute_sql(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
                                            f'AND "{column}" <> \'\'{where}', args)
                for rowid, value in rows.fetchall():
                    if isinstance(value, str):
                        yield table, column, rowid, value

    def apply(self) -> int:
        """Replace the traces; returns how many values changed. Runs inside the caller's transaction."""
        changed = 0
        for table, column, rowid, value in self._cells():
            new = self.rewrite(table, value, rowid)
            if new != value:
                database.execute_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (new, rowid))
                changed += 1
        return changed

    def mentions(self, context: int = 40) -> list[Mention]:
        """The last name alone wherever text is kept once the traces are replaced (titles and
        attendance lists included), but for the person's own card and other people's names."""
        if self.surname is None:
            return []
        found = []
        for table, column, rowid, value in self._cells():
            if table == "person" and (rowid == self.who.person_id or column not in FREE_TEXT_COLUMNS):
                continue
            text = self.rewrite(table, value, rowid)
            for match in self.surname.finditer(text):
                start, end = max(0, match.start() - context), min(len(text), match.end() + context)
                excerpt = ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")
                found.append(Mention(table, column, rowid, excerpt))
                break  # one line per value
        return found


def _same_surname(a: str, b: str) -> bool:
    return normalize(a).replace("-", " ") == normalize(b).replace("-", " ")


def _initials_shared(who: Traces) -> bool:
    """Another card (not erased) whose initial and last name read the same: "G. Château" is then ambiguous."""
    mine = {normalize(i) for i in first_initials(who.first_name)}
    rows = database.execute_sql("SELECT first_name, last_name FROM person WHERE id <> ? AND first_name <> ''",
                                (who.person_id,))
    return any(_same_surname(last, who.last_name) and mine & {normalize(i) for i in first_initials(first)}
               for first, last in rows)


def _titled_namesake(who: Traces) -> bool:
    """Another card (not erased) that "Mme/M. <last name>" could name: same last name, and the same
    civility or one of the two unknown."""
    rows = database.execute_sql("SELECT last_name, civility FROM person WHERE id <> ? AND first_name <> ''",
                                (who.person_id,))
    return any(_same_surname(last, who.last_name) and (not civility or not who.civility or civility == who.civility)
               for last, civility in rows)


def _own_entries(who: Traces) -> set[int]:
    """Journal entries the person took part in, none of whose other participants bears the same last name."""
    rows = database.execute_sql(
        "SELECT ip.interaction_id, p.id, p.last_name FROM interaction_person ip JOIN person p ON p.id = ip.person_id "
        "WHERE ip.interaction_id IN (SELECT interaction_id FROM interaction_person WHERE person_id = ?)",
        (who.person_id,)).fetchall()
    entries = {r[0] for r in rows}
    shared = {entry for entry, pid, last in rows if pid != who.person_id and _same_surname(last, who.last_name)}
    return entries - shared


def place_of(mention: Mention) -> str:
    """Where a mention is, in words: "Organisation « Mairie »", "Journal entry of 12/03/2026"."""
    table, rowid = mention.table, mention.rowid
    if table == "person":
        row = database.execute_sql("SELECT first_name, last_name FROM person WHERE rowid = ?", (rowid,)).fetchone()
        return _("Card of {name}").format(name=" ".join(filter(None, row)))
    if table == "interaction":
        day = database.execute_sql("SELECT occurred_on FROM interaction WHERE rowid = ?", (rowid,)).fetchone()[0]
        return _("Journal entry of {date}").format(date=format_date(dt.date.fromisoformat(str(day)[:10])))
    kind = _(RECORD_KINDS[table]) if table in RECORD_KINDS else table.replace("_", " ")
    names = [c for c in ("name", "title") if c in dict(tables.columns(table))]
    if not names:
        return kind
    name = database.execute_sql(f'SELECT "{names[0]}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()[0]
    return f"{kind} « {name} »" if name else kind
