"""The orchestration engine: runs episodes of the SDK's orchestrator handler and records them.

One episode = load history, append OrchestratorStarted and a batch of new events, call the
handler, turn the new actions into history events and work, commit. Each SDK action type has a
small handler (`ACTION_HANDLERS`) that schedules what the action asks for and returns the events
it adds; retry state lives in `RetryBook`/`RetryState`; all SQL is in `store.py`. Task ids are
allocated in the order the SDK allocates them (`_sequence_number`): actions in yield order, and
retry timers / rescheduled attempts at the point their failure or timer event is processed. A
batch therefore ends at the first retry-related event, so that no user action can be numbered
after it by mistake.
"""

from __future__ import annotations

import functools
import json
import logging
import time
import traceback
import uuid
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from azure.functions import meta
from azure.functions.durable_functions import OrchestrationTriggerConverter

from . import entities
from . import history as h
from .app import FunctionInfo, LoadedApp
from .history import Json
from .store import TERMINAL, Instance, Store

log = logging.getLogger("devhost")


def _memoize_sdk_timestamp_parser() -> None:
    """Cache the SDK's history timestamp parser (dateutil's `parse`, a pure function).

    Every episode replays the whole history and the SDK parses each event's Timestamp again, which
    is most of an episode's cost. The cached function returns the same (immutable) datetimes, so the
    SDK behaves identically; only replays get cheaper (O(new events) parses instead of O(history)).
    """
    import importlib

    module = importlib.import_module("azure.durable_functions.models.history.HistoryEvent")

    parse = module.dt_parse
    if not hasattr(parse, "cache_info"):
        module.dt_parse = functools.lru_cache(maxsize=200_000)(parse)  # type: ignore[attr-defined]


_memoize_sdk_timestamp_parser()


class InstanceNotFound(Exception):
    """No instance with that id."""


class InstanceGone(Exception):
    """The instance is in a state that does not allow the operation (HTTP 410)."""


class InstanceExists(Exception):
    """A start with the id of an instance that has not finished, refused because host.json's
    `overridableExistingInstanceStates` is `NonRunningStates` (HTTP 409)."""


@dataclass
class EpisodeResult:
    instance_id: str
    name: str
    status: str
    duration_ms: float
    new_work: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    kind: str = "orchestrator"


class FunctionIndex(Mapping[str, FunctionInfo]):
    """Functions by name, looked up ignoring case as the Durable extension does (its registry of
    orchestrator, activity and entity functions compares names with OrdinalIgnoreCase)."""

    def __init__(self, functions: list[FunctionInfo],
                 name_of: Callable[[FunctionInfo], str] = lambda f: f.name) -> None:
        self._by_name = {name_of(f).lower(): f for f in functions}

    def __getitem__(self, name: str) -> FunctionInfo:
        return self._by_name[name.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)


@dataclass
class RetryState:
    """One call made with a retry policy: what to call again, with which policy, which attempt."""

    kind: str  # "activity" or "orchestration"
    name: str
    input: str | None
    policy: Json
    attempt: int = 1
    child_id: str | None = None
    version: str | None = None

    @classmethod
    def from_json(cls, data: Json) -> RetryState:
        return cls(kind=data["kind"], name=data["name"], input=data.get("input"),
                   policy=data.get("policy") or {}, attempt=int(data.get("attempt", 1)),
                   child_id=data.get("child_id"), version=data.get("version"))

    def to_json(self) -> Json:
        return asdict(self)

    @property
    def rules(self) -> h.RetryPolicy:
        return h.RetryPolicy.from_json(self.policy)

    @property
    def exhausted(self) -> bool:
        return self.attempt >= self.rules.max_attempts

    def next_attempt(self) -> RetryState:
        return replace(self, attempt=self.attempt + 1)


