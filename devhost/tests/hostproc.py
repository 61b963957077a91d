"""Run `python -m devhost start` as a child process for tests, and talk to it over HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

REPO = Path(__file__).resolve().parents[2]


def wait_for(predicate: Callable[[], bool], timeout: float = 30) -> None:
    """Return once `predicate()` holds; TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise TimeoutError


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HostProcess:
    """One devhost process; restartable on the same data directory."""

    def __init__(self, app_dir: Path, data_dir: Path, env: dict[str, str] | None = None,
                 extra_args: list[str] | None = None, log_path: Path | None = None) -> None:
        self.app_dir, self.data_dir = app_dir, data_dir
        self.port, self.rpc_port = free_port(), free_port()
        self.env = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
        self.extra_args = extra_args or []
        self.log_path = log_path or data_dir.parent / f"host-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.base = f"http://127.0.0.1:{self.port}"
        self.durable = f"{self.base}/runtime/webhooks/durabletask"
        self.params: dict[str, str] = {}

    def start(self, timeout: float = 30) -> HostProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "devhost", "start", "--app-dir", str(self.app_dir),
             "--port", str(self.port), "--rpc-port", str(self.rpc_port),
             "--data-dir", str(self.data_dir), *self.extra_args],
            env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"host exited with {self.proc.returncode}: {self.log()[-3000:]}")
            try:
                if requests.get(f"{self.base}/admin/host/status", timeout=1).ok:
                    return self
            except (requests.ConnectionError, requests.Timeout):  # not listening yet, or busy
                time.sleep(0.1)
        self.stop()  # not left running behind a failed test
        raise TimeoutError(f"host not ready: {self.log()[-3000:]}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    # -- Durable HTTP API ---------------------------------------------------------------------
    def start_orchestration(self, name: str, payload: Any = None,
                            instance_id: str | None = None) -> str:
        url = f"{self.durable}/orchestrators/{name}" + (f"/{instance_id}" if instance_id else "")
        r = requests.post(url, json=payload, params=self.params, timeout=10)
        assert r.status_code == 202, r.text
        return str(r.json()["id"])

    def start_orchestration_version(self, name: str, version: str) -> str:
        r = requests.post(f"{self.durable}/orchestrators/{name}",
                          params=dict(self.params, version=version), timeout=10)
        assert r.status_code == 202, r.text
        return str(r.json()["id"])

    def status(self, instance_id: str, **params: Any) -> requests.Response:
        q = dict(self.params, **{k: str(v).lower() for k, v in params.items()})
        return requests.get(f"{self.durable}/instances/{instance_id}", params=q, timeout=10)

    def wait(self, instance_id: str, statuses: tuple[str, ...] = ("Completed", "Failed",
             "Terminated"), timeout: float = 60, **params: Any) -> dict:
        deadline = time.monotonic() + timeout
        body: dict = {}
        while time.monotonic() < deadline:
            r = self.status(instance_id, **params)
            if r.status_code in (200, 202):
                body = r.json()
                if body["runtimeStatus"] in statuses:
                    return body
            time.sleep(0.05)
        raise TimeoutError(f"{instance_id} still {body.get('runtimeStatus')}: {self.log()[-3000:]}")

    def post(self, path: str, **kw: Any) -> requests.Response:
        kw.setdefault("params", self.params)
        return requests.post(self.base + path, timeout=30, **kw)

    def get(self, path: str, **kw: Any) -> requests.Response:
        kw.setdefault("params", self.params)
        return requests.get(self.base + path, timeout=30, **kw)
