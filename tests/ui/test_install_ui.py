"""What the install work shows in the app: the changelog in About, a newer database refused at start-up."""

from PySide6.QtWidgets import QMessageBox

from partnerdesk import __version__, app as app_module, i18n
from partnerdesk.services import data
from partnerdesk.store import database
from partnerdesk.ui.dialogs import startup
from partnerdesk.ui.dialogs.about import AboutDialog


def test_about_shows_the_changelog(ctx, qtbot):
    dialog = AboutDialog(ctx.paths, 1)
    qtbot.addWidget(dialog)
    text = dialog.changelog.toPlainText()
    assert __version__ in text and "0.1.0" in text
    assert "Nouveautés" not in text.splitlines()[0]  # the file's title is replaced by the dialog's heading
    assert text.index(__version__) < text.index("0.1.0")


def test_newer_database_refused_at_start_up(paths, qapp, monkeypatch):
    i18n.set_language("fr")
    data.open_data(paths, daily_backup=False)
    database.obj.execute_sql(
        "INSERT INTO schema_migration (version, name, applied_at) VALUES (9500, 'future', '2027-01-01')")
    data.close_data()
    shown, offered = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(startup, "offer_restore", lambda *a, **k: offered.append(a))
    assert not app_module.open_with_recovery(paths)  # nothing opened: the caller stops
    assert len(shown) == 1 and "version plus récente de PartnerDesk" in shown[0]
    assert offered == []
    assert database.obj.is_closed()
