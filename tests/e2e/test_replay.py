"""A step that fails until an operator fixes its cause, then a replay: the call completes and the
chunks already transcribed are not transcribed again (rewind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS

pytestmark = pytest.mark.usefixtures("stack")


def test_failed_extraction_is_replayed_by_rewind(tmp_path: Path, stack: None) -> None:
    catalog = tmp_path / "catalog.txt"  # missing at first: extraction cannot run
    host = AppHost(tmp_path, PRODUCT_CATALOG_PATH=str(catalog))
    host.start()
    try:
        host.upload("replay me.mp3", write(conversation(CALLS[3].lines),
                                           tmp_path / "g.mp3").read_bytes())
        failed = host.wait_call("replay me.mp3", timeout=240)
        record = failed["record"]
        assert record["status"] == "failed"
        assert record["failure"]["stage"] == "extract" and record["failure"]["retryable"]
        assert "product catalog" in record["failure"]["reason"]
        instance = record["instanceId"]
        assert host.executions("extract_call", instance) == 5  # every attempt of the policy

        catalog.write_text("Analytics Dashboard\nData Export Module\nRoute Optimizer\n")
        r = host.post(f"/api/calls/{record['id']}/replay")
        assert r.status_code == 202 and r.json()["mode"] == "rewind", r.text
        done = host.wait_call("replay me.mp3", timeout=240)["record"]
        assert done["status"] == "completed"
        assert done["attempts"] == 2 and done["failureHistory"][0]["stage"] == "extract"
        assert [p["value"] for p in done["analysis"]["productsOfInterest"]] == [
            "Analytics Dashboard", "Data Export Module"]
        assert host.executions("transcribe_chunk", instance) == 1  # not transcribed again
        assert host.post(f"/api/calls/{record['id']}/replay").status_code == 409
    finally:
        host.stop()
