"""A Durable app exercising each feature the host must support, in the SDK samples' style.

Activities that need to count their runs write to the folder named by CONFORMANCE_STATE_DIR, so
the tests can see exactly how often each ran, also across host restarts.
"""

import json
import os
import threading
import time
from datetime import timedelta
from pathlib import Path

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.FUNCTION)

STATE = Path(os.environ.get("CONFORMANCE_STATE_DIR", "/tmp"))
_lock = threading.Lock()
_running = 0


def _count(kind: str, key: str) -> int:
    """Append a run of `kind`/`key` and return how many runs it has had."""
    path = STATE / f"{kind}.log"
    with _lock:
        with path.open("a") as f:
            f.write(key + "\n")
        return sum(1 for line in path.read_text().splitlines() if line == key)


# -- starters ------------------------------------------------------------------------------------
@app.route(route="start/{name}", methods=["POST"])
@app.durable_client_input(client_name="client")
async def http_start(req: func.HttpRequest, client) -> func.HttpResponse:
    body = req.get_body()
    payload = json.loads(body) if body else None
    instance_id = await client.start_new(req.route_params["name"], None, payload)
    return client.create_check_status_response(req, instance_id)


@app.route(route="manage/{instanceId}/{op}", methods=["GET", "POST", "DELETE"])
@app.durable_client_input(client_name="client")
async def http_manage(req: func.HttpRequest, client) -> func.HttpResponse:
    iid, op = req.route_params["instanceId"], req.route_params["op"]
    if op == "status":
        status = await client.get_status(iid, show_history=True, show_history_output=True)
        return func.HttpResponse(json.dumps(status.to_json(), default=str),
                                 mimetype="application/json")
    if op == "terminate":
        await client.terminate(iid, "stopped by test")
    elif op == "rewind":
        await client.rewind(iid, "rewound by test")
    elif op == "purge":
        result = await client.purge_instance_history(iid)
        return func.HttpResponse(json.dumps({"deleted": result.instances_deleted}))
    elif op == "raise":
        await client.raise_event(iid, "Approval", json.loads(req.get_body() or b"null"))
    elif op == "suspend":
        await client.suspend(iid, "test")
    elif op == "resume":
        await client.resume(iid, "test")
    return func.HttpResponse(status_code=202)


