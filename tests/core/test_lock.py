import subprocess
import sys
import textwrap

from partnerdesk.lock import InstanceLock


def test_second_lock_refused(tmp_path):
    first, second = InstanceLock(tmp_path / "x.lock"), InstanceLock(tmp_path / "x.lock")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_lock_held_by_another_process(tmp_path):
    lock_path = tmp_path / "x.lock"
    code = textwrap.dedent(f"""
        import sys, time
        from partnerdesk.lock import InstanceLock
        lock = InstanceLock({str(lock_path)!r})
        assert lock.acquire()
        print("held", flush=True)
        sys.stdin.readline()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        mine = InstanceLock(lock_path)
        assert not mine.acquire()
        assert mine.holder_pid() == proc.pid
    finally:
        proc.communicate("\n", timeout=10)
    # the lock dies with its process: no stale lock
    assert InstanceLock(lock_path).acquire()
