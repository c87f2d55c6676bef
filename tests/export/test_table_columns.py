"""Dates and times in a table column are read whole: never « 23 Sept » on one line and « 2026 » on the next."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess

import pytest

from partnerdesk import i18n
from partnerdesk.domain.documents import SessionLine
from partnerdesk.export.bilan import render_bilan
from tests.export import samples

DAYS = [dt.date(2026, 9, 23), dt.date(2026, 9, 30), dt.date(2026, 11, 25), dt.date(2026, 12, 16)]


def _layout(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.parametrize("lang,time", [("en", "14:30–16:30"), ("fr", "14\u00a0h\u00a030\u00a0– 16\u00a0h\u00a030")])
def test_every_session_of_the_bilan_has_its_date_and_time_on_one_line(tmp_path, lang, time):
    lines = [SessionLine(day, time, "EPN — salle multimédia", "Hélène Lefèvre", 12, 9) for day in DAYS]
    data = dataclasses.replace(samples.bilan(), sessions=lines)
    with i18n.document_language(lang):
        pdf = render_bilan(data, samples.identity())
        dates = [i18n.format_date(day) for day in DAYS]
    heading = "every session" if lang == "en" else "toutes les séances"
    appendix = _layout(pdf, tmp_path).replace("\u00a0", " ").split(heading)[-1]
    for date in dates:
        assert re.search(re.escape(date.replace("\u00a0", " ")) + r"\s+" + re.escape(time.replace("\u00a0", " ")),
                         appendix), (date, appendix[:1500])


def test_the_dates_of_a_partner_sheet_and_of_the_actions_of_minutes_stay_whole(tmp_path):
    from partnerdesk.export.minutes import render_minutes
    from partnerdesk.export.partner_sheet import render_partner_sheet
    from partnerdesk.domain.meetings import MinutesAction, MinutesData

    sheet = samples.partner_sheet()
    sheet = dataclasses.replace(sheet, internal=True, projects=[dataclasses.replace(p, since=DAYS[0])
                                                                for p in sheet.projects],
                                interactions=[dataclasses.replace(i, occurred_on=DAYS[0]) for i in sheet.interactions])
    minutes = MinutesData("Comité de pilotage", "Committee", DAYS[1], DAYS[1],
                          actions=[MinutesAction("Envoyer le calendrier", "Grégoire Marchand (Association Lire & "
                                                 "Écrire 35)", DAYS[0], DAYS[1])] * 3)
    with i18n.document_language("en"):
        text = _layout(render_partner_sheet(sheet, samples.identity()), tmp_path)
        text += _layout(render_minutes(minutes, samples.identity()), tmp_path)
    assert text.count("23 Sept 2026") >= len(sheet.projects) + len(sheet.interactions) + len(minutes.actions)


def test_a_total_row_never_stands_alone_with_the_header_on_a_page():
    """Wherever a table with a total starts on the page, the page that shows its total shows at
    least one of its rows too (never « Date Horaire… / Total 60 50 » alone on the last page)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from partnerdesk.export.base import Document
    from partnerdesk.export.flowables import data_table
    from tests.export.pdfcheck import reader

    rows = [[f"Ligne {n}", str(n)] for n in range(1, 9)]
    for above in range(150, 240, 3):
        class Probe(Document):
            def title(self):
                return "Probe"

            def story(self):
                return [Spacer(1, above * mm), data_table(["Séance", "Présents"], rows, [120 * mm, 30 * mm],
                                                          self.theme, self.styles, ["l", "r"],
                                                          total=["Total", "36"])]

        pages = [page.extract_text() for page in reader(Probe(samples.identity()).render()).pages]
        last = next(p for p in pages if "Total" in p)
        assert "Ligne" in last, (above, pages)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_period_of_the_dossier_calendar_stays_on_one_line(tmp_path, lang):
    from partnerdesk.domain.documents import CalendarItem
    from partnerdesk.export.dossier import render_dossier
    from partnerdesk.export.dossier import period

    data = dataclasses.replace(samples.dossier(), calendar=[CalendarItem("13 séances", DAYS[0], DAYS[3])])
    with i18n.document_language(lang):
        text = _layout(render_dossier(data, samples.identity()), tmp_path)
        when = period(DAYS[0], DAYS[3], in_words=False)
    assert " ".join(when.replace("\u00a0", " ").split()) in text.replace("\u00a0", " ")
