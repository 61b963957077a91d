"""The support CLI: tables for a person, JSON for scripts, and delete with a confirmation,
against the app under the local host."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from support import cli
from tests.helpers.app_host import AppHost


def test_table_aligns_and_fits_the_width() -> None:
    rows: list[dict[str, object]] = [{"a": "short", "b": 3},
                                     {"a": "a much longer value than the others", "b": None}]
    out = cli.table(rows, (("a", "name"), ("b", "n")), width=20).splitlines()
    assert out[0].split() == ["name", "n"] and set(out[1].replace(" ", "")) == {"-"}
    assert out[2].startswith("short ") and out[3] == "a much longer va…"
    assert all(len(line) <= 20 for line in out)
    assert cli.table([], (("a", "name"),)) == "(none)"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, stack: None) -> Iterator[AppHost]:
    host = AppHost(tmp_path_factory.mktemp("cli"))
    host.start()
    yield host
    host.stop()


@pytest.mark.stack
def test_find_show_and_delete_from_the_terminal(app: AppHost, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CALLINSIGHTS_URL", app.base)
    r = app.post("/api/v1/uploads", params={"name": "terminal.mp3"}, data=b"not audio" * 50)
    call_id = r.json()["callId"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        body = app.get(f"/api/v1/calls/{call_id}").json()
        if body.get("record", {}).get("status") == "failed":
            break
        time.sleep(0.3)

    assert cli.main(["find", "terminal"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["call", "status", "date"]
    assert lines[2].split()[:2] == [call_id, "failed"] and len(lines) == 3

    assert cli.main(["find", "terminal", "--json"]) == 0
    assert [c["callId"] for c in json.loads(capsys.readouterr().out)] == [call_id]

    assert cli.main(["show", call_id]) == 0
    shown = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines()
                 if not line.startswith("status URL"))
    assert shown["status"] == "failed" and shown["failure"].startswith("prepare: ")

    assert cli.main(["find", "--intent", "hot"]) == 1
    assert "intent" in capsys.readouterr().err

    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert cli.main(["delete", call_id]) == 1
    assert "not deleted" in capsys.readouterr().out
    assert app.get(f"/api/v1/calls/{call_id}").status_code == 200

    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert cli.main(["delete", call_id, "--actor", "tester"]) == 0
    report = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines())
    assert report["deleted"] == call_id and report["by"] == "tester"
    assert report["recording"] == "deleted" and report["record"] == "deleted"
    assert app.get(f"/api/v1/calls/{call_id}").status_code == 404
    assert list(app.blobs.list_blobs()) == []
