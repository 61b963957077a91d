"""HTTP API app: orchestrations that complete, wait or fail, and HTTP routes with text bodies."""

from datetime import timedelta

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.orchestration_trigger(context_name="context")
def quick(context: df.DurableOrchestrationContext):
    return context.get_input()


@app.orchestration_trigger(context_name="context")
def slow(context: df.DurableOrchestrationContext):
    yield context.create_timer(context.current_utc_datetime + timedelta(seconds=30))
    return "late"


@app.orchestration_trigger(context_name="context")
def fails(context: df.DurableOrchestrationContext):
    raise ValueError("this orchestration always fails")


@app.route(route="Greet/{name}")
def greet(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(f"Hello {req.route_params['name']} ✓", mimetype="text/plain")


@app.route(route="latin1")
def latin1(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("café", mimetype="text/html", charset="latin-1")
