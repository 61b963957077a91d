"""Keys: with keys enforced, the Durable API and function-level routes refuse requests without
the right key (401); secrets never reach the log."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess


def test_keys_enforced_on_request(tmp_path: Path) -> None:
    host = HostProcess(APPS / "conformance", tmp_path / "data", extra_args=["--require-keys"],
                       env={"CONFORMANCE_STATE_DIR": str(tmp_path)})
    host.start()
    try:
        keys = json.loads((tmp_path / "data" / "keys.json").read_text())
        system = keys["systemKeys"]["durabletask_extension"]
        function = keys["functionKeys"]["default"]
        durable = f"{host.durable}/instances/"
        assert requests.get(durable, timeout=5).status_code == 401
        assert requests.get(durable, params={"code": "wrong"}, timeout=5).status_code == 401
        assert requests.get(durable, params={"code": function}, timeout=5).status_code == 401
        assert requests.get(durable, params={"code": system}, timeout=5).status_code == 200
        master = keys["masterKey"]
        assert requests.get(durable, params={"code": master}, timeout=5).status_code == 200

        assert requests.get(f"{host.base}/api/items/1", timeout=5).status_code == 401
        assert requests.get(f"{host.base}/api/items/1", timeout=5,
                            headers={"x-functions-key": function}).status_code == 200
        assert requests.get(f"{host.base}/api/anon", timeout=5).status_code == 200

        # the HTTP starter's client binding carries the system key in the management URLs
        r = requests.post(f"{host.base}/api/start/chaining", params={"code": function}, timeout=10)
        assert r.status_code == 202
        status = requests.get(r.json()["statusQueryGetUri"], timeout=5)
        assert status.status_code in (200, 202)
        host.params = {"code": system}
        assert host.wait(r.json()["id"])["runtimeStatus"] == "Completed"
    finally:
        host.stop()
    log = host.log()
    for secret in (system, function, keys["masterKey"]):
        assert secret not in log
