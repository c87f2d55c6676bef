"""Every field of every editing dialog is watched by the unsaved-typing guard (`EditingDialog`):
each editable child widget is changed as a user would, and the dialog must then say it is
modified (else Escape, Annuler or the close box would throw the change away without a word).
A new EditingDialog subclass must be added to DIALOGS."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
)

from partnerdesk.domain.journal import InteractionData
from partnerdesk.domain.meetings import MeetingData
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import journal, meetings, partners, projects
from partnerdesk.ui.dialogs.affiliation import AffiliationDialog
from partnerdesk.ui.dialogs.interaction import InteractionDialog, new_exchange
from partnerdesk.ui.tabs.balance.meeting_time import MeetingTimeDialog
from partnerdesk.ui.tabs.balance.time_dialog import TimeEntryDialog
from partnerdesk.ui.tabs.conventions.dialogs import NewConventionDialog
from partnerdesk.ui.tabs.conventions.template_dialog import TemplateDialog
from partnerdesk.ui.tabs.projects.dialogs import ReasonDialog
from partnerdesk.ui.unsaved import EditingDialog


def _records():
    mairie = partners.create_organisation(OrganisationData("Mairie de Vitré"))
    ccas = partners.create_organisation(OrganisationData("CCAS de Vitré"))
    project = projects.create_project(ProjectData("Ateliers tablette"))
    projects.add_partner(project.id, mairie.id)
    entry = journal.log_interaction("appel", dt.date(2026, 3, 2), "Appel court", [mairie.id], [])
    return mairie, ccas, project, entry


def _meeting(mairie):
    meeting = meetings.create_meeting(MeetingData("Comité de pilotage", dt.date(2026, 3, 10), start_time="10:00",
                                                  end_time="12:00"))
    return meeting.id


def _template_copy():
    """A French template of the user's copied in English, as Modèles → Dupliquer… opens it."""
    from partnerdesk.services import convention_templates

    base = convention_templates.default_template("fr")
    own = convention_templates.save_template(convention_templates.TemplateData(
        "Modèle de Vitré", "", base.sections, base.epn_engagements, base.partner_engagements))
    return convention_templates.copy_in_other_language(own.id)


DIALOGS = {
    InteractionDialog: [
        lambda m, c, p, e: InteractionDialog(new_exchange([m.id])),
        lambda m, c, p, e: InteractionDialog(journal.get_interaction(e.id)),
    ],
    AffiliationDialog: [lambda m, c, p, e: AffiliationDialog(partners.list_organisations(), "Nouveau poste")],
    ReasonDialog: [lambda m, c, p, e: ReasonDialog("la Mairie de Vitré")],
    TimeEntryDialog: [lambda m, c, p, e: TimeEntryDialog(m.id)],
    MeetingTimeDialog: [lambda m, c, p, e: MeetingTimeDialog(_meeting(m), "Claire")],
    NewConventionDialog: [lambda m, c, p, e: NewConventionDialog(project_id=None)],
    TemplateDialog: [lambda m, c, p, e: TemplateDialog(_template_copy())],
}


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_editing_dialog_is_walked():
    assert set(_subclasses(EditingDialog)) == set(DIALOGS)


def _editable_children(dialog):
    """The fields a user can type in or change (not the line edit inside a combo or a spin box)."""
    for w in dialog.findChildren(object):
        if not hasattr(w, "isVisible") or not w.isVisible() or not w.isEnabled():
            continue
        if isinstance(w, QLineEdit) and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            if not w.isReadOnly():
                yield w
        elif isinstance(w, (QPlainTextEdit, QTextEdit)) and not w.isReadOnly():
            yield w
        elif isinstance(w, (QComboBox, QAbstractSpinBox, QCheckBox, QRadioButton)):
            yield w
        elif isinstance(w, QListWidget) and any(_ticks(w.item(i)) for i in range(w.count())):
            yield w


def _ticks(item) -> bool:
    """An item with a check box shown (flags alone do not show one)."""
    return bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable) and item.data(Qt.ItemDataRole.CheckStateRole) is not None


def _change(qtbot, widget) -> bool:
    """Change `widget` as a user would; False when it offers nothing to change."""
    if isinstance(widget, QLineEdit):
        widget.setFocus()
        qtbot.keyClicks(widget, "Vitre")
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        qtbot.keyClicks(widget, "Vitre")
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            qtbot.keyClicks(widget.lineEdit(), "Vi")
        elif widget.count() > 1:
            widget.setCurrentIndex((widget.currentIndex() + 1) % widget.count())
        else:
            return False
    elif isinstance(widget, QAbstractSpinBox):
        widget.stepUp()
    elif isinstance(widget, (QCheckBox, QRadioButton)):
        widget.click()
    elif isinstance(widget, QListWidget):
        item = next(widget.item(i) for i in range(widget.count()) if _ticks(widget.item(i)))
        item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                           else Qt.CheckState.Checked)
    return True


@pytest.mark.parametrize("dialog_class", list(DIALOGS), ids=lambda c: c.__name__)
def test_every_field_of_an_editing_dialog_is_watched(ctx, qtbot, answers, dialog_class):
    records = _records()
    answers.next = "discard"
    walked = 0
    for factory in DIALOGS[dialog_class]:
        names = [w.objectName() or type(w).__name__ for w in _editable_children(_open(qtbot, factory(*records)))]
        for position, name in enumerate(names):
            dialog = _open(qtbot, factory(*records))
            widget = list(_editable_children(dialog))[position]
            assert not dialog.is_dirty(), f"{dialog_class.__name__} opens modified"
            if not _change(qtbot, widget):
                continue
            walked += 1
            assert dialog.is_dirty(), f"{dialog_class.__name__}: a change in « {name} » is not seen by the guard"
            dialog.reject()
    assert walked, "no field walked"


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog
