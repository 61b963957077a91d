"""The app's one settings class, fed by app settings (environment) or local.settings.json.

Read through `get_settings()`, never at import time: the Functions host applies settings before
the first invocation, and tests can clear the cache.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from errors import ConfigurationError

Engine = Literal["local", "openai", "azure-openai"]

SUPPORTED_EXTENSIONS = (".wav", ".mp3", ".m4a", ".mp4", ".ogg", ".oga", ".flac", ".webm",
                        ".mpeg", ".mpga", ".aac", ".wma", ".opus", ".amr")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    storage_connection: SecretStr = Field(SecretStr("UseDevelopmentStorage=true"),
                                          alias="AzureWebJobsStorage")
    # Identity-based storage, as in Azure (no connection string): the host's own settings, read by
    # the app's blob client too. When the URI is set it wins over AzureWebJobsStorage.
    storage_blob_service_uri: str | None = Field(None, alias="AzureWebJobsStorage__blobServiceUri")
    storage_client_id: str | None = Field(None, alias="AzureWebJobsStorage__clientId")
    calls_container: str = "calls"
    work_container: str = "call-work"
    create_containers: bool = True  # at start-up (startup.py); off where infrastructure owns them
    max_upload_bytes: int = 500 * 1024 * 1024
    supported_extensions: tuple[str, ...] = SUPPORTED_EXTENSIONS

    chunk_max_seconds: float = 300.0
    chunk_max_bytes: int = 24 * 1024 * 1024
    # no part shorter than this: calls up to 5 minutes stay whole (halving them cost words, see
    # README "Quality"); longer calls are cut for the length limit and shared between workers
    chunk_min_seconds: float = 300.0
    chunk_overlap_seconds: float = 1.0
    silence_search_seconds: float = 20.0

    cosmos_endpoint: str = "https://127.0.0.1:8081/"
    cosmos_key: SecretStr | None = None
    cosmos_database: str = "callinsights"
    cosmos_container: str = "calls"

    transcription_engine: Engine = "local"
    extraction_engine: Engine = "local"

    local_whisper_model_path: str | None = None
    local_whisper_beam_size: int = 5
    local_whisper_threads: int = 2
    local_whisper_parallel: int = 2
    local_whisper_model_name: str = "whisper-tiny.en"
    # auto: language detected by Whisper base, English by tiny.en, other languages by base
    local_whisper_model: Literal["auto", "tiny.en", "base"] = "base"
    local_whisper_language: str | None = None  # force a language (e.g. "es"); None: detect
    local_whisper_languages: str = ""  # detect among these only (e.g. "en,es"); "": any
    # preferred when base is unsure of another language (adapters.speech.LocalWhisper.languages_of)
    local_whisper_likely_languages: str = "en,es,pt"
    # decoding options measured on the development calls (bench.speech_options, README)
    local_whisper_phone_emphasis: bool = True  # pre-emphasis of 8 kHz / band-limited audio
    local_whisper_condition_on_previous_text: bool = True
    local_whisper_vad_filter: bool = False
    local_whisper_prompt: bool = False  # a neutral style prompt in the detected language
    # 0: plain decoding; N: faster-whisper's batched pipeline, N pieces at once (faster, with more
    # errors: README "Quality")
    local_whisper_batch_size: int = Field(0, ge=0)
    rep_channel: Literal["left", "right", "auto"] = "auto"  # stereo: the rep's channel
    # who may open the workspace (workspace/access.py): the host's keys, or App Service
    # Authentication's signed-in user
    workspace_auth: Literal["keys", "platform"] = "keys"
    product_catalog_path: str | None = None

    # PII in what is stored: off, the transcript, or the transcript and the extracted fields
    # other than REDACT_KEEP_FIELDS (comma-separated CallAnalysis field names)
    redact_pii: Literal["off", "transcript", "all"] = "off"
    redact_keep_fields: str = "customer_name,contact_email,contact_phone"

    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_transcription_model: str = "whisper-1"
    openai_extraction_model: str = "gpt-4o-mini"
    openai_timeout_seconds: float = 120.0
    openai_max_retries: int = 2

    azure_openai_endpoint: str | None = None
    azure_openai_api_key: SecretStr | None = None
    azure_openai_api_version: str = "2024-10-21"
    azure_openai_transcription_deployment: str | None = None
    azure_openai_extraction_deployment: str | None = None

    retention_days: int | None = Field(default=None, ge=1)
    """RETENTION_DAYS: calls older than this (by call date) are deleted everywhere by the daily
    retention timer; unset, empty, 0 or "off" keeps calls for ever (the default)."""

    @field_validator("workspace_auth", mode="before")
    @classmethod
    def _auth_mode(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("retention_days", mode="before")
    @classmethod
    def _retention_off(cls, value: object) -> object:
        if value is None or str(value).strip().lower() in ("", "0", "off", "none"):
            return None
        return value

    @model_validator(mode="after")
    def _check_chunking(self) -> Settings:
        problems = []
        if self.chunk_max_seconds < 30:
            problems.append("CHUNK_MAX_SECONDS must be at least 30")
        if self.chunk_min_seconds > self.chunk_max_seconds:
            problems.append("CHUNK_MIN_SECONDS must not exceed CHUNK_MAX_SECONDS")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def engine_problems(self, step: Literal["transcription", "extraction"]) -> list[str]:
        """What the engine chosen for `step` lacks. Checked when that engine is built, not when
        settings load, so a missing OpenAI setting fails that step of each call (recorded, and
        replayable once fixed) while uploads, records and the support API keep working."""
        engine = self.transcription_engine if step == "transcription" else self.extraction_engine
        deployment = (self.azure_openai_transcription_deployment if step == "transcription"
                      else self.azure_openai_extraction_deployment)
        problems = []
        if engine == "openai" and self.openai_api_key is None:
            problems.append("OPENAI_API_KEY is required for the openai engine")
        if engine == "azure-openai":
            if not self.azure_openai_endpoint:
                problems.append("AZURE_OPENAI_ENDPOINT is required for the azure-openai engine")
            if not deployment:
                problems.append(f"AZURE_OPENAI_{step.upper()}_DEPLOYMENT is required")
        return problems

    def require_engine(self, step: Literal["transcription", "extraction"]) -> None:
        problems = self.engine_problems(step)
        if problems:
            raise ConfigurationError(f"invalid settings: {'; '.join(problems)}")

    @property
    def redact_keep(self) -> tuple[str, ...]:
        return tuple(f.strip() for f in self.redact_keep_fields.split(",") if f.strip())

    @property
    def chunk_parallelism(self) -> int:
        """How many chunks of one call are worth transcribing at once: the local engine's workers.
        Cloud engines split only what exceeds the chunk limit (each request costs a quota share)."""
        return self.local_whisper_parallel if self.transcription_engine == "local" else 1


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()  # type: ignore[call-arg]  # fields come from the environment
    except ValidationError as exc:
        problems = "; ".join(
            (f"{'.'.join(map(str, e['loc']))}: " if e["loc"] else "")
            + str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise ConfigurationError(f"invalid settings: {problems}") from exc


def startup_problem() -> str | None:
    """The configuration problems, if any, for the start-up log (the app still loads)."""
    try:
        s = get_settings()
    except ConfigurationError as exc:
        get_settings.cache_clear()
        return str(exc)
    get_settings.cache_clear()
    problems = list(dict.fromkeys(s.engine_problems("transcription") +
                                  s.engine_problems("extraction")))
    return f"invalid settings: {'; '.join(problems)}" if problems else None
