"""The packaging files stay consistent with the code and with each other (nothing is built here:
packaging/build does that, and .ci/run runs it)."""

import ast
import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from partnerdesk import __version__, app_mutex
from partnerdesk.paths import changelog_path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ISS = ROOT / "packaging" / "windows" / "partnerdesk.iss"
DESKTOP = LINUX / "fr.epn.PartnerDesk.desktop"
METAINFO = LINUX / "fr.epn.PartnerDesk.metainfo.xml"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


version, trim, icu = _load("version"), _load("trim"), _load("icu")


# --- one version -------------------------------------------------------------------------------

def test_one_version_source_everything_derived():
    assert version.version() == __version__
    run = subprocess.run([sys.executable, "-m", "partnerdesk", "--version"], capture_output=True, text=True)
    assert run.stdout.strip() == f"PartnerDesk {__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in pyproject and 'path = "partnerdesk/__init__.py"' in pyproject
    assert not re.search(r'^version\s*=', pyproject, re.MULTILINE)


def test_windows_version_info_derived():
    """The text PyInstaller evaluates into the exe's version resource (pefile, which reads it, is Windows-only)."""
    numbers = tuple(int(n) for n in __version__.split(".")) + (0,)
    text = version.windows_version_info("partnerdesk-cli", "PartnerDesk")
    ast.parse(text, mode="eval")
    assert re.search(r"filevers=(\([^)]*\))", text).group(1) == str(numbers)
    assert re.search(r"prodvers=(\([^)]*\))", text).group(1) == str(numbers)
    strings = dict(re.findall(r"StringStruct\('(\w+)', '([^']*)'\)", text))
    assert strings["ProductVersion"] == __version__ and strings["FileVersion"] == ".".join(map(str, numbers))
    assert strings["OriginalFilename"] == "partnerdesk-cli.exe"
    spec = (ROOT / "packaging" / "partnerdesk.spec").read_text()
    assert "windows_version_info(" in spec and "version=str(version_file)" in spec


def test_installer_version_read_from_the_exe():
    iss = ISS.read_text(encoding="utf-8-sig")
    assert 'GetStringFileInfo(BundleDir + "\\" + AppExe, "ProductVersion")' in iss
    assert "VersionInfoVersion={#GetVersionNumbersString(" in iss
    assert not re.search(r"\b\d+\.\d+\.\d+\b", iss), "no version number written in the installer script"


def test_metainfo_newest_release_is_this_version():
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases[0].get("version") == __version__
    versions = [r.get("version") for r in releases]
    assert versions == sorted(versions, key=lambda v: tuple(map(int, v.split("."))), reverse=True)


def test_changelog_has_this_version_first():
    text = changelog_path().read_text(encoding="utf-8")
    assert text.startswith("# Nouveautés")
    sections = re.findall(r"^## (\S+)", text, re.MULTILINE)
    assert sections[0] == __version__ and "0.1.0" in sections


# --- Windows installer -------------------------------------------------------------------------

def test_inno_setup_script():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, or ISCC reads the French messages as ANSI"
    iss = raw.decode("utf-8-sig")
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE)
    assert "PrivilegesRequired=lowest" in iss and "DisableProgramGroupPage=yes" in iss
    mutexes = re.search(r"^AppMutex=(.+)$", iss, re.MULTILINE).group(1).split(",")
    assert app_mutex.MUTEX_NAME in mutexes and "Global\\" + app_mutex.MUTEX_NAME in mutexes
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in iss
    for directive in ("LicenseFile", "SetupIconFile"):
        relative = re.search(rf"^{directive}=(.+)$", iss, re.MULTILINE).group(1).replace("\\", "/")
        assert (ISS.parent / relative).resolve().is_file(), directive
    assert "UninstallDisplayIcon={app}\\{#AppExe}" in iss
    assert "Fichier → Exporter toutes les données" in iss
    assert "Box.Checked := False;" in iss and "DelTree(DataFolder()" in iss
    assert "{localappdata}\\PartnerDesk" in iss  # partnerdesk/paths.py's Windows data folder


