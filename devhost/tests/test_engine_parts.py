"""The engine's small parts: retry state as stored by earlier versions, the case-insensitive
function index, the action handler table."""

from __future__ import annotations

from datetime import timedelta

from devhost import history as h
from devhost.app import FunctionInfo
from devhost.engine import ACTION_HANDLERS, FunctionIndex, RetryBook, RetryState


def _fn(name: str) -> FunctionInfo:
    return FunctionInfo(name=name, trigger_type="activityTrigger", trigger_param="x", trigger=None,
                        user_function=lambda: None)


def test_retry_state_reads_what_earlier_hosts_stored() -> None:
    stored = {"name": "flaky", "input": '{"k": 1}', "kind": "activity", "attempt": 2,
              "policy": {"firstRetryIntervalInMilliseconds": 250, "maxNumberOfAttempts": 3}}
    retry = RetryState.from_json(stored)
    assert (retry.name, retry.attempt, retry.exhausted) == ("flaky", 2, False)
    assert retry.rules.delay(retry.attempt) == timedelta(milliseconds=250)
    last = retry.next_attempt()
    assert last.attempt == 3 and last.exhausted
    assert RetryState.from_json(last.to_json()) == last


def test_retry_book_keeps_state_in_the_instance_state() -> None:
    state: dict = {}
    book = RetryBook(state)
    retry = RetryState(kind="activity", name="a", input=None, policy={})
    book.track_call(4, retry)
    assert book.ends_batch({"EventType": h.TASK_FAILED, "TaskScheduledId": 4})
    assert not book.ends_batch({"EventType": h.TASK_FAILED, "TaskScheduledId": 5})
    assert state["retries"]["4"]["name"] == "a"
    assert book.pop_call(4) == retry and book.pop_call(4) is None
    book.track_timer(7, retry)
    assert book.ends_batch({"EventType": h.TIMER_FIRED, "TimerId": 7})
    assert RetryBook(state).pop_timer(7) == retry


def test_function_index_ignores_case() -> None:
    index = FunctionIndex([_fn("durablefunctionsorchestrator"), _fn("Hello")])
    assert index["DurableFunctionsOrchestrator"].name == "durablefunctionsorchestrator"
    assert "hello" in index and index.get("HELLO") is index["hello"]
    assert index.get("nosuch") is None


def test_every_task_action_has_a_handler() -> None:
    kinds = {h.CALL_ACTIVITY, h.CALL_ACTIVITY_WITH_RETRY, h.CALL_SUB_ORCHESTRATOR,
             h.CALL_SUB_ORCHESTRATOR_WITH_RETRY, h.CREATE_TIMER, h.CALL_ENTITY, h.CALL_HTTP,
             h.SIGNAL_ENTITY}
    assert set(ACTION_HANDLERS) == kinds


def test_the_rpc_port_is_a_port_for_any_host_port() -> None:
    from devhost.runtime import default_rpc_port

    assert default_rpc_port(7071) == 17071
    high = default_rpc_port(60123)  # an ephemeral port: 70123 is none
    assert 0 < high <= 65535 and high != 60123
