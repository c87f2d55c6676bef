"""Pagination rules shared by every document, measured: page fill, closing boxes, split tables."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk import i18n
from partnerdesk.export.attendance import AttendanceSheetDocument
from partnerdesk.export.pagination import MIN_FILL
from tests.export import samples
from tests.export.generated import text_problems
from tests.export.pdfcheck import reader, text
from tests.tools.all_documents import documents_of


def test_every_demo_document_fills_its_pages_and_writes_correct_french(demo_store):
    low, wrong, count = [], [], 0
    for name, _kind, rendered in documents_of(demo_store, dt.date(2026, 11, 30), sessions_per_project=1,
                                              organisations=10):
        count += 1
        if any(fill < MIN_FILL for fill in rendered.page_fill[:-1]):
            low.append((name, [round(f, 2) for f in rendered.page_fill]))
        wrong += [f"{name}: {p}" for p in text_problems(text(rendered.pdf))]
    assert count > 60
    assert low == []
    assert wrong == []


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("names", [0, 5, 11, 12, 13, 14, 20, 27, 28, 29, 30, 45, 60, 61, 75])
def test_the_closing_box_of_an_attendance_sheet_ends_the_last_page_of_names(names, french):
    data = samples.attendance(names=names)
    document = AttendanceSheetDocument(data, samples.identity())
    pages = reader(document.render()).pages
    last = pages[-1].extract_text()
    assert "Signature de l’animateur" in last or "Signature de l'animateur" in last
    assert "Nom et prénom" in last  # names (or lines to sign) on the same page as the box
    assert all(fill >= MIN_FILL for fill in document.page_fill[:-1])
    assert len(pages) == 1 or names > 12