def test_app_mutex_created_on_windows_only():
    made = []

    class FakeKernel32:
        def CreateMutexW(self, attributes, owned, name):
            made.append(name)
            return len(made)

    assert app_mutex.hold() is (sys.platform == "win32")
    assert app_mutex.hold(FakeKernel32())
    assert made == [app_mutex.MUTEX_NAME, "Global\\" + app_mutex.MUTEX_NAME]


def test_spec_makes_the_console_twin_and_ships_data():
    spec = (ROOT / "packaging" / "partnerdesk.spec").read_text()
    assert 'program("partnerdesk-cli", console=True' in spec
    assert '"migrations"' in spec and '"resources"' in spec and "CHANGELOG.md" in spec and "LICENSE" in spec
    assert 'collect_submodules("partnerdesk"' in spec  # tabs and renderers imported by name (ui/lazy_tabs.py)


def test_release_workflow_steps_are_scripts():
    workflow = (ROOT / ".github" / "workflows" / "release-windows.yml").read_text()
    assert "runs-on: windows-latest" in workflow
    steps = re.findall(r"run: python packaging/build (\S+)", workflow)
    assert steps == ["bundle", "self-test", "package", "report"]
    assert "pytest" in workflow and "upload-artifact" in workflow


# --- trimming ----------------------------------------------------------------------------------

@pytest.mark.parametrize("dest, kept", [
    ("babel/locale-data/fr.dat", True), ("babel/locale-data/fr_FR.dat", True), ("babel/locale-data/en_GB.dat", True),
    ("babel/locale-data/en_001.dat", True), ("babel/locale-data/fr_CA.dat", False), ("babel/locale-data/en_AU.dat", False),
    ("babel/locale-data/root.dat", True), ("babel/locale-data/de.dat", False), ("babel/locale-data/frr.dat", False),
    ("PySide6/Qt/translations/qtbase_fr.qm", True), ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/translations/qt_help_zh_CN.qm", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True), ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", True), ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True), ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False), ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("resources/locale/fr/core.po", True),
    ("libfontconfig.so.1", False), ("libdbus-1.so.3", False), ("libglib-2.0.so.0", False), ("libX11.so.6", False),
    ("libxcb.so.1", False), ("libxcb-cursor.so.0", True), ("libxcb-icccm.so.4", True), ("libxkbcommon-x11.so.0", True),
    ("libxcb-9065bb12.so.1.1.0", True), ("pillow.libs/libfreetype-57f805ba.so.6.20.6", True), ("libstdc++.so.6", True),
    ("libpython3.11.so.1.0", True), ("libffi.so.8", True),
])
def test_trim_keeps_french_english_and_needed_plugins(dest, kept):
    assert trim.wanted(dest) is kept


def test_trim_drops_libraries_nothing_kept_links_to():
    toc = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("libcups.so.2", "/s/libcups.so.2", "BINARY"),  # only the dropped print plugin needed it
        ("libkrb5.so.3", "/s/libkrb5.so.3", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),
        ("base_library.zip", "/s/base_library.zip", "DATA"),
    ]
    links = {"/s/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"], "/s/libQt6Gui.so.6": ["libQt6Core.so.6"],
             "/s/libqxcb.so": ["libQt6XcbQpa.so.6"], "/s/libcups.so.2": ["libkrb5.so.3"]}
    kept, dropped = trim.reachable(toc, lambda src: links.get(src, []))
    assert [d[0] for d in dropped] == ["libcups.so.2", "libkrb5.so.3"]
    assert len(kept) == len(toc) - 2


