"""adapters.openai_errors: the library's errors are translated by one table; others pass through."""

from __future__ import annotations

import json

import httpx2 as httpx  # the HTTP library the pinned openai SDK is built on
import openai
import pytest
from azure.core.exceptions import ClientAuthenticationError, ServiceRequestError

from adapters.openai_errors import LIBRARY_ERRORS, translate
from errors import ConfigurationError, PermanentError, TransientError

REQUEST = httpx.Request("POST", "https://api.openai.com/v1/chat/completions")


def _status(code: int, message: str = "boom", headers: dict[str, str] | None = None) -> Exception:
    response = httpx.Response(code, request=REQUEST, headers=headers)
    kinds: dict[int, type[openai.APIStatusError]] = {
        401: openai.AuthenticationError, 403: openai.PermissionDeniedError,
        404: openai.NotFoundError, 429: openai.RateLimitError, 500: openai.InternalServerError}
    return kinds.get(code, openai.APIStatusError)(message, response=response, body=None)


@pytest.mark.parametrize(("exc", "kind", "reason"), [
    (_status(429, headers={"retry-after": "3"}), TransientError,
     "OpenAI extraction was throttled (429) (Retry-After 3s)"),
    (openai.APITimeoutError(request=REQUEST), TransientError,
     "OpenAI extraction timed out or the connection dropped"),
    (openai.APIConnectionError(request=REQUEST), TransientError,
     "OpenAI extraction timed out or the connection dropped"),
    (_status(500), TransientError, "OpenAI extraction failed with 500"),
    (_status(503), TransientError, "OpenAI extraction failed with 503"),
    (_status(401), ConfigurationError, "OpenAI extraction refused the credentials (401); check "
                                       "the key or the managed identity's role"),
    (_status(404), ConfigurationError, "OpenAI extraction: model or deployment not found (404)"),
    (_status(413), PermanentError, "OpenAI extraction: the audio chunk is too large (413)"),
    (_status(400, "content_filter triggered"), PermanentError,
     "OpenAI extraction was blocked by the content filter"),
    (json.JSONDecodeError("Expecting value", "{", 1), TransientError,
     "OpenAI extraction returned malformed JSON"),
    (ClientAuthenticationError("no identity"), ConfigurationError,
     "OpenAI extraction: no Entra ID token (ClientAuthenticationError); check the managed "
     "identity"),
    (ServiceRequestError("IMDS unreachable"), TransientError,
     "OpenAI extraction: the Entra ID token request failed (ServiceRequestError)"),
])
def test_library_errors_by_the_table(exc: Exception, kind: type[Exception], reason: str) -> None:
    assert isinstance(exc, LIBRARY_ERRORS)
    out = translate(exc, "extraction")
    assert type(out) is kind and str(out) == reason


@pytest.mark.parametrize("exc", [TypeError("unsupported operand"), ValueError("bad literal"),
                                 KeyError("segments"), AttributeError("no attribute 'text'")])
def test_anything_else_passes_through_untranslated(exc: Exception) -> None:
    assert not isinstance(exc, LIBRARY_ERRORS)
    assert translate(exc, "transcription") is exc


def test_the_apps_own_errors_stay_as_they_are() -> None:
    exc = TransientError("already translated")
    assert translate(exc, "x") is exc