class RetryBook:
    """An instance's retry state, kept in `Instance.state` (so it is saved with the instance):
    calls awaiting their outcome by task id, and retry timers awaiting their fire by timer id."""

    def __init__(self, state: Json) -> None:
        self._calls: dict[str, Json] = state.setdefault("retries", {})
        self._timers: dict[str, Json] = state.setdefault("retry_timers", {})

    def track_call(self, task_id: int, retry: RetryState) -> None:
        self._calls[str(task_id)] = retry.to_json()

    def pop_call(self, task_id: Any) -> RetryState | None:
        data = self._calls.pop(str(task_id), None)
        return RetryState.from_json(data) if data else None

    def track_timer(self, timer_id: int, retry: RetryState) -> None:
        self._timers[str(timer_id)] = retry.to_json()

    def pop_timer(self, timer_id: Any) -> RetryState | None:
        data = self._timers.pop(str(timer_id), None)
        return RetryState.from_json(data) if data else None

    def ends_batch(self, ev: Json) -> bool:
        """A failure of a retried call or the fire of a retry timer: the host numbers new tasks
        at this event, so no later event may be delivered in the same episode."""
        kind = ev["EventType"]
        if kind in (h.TASK_FAILED, h.SUB_ORCHESTRATION_FAILED):
            return str(ev.get("TaskScheduledId")) in self._calls
        if kind == h.TIMER_FIRED:
            return str(ev.get("TimerId")) in self._timers
        return False

    def reset(self, calls: dict[int, RetryState], timers: dict[int, RetryState]) -> None:
        self._calls.clear()
        self._calls.update({str(k): v.to_json() for k, v in calls.items()})
        self._timers.clear()
        self._timers.update({str(k): v.to_json() for k, v in timers.items()})


@dataclass
class ChildStart:
    instance_id: str
    name: str
    input: str | None
    task_id: int
    version: str | None


@dataclass
class Episode:
    """What one episode decides: the history events it adds and the work they imply."""

    inst: Instance
    now: datetime
    retries: RetryBook
    default_version: str | None
    events: list[Json] = field(default_factory=list)
    work: list[tuple[int, str, str | None]] = field(default_factory=list)
    timers: list[Json] = field(default_factory=list)
    children: list[ChildStart] = field(default_factory=list)
    entity_requests: list[tuple[str, Json]] = field(default_factory=list)
    continue_as_new: Json | None = None
    error: str | None = None

    def alloc(self) -> int:
        tid = self.inst.next_event_id
        self.inst.next_event_id += 1
        return tid


# -- action handlers: each schedules what its action asks for and returns the events it adds ----
def _schedule_activity(ep: Episode, tid: int, name: str, input_text: str | None,
                       retry: RetryState | None = None) -> list[Json]:
    extra = {"HostRetry": retry.to_json()} if retry else {}
    ep.work.append((tid, name, input_text))
    if retry:
        ep.retries.track_call(tid, retry)
    return [h.event(h.TASK_SCHEDULED, tid, ep.now, Name=name, Input=input_text, **extra)]


def _schedule_child(ep: Episode, tid: int, name: str, input_text: str | None,
                    child_id: str | None, version: str | None,
                    retry: RetryState | None = None) -> list[Json]:
    child_id = child_id or f"{ep.inst.instance_id}:{tid}"
    if retry:
        if retry.attempt > 1 and retry.child_id:
            child_id = f"{retry.child_id}:{retry.attempt}"
        if retry.child_id is None:
            retry = replace(retry, child_id=child_id)
        ep.retries.track_call(tid, retry)
    version = version or ep.default_version
    extra = {"HostRetry": retry.to_json()} if retry else {}
    ep.children.append(ChildStart(child_id, name, input_text, tid, version))
    return [h.event(h.SUB_ORCHESTRATION_CREATED, tid, ep.now, Name=name, Input=input_text,
                    InstanceId=child_id, Version=version or "", **extra)]


def _retry_of(kind: str, action: Json) -> RetryState:
    return RetryState(kind=kind, name=action["functionName"], input=action.get("input"),
                      policy=action.get("retryOptions") or {}, version=action.get("version"))


def _on_call_activity(ep: Episode, tid: int, action: Json) -> list[Json]:
    return _schedule_activity(ep, tid, action["functionName"], action.get("input"))


def _on_call_activity_with_retry(ep: Episode, tid: int, action: Json) -> list[Json]:
    return _schedule_activity(ep, tid, action["functionName"], action.get("input"),
                              _retry_of("activity", action))


def _on_call_http(ep: Episode, tid: int, action: Json) -> list[Json]:
    return _schedule_activity(ep, tid, HTTP_ACTIVITY, json.dumps(action.get("httpRequest")))


