"""One settings class: engine settings are checked by the step that needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

import settings
from errors import ConfigurationError
from settings import Settings


def test_a_missing_engine_setting_fails_only_that_step() -> None:
    s = Settings.model_validate({"TRANSCRIPTION_ENGINE": "local",
                                 "EXTRACTION_ENGINE": "azure-openai",
                                 "AZURE_OPENAI_ENDPOINT": "https://example.openai.azure.com"})
    assert s.cosmos_container == "calls"  # the rest of the app is configured
    assert s.engine_problems("transcription") == []
    assert s.engine_problems("extraction") == ["AZURE_OPENAI_EXTRACTION_DEPLOYMENT is required"]
    s.require_engine("transcription")
    with pytest.raises(ConfigurationError, match="AZURE_OPENAI_EXTRACTION_DEPLOYMENT"):
        s.require_engine("extraction")


def test_openai_engines_need_their_key_and_azure_its_endpoint() -> None:
    s = Settings.model_validate({"TRANSCRIPTION_ENGINE": "openai",
                                 "EXTRACTION_ENGINE": "azure-openai",
                                 "AZURE_OPENAI_EXTRACTION_DEPLOYMENT": "gpt"})
    assert s.engine_problems("transcription") == [
        "OPENAI_API_KEY is required for the openai engine"]
    assert s.engine_problems("extraction") == [
        "AZURE_OPENAI_ENDPOINT is required for the azure-openai engine"]


def test_startup_problem_names_every_problem_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"TRANSCRIPTION_ENGINE": "azure-openai", "EXTRACTION_ENGINE": "azure-openai",
                        "AZURE_OPENAI_TRANSCRIPTION_DEPLOYMENT": "whisper"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AZURE_OPENAI_ENDPOINT", raising=False)
    monkeypatch.delenv("AZURE_OPENAI_EXTRACTION_DEPLOYMENT", raising=False)
    problem = settings.startup_problem()
    assert problem == ("invalid settings: AZURE_OPENAI_ENDPOINT is required for the azure-openai "
                       "engine; AZURE_OPENAI_EXTRACTION_DEPLOYMENT is required")
    monkeypatch.setenv("CHUNK_MAX_SECONDS", "10")
    assert "CHUNK_MAX_SECONDS must be at least 30" in (settings.startup_problem() or "")
    with pytest.raises(ConfigurationError):
        settings.get_settings()
    settings.get_settings.cache_clear()


def test_local_whisper_decoding_options_come_from_the_settings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from adapters.factory import decode_options
    from adapters.speech import DecodeOptions

    assert decode_options(Settings.model_validate({})) == DecodeOptions(
        phone_emphasis=True, condition_on_previous_text=True)
    for name, value in (("LOCAL_WHISPER_PHONE_EMPHASIS", "false"),
                        ("LOCAL_WHISPER_CONDITION_ON_PREVIOUS_TEXT", "false"),
                        ("LOCAL_WHISPER_VAD_FILTER", "true"), ("LOCAL_WHISPER_PROMPT", "true"),
                        ("LOCAL_WHISPER_BEAM_SIZE", "3"), ("LOCAL_WHISPER_BATCH_SIZE", "8")):
        monkeypatch.setenv(name, value)
    assert decode_options(Settings.model_validate({})) == DecodeOptions(
        beam_size=3, condition_on_previous_text=False, vad_filter=True, prompt=True,
        phone_emphasis=False, batch_size=8)


def test_the_local_recogniser_is_the_one_the_settings_describe(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from adapters.factory import local_whisper

    monkeypatch.setenv("LOCAL_WHISPER_LANGUAGES", "en,es")
    monkeypatch.setenv("LOCAL_WHISPER_LIKELY_LANGUAGES", "es")
    monkeypatch.setenv("LOCAL_WHISPER_MODEL_PATH", str(tmp_path))
    monkeypatch.setenv("LOCAL_WHISPER_MODEL_NAME", "team-model")
    s = Settings.model_validate({})
    own = local_whisper(s)
    assert (own.choice, own.model, own.model_path) == ("custom", "team-model", str(tmp_path))
    assert (own.languages, own.likely_languages) == (("en", "es"), ("es",))
    shipped = local_whisper(s, "base")  # a shipped model named instead of the configured one
    assert (shipped.choice, shipped.model) == ("base", "whisper-base")
    assert shipped.options == own.options and shipped.languages == ("en", "es")
