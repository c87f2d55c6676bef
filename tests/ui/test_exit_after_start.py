"""`--exit-after-start` (used by the start-up benchmark and the bundle's checks) reports and quits,
on an empty data folder (welcome page) as on a filled one."""

import os
import textwrap
import subprocess
import sys


def _start(folder):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "partnerdesk", "--data-dir", str(folder), "--exit-after-start"],
                          capture_output=True, text=True, timeout=120, env=env)


def test_reports_and_quits_on_the_welcome_page(tmp_path):
    done = _start(tmp_path / "empty")
    assert done.returncode == 0, done.stderr
    assert "painted_at=" in done.stdout and "usable_at=" in done.stdout


def test_the_lists_queries_start_once_the_window_is_painted(tmp_path):
    """At start the "À faire" query is held until the window's first paint: its Python would share
    the interpreter with the window being built. The review banner's count is not: counted while
    the window is built, the banner is in place at the first paint (no page pushed down after).
    Nothing before the first paint loads the models (peewee's model classes: 10-14 ms)."""
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.paths import DataPaths
    from partnerdesk.services import data, partners
    from partnerdesk.store.models import Organisation

    paths = DataPaths(tmp_path / "data").ensure()
    data.open_data(paths)
    try:
        org = partners.create_organisation(OrganisationData(name="Mairie de Lyon"))
        Organisation.update(verified_on=None).where(Organisation.id == org.id).execute()  # due for review
    finally:
        data.close_data()
    probe = textwrap.dedent("""
        import runpy, sys, time
        from partnerdesk.ui import startup_report
        from partnerdesk.ui.tabs.todo import tab as todo_tab
        seen = []
        real_gather = todo_tab._gather
        def gather(*args, **kwargs):
            seen.append("query")
            return real_gather(*args, **kwargs)
        todo_tab._gather = gather
        from partnerdesk.ui.widgets import review_banner
        real_count = review_banner._count_due
        def slow_count():  # slower than the window's building: only settle() puts it before the paint
            time.sleep(0.15)
            seen.append("count")
            return real_count()
        review_banner._count_due = slow_count
        real_counted = review_banner.ReviewBanner._counted
        review_banner.ReviewBanner._counted = lambda self, n: (seen.append(f"banner {n}"), real_counted(self, n))
        real_filter = startup_report.StartupReport.eventFilter
        def event_filter(self, watched, event):
            if self.painted_at is None and event.type() == event.Type.Paint and watched is self.target:
                seen.append("painted" + (" with the models" if "partnerdesk.store.models" in sys.modules else ""))
            return real_filter(self, watched, event)
        startup_report.StartupReport.eventFilter = event_filter
        real_usable = startup_report.StartupReport._usable
        startup_report.StartupReport._usable = lambda self: (seen.append("usable"), real_usable(self))
        sys.argv = ["partnerdesk", "--data-dir", sys.argv[1], "--exit-after-start"]
        try:
            runpy.run_module("partnerdesk", run_name="__main__")
        except SystemExit:
            pass
        print("SEEN", " ".join(seen))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", probe, str(paths.root)], capture_output=True, text=True,
                          timeout=120, env=env)
    line = next((x for x in done.stdout.splitlines() if x.startswith("SEEN")), done.stderr)
    assert line == "SEEN count banner 1 painted query usable"


def test_an_empty_data_folder_starts_without_the_models(tmp_path):
    probe = textwrap.dedent("""
        import runpy, sys
        sys.argv = ["partnerdesk", "--data-dir", sys.argv[1], "--exit-after-start"]
        try:
            runpy.run_module("partnerdesk", run_name="__main__")
        except SystemExit:
            pass
        print("MODELS", "partnerdesk.store.models" in sys.modules)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for start in ("first", "again"):  # the first start makes the database, the next one opens it
        done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "empty")], capture_output=True,
                              text=True, timeout=120, env=env)
        assert "MODELS False" in done.stdout, (start, done.stdout, done.stderr[-2000:])
