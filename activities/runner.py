"""The one shape of every activity: run the step, return its result model as JSON.

    TransientError          raised: the orchestrator's retry policy tries again
    PermanentError          returned as `failure` (retryable false): retrying cannot help
    anything else (a bug)   logged with its traceback, returned as an internal-error `failure`
                            (retryable false): five retries of a bug fail five times, and a
                            rewind would only run it again, so a replay starts a new attempt
                            once the fix is deployed

Durable Python retries every exception and loses its type, so nothing but a TransientError may
leave an activity. Each activity builds its input model, adapters and settings inside `step`, so
a malformed payload or a missing setting is caught here too.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from errors import PermanentError, TransientError
from models.call import Failure, Stage

log = logging.getLogger("call-insights")


R = TypeVar("R", bound=BaseModel)


def internal_error_reason(stage: Stage, reference: str) -> str:
    return (f"Internal error in the {stage} step (reference {reference}): the app failed, not the "
            "recording. The error is in the worker log under this reference; replay the call "
            "once the fix is deployed.")


def run_step(stage: Stage, result: Callable[[Failure], R], step: Callable[[], R]) -> dict[str, Any]:
    """`step()`'s result as JSON, or `result(failure)` when it failed for good.

    `result` builds the activity's result model around a failure (e.g.
    `lambda f: PrepareResult(failure=f)`), so every activity answers with its own model.
    """
    try:
        out = step()
    except TransientError:
        raise
    except PermanentError as exc:
        out = result(Failure(stage=stage, reason=str(exc)))
    except Exception:
        reference = uuid.uuid4().hex[:12]
        log.exception("Internal error in the %s step (reference %s)", stage, reference)
        out = result(Failure(stage=stage, reason=internal_error_reason(stage, reference)))
    return out.model_dump(mode="json")
