"""The one place that knows where user data, backups, photos, logs and resources live."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "PartnerDesk"
DB_FILENAME = "partnerdesk.sqlite3"
ENV_DATA_DIR = "PARTNERDESK_DATA_DIR"
ENV_CACHE_DIR = "PARTNERDESK_CACHE_DIR"


def platform_data_dir() -> Path:
    """Per-user application data folder, as Qt's QStandardPaths.AppLocalDataLocation
    gives it for an application named PartnerDesk with no organisation name.

    Computed without Qt so that the command line and the core stay headless;
    a UI test checks both agree on this machine.
    """
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_NAME


def platform_cache_dir() -> Path:
    """Per-user folder for what PartnerDesk can always make again (the compiled translations):
    $PARTNERDESK_CACHE_DIR, else the platform's cache folder. Nothing personal is kept there."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / APP_NAME / "cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / APP_NAME
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "partnerdesk"


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """--data-dir wins, then $PARTNERDESK_DATA_DIR, then the platform folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return platform_data_dir()


@dataclass(frozen=True)
class DataPaths:
    """Everything inside one data folder."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def photos_dir(self) -> Path:
        return self.root / "photos"

    @property
    def logos_dir(self) -> Path:
        """Organisations' logos (not people's photos: pruned separately)."""
        return self.root / "logos"

    @property
    def thumbnails_dir(self) -> Path:
        return self.root / "cache" / "thumbnails"

    @property
    def proofs_dir(self) -> Path:
        return self.root / "proofs"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def lock_path(self) -> Path:
        return self.root / "partnerdesk.lock"

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.photos_dir, self.proofs_dir, self.backups_dir, self.logs_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resources_dir() -> Path:
    """`resources/` beside the package in a checkout, `_resources` inside a wheel,
    `sys._MEIPASS/resources` in a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    bundled = here / "_resources"
    if bundled.is_dir():
        return bundled
    return here.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def changelog_path() -> Path:
    """CHANGELOG.md ("Nouveautés"): shipped among the resources of a wheel or a bundle,
    at the top of a checkout."""
    shipped = resource("CHANGELOG.md")
    return shipped if shipped.is_file() else resources_dir().parent / "CHANGELOG.md"
