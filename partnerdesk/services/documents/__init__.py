"""The PDF documents handed to partners: prepare the data, render, write the file.

    render(kind, paths, target_id, partner_id=None) -> Rendered   # bytes + notes for the user
    export(kind, paths, target_id, out_path, ...)   -> Rendered   # written atomically

`kind` is one of KINDS: "dossier" and "bilan" take a project id, "partner" (the copy for the
partner) and "partner-internal" (the EPN's own copy: status, tags, journal) an
organisation id, "attendance" a session id. The renderers (`partnerdesk.export`)
get prepared data only (`partnerdesk.domain.documents`) and never query the
database. Used by the CLI (`partnerdesk export …`) and by the UI's export runner.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _, document_language, ngettext
from partnerdesk.paths import DataPaths
from partnerdesk.services import settings
from partnerdesk.services.files import write_file
from partnerdesk.services.documents.identity import save_identity, store_logo, validate_identity
from partnerdesk.services.documents.partner_docs import attendance_data, partner_sheet_data
from partnerdesk.services.documents.project_docs import DocumentError, bilan_data, dossier_data
from partnerdesk.store.models import Organisation, Project, ProjectSession

__all__ = ["KINDS", "DocumentError", "Rendered", "render", "export", "suggested_name", "resolve_project",
           "resolve_organisation", "session_of_project", "store_logo", "save_identity", "validate_identity"]

KINDS = ("dossier", "bilan", "partner", "partner-internal", "attendance", "minutes")
MEETING_KINDS = ("minutes", "meeting_attendance")  # take a meeting id (services.meetings.documents)


@dataclass
class Rendered:
    pdf: bytes
    title: str
    notes: list[str] = field(default_factory=list)  # for the user: what was left out and why
    path: Path | None = None
    page_fill: list[float] = field(default_factory=list)  # see export.base.Document.page_fill


def render(kind: str, paths: DataPaths, target_id: int, partner_id: int | None = None,
           today: dt.date | None = None, report: Callable[[int, int], None] | None = None) -> Rendered:
    """Prepare (reading the database), then render (no database access), in the document
    language (French unless the settings say otherwise), whatever the interface language."""
    report = report or (lambda done, total: None)
    identity = settings.identity()
    report(0, 3)
    with document_language(settings.document_language()):
        data, document = _prepare_and_render(kind, paths, target_id, partner_id, today, identity, report)
    notes: list[str] = []  # for the user: in the interface language
    if kind == "bilan":
        if data.photos_left_out:
            notes.append(ngettext("{count} photo was left out: the consent of a person shown does not cover "
                                  "documents given to partners.",
                                  "{count} photos were left out: the consent of a person shown does not cover "
                                  "documents given to partners.", data.photos_left_out).format(
                count=data.photos_left_out))
        if not data.bilan_text.strip():
            notes.append(_("The report has no text of its own yet: write it in the project before sharing it."))
    report(2, 3)
    title = getattr(data, "title", None) or getattr(data, "name", None) or getattr(data, "project", "")
    return Rendered(document.pdf, title, notes, page_fill=document.page_fill)


def _prepare_and_render(kind, paths, target_id, partner_id, today, identity, report):
    """(data, the Document that rendered it) — the document keeps its `page_fill`.
    The renderers (ReportLab) are imported here, with the first document: not at start-up."""
    if kind == "dossier":
        from partnerdesk.export.dossier import DossierDocument

        data = dossier_data(paths, target_id, partner_id, today)
        document = DossierDocument(data, identity)
    elif kind == "bilan":
        from partnerdesk.export.bilan import BilanDocument

        data = bilan_data(paths, target_id, today)
        document = BilanDocument(data, identity)
    elif kind in ("partner", "partner-internal"):
        from partnerdesk.export.partner_sheet import PartnerSheetDocument

        data = partner_sheet_data(paths, target_id, today, internal=kind == "partner-internal")
        document = PartnerSheetDocument(data, identity)
    elif kind == "attendance":
        from partnerdesk.export.attendance import AttendanceSheetDocument

        data = attendance_data(target_id, today)
        document = AttendanceSheetDocument(data, identity)
    elif kind in MEETING_KINDS:
        from partnerdesk.services.meetings import documents as meeting_docs

        if kind == "minutes":
            from partnerdesk.export.minutes import MinutesDocument

            data = meeting_docs.minutes_data(target_id, today)
            document = MinutesDocument(data, identity)
        else:
            from partnerdesk.export.attendance import AttendanceSheetDocument

            data = meeting_docs.attendance_data(target_id, today)
            document = AttendanceSheetDocument(data, identity)
    else:
        raise ValueError(kind)
    report(1, 3)
    document.pdf = document.render()
    return data, document


def export(kind: str, paths: DataPaths, target_id: int, out_path: str | os.PathLike, partner_id: int | None = None,
           today: dt.date | None = None, report: Callable[[int, int], None] | None = None) -> Rendered:
    """Render and write the PDF to `out_path` (through a temporary file: never half a PDF;
    the file's mode follows the umask like any other document)."""
    result = render(kind, paths, target_id, partner_id, today, report)
    target = Path(out_path).expanduser()
    write_file(target, result.pdf)
    if report:
        report(3, 3)
    result.path = target.resolve()
    return result


def suggested_name(kind: str, title: str, day: dt.date | None = None) -> str:
    """A file name such as "Bilan - Ateliers numériques seniors.pdf" (safe on Windows too)."""
    prefix = {"dossier": _("Dossier"), "bilan": _("Report"), "partner": _("Partner sheet"),
              "partner-internal": _("Partner sheet (internal)"),
              "attendance": _("Attendance sheet"), "minutes": _("Minutes"),
              "meeting_attendance": _("Attendance sheet")}[kind]
    clean = re.sub(r'[<>:"/\\|?*\x00-\x1f«»]+', " ", title)
    clean = " ".join(clean.split())[:80].strip(" .")
    suffix = f" {day.isoformat()}" if day else ""
    return f"{prefix} - {clean}{suffix}.pdf" if clean else f"{prefix}{suffix}.pdf"


def _resolve(model, column, norm_column, text: str, messages: tuple[str, str, str]) -> int:
    """`messages`: not found by number, nothing matches, several match (already translated)."""
    text = (text or "").strip()
    if text.isdigit():
        if model.select().where((model.id == int(text)) & model.deleted_at.is_null()).exists():
            return int(text)
        raise DocumentError(messages[0].format(id=text))
    wanted = normalize(text)
    rows = list(model.select(model.id, column).where(model.deleted_at.is_null() & norm_column.contains(wanted)))
    exact = [r for r in rows if normalize(getattr(r, column.name)) == wanted]
    if len(exact) == 1 or len(rows) == 1:
        return (exact or rows)[0].id
    if not rows:
        raise DocumentError(messages[1].format(text=text))
    names = "; ".join(f"{r.id}: {getattr(r, column.name)}" for r in rows[:8])
    raise DocumentError(messages[2].format(text=text, names=names))


def resolve_project(text: str) -> int:
    """A project by number or by (part of) its title, accents and case ignored."""
    return _resolve(Project, Project.title, Project.title_norm, text, (
        _("No project with number {id}."), _("No project matches “{text}”."),
        _("Several projects match “{text}”: {names}. Give the number.")))


def resolve_organisation(text: str) -> int:
    """An organisation by number or by (part of) its name."""
    return _resolve(Organisation, Organisation.name, Organisation.name_norm, text, (
        _("No organisation with number {id}."), _("No organisation matches “{text}”."),
        _("Several organisations match “{text}”: {names}. Give the number.")))


def session_of_project(project_id: int, day: dt.date | None = None, today: dt.date | None = None) -> int:
    """The session of `day`, or else the next one to come (the last one when none is left)."""
    today = today or dt.date.today()
    query = ProjectSession.select().where((ProjectSession.project == project_id) & ~ProjectSession.cancelled)
    if day is not None:
        row = query.where(ProjectSession.held_on == day).first()
        if row is None:
            raise DocumentError(_("This project has no session on {date}.").format(date=day.strftime("%d/%m/%Y")))
        return row.id
    row = (query.where(ProjectSession.held_on >= today).order_by(ProjectSession.held_on).first()
           or query.order_by(ProjectSession.held_on.desc()).first())
    if row is None:
        raise DocumentError(_("This project has no session yet."))
    return row.id