@pytest.mark.parametrize("item, removable", [
    ("de.res", True), ("coll/de_.res", True), ("coll/de__PHONEBOOK.res", True), ("curr/zh_Hant_HK.res", True), ("translit/root.res", True),
    ("ibm-5348_P100-1997.cnv", True), ("brkitr/thaidict.dict", True), ("brkitr/root.res", True),
    ("curr/fr.res", True), ("unit/en.res", True), ("zone/de.res", True),
    ("fr.res", False), ("fr_CA.res", False), ("en_GB.res", False), ("coll/fr.res", False), ("root.res", False),
    ("coll/root.res", False), ("pool.res", False), ("res_index.res", False), ("zone/fr.res", False),
    ("region/en_GB.res", False), ("zone/root.res", False), ("zoneinfo64.res", False), ("nfc.nrm", False), ("coll/ucadata.icu", False),
])
def test_icu_keeps_french_english_and_root_data(item, removable):
    assert icu.removable(item) is removable


# --- Linux desktop integration -------------------------------------------------------------------

def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "partnerdesk" and section["Type"] == "Application"
    assert section["Icon"] == "fr.epn.PartnerDesk"


def test_metainfo_has_icon_urls_screenshots_developer():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "fr.epn.PartnerDesk"
    assert root.findtext("icon") == "fr.epn.PartnerDesk"
    assert {u.get("type") for u in root.findall("url")} >= {"homepage", "bugtracker"}
    assert root.find("developer/name") is not None
    images = [i.text for i in root.findall("screenshots/screenshot/image")]
    assert images
    for url in images:  # the screenshots the metainfo shows are the README's, in the repository
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_desktop_file_validates():
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
    run = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout + run.stderr


def test_metainfo_validates():
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed (Debian package appstream)")
    run = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_linux_scripts_are_valid_shell_and_keep_the_data():
    for script in ("install.sh", "uninstall.sh"):
        assert subprocess.run(["sh", "-n", str(LINUX / script)]).returncode == 0, script
    uninstall = (LINUX / "uninstall.sh").read_text(encoding="utf-8")
    assert "PartnerDesk\"" in uninstall and "conservées" in uninstall
    assert "rm -rf \"$DATA\"" not in uninstall


def test_wheel_ships_resources_migrations_and_changelog(tmp_path):
    """A built wheel carries the fonts, catalogues, icons, changelog and numbered migrations."""
    uv = subprocess.run(["uv", "build", "--wheel", "-o", str(tmp_path), "-q"], cwd=ROOT,
                        capture_output=True, text=True)
    assert uv.returncode == 0, uv.stderr
    wheel = next(tmp_path.glob("*.whl"))
    assert wheel.name.startswith(f"partnerdesk-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    assert "partnerdesk/store/migrations/0001_foundation.py" in names
    assert any(n.startswith("partnerdesk/_resources/fonts/DejaVuSans") for n in names)
    assert any(n.startswith("partnerdesk/_resources/locale/fr/") for n in names)
    assert "partnerdesk/_resources/CHANGELOG.md" in names
    assert "partnerdesk/_resources/icons/png/partnerdesk-256.png" in names


def test_bundle_keeps_every_codec_the_import_offers():
    """The spec's excludes never remove a module an encoding used by imports needs (Shift_JIS needs _codecs_jp)."""
    import codecs
    import types

    from partnerdesk.services.imports import charsets

    spec = (ROOT / "packaging" / "partnerdesk.spec").read_text()
    block = spec[spec.index("excludes=["):spec.index("],", spec.index("excludes=["))]
    excluded = set(re.findall(r'"([\w.]+)"', block))
    assert "readline" in excluded  # the parsing found the list
    for encoding in (*charsets.EASTERN, "cp1252", "iso8859_15", "utf_16"):
        module = sys.modules[codecs.lookup(encoding).incrementaldecoder.__module__]
        needed = {module.__name__} | {m.__name__ for m in vars(module).values() if isinstance(m, types.ModuleType)}
        assert not excluded & needed, (encoding, excluded & needed)
