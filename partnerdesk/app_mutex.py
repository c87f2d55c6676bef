"""The named mutex that tells the Windows installer PartnerDesk is running.

The Inno Setup script lists the same name in `AppMutex=`: installing or uninstalling
while the app (or its command-line twin) runs asks the user to close it first, instead
of failing to replace files in use. On other systems this does nothing.
"""

from __future__ import annotations

import sys

# Also in packaging/windows/partnerdesk.iss (AppMutex); tests/core/test_packaging.py checks both agree.
MUTEX_NAME = "PartnerDesk.fr.epn.PartnerDesk"

_handles: list[int] = []  # kept for the life of the process: Windows frees them at exit


def hold(kernel32=None) -> bool:
    """Create the mutex in the session and global namespaces; True when one was created."""
    if kernel32 is None:
        if sys.platform != "win32":
            return False
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    for name in (MUTEX_NAME, "Global\\" + MUTEX_NAME):
        handle = kernel32.CreateMutexW(None, False, name)
        if handle:
            _handles.append(handle)
    return bool(_handles)
