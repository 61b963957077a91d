"""openai SDK errors -> the app's hierarchy (the one place that knows the SDK's exception types).

One table, as httpx maps its transport errors: each row is an exception type the `openai` library
raises (or, for a malformed body, the `json` error its parsing raises) and what it becomes. The
adapters catch `LIBRARY_ERRORS` only; anything else (a `TypeError` from a bug, a `ValueError`) is
not the library's and passes through untranslated, so the activity wrapper
(`activities/runner.py`) records it as an internal error instead of retrying it five times.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import openai
from azure.core.exceptions import AzureError, ClientAuthenticationError

from errors import CallInsightsError, ConfigurationError, PermanentError, TransientError

LIBRARY_ERRORS: tuple[type[Exception], ...] = (openai.OpenAIError, json.JSONDecodeError,
                                               AzureError)
"""What the adapters catch around an SDK call and hand to `translate` (AzureError: the Entra ID
token provider of the Azure OpenAI client, from azure-identity)."""


def _throttled(exc: openai.RateLimitError, what: str) -> CallInsightsError:
    retry_after = exc.response.headers.get("retry-after") if exc.response is not None else None
    hint = f" (Retry-After {retry_after}s)" if retry_after else ""
    return TransientError(f"OpenAI {what} was throttled (429){hint}")


def _status(exc: openai.APIStatusError, what: str) -> CallInsightsError:
    if exc.status_code == 413:
        return PermanentError(f"OpenAI {what}: the audio chunk is too large (413)")
    if exc.status_code >= 500:
        return TransientError(f"OpenAI {what} failed with {exc.status_code}")
    message = str(exc)[:300]
    if "content_filter" in message or "content management policy" in message:
        return PermanentError(f"OpenAI {what} was blocked by the content filter")
    return PermanentError(f"OpenAI {what} rejected the request ({exc.status_code}): {message}")


# First matching row wins: subclasses before their bases.
TABLE: tuple[tuple[type[Exception], Callable[[Any, str], CallInsightsError]], ...] = (
    (openai.RateLimitError, _throttled),
    (openai.APIConnectionError,  # includes APITimeoutError
     lambda e, w: TransientError(f"OpenAI {w} timed out or the connection dropped")),
    (openai.InternalServerError, lambda e, w: TransientError(f"OpenAI {w} failed with "
                                                             f"{e.status_code}")),
    (openai.AuthenticationError, lambda e, w: ConfigurationError(
        f"OpenAI {w} refused the credentials ({e.status_code}); check the key or the managed "
        "identity's role")),
    (openai.PermissionDeniedError, lambda e, w: ConfigurationError(
        f"OpenAI {w} refused the credentials ({e.status_code}); check the key or the managed "
        "identity's role")),
    (openai.NotFoundError, lambda e, w: ConfigurationError(
        f"OpenAI {w}: model or deployment not found (404)")),
    (openai.APIStatusError, _status),
    (openai.LengthFinishReasonError, lambda e, w: PermanentError(
        f"OpenAI {w}: the answer was cut off at the token limit")),
    (openai.ContentFilterFinishReasonError, lambda e, w: PermanentError(
        f"OpenAI {w} was blocked by the content filter")),
    (openai.APIResponseValidationError, lambda e, w: TransientError(
        f"OpenAI {w} returned a malformed response")),
    (json.JSONDecodeError, lambda e, w: TransientError(f"OpenAI {w} returned malformed JSON")),
    (openai.OpenAIError, lambda e, w: PermanentError(
        f"OpenAI {w} failed: {e.__class__.__name__}: {str(e)[:200]}")),
    (ClientAuthenticationError, lambda e, w: ConfigurationError(
        f"OpenAI {w}: no Entra ID token ({e.__class__.__name__}); check the managed identity")),
    (AzureError, lambda e, w: TransientError(
        f"OpenAI {w}: the Entra ID token request failed ({e.__class__.__name__})")),
)


def translate(exc: Exception, what: str) -> Exception:
    """The app's error for a library error; any other exception is returned unchanged."""
    if isinstance(exc, CallInsightsError):
        return exc
    for kind, make in TABLE:
        if isinstance(exc, kind):
            return make(exc, what)
    return exc