def _on_create_timer(ep: Episode, tid: int, action: Json) -> list[Json]:
    fire_at = action["fireAt"]
    ep.timers.append({"TimerId": tid, "FireAt": fire_at})
    return [h.event(h.TIMER_CREATED, tid, ep.now, FireAt=fire_at)]


def _on_call_sub_orchestrator(ep: Episode, tid: int, action: Json) -> list[Json]:
    return _schedule_child(ep, tid, action["functionName"], action.get("input"),
                           action.get("instanceId"), action.get("version"))


def _on_call_sub_orchestrator_with_retry(ep: Episode, tid: int, action: Json) -> list[Json]:
    return _schedule_child(ep, tid, action["functionName"], action.get("input"),
                           action.get("instanceId"), action.get("version"),
                           _retry_of("orchestration", action))


def _on_entity_operation(ep: Episode, tid: int, action: Json) -> list[Json]:
    """CallEntity / SignalEntity: an EventSent whose Input holds the request; the SDK re-keys a
    call's task by the request id, and the entity's answer comes back as EventRaised(Name=id)."""
    signal = action.get("actionType") == h.SIGNAL_ENTITY
    request = entities.request(action["operation"], action.get("input"), signal,
                               ep.inst.instance_id, ep.inst.execution_id)
    ep.entity_requests.append((action["instanceId"], request))
    return [h.event(h.EVENT_SENT, tid, ep.now, InstanceId=action["instanceId"], Name="op",
                    Input=json.dumps(request))]


ActionHandler = Callable[[Episode, int, Json], list[Json]]

ACTION_HANDLERS: dict[int, ActionHandler] = {
    h.CALL_ACTIVITY: _on_call_activity,
    h.CALL_ACTIVITY_WITH_RETRY: _on_call_activity_with_retry,
    h.CALL_HTTP: _on_call_http,
    h.CREATE_TIMER: _on_create_timer,
    h.CALL_SUB_ORCHESTRATOR: _on_call_sub_orchestrator,
    h.CALL_SUB_ORCHESTRATOR_WITH_RETRY: _on_call_sub_orchestrator_with_retry,
    h.CALL_ENTITY: _on_entity_operation,
    h.SIGNAL_ENTITY: _on_entity_operation,
}


def _follow_up_retry(ep: Episode, last: Json) -> list[Json]:
    """Retry bookkeeping for the last event of a batch, numbered after the episode's actions:
    a failed attempt gets a retry timer; a fired retry timer schedules the next attempt."""
    kind = last["EventType"]
    if kind in (h.TASK_COMPLETED, h.SUB_ORCHESTRATION_COMPLETED):
        ep.retries.pop_call(last.get("TaskScheduledId"))
        return []
    if kind in (h.TASK_FAILED, h.SUB_ORCHESTRATION_FAILED):
        retry = ep.retries.pop_call(last.get("TaskScheduledId"))
        if retry is None:
            return []
        timer_id = ep.alloc()
        fire_at = h.iso(ep.now + retry.rules.delay(retry.attempt))
        ep.timers.append({"TimerId": timer_id, "FireAt": fire_at})
        ep.retries.track_timer(timer_id, retry)
        return [h.event(h.TIMER_CREATED, timer_id, ep.now, FireAt=fire_at,
                        HostRetry=retry.to_json())]
    if kind == h.TIMER_FIRED:
        retry = ep.retries.pop_timer(last.get("TimerId"))
        if retry is None or retry.exhausted or ep.error:
            return []
        retry = retry.next_attempt()
        tid = ep.alloc()
        if retry.kind == "activity":
            return _schedule_activity(ep, tid, retry.name, retry.input, retry)
        return _schedule_child(ep, tid, retry.name, retry.input, None, retry.version, retry)
    return []


