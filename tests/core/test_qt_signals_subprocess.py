"""DESIGN.md pitfall 1: some PySide6 builds abort after a few hundred emits."""

import subprocess
import sys
import textwrap


def test_ten_thousand_signal_emits_exit_cleanly():
    code = textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication, QObject, Signal
        class Emitter(QObject):
            changed = Signal(bool)
            moved = Signal(str, int)
        app = QCoreApplication([])
        e = Emitter()
        seen = []
        e.changed.connect(lambda v: seen.append(v))
        e.moved.connect(lambda s, i: None)
        for i in range(10_000):
            e.changed.emit(i % 2 == 0)
            e.moved.emit("x", i)
        assert len(seen) == 10_000
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
