"""Timer triggers on the real clock, through the host.

As azure-webjobs-sdk-extensions' `TimerListener` does: NCRONTAB with seconds first; a failing
run does not stop the schedule; an occurrence interval under a minute is unmonitored by default
(no schedule status); `run_on_startup` runs at once; with `use_monitor` the function sees the
status before the run (`Last` the previous run, .NET's default time before any, `Next` the
occurrence being run) and a restart after a missed occurrence runs once with `IsPastDue` (which
wins over `run_on_startup`). Docs: "Timer trigger for Azure Functions" (NCRONTAB expressions,
useMonitor, runOnStartup).
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess


def runs(state: Path, kind: str) -> list[dict[str, Any]]:
    path = state / "runs.jsonl"
    lines = path.read_text().splitlines() if path.exists() else []
    return [r for r in map(json.loads, lines) if r["kind"] == kind]


def wait_runs(state: Path, kind: str, n: int, timeout: float = 30) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = runs(state, kind)
        if len(found) >= n:
            return found
        time.sleep(0.1)
    raise TimeoutError(f"{kind}: {runs(state, kind)}")


def test_timers_on_schedule_startup_monitor_and_past_due(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    host = HostProcess(APPS / "timers", tmp_path / "data",
                       env={"TIMER_STATE_DIR": str(state), "MONITORED_SCHEDULE": "*/3 * * * * *"})
    host.start()
    try:
        fast = wait_runs(state, "fast", 3)
        monitored = wait_runs(state, "monitored", 2)
    finally:
        host.stop()
    # every two seconds, each run in its own occurrence, none past due, no status (unmonitored)
    slots = [int(r["at"] // 2) for r in fast[:3]]
    assert len(set(slots)) == 3
    assert all(r["past_due"] is False and r["status"] == {} for r in fast)
    assert fast[0]["schedule"] == {"AdjustForDST": True}

    startup, scheduled = monitored[0], monitored[1]
    assert startup["past_due"] is False
    assert startup["status"]["Last"] == "0001-01-01T00:00:00"
    assert startup["status"]["LastUpdated"] == "0001-01-01T00:00:00"
    occurrence = datetime.fromisoformat(scheduled["status"]["Next"])
    assert occurrence.second % 3 == 0 and occurrence.microsecond == 0
    assert scheduled["past_due"] is False
    assert scheduled["at"] >= occurrence.timestamp()  # never before its occurrence
    assert datetime.fromisoformat(scheduled["status"]["Last"]).timestamp() <= scheduled["at"]
    stored = json.loads((tmp_path / "data" / "timers" / "monitored.json").read_text())
    assert set(stored) == {"Last", "Next", "LastUpdated"}

    # down long enough to miss an occurrence: one past-due run on restart (not also run_on_startup)
    time.sleep(max(0.0, datetime.fromisoformat(stored["Next"]).timestamp() - time.time()) + 1)
    before = len(runs(state, "monitored"))
    host.start()
    try:
        after = wait_runs(state, "monitored", before + 1)
        time.sleep(0.5)
    finally:
        host.stop()
    restart = after[before]
    assert restart["past_due"] is True
    assert restart["status"]["Next"] == stored["Next"]
    log = host.log()
    assert log.count("Executed 'Functions.monitored' (timer, on startup") == 1  # first start only
    assert log.count("Executed 'Functions.monitored' (timer, past due") == 1
