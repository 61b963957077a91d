"""The host's execution lines, read back by `devhost.logs.executions`."""

from __future__ import annotations

import time

from devhost import logs
from devhost.tests.hostproc import HostProcess


def test_executions_read_back_from_the_host_log(host: HostProcess) -> None:
    before = time.time()
    iid = host.start_orchestration("fan_out", 3)
    host.wait(iid)
    runs = list(logs.executions(host.log(), iid))
    activities = [e for e in runs if e.kind == "activity"]
    episodes = [e for e in runs if e.kind == "orchestrator"]
    assert [e.name for e in activities] == ["slow_square"] * 3
    assert all(e.outcome == "Succeeded" and e.instance_id == iid for e in activities)
    assert {e.name for e in episodes} == {"fan_out"} and episodes[-1].outcome == "Completed"
    # the first episode schedules the activities, the last one follows them all
    assert before - 0.01 <= episodes[0].start <= min(e.start for e in activities) + 0.01
    assert episodes[-1].start >= max(e.end for e in activities) - 0.01
    assert list(logs.executions(host.log(), "no-such-instance")) == []


def test_lines_are_parsed_from_the_logging_format() -> None:
    text = ("2026-11-27 20:17:41,117 INFO devhost: Executed 'Functions.prepare_audio' (activity, "
            "instance=c-14-28, task=1, 1547.6 ms, Succeeded)\n"
            "2026-11-27 20:17:41,120 INFO devhost: Executed 'Functions.process_call' "
            "(orchestrator, instance=c-14-28, 2.6 ms, Failed (boom, twice), 0 new activities)\n"
            "2026-11-27 20:17:42,000 INFO devhost: Host started on http://127.0.0.1:7071\n")
    act, orch = logs.executions(text)
    assert (act.kind, act.name, act.instance_id, act.outcome) == (
        "activity", "prepare_audio", "c-14-28", "Succeeded")
    assert abs((act.end - act.start) - 1.5476) < 1e-6
    assert (orch.kind, orch.name, orch.outcome) == ("orchestrator", "process_call", "Failed")
    assert abs(orch.end - act.end - 0.003) < 1e-6
