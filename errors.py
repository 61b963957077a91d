"""One error hierarchy for the pipeline.

    CallInsightsError               base of everything the app raises on purpose
    ├── TransientError              worth retrying: throttling, 5xx, timeouts, a service down
    └── PermanentError              retrying cannot help: bad audio, bad input, bad config
        ├── InvalidAudioError       undecodable, silent or unsupported recording
        ├── MissingBlobError        a recording or chunk file deleted before its step read it
        ├── ExtractionError         the model's output stayed invalid after re-asking
        └── ConfigurationError      a setting is missing or inconsistent

Adapters translate library errors (openai, azure-core, PyAV) into these, once, with
`raise ... from exc`. Durable Python retries every exception and loses its type, so activities
raise only TransientError and return permanent failures as values (models.Failure).
"""

from __future__ import annotations


class CallInsightsError(Exception):
    """Base of the app's own errors."""


class TransientError(CallInsightsError):
    """A failure that a later attempt may not meet (retry it)."""


class PermanentError(CallInsightsError):
    """A failure that retrying cannot fix (record it and stop)."""


class InvalidAudioError(PermanentError):
    """The recording cannot be decoded, is silent, or is not audio."""


class MissingBlobError(PermanentError):
    """A blob a step needs is gone (deleted after upload, or cleaned up)."""


class ExtractionError(PermanentError):
    """The extraction model did not produce a valid record."""


class ConfigurationError(PermanentError):
    """Settings are missing or inconsistent."""
