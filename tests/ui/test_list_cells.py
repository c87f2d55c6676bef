"""The long lists' fast cell painter (`ui/widgets/list_cells.py`) paints exactly what Qt's own
item delegate paints: the same table is grabbed with each and compared pixel by pixel, with
selected rows, the current cell, overdue partners' colours and dot, texts cut short, a
disabled window, another font, a name that looks like HTML and a text on two lines."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QCommonStyle, QStyledItemDelegate, QStyleFactory, QTableView

from partnerdesk.domain.partners import OrganisationRow, PersonRow
from partnerdesk.ui.models.organisations import OrganisationFilterProxy, OrganisationTableModel
from partnerdesk.ui.models.people import PersonFilterProxy, PersonTableModel
from partnerdesk.ui.style import ComfortStyle
from partnerdesk.ui.widgets.list_cells import SAME_DRAWING, ListCellDelegate, style_name

SELECT_ROWS = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


def organisations() -> list[OrganisationRow]:
    rows = []
    for n in range(1, 41):
        cadence = ("amber", "red", "ok", "none")[n % 4]
        rows.append(OrganisationRow(
            id=n, name=f"Médiathèque Anne-Frank de la ville n°{n}" if n % 5 else "<b>Pas du HTML</b> & Cie",
            kind="association", city="Saint-Étienne-du-Rouvray" if n % 2 else "Lyon", status="partner",
            tags=["numérique", "jeunesse"][: n % 3], last_contact=dt.date(2026, 1, n % 28 + 1),
            next_action=("Relancer pour la convention" if n % 3 else "") if n != 7 else "Relancer\nla mairie",
            cadence=cadence,
            next_due=dt.date(2026, 12, n % 28 + 1)))
    return rows


def table(qtbot, model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.resize(900, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def grab(view, delegate):
    view.setItemDelegate(delegate)
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def assert_same_pixels(view, what: str) -> None:
    fast = ListCellDelegate(view)
    qt_image = grab(view, QStyledItemDelegate(view))
    fast_image = grab(view, fast)
    assert qt_image.size() == fast_image.size()
    differing = [(x, y) for y in range(qt_image.height()) for x in range(qt_image.width())
                 if qt_image.pixel(x, y) != fast_image.pixel(x, y)]
    assert not differing, f"{what}: {len(differing)} pixels differ from Qt's delegate, first at {differing[0]}"


def styles():
    """The styles the fast painter claims to reproduce, alone and behind the app's proxy style."""
    return [pytest.param((name, proxied), id=f"{name}{'-proxied' if proxied else ''}")
            for name in sorted(SAME_DRAWING) for proxied in (False, True)]


@pytest.fixture(params=styles())
def org_view(qtbot, request):
    name, proxied = request.param
    style = QStyleFactory.create(name)
    if proxied:
        style = ComfortStyle(style)
    source = OrganisationTableModel()
    source.set_rows(organisations())
    shown = OrganisationFilterProxy()
    shown.setSourceModel(source)
    view = table(qtbot, shown)
    view.setStyle(style)
    view._style = style  # kept alive with the view
    assert style_name(view.style()) == name
    for col, width in enumerate((220, 110, 110, 65, 110, 105, 150)):
        view.horizontalHeader().resizeSection(col, width)
    return view


def test_cells_as_qt_paints_them(org_view):
    model = org_view.model()
    looks = [model.cell_look(row, col) for row in range(model.rowCount()) for col in range(model.columnCount())]
    # Every cell but the next action on two lines (Qt's delegate paints that one).
    assert [n for n, look in enumerate(looks) if look is None] == [6 * model.columnCount() + 6]
    assert any(look[1] is not None for look in looks) and any(look[3] is not None for look in looks)
    assert_same_pixels(org_view, "plain")


def test_selection_current_cell_and_colours(org_view, qtbot):
    model = org_view.model()
    selection = org_view.selectionModel()
    for row in (0, 1, 2, 5):  # amber, red, ok, then a name with markup
        selection.select(model.index(row, 0), SELECT_ROWS)
    org_view.setFocus()
    selection.setCurrentIndex(model.index(1, 5), QItemSelectionModel.SelectionFlag.NoUpdate)
    assert_same_pixels(org_view, "selected")


