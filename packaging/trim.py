"""What the PyInstaller bundle leaves out (used by packaging/partnerdesk.spec).

PartnerDesk speaks French and English, draws widgets and reads a few image formats: Babel's
other locales, Qt's other translations and the Qt plugins of modules it never loads are
dropped by `wanted()`. Dropping a plugin leaves behind the libraries only it needed (the
print plugin's CUPS and Kerberos, the GTK theme's GTK chain...), so `reachable()` then keeps
only the shared libraries that something kept still links to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePath

KEPT_LANGUAGES = ("fr", "en")
# Babel's locales PartnerDesk formats with (i18n.babel_locale: fr_FR, en_GB) and their parents.
BABEL_LOCALES = ("root", "fr", "fr_FR", "en", "en_001", "en_GB")

# plugins/<folder>: the file stems kept (after an optional "lib" prefix); folders not listed go.
KEPT_PLUGINS = {
    # Wayland desktops run it through XWayland (Qt falls back to xcb): no Wayland client stack.
    "platforms": ("qxcb", "qoffscreen", "qminimal", "qwindows"),
    "platformthemes": ("qxdgdesktopportal",),  # not qgtk3: GTK itself is not bundled, it would not load
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    "imageformats": ("qjpeg", "qgif", "qico", "qsvg", "qwebp"),
    "iconengines": ("qsvgicon",),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
    # no xcbglintegrations: widgets paint without OpenGL
}

# Linux: libraries of the desktop itself, left to the system as PyInstaller already does for libc
# and libGL. They must match the running D-Bus, X server and font configuration (an old bundled
# fontconfig misreads a newer system's configuration), and every desktop has them. The xcb
# utility libraries Qt needs and some systems lack (libxcb-cursor0...) stay in the bundle;
# install.sh names any system library still missing.
SYSTEM_LIBRARIES = re.compile(
    r"^lib(?:dbus-1|systemd|gcrypt|gpg-error|lz4|zstd|cap|glib-2\.0|gthread-2\.0|gobject-2\.0|gio-2\.0|"
    r"gmodule-2\.0|pcre2-8|X11|X11-xcb|Xau|Xdmcp|xcb|xkbcommon|fontconfig|freetype|expat|bsd|md|png16|"
    r"brotlicommon|brotlidec)\.so(?:\.\d+)*$")

_SEP = r"[/\\]"
_BABEL_LOCALE = re.compile(rf"babel{_SEP}locale-data{_SEP}(\w+)\.dat$")
_QT_TRANSLATION = re.compile(rf"PySide6{_SEP}(?:Qt{_SEP})?translations{_SEP}[a-z_]+?_([a-z]{{2}})(?:_[A-Za-z]+)?\.qm$")
_PLUGIN = re.compile(rf"PySide6{_SEP}(?:Qt{_SEP})?plugins{_SEP}([\w-]+){_SEP}(?:lib)?([\w.-]+?)\.(?:so|dll)$")
_SHARED_LIBRARY = re.compile(r"\.(?:so(?:\.[\d.]+)?|dll|pyd)$", re.IGNORECASE)


def wanted(dest: str) -> bool:
    """Keep this file of the bundle? (`dest` is its path inside the bundle.)"""
    if SYSTEM_LIBRARIES.match(dest):  # only at the top of the bundle: never Pillow's own copies
        return False
    match = _BABEL_LOCALE.search(dest)
    if match:
        return match.group(1) in BABEL_LOCALES
    match = _QT_TRANSLATION.search(dest)
    if match:
        return match.group(1) in KEPT_LANGUAGES
    match = _PLUGIN.search(dest)
    if match:
        folder, stem = match.groups()
        return any(stem.startswith(keep) for keep in KEPT_PLUGINS.get(folder, ()))
    return True


def _is_root(dest: str, typecode: str) -> bool:
    """Loaded by Python or Qt by name rather than linked: extension modules, libpython, Qt plugins."""
    name = PurePath(dest).name.lower()
    return (typecode == "EXTENSION" or name.startswith(("libpython", "python3"))
            or _PLUGIN.search(dest) is not None)


def reachable(binaries: Iterable[tuple], imports: Callable[[str], Iterable[str]]) -> tuple[list, list]:
    """Split a PyInstaller TOC of binaries into (kept, dropped): a shared library is kept when
    a root (see `_is_root`) or a kept library links to it, by name. `imports(src)` gives the
    names a file links to. Files that are not shared libraries are always kept."""
    entries = list(binaries)
    by_name: dict[str, list[tuple]] = {}
    for entry in entries:
        by_name.setdefault(PurePath(entry[0]).name.lower(), []).append(entry)
    todo = [e for e in entries if _is_root(e[0], e[2]) or not _SHARED_LIBRARY.search(e[0])]
    kept = {id(e) for e in todo}
    while todo:
        entry = todo.pop()
        for needed in imports(entry[1]):
            for dep in by_name.get(PurePath(needed).name.lower(), ()):
                if id(dep) not in kept:
                    kept.add(id(dep))
                    todo.append(dep)
    return [e for e in entries if id(e) in kept], [e for e in entries if id(e) not in kept]
