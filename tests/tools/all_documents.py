"""Every document of a data folder, for the tests and for looking at the pages.

    uv run python tests/tools/all_documents.py OUT_DIR [--size small|large]   # demo data, PDFs written

`documents_of(paths, today)` yields (name, kind, Rendered) for every project's dossier (plain
and addressed to each partner), bilan, attendance sheet of each session, every organisation's
partner sheets (both variants), every convention (PDF) and the documents of a few meetings.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from partnerdesk.services import convention_output, documents, projects
from partnerdesk.services.conventions import list_conventions
from partnerdesk.store.models import Meeting, Organisation, Project, ProjectSession


def documents_of(paths, today: dt.date, sessions_per_project: int = 2, organisations: int | None = None):
    for project in Project.select().where(Project.deleted_at.is_null()).order_by(Project.id):
        yield f"dossier-{project.id}", "dossier", documents.render("dossier", paths, project.id, today=today)
        for card in projects.list_cards(project.id)[:3]:
            yield (f"dossier-{project.id}-for-{card.organisation_id}", "dossier",
                   documents.render("dossier", paths, project.id, card.organisation_id, today=today))
        yield f"bilan-{project.id}", "bilan", documents.render("bilan", paths, project.id, today=today)
        rows = ProjectSession.select().where(ProjectSession.project == project.id).order_by(ProjectSession.id)
        for session in rows.limit(sessions_per_project):
            yield f"attendance-{session.id}", "attendance", documents.render("attendance", paths, session.id,
                                                                              today=today)
    orgs = Organisation.select().where(Organisation.deleted_at.is_null()).order_by(Organisation.id)
    for org in orgs.limit(organisations) if organisations else orgs:
        for kind in ("partner", "partner-internal"):
            yield f"{kind}-{org.id}", kind, documents.render(kind, paths, org.id, today=today)
    for conv in list_conventions():
        doc = convention_output.rendered(conv.id, accept_blanks=True)
        yield f"convention-{conv.id}", "convention", doc
    for meeting in Meeting.select().order_by(Meeting.id).limit(6):
        for kind in documents.MEETING_KINDS:
            yield f"{kind}-{meeting.id}", kind, documents.render(kind, paths, meeting.id, today=today)


def main(argv: list[str]) -> None:
    import tempfile

    from partnerdesk.paths import DataPaths
    from partnerdesk.services import data, demo

    out = Path(argv[0])
    size = argv[argv.index("--size") + 1] if "--size" in argv else "small"
    out.mkdir(parents=True, exist_ok=True)
    folder = DataPaths(Path(tempfile.mkdtemp()) / "data").ensure()
    data.open_data(folder, daily_backup=False)
    demo.fill(size, paths=folder)
    today = dt.date.today()
    for name, kind, rendered in documents_of(folder, today, organisations=12):
        (out / f"{name}.pdf").write_bytes(rendered.pdf)
        fills = " ".join(f"{f:.2f}" for f in rendered.page_fill)
        low = [f for f in rendered.page_fill[:-1] if f < 0.55]
        print(f"{name:32} pages={len(rendered.page_fill):3} fill: {fills}" + ("   <-- LOW" if low else ""))
    data.close_data()


if __name__ == "__main__":
    main(sys.argv[1:])
