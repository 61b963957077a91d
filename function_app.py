"""The Functions app: one DFApp, one blueprint per concern. No logic lives here."""

import logging

import azure.durable_functions as df
import azure.functions as func

import settings
import startup
from activities import cleanup_chunks, extract_call, persist_call, prepare_audio, transcribe_chunk
from orchestrators import process_call
from starters import blob_starter
from support import http_api
from workspace import http_api as workspace_api
from workspace import pages as workspace_pages
from workspace import retention

app = df.DFApp(http_auth_level=func.AuthLevel.FUNCTION)

for blueprint in (blob_starter.bp, process_call.bp, prepare_audio.bp, transcribe_chunk.bp,
                  extract_call.bp, persist_call.bp, cleanup_chunks.bp, http_api.bp,
                  workspace_api.bp, workspace_pages.bp, retention.bp):
    app.register_functions(blueprint)

problem = settings.startup_problem()
if problem:  # one clear line in the start-up log; the calls themselves fail with the same reason
    logging.getLogger("call-insights").error("Configuration: %s", problem)
startup.start()  # the recordings and work containers, in the background
