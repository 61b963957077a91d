"""Pure Durable Task history logic: event construction, action flattening, retry delays.

No I/O here. Event and action shapes follow DTFx and the Python SDK (see
shared/docs/durable-protocol.md); the numbering rules are the SDK's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

Json = dict[str, Any]
"""A JSON object: a history event, an action, a request message."""

# DTFx EventType codes.
EXECUTION_STARTED = 0
EXECUTION_COMPLETED = 1
EXECUTION_FAILED = 2
EXECUTION_TERMINATED = 3
TASK_SCHEDULED = 4
TASK_COMPLETED = 5
TASK_FAILED = 6
SUB_ORCHESTRATION_CREATED = 7
SUB_ORCHESTRATION_COMPLETED = 8
SUB_ORCHESTRATION_FAILED = 9
TIMER_CREATED = 10
TIMER_FIRED = 11
ORCHESTRATOR_STARTED = 12
ORCHESTRATOR_COMPLETED = 13
EVENT_SENT = 14
EVENT_RAISED = 15
CONTINUE_AS_NEW = 16
GENERIC_EVENT = 17
EXECUTION_SUSPENDED = 19
EXECUTION_RESUMED = 20

EVENT_NAMES = {
    0: "ExecutionStarted", 1: "ExecutionCompleted", 2: "ExecutionFailed", 3: "ExecutionTerminated",
    4: "TaskScheduled", 5: "TaskCompleted", 6: "TaskFailed", 7: "SubOrchestrationInstanceCreated",
    8: "SubOrchestrationInstanceCompleted", 9: "SubOrchestrationInstanceFailed",
    10: "TimerCreated", 11: "TimerFired", 12: "OrchestratorStarted", 13: "OrchestratorCompleted",
    14: "EventSent", 15: "EventRaised", 16: "ContinueAsNew", 17: "GenericEvent",
    19: "ExecutionSuspended", 20: "ExecutionResumed",
}

# SDK action types.
CALL_ACTIVITY = 0
CALL_ACTIVITY_WITH_RETRY = 1
CALL_SUB_ORCHESTRATOR = 2
CALL_SUB_ORCHESTRATOR_WITH_RETRY = 3
CONTINUE_AS_NEW_ACTION = 4
CREATE_TIMER = 5
WAIT_FOR_EXTERNAL_EVENT = 6
CALL_ENTITY = 7
CALL_HTTP = 8
SIGNAL_ENTITY = 9
WHEN_ANY = 11
WHEN_ALL = 12

# Replay schema the host advertises: V3 without long-timer settings, as for DTS / MSSQL.
UPPER_SCHEMA_VERSION = 1
UPPER_SCHEMA_VERSION_NEW = 2


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(ts: datetime) -> str:
    """DTFx timestamp text: ISO 8601 in UTC with a trailing Z."""
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def event(event_type: int, event_id: int = -1, ts: datetime | None = None, **fields: Any) -> Json:
    """A history event as the SDK reads it (IsPlayed is set when the history is sent)."""
    ev = {"EventType": event_type, "EventId": event_id, "IsPlayed": False,
          "Timestamp": iso(ts or utcnow())}
    ev.update(fields)
    return ev


@dataclass(frozen=True)
class FlatAction:
    """One atomic action in the order the SDK numbers its tasks."""

    action: Json
    consumes_id: bool


def flatten_actions(actions: list[Any]) -> list[FlatAction]:
    """Flatten the SDK's cumulative action list depth-first, the order `_add_to_open_tasks` uses.

    V1 sends a list of lists; V2+ one flat list whose compound actions carry `compoundActions`.
    External-event waits are keyed by name and take no sequence number; everything else does.
    """
    out: list[FlatAction] = []

    def walk(item: Any) -> None:
        if isinstance(item, list):
            for sub in item:
                walk(sub)
            return
        kind = item.get("actionType")
        if kind in (WHEN_ALL, WHEN_ANY):
            for sub in item.get("compoundActions", []):
                walk(sub)
            return
        out.append(FlatAction(item, kind not in (WAIT_FOR_EXTERNAL_EVENT, CONTINUE_AS_NEW_ACTION)))

    walk(actions)
    return out


@dataclass(frozen=True)
class RetryPolicy:
    """DTFx RetryOptions as they arrive in `retryOptions` (only two fields from the Python SDK)."""

    first_interval_ms: int
    max_attempts: int
    backoff_coefficient: float = 1.0
    max_interval_ms: int | None = None

    @classmethod
    def from_json(cls, data: Json) -> RetryPolicy:
        return cls(
            first_interval_ms=int(data.get("firstRetryIntervalInMilliseconds", 1000)),
            max_attempts=int(data.get("maxNumberOfAttempts", 1)),
            backoff_coefficient=float(data.get("backoffCoefficient", 1.0) or 1.0),
            max_interval_ms=(int(data["maxRetryIntervalInMilliseconds"])
                             if data.get("maxRetryIntervalInMilliseconds") else None),
        )

    def delay(self, failed_attempt: int) -> timedelta:
        """Delay before the attempt after `failed_attempt` (1-based), as DTFx computes it."""
        ms = self.first_interval_ms * (self.backoff_coefficient ** (failed_attempt - 1))
        if self.max_interval_ms is not None:
            ms = min(ms, self.max_interval_ms)
        return timedelta(milliseconds=ms)


def _system_version(text: str) -> tuple[int, ...] | None:
    """`System.Version.TryParse`: two to four dot-separated non-negative integers."""
    parts = text.split(".")
    if not 2 <= len(parts) <= 4 or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def compare_versions(a: str | None, b: str | None) -> int:
    """Order two orchestration versions as the Durable extension does (-1, 0, 1): empty versions
    are equal and older than any other; two `System.Version`s compare by component; otherwise
    case-insensitive string order."""
    if not a or not b:
        return (1 if a else 0) - (1 if b else 0)
    va, vb = _system_version(a), _system_version(b)
    if va is not None and vb is not None:
        return (va > vb) - (va < vb)
    la, lb = a.lower(), b.lower()
    return (la > lb) - (la < lb)


def json_text(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def load_json(text: str | None) -> Any:
    if text is None or text == "":
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


OUT_OF_PROC_MARKER = "$OutOfProcData$:"


def split_orchestrator_error(message: str) -> tuple[str, Json | None]:
    """Split an SDK orchestrator exception into the user's message and the state JSON."""
    if OUT_OF_PROC_MARKER not in message:
        return message, None
    text, _, state = message.partition(OUT_OF_PROC_MARKER)
    try:
        return text.strip(), json.loads(state)
    except ValueError:
        return text.strip(), None


