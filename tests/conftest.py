"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("PARTNERDESK_DATA_DIR", None)
# the compiled translations go to a throw-away folder, not the developer's ~/.cache
os.environ.setdefault("PARTNERDESK_CACHE_DIR", tempfile.mkdtemp(prefix="partnerdesk-test-cache-"))

import pytest  # noqa: E402

from partnerdesk import i18n  # noqa: E402
from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data  # noqa: E402


@pytest.fixture(autouse=True)
def _english_by_default():
    """Tests run in English unless they switch to French themselves."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "data").ensure()


@pytest.fixture
def store(paths):
    """An opened, migrated, empty data folder."""
    data.open_data(paths, daily_backup=False)
    yield paths
    data.close_data()


@pytest.fixture
def demo_store(store):
    from partnerdesk.services import demo

    demo.fill("small", paths=store)
    return store
