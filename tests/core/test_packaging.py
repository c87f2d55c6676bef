"""The packaging files stay consistent with the code (no build here: PyInstaller is not a dependency)."""

import configparser
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging/linux/fr.epn.PartnerDesk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "partnerdesk" and section["Type"] == "Application"


def test_metainfo_parses():
    tree = ET.parse(ROOT / "packaging/linux/fr.epn.PartnerDesk.metainfo.xml")
    assert tree.getroot().findtext("id") == "fr.epn.PartnerDesk"


def test_spec_ships_migrations_and_resources():
    spec = (ROOT / "packaging/partnerdesk.spec").read_text()
    assert '"migrations"' in spec and '"resources"' in spec


def test_wheel_ships_resources_and_migrations(tmp_path):
    """A built wheel carries the fonts, catalogues and numbered migrations."""
    uv = subprocess.run(["uv", "build", "--wheel", "-o", str(tmp_path), "-q"], cwd=ROOT,
                        capture_output=True, text=True)
    assert uv.returncode == 0, uv.stderr
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "partnerdesk/store/migrations/0001_foundation.py" in names
    assert any(n.startswith("partnerdesk/_resources/fonts/DejaVuSans") for n in names)
    assert any(n.startswith("partnerdesk/_resources/locale/fr/") for n in names)
