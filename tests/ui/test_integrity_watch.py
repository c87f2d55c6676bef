"""The full integrity check runs after start, in the background; damage found then is
reported with the start-up's own offer of the newest good backup."""

from __future__ import annotations

import sqlite3

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, data, health, partners
from partnerdesk.store.health import DAMAGED, DatabaseState
from partnerdesk.ui import integrity_watch
from partnerdesk.ui.tabs.partners.tab import PartnersTab


def test_full_check_reads_a_healthy_database(store):
    assert health.full_check(store) is None


def test_full_check_finds_what_the_quick_check_misses(paths):
    """An index that no longer matches its table: only the full check looks."""
    data.open_data(paths, daily_backup=False)
    data.close_data()
    con = sqlite3.connect(paths.db_path)
    con.executescript("""
        CREATE TABLE probe (v TEXT, w TEXT);
        CREATE INDEX probe_v ON probe (v);
        INSERT INTO probe VALUES ('a', 'x'), ('b', 'y'), ('c', 'z');
        PRAGMA writable_schema = ON;
        UPDATE sqlite_master SET sql = 'CREATE INDEX probe_v ON probe (w)' WHERE name = 'probe_v';
    """)
    con.commit()
    con.close()
    quick = sqlite3.connect(paths.db_path).execute("PRAGMA quick_check").fetchall()
    assert quick == [("ok",)]
    state = health.full_check(paths)
    assert state is not None and state.kind == DAMAGED and state.reason


def test_damage_found_after_start_offers_the_backup_then_reloads(window, qtbot, monkeypatch):
    partners.create_organisation(OrganisationData(name="Avant"))
    backups.backup_now(window.ctx.paths)
    partners.create_organisation(OrganisationData(name="Après"))
    tab = window.tab(PartnersTab)
    window.show_tab(tab)
    assert tab.proxy.rowCount() == 2
    monkeypatch.setattr(health, "full_check", lambda paths: DatabaseState(DAMAGED, "row 7 missing from index"))
    offered = []

    def offer(paths, text):  # what the start-up dialog would show, answered "restore"
        offered.append(text)
        backups.restore(paths, backups.newest_good(paths).path, reopen=False)
        return True

    integrity_watch.check_in_background(window, window.ctx.paths, offer=offer)
    assert offered and "row 7 missing from index" in offered[0]
    assert "damaged" in offered[0].lower()
    assert [o.name for o in partners.list_organisations()] == ["Avant"]  # reopened on the backup
    assert tab.proxy.rowCount() == 1  # the views reloaded


def test_refusing_the_backup_keeps_the_data_open(window, monkeypatch):
    partners.create_organisation(OrganisationData(name="Gardée"))
    monkeypatch.setattr(health, "full_check", lambda paths: DatabaseState(DAMAGED, "page 12 never used"))
    offered = []
    integrity_watch.check_in_background(window, window.ctx.paths, offer=lambda p, text: offered.append(text))
    assert offered
    assert [o.name for o in partners.list_organisations()] == ["Gardée"]


def test_healthy_database_asks_nothing(window, monkeypatch):
    offered = []
    integrity_watch.check_in_background(window, window.ctx.paths, offer=lambda p, text: offered.append(text))
    assert offered == []


def test_after_the_window_both_checks_and_cleaning_run_unawaited(window, monkeypatch):
    calls = []
    monkeypatch.setattr(health, "full_check", lambda paths: calls.append("check"))
    monkeypatch.setattr(data, "remove_leftovers", lambda paths: calls.append("leftovers") or [])
    integrity_watch.after_window_shown(window, window.ctx.paths)
    assert calls == ["check", "leftovers"]
    assert not window.ctx.tasks.busy()


