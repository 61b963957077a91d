"""Durable entities as the Python SDK offers them: function-based entities (`entity_trigger`),
driven from orchestrations (`call_entity`, `signal_entity`) and from clients (`signal_entity`,
`read_entity_state`).

`slow_append` records every run in the folder named by ENTITIES_STATE_DIR, so the crash test can
see how often each operation ran.
"""

import json
import os
import time
from pathlib import Path

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)

STATE = Path(os.environ.get("ENTITIES_STATE_DIR", "/tmp"))


@app.entity_trigger(context_name="context")
def Counter(context: df.DurableEntityContext) -> None:
    value = context.get_state(lambda: 0)
    op = context.operation_name
    if op == "add":
        value += context.get_input()
    elif op == "reset":
        value = 0
    elif op == "fail":
        raise ValueError(f"cannot {op} at {value}")
    elif op == "delete":
        context.destruct_on_exit()
        return
    elif op == "slow_append":
        # the crash test's operation: a list that must end with each input exactly once
        item = context.get_input()
        with (STATE / "slow_append.log").open("a") as f:
            f.write(f"{item}\n")
        time.sleep(0.1)
        value = (value if isinstance(value, list) else []) + [item]
    context.set_state(value)
    context.set_result(value)


@app.entity_trigger(context_name="ctx", entity_name="Tally")
def tally_entity(ctx: df.DurableEntityContext) -> None:
    words = ctx.get_state(lambda: {})
    word = ctx.get_input()
    words[word] = words.get(word, 0) + 1
    ctx.set_state(words)
    ctx.set_result(words[word])


@app.orchestration_trigger(context_name="context")
def counter_orchestration(context: df.DurableOrchestrationContext):
    key = context.get_input()
    entity = df.EntityId("Counter", key)
    context.signal_entity(entity, "add", 3)
    after_call = yield context.call_entity(entity, "add", 4)
    current = yield context.call_entity(entity, "get")
    try:
        yield context.call_entity(entity, "fail")
        failure = None
    except Exception as exc:
        failure = str(exc)
    tally = yield context.call_entity(df.EntityId("tally", key), "count", "word")
    return {"after_call": after_call, "current": current, "failure": failure, "tally": tally}


@app.route(route="counter/{key}", methods=["GET", "POST"])
@app.durable_client_input(client_name="client")
async def counter_client(req: func.HttpRequest, client) -> func.HttpResponse:
    entity = df.EntityId("Counter", req.route_params["key"])
    if req.method == "POST":
        await client.signal_entity(entity, req.params.get("op", "add"),
                                   json.loads(req.get_body() or b"null"))
        return func.HttpResponse(status_code=202)
    state = await client.read_entity_state(entity)
    return func.HttpResponse(json.dumps({"exists": state.entity_exists,
                                         "state": state.entity_state}),
                             mimetype="application/json")


@app.orchestration_trigger(context_name="context")
def call_missing_entity(context: df.DurableOrchestrationContext):
    try:
        yield context.call_entity(df.EntityId("nosuch", "k"), "get")
    except Exception as exc:
        return f"failed: {exc}"
    return "answered"


@app.orchestration_trigger(context_name="context")
def signal_many(context: df.DurableOrchestrationContext):
    """Signals 0..n-1 to Counter(key) `slow_append`, all sent in one episode."""
    spec = context.get_input()
    entity = df.EntityId("Counter", spec["key"])
    for i in range(spec["n"]):
        context.signal_entity(entity, "slow_append", i)
    return spec["n"]
