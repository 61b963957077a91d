"""openai SDK errors -> the app's hierarchy (the one place that knows the SDK's exception types)."""

from __future__ import annotations

import openai

from errors import CallInsightsError, ConfigurationError, PermanentError, TransientError


def translate(exc: Exception, what: str) -> CallInsightsError:
    """Throttling, 5xx, timeouts and dropped connections retry; auth, 4xx and refusals do not."""
    if isinstance(exc, CallInsightsError):
        return exc
    if isinstance(exc, openai.RateLimitError):
        retry_after = exc.response.headers.get("retry-after") if exc.response is not None else None
        hint = f" (Retry-After {retry_after}s)" if retry_after else ""
        return TransientError(f"OpenAI {what} was throttled (429){hint}")
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return TransientError(f"OpenAI {what} timed out or the connection dropped")
    if isinstance(exc, openai.InternalServerError):
        return TransientError(f"OpenAI {what} failed with {exc.status_code}")
    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return ConfigurationError(f"OpenAI {what} refused the credentials ({exc.status_code}); "
                                  "check the key or the managed identity's role")
    if isinstance(exc, openai.NotFoundError):
        return ConfigurationError(f"OpenAI {what}: model or deployment not found (404)")
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code == 413:
            return PermanentError(f"OpenAI {what}: the audio chunk is too large (413)")
        if exc.status_code >= 500:
            return TransientError(f"OpenAI {what} failed with {exc.status_code}")
        message = str(exc)[:300]
        if "content_filter" in message or "content management policy" in message:
            return PermanentError(f"OpenAI {what} was blocked by the content filter")
        return PermanentError(f"OpenAI {what} rejected the request ({exc.status_code}): {message}")
    if isinstance(exc, openai.LengthFinishReasonError):
        return PermanentError(f"OpenAI {what}: the answer was cut off at the token limit")
    if isinstance(exc, openai.ContentFilterFinishReasonError):
        return PermanentError(f"OpenAI {what} was blocked by the content filter")
    if isinstance(exc, openai.APIResponseValidationError):
        return TransientError(f"OpenAI {what} returned a malformed response")
    if isinstance(exc, ValueError):  # malformed JSON in a 200 answer
        return TransientError(f"OpenAI {what} returned malformed JSON")
    return TransientError(f"OpenAI {what} failed: {exc.__class__.__name__}: {str(exc)[:200]}")