class Engine:
    """Durable orchestration semantics over a `Store`; called from one thread."""

    def __init__(self, store: Store, app: LoadedApp, notify: Callable[[], None],
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self.app = app
        self.notify = notify
        self.orchestrators = FunctionIndex(app.of_type("orchestrationTrigger"))
        self.activities = FunctionIndex(app.of_type("activityTrigger"))
        durable = app.durable_settings
        self.default_version: str | None = (str(durable["defaultVersion"])
                                            if durable.get("defaultVersion") else None)
        self.version_match = str(durable.get("versionMatchStrategy", "CurrentOrOlder")).lower()
        self.version_failure = str(durable.get("versionFailureStrategy", "Reject")).lower()
        # AnyState (the default): a start replaces an instance of the same id in any state;
        # NonRunningStates: only one that completed, failed or was terminated.
        self.replace_running = str(durable.get("overridableExistingInstanceStates",
                                               "AnyState")).lower() != "nonrunningstates"
        self.entities = entities.EntityDispatcher(store, app, notify)

    # -- creating instances -------------------------------------------------------------------
    def start_new(self, name: str, instance_id: str | None, input_text: str | None,
                  version: str | None = None) -> Instance:
        instance_id = instance_id or uuid.uuid4().hex
        with self.store.tx() as db:
            existing = self.store.get(instance_id)
            if existing is not None and existing.status not in TERMINAL \
                    and not self.replace_running:
                raise InstanceExists(f"An orchestration instance with the ID '{instance_id}' "
                                     f"and the status {existing.status} already exists.")
            self.store.delete_instance(db, instance_id)
            inst = self._create(db, name, instance_id, input_text,
                                version or self.default_version, None)
        self.notify()
        return inst

    def _create(self, db: Any, name: str, instance_id: str, input_text: str | None,
                version: str | None, parent: tuple[str, str, int] | None) -> Instance:
        now = h.iso(h.utcnow())
        inst = Instance(
            instance_id=instance_id, name=name, execution_id=uuid.uuid4().hex, status="Pending",
            input=input_text, output=None, custom_status=None, created_time=now,
            last_updated_time=now, parent_instance_id=parent[0] if parent else None,
            parent_task_id=parent[2] if parent else None, next_event_id=0, actions_seen=0,
            version=version, state={"parent_execution_id": parent[1]} if parent else {})
        self.store.save(db, inst)
        self._post_event(db, inst, h.event(h.EXECUTION_STARTED, Name=name, Input=input_text,
                                           Version=version or "",
                                           ParentInstance=parent[0] if parent else None))
        return inst

    def _post_event(self, db: Any, inst: Instance, ev: Json, at: float | None = None) -> None:
        self.store.post(db, inst.instance_id, {"execution_id": inst.execution_id, "event": ev},
                        at)

    # -- episodes -------------------------------------------------------------------------------
    def process(self, instance_id: str) -> EpisodeResult | None:
        """Run one episode for `instance_id` (an orchestration or an entity) if it has due
        messages."""
        if entities.is_entity_id(instance_id):
            return self.entities.process(instance_id, self.clock())
        msgs = self.store.due_messages(instance_id, self.clock())
        if not msgs:
            return None
        inst = self.store.get(instance_id)
        if inst is None or inst.status in TERMINAL:
            with self.store.tx() as db:
                self.store.delete_messages(db, [m for m, _ in msgs])
            return None
        batch: list[tuple[int, Json]] = []
        stale: list[int] = []
        retries = RetryBook(inst.state)
        for msg_id, body in msgs:
            exec_id = body.get("execution_id")
            if exec_id and exec_id != inst.execution_id:
                stale.append(msg_id)
                continue
            ev = body["event"]
            if ev["EventType"] == h.TIMER_FIRED:
                ev["Timestamp"] = h.iso(h.utcnow())
            batch.append((msg_id, ev))
            if retries.ends_batch(ev):
                break
        if not batch:
            with self.store.tx() as db:
                self.store.delete_messages(db, stale)
            return None
        mismatch = self._version_mismatch(inst)
        if mismatch and self.version_failure != "fail":
            # Reject: the work item goes back to the queue for a worker of a matching version.
            log.warning("Instance %s not processed: %s; retrying in %.0f s", instance_id,
                        mismatch, VERSION_REJECT_DELAY)
            with self.store.tx() as db:
                self.store.delete_messages(db, stale)
                self.store.defer_messages(db, [m for m, _ in batch],
                                          self.clock() + VERSION_REJECT_DELAY)
            return None
        return self._episode(inst, batch, stale, mismatch)

    def _version_mismatch(self, inst: Instance) -> str | None:
        """Why this host may not run the instance under host.json `versionMatchStrategy`
        (`None`, `Strict`, `CurrentOrOlder`: the default), or None when it may. Applies once a
        `defaultVersion` is set, as the extension's version check compares against it."""
        if self.default_version is None or self.version_match == "none":
            return None
        order = h.compare_versions(inst.version, self.default_version)
        if self.version_match == "strict" and order != 0:
            return (f"the orchestration version '{inst.version or ''}' does not match the "
                    f"worker version '{self.default_version}'")
        if self.version_match == "currentorolder" and order > 0:
            return (f"the orchestration version '{inst.version}' is greater than the worker "
                    f"version '{self.default_version}'")
        return None

    def _run_handler(self, inst: Instance, past: list[Json],
                     new: list[Json]) -> tuple[Json, str | None]:
        fn = self.orchestrators.get(inst.name)
        if fn is None:
            return {"isDone": False, "actions": []}, (
                f"The function '{inst.name}' doesn't exist, is disabled, or is not an "
                "orchestrator function.")
        ctx = {
            "history": [dict(e, IsPlayed=True) for e in past]
            + [dict(e, IsPlayed=False) for e in new],
            "input": inst.input, "instanceId": inst.instance_id, "isReplaying": False,
            "parentInstanceId": inst.parent_instance_id,
            "upperSchemaVersion": h.UPPER_SCHEMA_VERSION,
            "upperSchemaVersionNew": h.UPPER_SCHEMA_VERSION_NEW,
        }
        context = OrchestrationTriggerConverter.decode(
            meta.Datum(type="string", value=json.dumps(ctx)), trigger_metadata=None)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                out = fn.user_function(context)
            except Exception as exc:  # the SDK's way of reporting an orchestrator failure
                message, state = h.split_orchestrator_error(str(exc))
                return state or {"isDone": False, "actions": []}, message or type(exc).__name__
            finally:
                for w in caught:
                    if "duplicate Task completion" in str(w.message):
                        # A completion that matches no task: the host's ids are out of step.
                        log.error("Task id mismatch in %s (%s): %s", inst.name, inst.instance_id,
                                  w.message)
                    else:
                        log.debug("SDK warning in %s: %s", inst.name, w.message)
        state = json.loads(out) if isinstance(out, str) else out
        return state, None

    def _decide(self, inst: Instance, state: Json, error: str | None, last: Json,
                now: datetime) -> Episode:
        """Turn the handler's new actions (and the batch's retry follow-up) into an `Episode`."""
        ep = Episode(inst, now, RetryBook(inst.state), self.default_version, error=error)
        flat = h.flatten_actions(state.get("actions") or [])
        for fa in flat[inst.actions_seen:]:
            kind = fa.action.get("actionType")
            if kind == h.CONTINUE_AS_NEW_ACTION:
                ep.continue_as_new = fa.action
                continue
            if not fa.consumes_id:
                continue
            tid = ep.alloc()
            handler = ACTION_HANDLERS.get(kind)  # type: ignore[arg-type]
            if handler is None:
                ep.error = ep.error or f"devhost does not support action type {kind}"
                continue
            ep.events += handler(ep, tid, fa.action)
        inst.actions_seen = len(flat)
        ep.events += _follow_up_retry(ep, last)
        return ep

    def _episode(self, inst: Instance, batch: list[tuple[int, Json]], stale: list[int],
                 refused: str | None = None) -> EpisodeResult:
        t0 = time.perf_counter()
        now = h.utcnow()
        past = self.store.history(inst.instance_id)
        new_events = [h.event(h.ORCHESTRATOR_STARTED, ts=now)] + [ev for _, ev in batch]
        if refused is None:
            state, error = self._run_handler(inst, past, new_events)
        else:  # versionFailureStrategy Fail: the instance fails without running
            state, error = {"isDone": False, "actions": []}, refused[0].upper() + refused[1:]
        ep = self._decide(inst, state, error, batch[-1][1], now)
        error = ep.error

        custom = state.get("customStatus")
        if custom is not None:
            inst.custom_status = json.dumps(custom)
        terminal_event: Json | None = None
        if error is not None:
            inst.status = "Failed"
            inst.output = json.dumps(f"Orchestrator function '{inst.name}' failed: {error}")
            terminal_event = h.event(h.EXECUTION_COMPLETED, ts=now, OrchestrationStatus="Failed",
                                     Result=inst.output, FailureDetails={"ErrorMessage": error})
        elif state.get("isDone") and ep.continue_as_new is not None:
            inst.status = "Running"
        elif state.get("isDone"):
            inst.status = "Completed"
            inst.output = json.dumps(state.get("output"))
            terminal_event = h.event(h.EXECUTION_COMPLETED, ts=now,
                                     OrchestrationStatus="Completed", Result=inst.output)
        else:
            inst.status = "Running"
        inst.last_updated_time = h.iso(h.utcnow())
        episode = new_events + ep.events + [h.event(h.ORCHESTRATOR_COMPLETED, ts=h.utcnow())]
        if terminal_event:
            episode.insert(-1, terminal_event)

        with self.store.tx() as db:
            self.store.delete_messages(db, [m for m, _ in batch] + stale)
            if ep.continue_as_new is not None and error is None:
                self._continue_as_new(db, inst, ep.continue_as_new.get("input"))
            else:
                self.store.append_history(db, inst.instance_id, len(past), episode)
                self.store.save(db, inst)
                for tid, name, input_text in ep.work:
                    self.store.add_work(db, inst.instance_id, inst.execution_id, tid, name,
                                        input_text)
                for timer in ep.timers:
                    fire = h.parse_iso(timer["FireAt"]).timestamp()
                    self._post_event(db, inst, h.event(h.TIMER_FIRED, **timer), fire)
                for child in ep.children:
                    self.store.delete_instance(db, child.instance_id)
                    self._create(db, child.name, child.instance_id, child.input, child.version,
                                 (inst.instance_id, inst.execution_id, child.task_id))
                for entity_id, request in ep.entity_requests:
                    self.entities.post(db, entity_id, request)
                if inst.status in TERMINAL:
                    self._finish(db, inst)
        self.notify()
        return EpisodeResult(inst.instance_id, inst.name, inst.status,
                             (time.perf_counter() - t0) * 1000, len(ep.work), error)

    def _continue_as_new(self, db: Any, inst: Instance, input_text: str | None) -> None:
        inst.execution_id = uuid.uuid4().hex
        inst.input = input_text
        inst.next_event_id = 0
        inst.actions_seen = 0
        inst.state = {k: v for k, v in inst.state.items() if k == "parent_execution_id"}
        self.store.replace_history(db, inst.instance_id, [])
        self.store.delete_work(db, inst.instance_id)
        self.store.save(db, inst)
        self._post_event(db, inst, h.event(h.EXECUTION_STARTED, Name=inst.name, Input=input_text,
                                           Version=inst.version or ""))

    def _finish(self, db: Any, inst: Instance) -> None:
        """A terminal instance: drop its pending work and tell its parent."""
        self.store.delete_work(db, inst.instance_id)
        self.store.delete_inbox(db, inst.instance_id)
        if not inst.parent_instance_id:
            return
        parent = self.store.get(inst.parent_instance_id)
        if parent is None:
            return
        if inst.status == "Completed":
            ev = h.event(h.SUB_ORCHESTRATION_COMPLETED, TaskScheduledId=inst.parent_task_id,
                         Result=inst.output)
        else:
            reason = h.load_json(inst.output)
            ev = h.event(h.SUB_ORCHESTRATION_FAILED, TaskScheduledId=inst.parent_task_id,
                         Reason=str(reason), Details=f"Sub-orchestration '{inst.instance_id}' "
                         f"ended {inst.status}")
        self.store.post(db, parent.instance_id,
                        {"execution_id": inst.state.get("parent_execution_id"), "event": ev})

    # -- activity results ----------------------------------------------------------------------
    def complete_work(self, work: Any, result: str | None, failure: tuple[str, str] | None) -> bool:
        """Record an activity's outcome; False when the work item was gone (terminated/purged)."""
        with self.store.tx() as db:
            if not self.store.finish_work(db, work["work_id"]):
                return False
            if failure is None:
                ev = h.event(h.TASK_COMPLETED, TaskScheduledId=work["task_id"], Result=result)
            else:
                ev = h.event(h.TASK_FAILED, TaskScheduledId=work["task_id"], Reason=failure[0],
                             Details=failure[1])
            self.store.post(db, work["instance_id"],
                            {"execution_id": work["execution_id"], "event": ev})
        self.notify()
        return True

    # -- management operations ------------------------------------------------------------------
    def _require(self, instance_id: str) -> Instance:
        inst = self.store.get(instance_id)
        if inst is None:
            raise InstanceNotFound(instance_id)
        return inst

    def _append(self, db: Any, inst: Instance, events: list[Json]) -> None:
        start = len(self.store.history(inst.instance_id))
        self.store.append_history(db, inst.instance_id, start, events)

    def raise_event(self, instance_id: str, name: str, input_text: str | None) -> None:
        inst = self._require(instance_id)
        if inst.status in TERMINAL:
            raise InstanceGone(f"instance is {inst.status}")
        with self.store.tx() as db:
            self.store.post(db, instance_id, {"event": h.event(h.EVENT_RAISED, Name=name,
                                                                Input=input_text)})
        self.notify()

    def terminate(self, instance_id: str, reason: str) -> None:
        inst = self._require(instance_id)
        if inst.status in TERMINAL:
            raise InstanceGone(f"instance is {inst.status}")
        inst.status = "Terminated"
        inst.output = json.dumps(reason)
        inst.last_updated_time = h.iso(h.utcnow())
        with self.store.tx() as db:
            self._append(db, inst, [h.event(h.EXECUTION_TERMINATED, Input=reason)])
            self.store.save(db, inst)
            self._finish(db, inst)
        self.notify()

    def suspend(self, instance_id: str, reason: str) -> None:
        self._set_suspended(instance_id, reason, True)

    def resume(self, instance_id: str, reason: str) -> None:
        self._set_suspended(instance_id, reason, False)

    def _set_suspended(self, instance_id: str, reason: str, suspend: bool) -> None:
        inst = self._require(instance_id)
        if inst.status in TERMINAL:
            raise InstanceGone(f"instance is {inst.status}")
        if suspend == (inst.status == "Suspended"):
            return
        inst.status = "Suspended" if suspend else "Running"
        inst.last_updated_time = h.iso(h.utcnow())
        kind = h.EXECUTION_SUSPENDED if suspend else h.EXECUTION_RESUMED
        with self.store.tx() as db:
            self._append(db, inst, [h.event(kind, Reason=reason)])
            self.store.save(db, inst)
        self.notify()

    def purge(self, instance_id: str) -> int:
        with self.store.tx() as db:
            return self.store.delete_instance(db, instance_id)

    def restart(self, instance_id: str, new_id: bool) -> Instance:
        inst = self._require(instance_id)
        return self.start_new(inst.name, uuid.uuid4().hex if new_id else instance_id, inst.input,
                              inst.version)

    def rewind(self, instance_id: str, reason: str) -> None:
        """Resume a Failed instance from before the failure that ended it.

        The history is cut at the episode that delivered the first failure which reached the
        orchestrator; completions after that point are delivered again as new events, failed
        activities run again, failed sub-orchestrations are rewound. Completed work is kept.
        """
        inst = self._require(instance_id)
        if inst.status != "Failed":
            raise InstanceGone(f"only Failed instances can be rewound (this one is {inst.status})")
        events = self.store.history(instance_id)
        scheduled = {e["EventId"]: e for e in events
                     if e["EventType"] in (h.TASK_SCHEDULED, h.SUB_ORCHESTRATION_CREATED,
                                           h.TIMER_CREATED)}
        cut = len(events)
        for i, e in enumerate(events):
            if e["EventType"] in (h.TASK_FAILED, h.SUB_ORCHESTRATION_FAILED):
                retry = scheduled.get(e["TaskScheduledId"], {}).get("HostRetry")
                if retry is None or RetryState.from_json(retry).exhausted:
                    cut = i
                    break
            if e["EventType"] == h.EXECUTION_COMPLETED:
                cut = i
                break
        boundary = max((i + 1 for i, e in enumerate(events[:cut])
                        if e["EventType"] == h.ORCHESTRATOR_COMPLETED), default=0)
        kept, rest = events[:boundary], events[boundary:]
        kept_ids = {e["EventId"] for e in kept if e["EventType"] in (
            h.TASK_SCHEDULED, h.SUB_ORCHESTRATION_CREATED, h.TIMER_CREATED)}
        redeliver = [e for e in rest if (
            e["EventType"] in (h.TASK_COMPLETED, h.SUB_ORCHESTRATION_COMPLETED)
            and e["TaskScheduledId"] in kept_ids) or (
            e["EventType"] == h.TIMER_FIRED and e["TimerId"] in kept_ids) or (
            e["EventType"] == h.EVENT_RAISED)]
        done = {e.get("TaskScheduledId", e.get("TimerId")) for e in kept + redeliver
                if e["EventType"] in (h.TASK_COMPLETED, h.TASK_FAILED, h.TIMER_FIRED,
                                      h.SUB_ORCHESTRATION_COMPLETED, h.SUB_ORCHESTRATION_FAILED)}
        pending = [scheduled[i] for i in sorted(kept_ids - done)]
        inst.status = "Running"
        inst.output = None
        inst.next_event_id = max(kept_ids, default=-1) + 1
        RetryBook(inst.state).reset(
            calls={e["EventId"]: RetryState.from_json(e["HostRetry"]) for e in pending
                   if e["EventType"] != h.TIMER_CREATED and e.get("HostRetry")},
            timers={e["EventId"]: RetryState.from_json(e["HostRetry"]) for e in pending
                    if e["EventType"] == h.TIMER_CREATED and e.get("HostRetry")})
        inst.state["rewinds"] = inst.state.get("rewinds", 0) + 1
        state, _ = self._run_handler(inst, kept, [h.event(h.ORCHESTRATOR_STARTED)])
        inst.actions_seen = len(h.flatten_actions(state.get("actions") or []))
        inst.last_updated_time = h.iso(h.utcnow())
        rewind_children: list[str] = []
        with self.store.tx() as db:
            self.store.replace_history(db, instance_id, kept)
            self.store.delete_inbox(db, instance_id)
            self.store.delete_work(db, instance_id)
            self.store.save(db, inst)
            for e in pending:
                if e["EventType"] == h.TASK_SCHEDULED:
                    self.store.add_work(db, instance_id, inst.execution_id, e["EventId"],
                                        e["Name"], e.get("Input"))
                elif e["EventType"] == h.TIMER_CREATED:
                    self._post_event(db, inst, h.event(h.TIMER_FIRED, TimerId=e["EventId"],
                                                       FireAt=e["FireAt"]),
                                     h.parse_iso(e["FireAt"]).timestamp())
                else:
                    child = self.store.get(e["InstanceId"])
                    if child is None:
                        self._create(db, e["Name"], e["InstanceId"], e.get("Input"),
                                     e.get("Version") or None,
                                     (instance_id, inst.execution_id, e["EventId"]))
                    elif child.status == "Failed":
                        child.state["parent_execution_id"] = inst.execution_id
                        self.store.save(db, child)
                        rewind_children.append(child.instance_id)
                    elif child.status == "Completed":
                        redeliver.append(h.event(h.SUB_ORCHESTRATION_COMPLETED,
                                                 TaskScheduledId=e["EventId"], Result=child.output))
            for e in redeliver:
                self._post_event(db, inst, e)
        for child_id in rewind_children:
            self.rewind(child_id, reason)
        log.info("Rewound instance %s (%s): %d task(s) to run again", instance_id, reason,
                 len(pending))
        self.notify()


HTTP_ACTIVITY = "BuiltIn::HttpActivity"

# Seconds before a work item refused for its version is offered again.
VERSION_REJECT_DELAY = 5.0


def describe_failure(name: str, exc: BaseException) -> tuple[str, str]:
    """TaskFailed Reason and Details for an activity exception."""
    reason = f"Activity function '{name}' failed: {type(exc).__name__}: {exc}"
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return reason, details


def instance_status(inst: Instance, store: Store, show_input: bool = True,
                    show_history: bool = False, show_history_output: bool = False) -> Json:
    """The status JSON of the Durable HTTP API."""
    body: Json = {
        "name": inst.name, "instanceId": inst.instance_id, "runtimeStatus": inst.status,
        "input": h.load_json(inst.input) if show_input else None,
        "customStatus": h.load_json(inst.custom_status),
        "output": h.load_json(inst.output),
        "createdTime": inst.created_time[:19] + "Z",
        "lastUpdatedTime": inst.last_updated_time[:19] + "Z",
    }
    if show_history:
        body["historyEvents"] = h.status_events_view(store.history(inst.instance_id),
                                                     show_history_output, show_input)
    return body


def parse_time_arg(text: str | None) -> str | None:
    if not text:
        return None
    return h.iso(h.parse_iso(text))

