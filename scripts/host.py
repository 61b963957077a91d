"""This checkout's local Functions host: started with a pid file, stopped by that pid only.

`make up` / `make demo` start it (scripts/demo.py); `make down` (`python -m scripts.host down`)
stops the process group recorded in `.devhost/host.pid` and nothing else, as devstack does for
the emulators: hosts of other checkouts and other users' test hosts are not its business.
`DEVHOST_DIR` moves the state directory (pid file, log, data), e.g. for tests.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def state_dir() -> Path:
    return Path(os.environ.get("DEVHOST_DIR", REPO / ".devhost")).resolve()


def pidfile() -> Path:
    return state_dir() / "host.pid"


def start(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start the host in its own process group and record its pid."""
    state = state_dir()
    state.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-m", "devhost", "start", "--app-dir", str(REPO),
                             "--port", str(port), "--data-dir", str(state)], env=env, cwd=REPO,
                            stdout=(state / "host.log").open("ab"), stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    pidfile().write_text(str(proc.pid))
    return proc


def _is_our_host(pid: int) -> bool:
    """The pid is alive and still this checkout's host (a stale pid file may name another
    process by now)."""
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return True  # no /proc: the pid is all there is to go by
    return b"devhost" in cmdline and str(REPO).encode() in cmdline


def running_pid() -> int | None:
    try:
        pid = int(pidfile().read_text())
    except (OSError, ValueError):
        return None
    return pid if _is_our_host(pid) else None


def stop(timeout: float = 15) -> bool:
    """Stop this checkout's host (its process group). Whether one was running."""
    pid = running_pid()
    if pid is None:
        pidfile().unlink(missing_ok=True)
        return False
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and running_pid() == pid:
        with contextlib.suppress(ChildProcessError):  # reap it if it is our child (the demo)
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.1)
    if running_pid() == pid:
        os.killpg(pid, signal.SIGKILL)
    pidfile().unlink(missing_ok=True)
    return True


def main(argv: list[str]) -> int:
    if argv[:1] == ["down"]:
        print("local host: stopped" if stop() else "local host: not running")
        return 0
    if argv[:1] == ["status"]:
        pid = running_pid()
        print(f"local host: running (pid {pid})" if pid else "local host: stopped")
        return 0
    print("usage: python -m scripts.host down|status", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
