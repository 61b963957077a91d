"""Orchestration versions: host.json `defaultVersion` for new orchestrations and for
sub-orchestrations started without a version; an explicit sub-orchestration `version` kept."""

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route(route="start", methods=["POST"])
@app.durable_client_input(client_name="client")
async def http_start(req: func.HttpRequest, client) -> func.HttpResponse:
    version = req.params.get("version")
    instance_id = await client.start_new("versioned", None, None, version)
    return client.create_check_status_response(req, instance_id)


@app.orchestration_trigger(context_name="context")
def versioned(context: df.DurableOrchestrationContext):
    pinned = yield context.call_sub_orchestrator("report_version", version="1.5")
    default = yield context.call_sub_orchestrator("report_version")
    # the versioning sample's pattern: branch on the instance's version
    path = "new" if (context.version or "") >= "2.0" else "old"
    return {"self": context.version, "pinned_child": pinned, "default_child": default,
            "path": path}


@app.orchestration_trigger(context_name="context")
def report_version(context: df.DurableOrchestrationContext):
    return context.version


@app.orchestration_trigger(context_name="context")
def versioned_waiting(context: df.DurableOrchestrationContext):
    """The SDK sample's deployment story: the instance keeps the version it was created with;
    a sub-orchestration created after a `defaultVersion` change gets the new default."""
    path = "old" if context.version == "1.0" else "new"
    yield context.wait_for_external_event("Continue")
    default = yield context.call_sub_orchestrator("report_version")
    return {"self": context.version, "path": path, "default_child": default}