def test_the_days_backup_is_made_of_checked_data_only(window, monkeypatch):
    calls = []
    monkeypatch.setattr(data, "remove_leftovers", lambda paths: [])
    monkeypatch.setattr(data, "make_daily_backup", lambda folder, today=None: calls.append("backup"))
    folder = data.current()
    monkeypatch.setattr(health, "full_check", lambda paths: calls.append("check"))
    integrity_watch.after_window_shown(window, window.ctx.paths, folder)
    assert calls == ["check", "backup"]
    calls.clear()
    from partnerdesk.ui.dialogs import startup

    monkeypatch.setattr(startup, "offer_restore", lambda paths, text: calls.append("offer") or False)
    monkeypatch.setattr(health, "full_check", lambda paths: calls.append("check") or DatabaseState(DAMAGED, "bad"))
    integrity_watch.after_window_shown(window, window.ctx.paths, folder)  # damaged, the offer declined
    assert calls == ["check", "offer"]  # no backup of damaged data


def test_the_days_backup_is_made_after_the_check_and_its_failure_is_a_notice(window, monkeypatch):
    import errno

    from partnerdesk import i18n
    from partnerdesk.store import backup as store_backup

    monkeypatch.setattr(data, "remove_leftovers", lambda paths: [])
    integrity_watch.after_window_shown(window, window.ctx.paths, data.current())
    assert store_backup.list_backups(window.ctx.paths.backups_dir)[0].kind == "daily"  # made, checked
    for old in window.ctx.paths.backups_dir.glob("*daily*"):
        old.unlink()

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_backup, "create_backup", full)
    i18n.set_language("fr")
    integrity_watch.after_window_shown(window, window.ctx.paths, data.current())
    assert any("sauvegarde automatique du jour a échoué" in t and "Le disque est plein" in t
               and "No space left" not in t for t in window.notices.texts())  # in French, saying what to do


def test_upkeep_waits_until_the_lists_on_show_are_filled(qtbot):
    """`when_idle`: the upkeep starts once the awaited tasks (the lists) have been applied."""
    import threading

    from partnerdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    gate = threading.Event()
    seen = []
    runner.run(lambda _h: gate.wait(10), lambda _r: seen.append("list filled"))
    background = runner.run(lambda _h: gate.wait(10))
    background.awaited = False  # upkeep already running is not waited for
    runner.when_idle(lambda: seen.append("upkeep"))
    qtbot.wait(50)
    assert seen == []
    gate.set()
    qtbot.waitUntil(lambda: seen == ["list filled", "upkeep"], timeout=5000)
    runner.when_idle(lambda: seen.append("at once"))
    assert seen[-1] == "at once"
    runner.wait()
    runner.shutdown()  # the window has closed: nothing more starts, idle or not
    runner.when_idle(lambda: seen.append("after the exit"))
    assert "after the exit" not in seen


def test_the_upkeep_waits_a_moment_after_the_lists_are_filled(window, qtbot, monkeypatch):
    """The first paint of the filled lists has the machine to itself; the upkeep follows."""
    calls = []
    monkeypatch.setattr(health, "full_check", lambda paths: calls.append("check"))
    monkeypatch.setattr(data, "remove_leftovers", lambda paths: calls.append("leftovers") or [])
    integrity_watch.after_window_shown(window, window.ctx.paths, delay_ms=integrity_watch.UPKEEP_DELAY_MS)
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["check", "leftovers"], timeout=3000)


def test_a_window_closed_before_the_upkeeps_turn_starts_nothing(window, qtbot, monkeypatch):
    """Its tasks would open the data open now (another folder, in tests and after a restore)."""
    calls = []
    monkeypatch.setattr(health, "full_check", lambda paths: calls.append("check"))
    monkeypatch.setattr(data, "remove_leftovers", lambda paths: calls.append("leftovers") or [])
    integrity_watch.after_window_shown(window, window.ctx.paths, delay_ms=integrity_watch.UPKEEP_DELAY_MS)
    window.close()
    qtbot.wait(integrity_watch.UPKEEP_DELAY_MS + 200)
    assert calls == []


def test_nothing_starts_after_the_runner_is_shut_down(qtbot):
    """A timer firing after the window's exit would open whatever data is open by then."""
    from partnerdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    ran = []
    runner.shutdown()
    runner.run(lambda _handle: ran.append("task"))
    qtbot.wait(50)
    runner.wait()
    assert ran == [] and not runner.busy()
