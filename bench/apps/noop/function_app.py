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
