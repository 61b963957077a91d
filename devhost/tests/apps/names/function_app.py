"""Function names in another case than they are declared, as Microsoft's worker end-to-end
durable app uses them: the orchestrator `durablefunctionsorchestrator` started as
`DurableFunctionsOrchestrator`, the activity `hello` called as `Hello`, the entity `counter`
addressed as `COUNTER`, a sub-orchestrator called as `CHILD`."""

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route(route="orchestrators/{functionName}", methods=["POST"])
@app.durable_client_input(client_name="client")
async def http_start(req: func.HttpRequest, client) -> func.HttpResponse:
    instance_id = await client.start_new(req.route_params["functionName"])
    return client.create_check_status_response(req, instance_id)


@app.orchestration_trigger(context_name="context")
def durablefunctionsorchestrator(context: df.DurableOrchestrationContext):
    result1 = yield context.call_activity("Hello", "Tokyo")
    result2 = yield context.call_activity("HELLO", "Seattle")
    child = yield context.call_sub_orchestrator("CHILD", "London")
    count = yield context.call_entity(df.EntityId("COUNTER", "k"), "add", 2)
    return [result1, result2, child, count]


@app.orchestration_trigger(context_name="context")
def child(context: df.DurableOrchestrationContext):
    return (yield context.call_activity("hello", context.get_input()))


@app.activity_trigger(input_name="name")
def hello(name: str) -> str:
    return f"Hello {name}"


@app.entity_trigger(context_name="context")
def counter(context: df.DurableEntityContext) -> None:
    value = context.get_state(lambda: 0) + context.get_input()
    context.set_state(value)
    context.set_result(value)
