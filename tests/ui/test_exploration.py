"""Randomized exploration of the main window (hypothesis stateful): open cards, type, switch tabs,
save, undo, redo, answer the unsaved-changes question, restore a backup, import, delete, create
sessions, mark to-dos done. After every step: no unexpected-error dialog, no exception in a slot,
and the database passes its integrity and foreign-key checks.

About 300 steps in CI (6 runs of 50); PARTNERDESK_EXPLORE=N runs N times more."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QColorDialog, QDialog, QFileDialog, QInputDialog, QMessageBox

from partnerdesk.domain.conventions import CircuitStep, allowed_targets
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.paths import DataPaths
from partnerdesk.services import backups, conventions, data, partners, projects
from partnerdesk.store import database
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.dialogs import import_wizard as iw
from partnerdesk.ui.dialogs.backups import BackupsDialog
from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects import session_commands
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
from partnerdesk.ui.tabs.todo import commands as todo_commands
from partnerdesk.ui.tabs.todo.tab import TodoTab
from partnerdesk.ui.tasks import SyncTaskRunner
from tests.core.test_imports import DATA

ANSWER = ["discard"]  # what the user answers to "unsaved changes?" (a rule changes it)
PROBLEMS: list[str] = []
STEPS = [0]  # unexpected-error dialogs and exceptions raised in slots

TEXTS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(["", "Hélène L'Hôte", "Dupont & Fils <SARL>", "x" * 250, "n" * 20_001, "=HYPERLINK(\"a\")",
                     "  ", "Œuvre « sociale » — 漢字 🙂", "\x00nul"]),
)


def _message_exec(box) -> int:
    """A message box closes at once (no button clicked: the cautious answer); the unexpected-error
    dialog is recorded as a failure."""
    if box.objectName() == "unexpectedErrorDialog":
        PROBLEMS.append(box.text() + "\n" + (box.detailedText() or ""))
    return 0


@pytest.fixture
def no_modal(monkeypatch):
    """Every modal answers at once (nothing blocks the run); the error dialog is recorded."""
    monkeypatch.setattr(QMessageBox, "exec", _message_exec)
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: __import__("PySide6.QtGui").QtGui.QColor()))
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: ANSWER[0])
    monkeypatch.setattr(prompts, "inform", lambda *a, **k: None)
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(session_commands, "ask_existing_dates", lambda parent, dates: "skip")
    monkeypatch.setattr(session_commands, "confirm_delete", lambda parent, count: True)
    monkeypatch.setattr(todo_commands, "ask_next_step", lambda *a, **k: None)
    monkeypatch.setattr(BackupsDialog, "_ask", lambda self, text: True)
    previous = sys.excepthook
    sys.excepthook = lambda exc_type, exc, tb: PROBLEMS.append(f"{exc_type.__name__}: {exc}")
    yield
    sys.excepthook = previous


class Explorer(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        PROBLEMS.clear()
        ANSWER[0] = "discard"
        self.root = Path(tempfile.mkdtemp(prefix="partnerdesk-explore-"))
        self.paths = DataPaths(self.root / "data").ensure()
        data.open_data(self.paths, daily_backup=False)
        self.empty_backup = backups.backup_now(self.paths)
        org = partners.create_organisation(OrganisationData("Mairie de Saint-Aubin", city="Saint-Aubin"))
        partners.create_person(PersonData("Le Goff", "Anaïs", emails=["anais@mairie.fr"]), org.id, "Adjointe")
        partners.create_organisation(OrganisationData("Collège Jean-Moulin"))
        project = projects.create_project(ProjectData("Ateliers tablette", description="Pour les aînés"))
        projects.add_partner(project.id, org.id)
        self.full_backup = backups.backup_now(self.paths)
        from partnerdesk.ui.main_window import MainWindow

        qsettings = QSettings(str(self.root / "ui.ini"), QSettings.Format.IniFormat)
        self.ctx = AppContext(self.paths, SyncTaskRunner(), qsettings, QUndoStack())
        self.window = MainWindow(self.ctx)
        self.window.resize(1366, 768)

    def teardown(self):
        ANSWER[0] = "discard"
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()
        data.close_data()
        shutil.rmtree(self.root, ignore_errors=True)

    # --- helpers ----------------------------------------------------------------------

    def _ids(self, kind: str) -> list[int]:
        if kind == "organisation":
            return [o.id for o in partners.list_organisations()]
        if kind == "person":
            return [p.id for p in partners.list_people()]
        return [p.id for p in projects.list_projects()]

    def _fields(self):
        tab = self.window.current_tab()
        if isinstance(tab, PartnersTab) and tab.current_card() is not None:
            card = tab.current_card()
            names = ("name", "city", "notes") if card is tab.org_card else ("last_name", "first_name", "notes")
            return [getattr(card, n) for n in names]
        if isinstance(tab, ProjectsTab) and not tab.card.isHidden():
            form = tab.card.form
            return [form.title, form.context, form.description, form.start]
        if isinstance(tab, ConventionsTab) and tab.editor.conv is not None:
            return [tab.editor.title, tab.editor.place]
        return []

    def _editor(self):
        tab = self.window.current_tab()
        if isinstance(tab, PartnersTab):
            return tab.current_card()
        if isinstance(tab, ProjectsTab) and not tab.card.isHidden():
            return tab.card.form
        if isinstance(tab, ConventionsTab) and tab.editor.conv is not None:
            return tab.editor
        return None

    # --- rules ------------------------------------------------------------------------

    @rule(kind=st.sampled_from(["organisation", "person", "project"]), pick=st.integers(0, 20))
    def open_card(self, kind, pick):
        ids = self._ids(kind)
        if ids:
            self.ctx.signals.open_requested.emit(kind, ids[pick % len(ids)])

    @rule(index=st.integers(0, 6))
    def switch_tab(self, index):
        self.window.tabs.setCurrentIndex(index % self.window.tabs.count())

    @rule()
    def new_item(self):
        self.window.new_action.trigger()

    @rule(field=st.integers(0, 3), text=TEXTS)
    def type_text(self, field, text):
        fields = self._fields()
        if fields:
            widget = fields[field % len(fields)]
            (widget.setPlainText if hasattr(widget, "setPlainText") else widget.setText)(text)
            if hasattr(widget, "textEdited"):
                widget.textEdited.emit(widget.text())  # as typed by the user

    @rule()
    def save(self):
        editor = self._editor()
        if editor is not None:
            editor.save()

    @rule()
    def undo(self):
        self.window.undo_menu.undo()

    @rule()
    def redo(self):
        self.window.undo_menu.redo()

    @rule(answer=st.sampled_from(["save", "discard", "cancel"]))
    def choose_answer(self, answer):
        ANSWER[0] = answer

    @rule(full=st.booleans())
    def restore_backup(self, full):
        chosen = self.full_backup if full else self.empty_backup

        def run(dialog):
            rows = [r for r in range(dialog.model.rowCount()) if dialog.model.row_at(r).path == chosen.path]
            if rows:
                dialog.table.selectRow(rows[0])
                dialog.restore_selected()
            return 0

        original = BackupsDialog.exec
        BackupsDialog.exec = run
        try:
            self.window.show_backups()
        finally:
            BackupsDialog.exec = original

    @rule(name=st.sampled_from(["vcard30.vcf", "google.csv", "tableur_fr.csv"]))
    def import_file(self, name):
        def run(wizard):
            for _step in range(3):
                if wizard.next_button.isEnabled():
                    wizard.next_button.click()
            return 0

        original = iw.ImportWizard.exec
        iw.ImportWizard.exec = run
        try:
            self.window.dataio.import_file(DATA / name)
        finally:
            iw.ImportWizard.exec = original

    @rule()
    def delete_current_card(self):
        tab = self.window.current_tab()
        if isinstance(tab, PartnersTab) and tab.current_card() is not None and tab.current_card().item_id:
            card = tab.current_card()
            tab.delete_cards(card.kind, [card.item_id])

    @rule(weeks=st.integers(0, 4))
    def create_sessions(self, weeks):
        tab = self.window.current_tab()
        if isinstance(tab, ProjectsTab) and not tab.card.isHidden() and tab.card.project_id:
            page = tab.card.sessions
            page.first.setText("05/01/2026")
            page.last.setText(f"{5 + 7 * weeks:02d}/01/2026" if weeks < 4 else "")
            page.create_sessions()

    @rule(pick=st.integers(0, 20), stage=st.sampled_from(["premier_contact", "co_construction",
                                                          "convention_signee", "abandonne"]))
    def move_card(self, pick, stage):
        cards = projects.list_cards()
        if cards:
            tab = self.window.tab_of(ProjectsTab)
            tab.board.request_move(cards[pick % len(cards)].id, stage)

    @rule(pick=st.integers(0, 20), new=st.booleans(), amend=st.booleans())
    def convention(self, pick, new, amend):
        tab = self.window.tab_of(ConventionsTab)
        if new:
            orgs = [o.id for o in partners.list_organisations()][:2]
            self.window.show_tab(tab)
            if self.window.current_tab() is tab and tab.can_leave():
                tab.create("Convention explorée", orgs)
            return
        ids = [c.id for c in conventions.list_conventions()]
        if ids:
            self.ctx.signals.open_requested.emit("convention", ids[pick % len(ids)])
            if amend and tab.editor.conv is not None and tab.editor.conv.read_only \
                    and self.window.current_tab() is tab:
                tab.editor.amend("exploration")

    @rule(pick=st.integers(0, 5))
    def convention_status(self, pick):
        tab = self.window.current_tab()
        if isinstance(tab, ConventionsTab) and tab.editor.conv is not None:
            conv = tab.editor.conv
            if not conv.steps and not conv.read_only:
                conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
                tab.editor.load(conv.id)
            targets = allowed_targets(tab.editor.conv.status)
            if targets:
                tab.editor.signed.setText("05/01/2026")
                tab.editor.signed.textEdited.emit("05/01/2026")
                tab.editor.change_status(targets[pick % len(targets)].value)

    @rule()
    def mark_todo_done(self):
        tab = self.window.current_tab()
        if isinstance(tab, TodoTab) and tab.proxy.rowCount():
            tab.table.selectRow(0)
            tab.mark_done()

    # --- what must always hold --------------------------------------------------------------

    @invariant()
    def count_steps(self):
        STEPS[0] += 1

    @invariant()
    def nothing_unexpected(self):
        assert not PROBLEMS, PROBLEMS

    @invariant()
    def database_sound(self):
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_random_exploration_of_the_main_window(qapp, no_modal):
    runs = 6 * max(1, int(os.environ.get("PARTNERDESK_EXPLORE", "1")))
    run_state_machine_as_test(Explorer, settings=settings(
        max_examples=runs, stateful_step_count=50, deadline=None, derandomize="PARTNERDESK_EXPLORE" not in os.environ,
        suppress_health_check=list(HealthCheck), database=None))
    assert STEPS[0] >= 200  # a few hundred steps really ran
