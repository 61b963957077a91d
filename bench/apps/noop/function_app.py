"""No-op orchestrations for measuring the host's own overhead."""

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.orchestration_trigger(context_name="context")
def noop_orchestration(context: df.DurableOrchestrationContext):
    return "done"


@app.orchestration_trigger(context_name="context")
def sequential(context: df.DurableOrchestrationContext):
    n = context.get_input()
    for i in range(n):
        yield context.call_activity("noop", i)
    return n


@app.orchestration_trigger(context_name="context")
def parallel(context: df.DurableOrchestrationContext):
    n = context.get_input()
    results = yield context.task_all([context.call_activity("noop", i) for i in range(n)])
    return len(results)


@app.activity_trigger(input_name="i")
def noop(i: int) -> int:
    return i


@app.orchestration_trigger(context_name="context")
def entity_ops(context: df.DurableOrchestrationContext):
    """N signals to one counter, then a call that answers once all of them are applied."""
    n = context.get_input()
    counter = df.EntityId("counter", context.instance_id)
    for _ in range(n):
        context.signal_entity(counter, "add", 1)
    total = yield context.call_entity(counter, "get")
    return total


@app.entity_trigger(context_name="context")
def counter(context: df.DurableEntityContext) -> None:
    value = context.get_state(lambda: 0)
    if context.operation_name == "add":
        value += context.get_input()
    context.set_state(value)
    context.set_result(value)
