"""extract_call: the transcript to a validated CallAnalysis with the configured engine.

The transcript comes inline, or, for a long call, from the call record it was stored in first
(see `ExtractInput`).
"""

from __future__ import annotations

import time
from typing import Any

import azure.durable_functions as df

from activities.ports import Records
from activities.runner import run_step
from adapters import factory
from adapters.extractors import Extractor
from errors import PermanentError
from models.analysis import ExtractInput, ExtractResult
from models.call import Transcript

bp = df.Blueprint()


def transcript_of(inp: ExtractInput, store: Records) -> Transcript:
    if inp.transcript is not None:
        return inp.transcript
    found = store.get(inp.call_id)
    if found is None or found[0].transcript is None:
        raise PermanentError("The call record holds no transcript to extract from (was it "
                             "deleted meanwhile?); replay the call to transcribe it again.")
    return found[0].transcript


def extract(inp: ExtractInput, engine: Extractor, store: Records) -> ExtractResult:
    transcript = transcript_of(inp, store)
    t0 = time.perf_counter()
    out = engine.extract(transcript)  # labelled turns: the extractor reads the customer's
    return ExtractResult(analysis=out.analysis, engine=out.engine, model=out.model,
                         prompt_tokens=out.prompt_tokens, completion_tokens=out.completion_tokens,
                         duration_ms=round((time.perf_counter() - t0) * 1000, 1))


@bp.activity_trigger(input_name="payload")
def extract_call(payload: dict[str, Any]) -> dict[str, Any]:
    return run_step("extract", lambda f: ExtractResult(failure=f), lambda: extract(
        ExtractInput.model_validate(payload), factory.extractor(), factory.call_store()))