def status_events_view(events: list[Json], show_output: bool,
                       show_input: bool = True) -> list[Json]:
    """History events as Azure's status API shows them (`showHistory=true`).

    As the Durable extension's status conversion does (`DurableClient`
    `GetDurableOrchestrationStatusAsync`): event types by name; OrchestratorStarted/Completed
    dropped; a TaskScheduled or SubOrchestrationInstanceCreated folded into its completed or failed
    event, which gains `FunctionName` and `ScheduledTime` (one still running stays, with its
    `Name`); `EventId`, `IsPlayed`, `TaskScheduledId`, `TimerId` dropped; inputs dropped and
    results shown only with `showHistoryOutput`, parsed as JSON. Newer extensions also carry the
    scheduled call's `Input` onto the completion event with `showHistoryOutput` (and `showInput`,
    which defaults to true). Host-internal fields (retry state) never appear.
    """
    scheduled: dict[tuple[int, int], tuple[int, Json]] = {}
    folded: set[int] = set()
    out: list[Json | None] = []
    opener = {TASK_COMPLETED: TASK_SCHEDULED, TASK_FAILED: TASK_SCHEDULED,
              SUB_ORCHESTRATION_COMPLETED: SUB_ORCHESTRATION_CREATED,
              SUB_ORCHESTRATION_FAILED: SUB_ORCHESTRATION_CREATED}
    for ev in events:
        kind = ev["EventType"]
        if kind in (ORCHESTRATOR_STARTED, ORCHESTRATOR_COMPLETED):
            continue
        view: Json = {"EventType": EVENT_NAMES.get(kind, str(kind)),
                                "Timestamp": ev["Timestamp"]}
        if kind in (TASK_SCHEDULED, SUB_ORCHESTRATION_CREATED):
            scheduled[(kind, ev["EventId"])] = (len(out), ev)
            view["Name"] = ev.get("Name")
            if kind == SUB_ORCHESTRATION_CREATED:
                view["InstanceId"] = ev.get("InstanceId")
        elif kind in opener:
            match = scheduled.get((opener[kind], ev.get("TaskScheduledId", -1)))
            if match is not None:
                index, start = match
                folded.add(index)
                view["FunctionName"] = start.get("Name")
                view["ScheduledTime"] = start["Timestamp"]
                if show_output and show_input and start.get("Input") is not None:
                    view["Input"] = load_json(start.get("Input"))
            if kind in (TASK_FAILED, SUB_ORCHESTRATION_FAILED):
                view["Reason"] = ev.get("Reason")
                view["Details"] = ev.get("Details")
            elif show_output:
                view["Result"] = load_json(ev.get("Result"))
        elif kind == EXECUTION_STARTED:
            view["FunctionName"] = ev.get("Name")
            if show_output and show_input and ev.get("Input") is not None:
                view["Input"] = load_json(ev.get("Input"))
        elif kind == EXECUTION_COMPLETED:
            view["OrchestrationStatus"] = ev.get("OrchestrationStatus")
            if ev.get("FailureDetails"):
                view["FailureDetails"] = ev["FailureDetails"]
            if show_output:
                view["Result"] = load_json(ev.get("Result"))
        elif kind in (TIMER_CREATED, TIMER_FIRED):
            view["FireAt"] = ev.get("FireAt")
        elif kind == EVENT_RAISED:
            view["Name"] = ev.get("Name")
        elif kind == EVENT_SENT:
            view["InstanceId"] = ev.get("InstanceId")
            view["Name"] = ev.get("Name")
            if show_output:
                view["Input"] = ev.get("Input")
        elif kind in (EXECUTION_SUSPENDED, EXECUTION_RESUMED):
            view["Reason"] = ev.get("Reason")
        out.append(view)
    return [v for i, v in enumerate(out) if i not in folded and v is not None]
