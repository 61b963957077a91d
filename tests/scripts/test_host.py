"""scripts.host and `make down`: a checkout stops its own host and nothing else."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
import requests

from devhost.tests.hostproc import HostProcess, free_port
from devstack import services
from scripts import host

REPO = Path(__file__).resolve().parents[2]


def _up(base: str) -> bool:
    try:
        return requests.get(f"{base}/admin/host/status", timeout=1).ok
    except requests.RequestException:
        return False


def _wait(predicate: object, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]  # a zero-argument callable
            return True
        time.sleep(0.2)
    return False


def test_make_down_leaves_a_host_of_another_checkout_running(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"CREATE_CONTAINERS": "false", "AzureWebJobsStorage": services.storage_connection(),
           "COSMOS_ENDPOINT": services.cosmos_endpoint()}
    theirs = HostProcess(REPO, tmp_path / "theirs", env=env)  # e.g. another checkout's test host
    theirs.start()
    monkeypatch.setenv("DEVHOST_DIR", str(tmp_path / "ours"))
    port = free_port()
    ours = host.start(port, dict(os.environ, PYTHONPATH=str(REPO), **env))
    try:
        assert _wait(lambda: _up(f"http://127.0.0.1:{port}")), \
            (host.state_dir() / "host.log").read_text()[-3000:]
        assert host.running_pid() == ours.pid

        done = subprocess.run(["make", "-s", "-C", str(REPO), "down"], capture_output=True,
                              text=True, timeout=60,
                              env=dict(os.environ, DEVSTACK_DIR=str(tmp_path / "no-stack")))
        assert done.returncode == 0, done.stderr
        assert "local host: stopped" in done.stdout.splitlines()
        assert ours.wait(20) is not None  # ours is gone ...
        assert not _up(f"http://127.0.0.1:{port}") and not host.pidfile().exists()
        assert _up(theirs.base) and theirs.proc is not None and theirs.proc.poll() is None
    finally:
        if ours.poll() is None:
            ours.kill()
        theirs.stop()


def test_a_stale_pid_file_stops_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEVHOST_DIR", str(tmp_path))
    sleeper = subprocess.Popen(["sleep", "30"], start_new_session=True)  # not a host of ours
    try:
        host.pidfile().write_text(str(sleeper.pid))
        assert host.running_pid() is None
        assert host.stop() is False
        assert sleeper.poll() is None and not host.pidfile().exists()
    finally:
        sleeper.kill()
        sleeper.wait()