@app.route(route="anon", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
def anon(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("open")


@app.route(route="items/{id:int}", methods=["GET"])
def item(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(json.dumps({"id": int(req.route_params["id"])}),
                             mimetype="application/json")


# -- function chaining -------------------------------------------------------------------------
@app.orchestration_trigger(context_name="context")
def chaining(context: df.DurableOrchestrationContext):
    r1 = yield context.call_activity("say_hello", "Tokyo")
    r2 = yield context.call_activity("say_hello", "Seattle")
    r3 = yield context.call_activity("say_hello", "London")
    return [r1, r2, r3]


@app.activity_trigger(input_name="city")
def say_hello(city: str) -> str:
    return f"Hello {city}!"


# -- fan-out / fan-in --------------------------------------------------------------------------
@app.orchestration_trigger(context_name="context")
def fan_out(context: df.DurableOrchestrationContext):
    n = context.get_input() or 8
    context.set_custom_status({"stage": "fanning out", "total": n})
    results = yield context.task_all([context.call_activity("slow_square", i) for i in range(n)])
    context.set_custom_status({"stage": "done", "total": n})
    return {"sum": sum(r["value"] for r in results),
            "max_concurrent": max(r["concurrent"] for r in results)}


@app.activity_trigger(input_name="n")
def slow_square(n: int) -> dict:
    global _running
    with _lock:
        _running += 1
        peak = _running
    time.sleep(0.3)
    with _lock:
        _running -= 1
    return {"value": n * n, "concurrent": peak}


# -- retries ------------------------------------------------------------------------------------
@app.orchestration_trigger(context_name="context")
def with_retry(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    options = df.RetryOptions(first_retry_interval_in_milliseconds=spec["interval_ms"],
                              max_number_of_attempts=spec["attempts"])
    result = yield context.call_activity_with_retry("flaky", options, spec)
    return result


@app.activity_trigger(input_name="spec")
def flaky(spec: dict) -> str:
    runs = _count("flaky", spec["key"])
    if runs <= spec["fail_times"]:
        raise RuntimeError(f"flaky failure {runs}")
    return f"ok after {runs}"


@app.orchestration_trigger(context_name="context")
def retry_then_continue(context: df.DurableOrchestrationContext):
    """Retries interleaved with a fan-out: task ids must stay aligned with the SDK's."""
    spec = context.get_input()
    options = df.RetryOptions(first_retry_interval_in_milliseconds=100, max_number_of_attempts=3)
    tasks = [context.call_activity_with_retry("flaky", options,
                                              dict(spec, key=f"{spec['key']}-{i}"))
             for i in range(3)]
    tasks.append(context.call_activity("say_hello", "fan"))
    first = yield context.task_all(tasks)
    second = yield context.call_activity("say_hello", "after")
    return [*first, second]


# -- human interaction: external event or timeout ------------------------------------------------
@app.orchestration_trigger(context_name="context")
def approval(context: df.DurableOrchestrationContext):
    timeout_s = context.get_input() or 30
    deadline = context.current_utc_datetime + timedelta(seconds=timeout_s)
    timer = context.create_timer(deadline)
    event = context.wait_for_external_event("Approval")
    winner = yield context.task_any([event, timer])
    if winner == event:
        timer.cancel()
        return {"approved": event.result}
    return {"approved": None, "timed_out": True}


@app.orchestration_trigger(context_name="context")
def timer_only(context: df.DurableOrchestrationContext):
    seconds = context.get_input()
    start = context.current_utc_datetime
    yield context.create_timer(start + timedelta(seconds=seconds))
    return (context.current_utc_datetime - start).total_seconds()


# -- sub-orchestrations, continue-as-new, failure --------------------------------------------------
@app.orchestration_trigger(context_name="context")
def parent(context: df.DurableOrchestrationContext):
    a = yield context.call_sub_orchestrator("chaining")
    options = df.RetryOptions(first_retry_interval_in_milliseconds=100, max_number_of_attempts=3)
    b = yield context.call_sub_orchestrator_with_retry("child_flaky", options,
                                                       {"key": context.get_input()})
    return {"a": a, "b": b}


@app.orchestration_trigger(context_name="context")
def child_flaky(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    result = yield context.call_activity("flaky", {"key": spec["key"], "fail_times": 1})
    return result


@app.orchestration_trigger(context_name="context")
def counter(context: df.DurableOrchestrationContext):
    value = context.get_input() or 0
    yield context.call_activity("say_hello", str(value))
    if value < 3:
        context.continue_as_new(value + 1)
        return None
    return value


@app.orchestration_trigger(context_name="context")
def failing(context: df.DurableOrchestrationContext):
    yield context.call_activity("say_hello", "before")
    raise ValueError("the orchestrator gave up")


@app.orchestration_trigger(context_name="context")
def activity_fails(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    done = yield context.call_activity("counted", spec["key"] + "-a")
    result = yield context.call_activity("flaky", spec)
    return [done, result]


@app.activity_trigger(input_name="key")
def counted(key: str) -> int:
    return _count("counted", key)


# -- long sequence (crash test) --------------------------------------------------------------------
@app.orchestration_trigger(context_name="context")
def long_chain(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    out = []
    for i in range(spec["steps"]):
        out.append((yield context.call_activity("slow_counted", f"{spec['key']}-{i}")))
    return out


@app.activity_trigger(input_name="key")
def slow_counted(key: str) -> int:
    time.sleep(0.2)
    return _count("slow_counted", key)


@app.orchestration_trigger(context_name="context")
def noop_seq(context: df.DurableOrchestrationContext):
    n = context.get_input()
    for i in range(n):
        yield context.call_activity("noop", i)
    return n


@app.orchestration_trigger(context_name="context")
def noop_par(context: df.DurableOrchestrationContext):
    n = context.get_input()
    yield context.task_all([context.call_activity("noop", i) for i in range(n)])
    return n


@app.activity_trigger(input_name="i")
def noop(i: int) -> int:
    return i
