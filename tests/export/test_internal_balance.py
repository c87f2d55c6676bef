"""The internal PDF "Bilan interne des partenariats": read back, every page marked internal, rendered."""

import datetime as dt

from partnerdesk import i18n
from partnerdesk.services import balance, balance_report, files
from tests.export import pdfcheck


def test_internal_report_of_the_demo(demo_store):
    i18n.set_language("fr")
    year = dt.date.today().year
    pdf, title = balance_report.render_internal(year)
    assert title == f"Bilan interne des partenariats — {year}"
    reader = pdfcheck.reader(pdf)
    for page in reader.pages:
        assert "DOCUMENT INTERNE" in (page.extract_text() or "")
    text = pdfcheck.text(pdf)
    report = balance.internal_report(year)
    for row in report.rows[:5]:
        assert row.name.split()[0] in text
    assert "faut-il accepter ce partenariat" in text
    assert "Non" in text  # the demo's refused grid
    assert "Financeurs principaux" in text
    assert "(s)" not in text
    assert pdfcheck.fonts(pdf) and all("DejaVu" in f for f in pdfcheck.fonts(pdf))
    pages = pdfcheck.rendered_pages(pdf)
    assert pages and all(pdfcheck.ink(p) > 0.01 for p in pages)


def test_internal_report_when_nothing_is_recorded(store):
    """In the documents' language like every other document, whatever the screens' (seen: an
    English review beside a French bilan); the date in words like the others."""
    from partnerdesk.services import settings

    pdf, title = balance_report.render_internal(None)  # the screens are in English here
    text = " ".join(pdfcheck.text(pdf).split())
    assert "Aucun temps, apport ni bénéfice enregistré pour cette période." in text
    assert title == "Bilan interne des partenariats — toutes années confondues"
    assert f"Édité le {long_date_fr(dt.date.today())}" in text
    assert len(pdfcheck.reader(pdf).pages) == 1
    settings.set_(settings.DOCUMENT_LANGUAGE, "en")
    pdf, _title = balance_report.render_internal(2031)
    assert "No time, contribution or benefit recorded for this period." in pdfcheck.text(pdf)


def long_date_fr(day):
    from partnerdesk.domain.grammar import day_month_year

    return day_month_year(day).replace("\u00a0", " ")


def test_many_partners_and_long_names_fit(store):
    from partnerdesk.domain.balance import TimeEntry
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.services import partners

    for n in range(60):
        org = partners.create_organisation(OrganisationData(f"Association n°{n} " + "très " * 30 + "longue")).id
        balance.log_time(TimeEntry(dt.date(2026, 3, 1), 1 + n % 7, organisation_id=org, description="x"))
    pdf, _title = balance_report.render_internal(2026)
    assert len(pdfcheck.reader(pdf).pages) >= 3


def test_table_export_csv_and_ods(demo_store, tmp_path):
    year = dt.date.today().year
    rows = balance.balance_rows(year)
    csv = balance_report.table_bytes("csv", year).decode("utf-8-sig").splitlines()
    assert len(csv) == len(rows) + 1 and csv[0].startswith("Partner;Hours")
    ods = balance_report.table_bytes("ods", year)
    assert ods[:2] == b"PK"
    target = files.write_file(tmp_path / "out" / "bilan.ods", ods)
    assert target.read_bytes() == ods
