"""Conformance: what Azure would show for each Durable feature, through the host over HTTP."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import requests

from devhost.tests.conftest import runs
from devhost.tests.hostproc import HostProcess


def _events(body: dict, kind: str) -> list[dict]:
    return [e for e in body["historyEvents"] if e["EventType"] == kind]


def _ts(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_function_chaining_through_http_starter(host: HostProcess) -> None:
    r = host.post("/api/start/chaining")
    assert r.status_code == 202
    payload = r.json()
    assert set(payload) >= {"id", "statusQueryGetUri", "sendEventPostUri", "terminatePostUri",
                            "rewindPostUri", "purgeHistoryDeleteUri", "restartPostUri",
                            "suspendPostUri", "resumePostUri"}
    assert r.headers["Location"] == payload["statusQueryGetUri"]
    body = host.wait(payload["id"], showHistory=True, showHistoryOutput=True)
    assert body["runtimeStatus"] == "Completed"
    assert body["output"] == ["Hello Tokyo!", "Hello Seattle!", "Hello London!"]
    assert [e["FunctionName"] for e in _events(body, "TaskCompleted")] == ["say_hello"] * 3
    assert [e["Result"] for e in _events(body, "TaskCompleted")] == body["output"]
    final = requests.get(payload["statusQueryGetUri"], timeout=10)
    assert final.status_code == 200


def test_status_codes_for_running_and_unknown(host: HostProcess) -> None:
    iid = host.start_orchestration("timer_only", 2)
    running = host.status(iid)
    assert running.status_code == 202 and running.headers.get("Location")
    assert running.json()["runtimeStatus"] in ("Pending", "Running")
    assert host.status("no-such-instance").status_code == 404
    host.wait(iid)


def test_fan_out_runs_in_parallel_bounded_by_host_json(host: HostProcess) -> None:
    iid = host.start_orchestration("fan_out", 10)
    body = host.wait(iid)
    assert body["output"]["sum"] == sum(i * i for i in range(10))
    # host.json sets maxConcurrentActivityFunctions to 4
    assert body["output"]["max_concurrent"] == 4
    assert body["customStatus"] == {"stage": "done", "total": 10}


def test_retry_records_attempts_and_timers_as_dtfx(host: HostProcess, state_dir: Path) -> None:
    spec = {"key": "retry-ok", "fail_times": 2, "attempts": 3, "interval_ms": 500}
    iid = host.start_orchestration("with_retry", spec)
    body = host.wait(iid, showHistory=True, showHistoryOutput=True)
    assert body["runtimeStatus"] == "Completed", body
    assert body["output"] == "ok after 3"
    assert runs(state_dir, "flaky", "retry-ok") == 3
    # Azure's history view folds each TaskScheduled into its outcome (FunctionName, ScheduledTime)
    assert _events(body, "TaskScheduled") == []
    failed = _events(body, "TaskFailed")
    done = _events(body, "TaskCompleted")
    timers = _events(body, "TimerCreated")
    assert len(failed) == 2 and len(done) == 1 and len(timers) == 2
    assert "flaky failure 1" in failed[0]["Reason"]
    assert {e["FunctionName"] for e in failed + done} == {"flaky"}
    for fail, timer, retried in zip(failed, timers, failed[1:] + done, strict=True):
        delay = _ts(timer["FireAt"]) - _ts(fail["Timestamp"])
        assert 0.45 <= delay.total_seconds() <= 1.5
        # each new attempt is scheduled once its retry timer has fired
        assert _ts(retried["ScheduledTime"]) >= _ts(timer["FireAt"])


def test_retry_exhausted_fails_with_reason(host: HostProcess, state_dir: Path) -> None:
    spec = {"key": "retry-never", "fail_times": 99, "attempts": 2, "interval_ms": 100}
    iid = host.start_orchestration("with_retry", spec)
    body = host.wait(iid, showHistory=True)
    assert body["runtimeStatus"] == "Failed"
    assert "flaky failure 2" in body["output"]
    assert runs(state_dir, "flaky", "retry-never") == 2
    # after the last attempt one more timer fires before the failure reaches the orchestrator
    assert len(_events(body, "TimerCreated")) == 2


def test_retries_interleaved_with_fan_out(host: HostProcess, state_dir: Path) -> None:
    iid = host.start_orchestration("retry_then_continue", {"key": "mix", "fail_times": 1})
    body = host.wait(iid)
    assert body["runtimeStatus"] == "Completed", body
    assert body["output"] == ["ok after 2"] * 3 + ["Hello fan!", "Hello after!"]
    for i in range(3):
        assert runs(state_dir, "flaky", f"mix-{i}") == 2


def test_external_event_wins_over_timer(host: HostProcess) -> None:
    iid = host.start_orchestration("approval", 60)
    host.wait(iid, ("Running",))
    r = host.post(f"/runtime/webhooks/durabletask/instances/{iid}/raiseEvent/Approval",
                  json={"by": "ana"})
    assert r.status_code == 202
    body = host.wait(iid)
    assert body["output"] == {"approved": {"by": "ana"}}
    late = host.post(f"/runtime/webhooks/durabletask/instances/{iid}/raiseEvent/Approval", json=1)
    assert late.status_code == 410


def test_timer_fires_on_the_real_clock(host: HostProcess) -> None:
    iid = host.start_orchestration("approval", 1)
    body = host.wait(iid, showHistory=True)
    assert body["output"] == {"approved": None, "timed_out": True}
    fired = _events(body, "TimerFired")
    created = _events(body, "TimerCreated")
    assert len(fired) == 1 and fired[0]["FireAt"] == created[0]["FireAt"]
    late = datetime.fromisoformat(fired[0]["Timestamp"].replace("Z", "+00:00")) - \
        datetime.fromisoformat(created[0]["FireAt"].replace("Z", "+00:00"))
    assert late.total_seconds() >= 0


def test_event_raised_before_the_orchestrator_waits_is_kept(host: HostProcess) -> None:
    iid = host.start_orchestration("approval", 60)
    r = host.post(f"/runtime/webhooks/durabletask/instances/{iid}/raiseEvent/Approval",
                  json="early")
    assert r.status_code == 202
    assert host.wait(iid)["output"] == {"approved": "early"}


def test_sub_orchestrations_with_retry(host: HostProcess, state_dir: Path) -> None:
    iid = host.start_orchestration("parent", "sub-1")
    body = host.wait(iid, showHistory=True)
    assert body["runtimeStatus"] == "Completed", body
    assert body["output"] == {"a": ["Hello Tokyo!", "Hello Seattle!", "Hello London!"],
                              "b": "ok after 2"}
    # chaining, then child_flaky twice: its first attempt fails and is retried
    assert _events(body, "SubOrchestrationInstanceCreated") == []  # folded into the outcomes
    assert [e["FunctionName"] for e in _events(body, "SubOrchestrationInstanceFailed")] == \
        ["child_flaky"]
    assert [e["FunctionName"] for e in _events(body, "SubOrchestrationInstanceCompleted")] == \
        ["chaining", "child_flaky"]


def test_continue_as_new_restarts_history(host: HostProcess) -> None:
    iid = host.start_orchestration("counter", 0)
    body = host.wait(iid, showHistory=True)
    assert body["runtimeStatus"] == "Completed" and body["output"] == 3
    assert body["input"] == 3
    assert len(_events(body, "TaskCompleted")) == 1


def test_orchestrator_failure_is_failed_with_error_output(host: HostProcess) -> None:
    iid = host.start_orchestration("failing")
    body = host.wait(iid)
    assert body["runtimeStatus"] == "Failed"
    assert "the orchestrator gave up" in body["output"]


def test_terminate_suspend_resume(host: HostProcess) -> None:
    iid = host.start_orchestration("approval", 60)
    host.wait(iid, ("Running",))
    base = f"/runtime/webhooks/durabletask/instances/{iid}"
    assert host.post(base + "/suspend", params={"reason": "hold"}).status_code == 202
    assert host.wait(iid, ("Suspended",))["runtimeStatus"] == "Suspended"
    # an event raised while suspended waits for the resume
    assert host.post(base + "/raiseEvent/Approval", json="while-suspended").status_code == 202
    assert host.status(iid).json()["runtimeStatus"] == "Suspended"
    assert host.post(base + "/resume", params={"reason": "go"}).status_code == 202
    assert host.wait(iid)["output"] == {"approved": "while-suspended"}

    iid2 = host.start_orchestration("approval", 60)
    host.wait(iid2, ("Running",))
    base2 = f"/runtime/webhooks/durabletask/instances/{iid2}"
    assert host.post(base2 + "/terminate", params={"reason": "no longer needed"}).status_code == 202
    body = host.wait(iid2)
    assert body["runtimeStatus"] == "Terminated" and body["output"] == "no longer needed"
    assert host.post(base2 + "/terminate").status_code == 410
    assert host.post("/runtime/webhooks/durabletask/instances/nope/terminate").status_code == 404


def test_rewind_runs_only_the_failed_activity(host: HostProcess, state_dir: Path) -> None:
    spec = {"key": "rewind-1", "fail_times": 1}
    iid = host.start_orchestration("activity_fails", spec)
    assert host.wait(iid)["runtimeStatus"] == "Failed"
    base = f"/runtime/webhooks/durabletask/instances/{iid}"
    assert host.post(base + "/rewind", params={"reason": "fixed"}).status_code == 202
    body = host.wait(iid, ("Completed",))
    assert body["output"] == [1, "ok after 2"]
    assert runs(state_dir, "counted", "rewind-1-a") == 1
    assert host.post(base + "/rewind").status_code == 410


def test_restart_and_purge(host: HostProcess) -> None:
    iid = host.start_orchestration("chaining")
    host.wait(iid)
    r = host.post(f"/runtime/webhooks/durabletask/instances/{iid}/restart")
    assert r.status_code == 202
    new_id = r.json()["id"]
    assert new_id != iid and host.wait(new_id)["runtimeStatus"] == "Completed"
    d = requests.delete(f"{host.durable}/instances/{iid}", timeout=10)
    assert d.status_code == 200 and d.json() == {"instancesDeleted": 1}
    assert host.status(iid).status_code == 404
    assert requests.delete(f"{host.durable}/instances/{iid}", timeout=10).status_code == 404


def test_list_with_filters_and_continuation(host: HostProcess) -> None:
    ids = {host.start_orchestration("chaining", instance_id=f"page-{i}") for i in range(5)}
    for iid in ids:
        host.wait(iid)
    seen: list[str] = []
    token = None
    while True:
        headers: dict[str, str] = {"x-ms-continuation-token": token} if token else {}
        r = requests.get(f"{host.durable}/instances/", headers=headers, timeout=10,
                         params={"instanceIdPrefix": "page-", "top": "2",
                                 "runtimeStatus": "Completed"})
        assert r.status_code == 200
        seen += [b["instanceId"] for b in r.json()]
        token = r.headers.get("x-ms-continuation-token")
        if not token:
            break
    assert sorted(seen) == sorted(ids)
    none = requests.get(f"{host.durable}/instances/", timeout=10,
                        params={"instanceIdPrefix": "page-", "runtimeStatus": "Failed"})
    assert none.json() == []


def test_durable_client_binding_from_app_code(host: HostProcess) -> None:
    iid = host.start_orchestration("approval", 60)
    host.wait(iid, ("Running",))
    status = host.get(f"/api/manage/{iid}/status").json()
    assert status["runtimeStatus"] == "Running" and status["instanceId"] == iid
    assert host.post(f"/api/manage/{iid}/raise", json="via-client").status_code == 202
    assert host.wait(iid)["output"] == {"approved": "via-client"}
    purged = host.post(f"/api/manage/{iid}/purge").json()
    assert purged == {"deleted": 1}

    failed = host.start_orchestration("activity_fails", {"key": "client-rewind", "fail_times": 1})
    assert host.wait(failed)["runtimeStatus"] == "Failed"
    assert host.post(f"/api/manage/{failed}/rewind").status_code == 202
    assert host.wait(failed, ("Completed",))["runtimeStatus"] == "Completed"

    running = host.start_orchestration("approval", 60)
    host.wait(running, ("Running",))
    assert host.post(f"/api/manage/{running}/terminate").status_code == 202
    assert host.wait(running)["runtimeStatus"] == "Terminated"


def test_http_trigger_routes_and_methods(host: HostProcess) -> None:
    assert host.get("/api/items/42").json() == {"id": 42}
    assert host.get("/api/items/abc").status_code == 404
    assert host.post("/api/anon").status_code == 405
    assert host.get("/api/anon").text == "open"


def test_start_of_unknown_orchestrator_is_400(host: HostProcess) -> None:
    r = requests.post(f"{host.durable}/orchestrators/nope", timeout=10)
    assert r.status_code == 400
