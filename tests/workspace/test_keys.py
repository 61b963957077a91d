"""With keys enforced, the workspace API refuses requests without a key, takes the function key,
keeps the retention run for the master key, and no answer carries a key or a connection string."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from devstack import services
from tests.helpers.app_host import AppHost

pytestmark = pytest.mark.usefixtures("stack")


def test_the_api_needs_a_key_and_never_shows_one(tmp_path: Path) -> None:
    host = AppHost(tmp_path, RETENTION_DAYS="3650")
    host.extra_args.append("--require-keys")
    host.start()
    try:
        keys = json.loads((host.data_dir / "keys.json").read_text())
        function, master = keys["functionKeys"]["default"], keys["masterKey"]
        for method, path in (("get", "/api/v1/calls"), ("get", "/api/v1/insights"),
                             ("get", "/api/v1/export"), ("get", "/api/v1/calls/x/audio"),
                             ("delete", "/api/v1/calls/x"), ("post", "/api/v1/uploads"),
                             ("post", "/api/v1/retention/run")):
            assert requests.request(method, host.base + path, timeout=30).status_code == 401
        up = requests.post(f"{host.base}/api/v1/uploads", params={"name": "k.mp3"}, data=b"x" * 99,
                           headers={"x-functions-key": function}, timeout=30)
        assert up.status_code == 201
        call_id = up.json()["callId"]
        answers = [up.text]
        for path in ("/api/v1/calls", f"/api/v1/calls/{call_id}", "/api/v1/insights"):
            r = requests.get(host.base + path, headers={"x-functions-key": function}, timeout=60)
            assert r.status_code in (200, 404), r.text
            answers.append(r.text)
        assert requests.post(f"{host.base}/api/v1/retention/run", timeout=60,
                             headers={"x-functions-key": function}).status_code == 401
        run = requests.post(f"{host.base}/api/v1/retention/run", timeout=60,
                            headers={"x-functions-key": master})
        assert run.status_code == 200 and run.json()["deleted"] == []
        secrets = [function, master, keys["systemKeys"]["durabletask_extension"],
                   services.COSMOS_KEY, "AccountKey", "sig="]
        assert not [s for s in secrets for a in answers if s in a]
    finally:
        host.stop()


def test_behind_app_service_authentication_the_signed_in_user_is_required_and_recorded(
        tmp_path: Path) -> None:
    host = AppHost(tmp_path, WORKSPACE_AUTH="platform")
    host.start()
    try:
        user = {"X-MS-CLIENT-PRINCIPAL-ID": "00000000-1111", "X-MS-CLIENT-PRINCIPAL-NAME":
                "sam@example.com"}
        assert requests.get(f"{host.base}/api/v1/calls", timeout=30).status_code == 401
        up = requests.post(f"{host.base}/api/v1/uploads", params={"name": "p.mp3"},
                           data=b"x" * 99, headers=user, timeout=30)
        assert up.status_code == 201, up.text
        call_id = up.json()["callId"]
        deadline = time.monotonic() + 240
        view: dict[str, Any] = {}
        while time.monotonic() < deadline:
            r = requests.get(f"{host.base}/api/v1/calls/{call_id}", headers=user, timeout=30)
            view = r.json() if r.status_code == 200 else {}
            if view and view["record"]["status"] == "failed" and \
                    view["orchestration"]["runtimeStatus"] == "Failed":
                break
            time.sleep(0.3)
        assert view and view["record"]["status"] == "failed", (view, host.log()[-2000:])
        fix = requests.post(f"{host.base}/api/v1/calls/{call_id}/corrections", headers=user,
                            json={"field": "company", "value": "Acme", "by": "someone else"},
                            timeout=30)
        assert fix.status_code == 200, fix.text
        assert [c["by"] for c in fix.json()["corrections"]] == ["sam@example.com"]
        gone = requests.delete(f"{host.base}/api/v1/calls/{call_id}", headers=user, timeout=60)
        assert gone.status_code == 200 and gone.json()["actor"] == "sam@example.com"
    finally:
        host.stop()
