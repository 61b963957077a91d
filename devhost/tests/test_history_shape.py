"""`showHistory` in Azure's shape, field by field.

Checked against the Durable extension's status conversion, `DurableClient
.GetDurableOrchestrationStatusAsync` (Azure/azure-functions-durable-extension,
src/WebJobs.Extensions.DurableTask/ContextImplementations/DurableClient.cs): event types by name;
OrchestratorStarted/OrchestratorCompleted removed; TaskScheduled and
SubOrchestrationInstanceCreated removed once their TaskCompleted/TaskFailed or
SubOrchestrationInstance{Completed,Failed} is found, which gains `FunctionName` and
`ScheduledTime` (`AddScheduledEventDataAndAggregate`); `TaskScheduledId`, `EventId`, `IsPlayed`,
TimerFired's `TimerId`, EventRaised's and ExecutionStarted's `Input` removed; ExecutionStarted's
`Name` renamed `FunctionName`; results only with `showHistoryOutput`, parsed as JSON. The
scheduled call's `Input` on the completion event (newer extensions) appears with
`showHistoryOutput` while `showInput` is not false.
"""

from __future__ import annotations

from datetime import datetime

from devhost.tests.hostproc import HostProcess


def _ts(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_chaining_history_with_output(host: HostProcess) -> None:
    iid = host.start_orchestration("chaining")
    body = host.wait(iid, showHistory=True, showHistoryOutput=True)
    events = body["historyEvents"]
    assert [e["EventType"] for e in events] == \
        ["ExecutionStarted", "TaskCompleted", "TaskCompleted", "TaskCompleted",
         "ExecutionCompleted"]
    started, *done, completed = events
    assert set(started) == {"EventType", "Timestamp", "FunctionName"}
    assert started["FunctionName"] == "chaining"
    for event, city in zip(done, ["Tokyo", "Seattle", "London"], strict=True):
        assert set(event) == {"EventType", "Timestamp", "FunctionName", "ScheduledTime",
                              "Result", "Input"}
        assert event["FunctionName"] == "say_hello"
        assert event["Input"] == city
        assert event["Result"] == f"Hello {city}!"
        assert _ts(event["ScheduledTime"]) <= _ts(event["Timestamp"])
    assert set(completed) == {"EventType", "Timestamp", "OrchestrationStatus", "Result"}
    assert completed["OrchestrationStatus"] == "Completed"
    assert completed["Result"] == ["Hello Tokyo!", "Hello Seattle!", "Hello London!"]


def test_history_without_output_has_no_results_or_inputs(host: HostProcess) -> None:
    iid = host.start_orchestration("chaining")
    body = host.wait(iid, showHistory=True)
    for event in body["historyEvents"]:
        assert "Result" not in event and "Input" not in event
        assert not {"EventId", "IsPlayed", "TaskScheduledId", "HostRetry"} & set(event)
    assert [e["FunctionName"] for e in body["historyEvents"]
            if e["EventType"] == "TaskCompleted"] == ["say_hello"] * 3


def test_sub_orchestration_outcomes_carry_the_created_event(host: HostProcess) -> None:
    iid = host.start_orchestration("parent", "shape-sub")
    body = host.wait(iid, showHistory=True, showHistoryOutput=True)
    kinds = [e["EventType"] for e in body["historyEvents"]]
    assert "SubOrchestrationInstanceCreated" not in kinds
    completed = [e for e in body["historyEvents"]
                 if e["EventType"] == "SubOrchestrationInstanceCompleted"]
    failed = [e for e in body["historyEvents"]
              if e["EventType"] == "SubOrchestrationInstanceFailed"]
    assert [e["FunctionName"] for e in completed] == ["chaining", "child_flaky"]
    assert completed[0]["Result"] == ["Hello Tokyo!", "Hello Seattle!", "Hello London!"]
    assert completed[1]["Input"] == {"key": "shape-sub"}
    assert len(failed) == 1 and failed[0]["FunctionName"] == "child_flaky"
    assert set(failed[0]) >= {"Reason", "Details", "ScheduledTime"} and "Result" not in failed[0]
    assert "flaky failure 1" in failed[0]["Reason"]


def test_running_instance_keeps_unmatched_events_without_ids(host: HostProcess) -> None:
    iid = host.start_orchestration("approval", 60)
    body = host.wait(iid, ("Running",), showHistory=True)
    timers = [e for e in body["historyEvents"] if e["EventType"] == "TimerCreated"]
    assert len(timers) == 1 and set(timers[0]) == {"EventType", "Timestamp", "FireAt"}
    host.post(f"/runtime/webhooks/durabletask/instances/{iid}/terminate")
    host.wait(iid)