def test_cut_texts_disabled_and_other_fonts(org_view):
    org_view.horizontalHeader().resizeSection(0, 70)
    org_view.horizontalHeader().resizeSection(2, 35)
    assert_same_pixels(org_view, "narrow columns")
    org_view.setEnabled(False)
    assert_same_pixels(org_view, "disabled")
    org_view.setEnabled(True)
    font = QFont(org_view.font())
    font.setPointSize(font.pointSize() + 4)
    font.setItalic(True)
    org_view.setFont(font)
    org_view.verticalHeader().setDefaultSectionSize(org_view.fontMetrics().height() + 8)
    assert_same_pixels(org_view, "larger italic font")


def test_a_changed_font_is_not_painted_with_the_old_layout(org_view):
    """The delegate keeps texts laid out and cell layouts: a new font must start afresh."""
    delegate = ListCellDelegate(org_view)
    grab(org_view, delegate)
    font = QFont(org_view.font())
    font.setPointSize(font.pointSize() + 6)
    org_view.setFont(font)
    org_view.verticalHeader().setDefaultSectionSize(org_view.fontMetrics().height() + 8)
    fast_image = grab(org_view, delegate)
    qt_image = grab(org_view, QStyledItemDelegate(org_view))
    assert fast_image == qt_image


def test_people_list(qtbot):
    source = PersonTableModel()
    source.set_rows([PersonRow(n, f"Hélène{n}", "Lefèvre-Dupont", [f"helene{n}@exemple.fr"], ["0612345678"],
                               n % 2 == 0, ["Mairie de Vitré", "Centre social"][: n % 3]) for n in range(1, 30)])
    shown = PersonFilterProxy()
    shown.setSourceModel(source)
    view = table(qtbot, shown)
    assert shown.cell_look(0, 0) is not None
    view.selectionModel().select(shown.index(2, 0), SELECT_ROWS)
    assert_same_pixels(view, "people")


def test_other_styles_are_painted_by_qt(qtbot):
    """A style whose item drawing was not compared (Windows Vista/11, macOS…): Qt paints."""

    class Unknown(QCommonStyle):
        pass

    source = OrganisationTableModel()
    source.set_rows(organisations()[:5])
    asked = []
    source.cell_look = lambda row, col: asked.append((row, col))
    view = table(qtbot, source)
    style = Unknown()
    view.setStyle(style)
    assert style_name(view.style()) not in SAME_DRAWING
    grab(view, ListCellDelegate(view))
    assert not asked


def test_a_model_that_answers_other_looks_is_painted_by_qt(qtbot):
    """A model that may answer a font or an alignment says None: Qt's delegate paints it."""

    class Bold(OrganisationTableModel):
        ANSWERED_ROLES = OrganisationTableModel.ANSWERED_ROLES | {int(Qt.ItemDataRole.FontRole)}

    source = Bold()
    source.set_rows(organisations()[:3])
    assert source.cell_look(0, 0) is None
    view = table(qtbot, source)
    assert_same_pixels(view, "fallback")


def test_a_changed_palette_is_painted_in_its_colours(org_view):
    """Text colours are kept per state: a new palette (a dark theme, say) starts afresh."""
    delegate = ListCellDelegate(org_view)
    org_view.selectionModel().select(org_view.model().index(2, 0), SELECT_ROWS)
    grab(org_view, delegate)
    palette = QPalette(org_view.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#2060c0"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffe080"))
    org_view.setPalette(palette)
    fast_image = grab(org_view, delegate)
    assert fast_image == grab(org_view, QStyledItemDelegate(org_view))


def test_right_to_left_is_painted_by_qt(org_view):
    """Right to left (Qt's -reverse): the text's side and order are Qt's own; the fast painter
    steps aside, also when the direction changes after a first paint."""
    grab(org_view, ListCellDelegate(org_view))
    org_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert_same_pixels(org_view, "right to left")
    delegate = ListCellDelegate(org_view)
    org_view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    grab(org_view, delegate)
    org_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert grab(org_view, delegate) == grab(org_view, QStyledItemDelegate(org_view))
