"""Pure history logic: action flattening in the SDK's numbering order, DTFx retry delays."""

from datetime import timedelta

from devhost import history as h


def test_flatten_follows_sdk_order_and_skips_event_waits() -> None:
    actions = [[{"actionType": h.CALL_ACTIVITY, "functionName": "a"}],
               {"actionType": h.WHEN_ALL, "compoundActions": [
                   {"actionType": h.CALL_ACTIVITY, "functionName": "b"},
                   {"actionType": h.WHEN_ANY, "compoundActions": [
                       {"actionType": h.WAIT_FOR_EXTERNAL_EVENT, "externalEventName": "x"},
                       {"actionType": h.CREATE_TIMER, "fireAt": "2026-01-01T00:00:00Z"}]}]},
               {"actionType": h.CONTINUE_AS_NEW_ACTION, "input": "1"}]
    flat = h.flatten_actions(actions)
    assert [f.action.get("functionName", f.action["actionType"]) for f in flat] == \
        ["a", "b", h.WAIT_FOR_EXTERNAL_EVENT, h.CREATE_TIMER, h.CONTINUE_AS_NEW_ACTION]
    assert [f.consumes_id for f in flat] == [True, True, False, True, False]


def test_retry_delay_with_backoff_and_cap() -> None:
    plain = h.RetryPolicy.from_json({"firstRetryIntervalInMilliseconds": 500,
                                     "maxNumberOfAttempts": 3})
    assert plain.delay(1) == plain.delay(3) == timedelta(milliseconds=500)
    backoff = h.RetryPolicy.from_json({"firstRetryIntervalInMilliseconds": 1000,
                                       "maxNumberOfAttempts": 6, "backoffCoefficient": 2,
                                       "maxRetryIntervalInMilliseconds": 5000})
    assert [backoff.delay(n).total_seconds() for n in range(1, 5)] == [1, 2, 4, 5]


def test_orchestrator_error_is_split_from_its_state() -> None:
    message, state = h.split_orchestrator_error('boom\n\n$OutOfProcData$:{"isDone": false}')
    assert message == "boom" and state == {"isDone": False}
    assert h.split_orchestrator_error("plain") == ("plain", None)


def test_versions_compare_as_the_extension_does() -> None:
    assert h.compare_versions("1.10", "1.9") == 1  # System.Version, not string order
    assert h.compare_versions("2.0", "2.0.0") == -1  # System.Version: an absent part is lower
    assert h.compare_versions("", None) == 0
    assert h.compare_versions(None, "1.0") == -1
    assert h.compare_versions("v2-Beta", "V2-beta") == 0  # case-insensitive strings
    assert h.compare_versions("2025-01-02", "2025-01-01") == 1
