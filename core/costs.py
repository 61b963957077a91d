"""What a call costs on the cloud engines, from its recorded audio minutes and token usage."""

from __future__ import annotations

from dataclasses import dataclass

from models.record import CallRecord


@dataclass(frozen=True)
class Prices:
    """US dollars; override with the prices of your agreement."""

    transcription_per_minute: float = 0.006  # whisper-1
    input_per_million_tokens: float = 0.15  # gpt-4o-mini
    output_per_million_tokens: float = 0.60


def call_cost(record: CallRecord, prices: Prices) -> float:
    usage = record.metadata.usage
    engines = record.metadata.engines
    cost = 0.0
    if engines.transcription_engine in ("openai", "azure-openai"):
        cost += usage.audio_seconds / 60 * prices.transcription_per_minute
    if engines.extraction_engine in ("openai", "azure-openai"):
        cost += usage.prompt_tokens / 1e6 * prices.input_per_million_tokens
        cost += usage.completion_tokens / 1e6 * prices.output_per_million_tokens
    return cost
