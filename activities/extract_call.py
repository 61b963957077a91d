"""extract_call: the transcript to a validated CallAnalysis with the configured engine."""

from __future__ import annotations

import time

import azure.durable_functions as df

from adapters import factory
from adapters.extractors import Extractor
from errors import PermanentError
from models.analysis import ExtractInput, ExtractResult
from models.call import Failure

bp = df.Blueprint()


def extract(inp: ExtractInput, engine: Extractor) -> ExtractResult:
    t0 = time.perf_counter()
    try:
        out = engine.extract(inp.transcript_text)
    except PermanentError as exc:
        return ExtractResult(failure=Failure(stage="extract", reason=str(exc)))
    return ExtractResult(analysis=out.analysis, engine=out.engine, model=out.model,
                         prompt_tokens=out.prompt_tokens, completion_tokens=out.completion_tokens,
                         duration_ms=round((time.perf_counter() - t0) * 1000, 1))


@bp.activity_trigger(input_name="payload")
def extract_call(payload: dict) -> dict:
    inp = ExtractInput.model_validate(payload)
    try:
        engine = factory.extractor()
    except PermanentError as exc:  # e.g. a missing setting: retrying cannot help
        return ExtractResult(failure=Failure(stage="extract", reason=str(exc))).model_dump(mode="json")
    return extract(inp, engine).model_dump(mode="json")
