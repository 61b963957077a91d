"""Retention through the local host: with RETENTION_DAYS set, calls dated before the cut-off are
deleted everywhere and newer ones kept; the daily timer is registered and scheduled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.cosmos_store import CallStore
from devstack import services
from settings import Settings
from tests.helpers.app_host import AppHost
from tests.workspace.records import record

pytestmark = pytest.mark.usefixtures("stack")


def test_retention_deletes_old_calls_everywhere_and_keeps_new_ones(tmp_path: Path) -> None:
    host = AppHost(tmp_path, RETENTION_DAYS="30")
    host.start()
    try:
        store = CallStore(services.cosmos_endpoint(), services.COSMOS_KEY,
                          host.env["COSMOS_DATABASE"], "calls")
        now = datetime.now(UTC)
        for call_id, age in (("old-1", 400), ("old-2", 31), ("new-1", 29), ("new-2", 1)):
            r = record(call_id, text="hello")
            r.metadata.call_date = now - timedelta(days=age)
            r.metadata.blob_container = host.calls_container
            r.updatedAt = now
            store.upsert(r, None)
            host.upload(r.metadata.blob_name, b"audio")
        running = record("old-running", status="processing")
        running.metadata.call_date = now - timedelta(days=90)
        store.upsert(running, None)

        out = host.post("/api/v1/retention/run")
        assert out.status_code == 200, out.text
        assert out.json()["retentionDays"] == 30
        deleted = {d["callId"]: d for d in out.json()["deleted"]}
        assert set(deleted) == {"old-1", "old-2"}
        assert all(d["actor"] == "retention" and d["recordingDeleted"] and d["recordDeleted"]
                   for d in deleted.values())
        assert sorted(b.name for b in host.blobs.list_blobs()) == ["new-1.mp3", "new-2.mp3"]
        assert store.get("old-1") is None and store.get("old-2") is None
        assert store.get("new-1") is not None and store.get("old-running") is not None
        assert "delete call=old-1 actor=retention" in host.log()
        assert "Timer retention_timer: schedule 0 30 3 * * *" in host.log()
    finally:
        host.stop()


def test_retention_is_off_by_default(tmp_path: Path) -> None:
    host = AppHost(tmp_path)
    host.start()
    try:
        r = host.post("/api/v1/retention/run")
        assert r.status_code == 409 and "RETENTION_DAYS" in r.json()["error"]
    finally:
        host.stop()


@pytest.mark.parametrize(("value", "expected"), [("", None), ("0", None), ("off", None),
                                                 ("90", 90)])
def test_retention_setting(value: str, expected: int | None) -> None:
    assert Settings.model_validate({"RETENTION_DAYS": value}).retention_days == expected
