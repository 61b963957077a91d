"""Adapters built once per worker process from settings (cached), so activities share clients."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from adapters.blob_store import BlobStore
from adapters.cosmos_store import CallStore
from adapters.extractors import Extractor, LocalExtractor, OpenAIExtractor
from adapters.redaction import PresidioRedactor
from adapters.speech import DecodeOptions, LocalModel, LocalWhisper, OpenAIWhisper, SpeechEngine
from settings import Settings, get_settings

if TYPE_CHECKING:
    import openai


def _openai_client(s: Settings, azure: bool) -> openai.OpenAI:
    import openai

    if azure:
        endpoint = str(s.azure_openai_endpoint)  # required by Settings.require_engine
        if s.azure_openai_api_key is not None:
            return openai.AzureOpenAI(api_key=s.azure_openai_api_key.get_secret_value(),
                                      azure_endpoint=endpoint,
                                      api_version=s.azure_openai_api_version,
                                      timeout=s.openai_timeout_seconds,
                                      max_retries=s.openai_max_retries)
        from azure.identity import DefaultAzureCredential, get_bearer_token_provider

        token = get_bearer_token_provider(DefaultAzureCredential(),
                                          "https://cognitiveservices.azure.com/.default")
        return openai.AzureOpenAI(azure_ad_token_provider=token, azure_endpoint=endpoint,
                                  api_version=s.azure_openai_api_version,
                                  timeout=s.openai_timeout_seconds,
                                  max_retries=s.openai_max_retries)
    assert s.openai_api_key is not None
    return openai.OpenAI(api_key=s.openai_api_key.get_secret_value(), base_url=s.openai_base_url,
                         timeout=s.openai_timeout_seconds, max_retries=s.openai_max_retries)


def blob_store_for(s: Settings) -> BlobStore:
    """The storage account of `s`: by managed identity when its blob URI is set (Azure, shared keys
    disabled), else by connection string."""
    if s.storage_blob_service_uri:
        from azure.identity import DefaultAzureCredential

        credential = DefaultAzureCredential(managed_identity_client_id=s.storage_client_id)
        return BlobStore.with_credential(s.storage_blob_service_uri, credential)
    return BlobStore(s.storage_connection.get_secret_value())


@lru_cache(maxsize=1)
def blob_store() -> BlobStore:
    return blob_store_for(get_settings())


@lru_cache(maxsize=1)
def call_store() -> CallStore:
    s = get_settings()
    key = s.cosmos_key.get_secret_value() if s.cosmos_key else None
    return CallStore(s.cosmos_endpoint, key, s.cosmos_database, s.cosmos_container)


def decode_options(s: Settings) -> DecodeOptions:
    """The local recogniser's decoding options from the settings."""
    return DecodeOptions(beam_size=s.local_whisper_beam_size,
                         condition_on_previous_text=s.local_whisper_condition_on_previous_text,
                         vad_filter=s.local_whisper_vad_filter, prompt=s.local_whisper_prompt,
                         phone_emphasis=s.local_whisper_phone_emphasis,
                         batch_size=s.local_whisper_batch_size)


def local_whisper(s: Settings, choice: LocalModel | None = None) -> LocalWhisper:
    """The local recogniser the settings describe (LOCAL_WHISPER_*); `choice` names one of the
    shipped models instead of the configured model (bench.quality --model)."""
    path = s.local_whisper_model_path if choice is None else None
    return LocalWhisper(path, s.local_whisper_model_name, s.local_whisper_beam_size,
                        s.local_whisper_threads, s.local_whisper_parallel,
                        choice=choice or s.local_whisper_model, language=s.local_whisper_language,
                        languages=tuple(s.local_whisper_languages.split(",")),
                        options=decode_options(s),
                        likely_languages=tuple(s.local_whisper_likely_languages.split(",")))


@lru_cache(maxsize=1)
def speech_engine() -> SpeechEngine:
    s = get_settings()
    s.require_engine("transcription")
    if s.transcription_engine == "local":
        return local_whisper(s)
    azure = s.transcription_engine == "azure-openai"
    model = s.azure_openai_transcription_deployment if azure else s.openai_transcription_model
    return OpenAIWhisper(_openai_client(s, azure), s.transcription_engine, str(model))


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    s = get_settings()
    s.require_engine("extraction")
    if s.extraction_engine == "local":
        return LocalExtractor(s.product_catalog_path)
    azure = s.extraction_engine == "azure-openai"
    model = s.azure_openai_extraction_deployment if azure else s.openai_extraction_model
    return OpenAIExtractor(_openai_client(s, azure), s.extraction_engine, str(model))


@lru_cache(maxsize=1)
def redactor() -> PresidioRedactor:
    return PresidioRedactor()


def reset() -> None:
    """Forget cached adapters and settings (tests)."""
    for fn in (blob_store, call_store, speech_engine, extractor, redactor, get_settings):
        fn.cache_clear()
