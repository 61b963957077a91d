"""PII redaction of a call record (REDACT_PII=off|transcript|all), as pure functions.

Spans to mask come from a detector handed in (the presidio adapter, `adapters.redaction`) and from
the spoken forms only this project understands: addresses said as words ("maria dot lopez at acme
dot com", "arroba"), numbers said digit by digit (phones, card and account numbers, split or
not by the recogniser), and the names the extractor found. A mask names what was there:
"<PERSON>", "<EMAIL_ADDRESS>", "<PHONE_NUMBER>".

- `transcript`: the stored transcript (text and every segment) is masked; the extracted fields
  are kept as they are.
- `all`: the transcript, and the extracted fields other than those kept for follow-up
  (REDACT_KEEP_FIELDS, by default the customer's name, e-mail and phone): their values where they
  are personal (name, e-mail, phone, city/region) and every quote, the summary and next steps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from core.normalize import ADDITIVE, ALL_DIGIT_WORDS, digits_from_speech, find_emails, fold
from models.analysis import CallAnalysis, Evidence, Location
from models.call import Transcript

RedactMode = Literal["off", "transcript", "all"]
DEFAULT_KEEP = ("customer_name", "contact_email", "contact_phone")
PERSONAL_FIELDS = ("customer_name", "company", "location", "budget", "timeline",
                   "contact_email", "contact_phone")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    entity: str  # PERSON, EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, ACCOUNT_NUMBER, LOCATION, ...


Detector = Callable[[str], list[Span]]

_NUMBER_WORDS = {*ALL_DIGIT_WORDS, *(k for k, v in ADDITIVE.items() if 10 <= v < 100),
                 "double", "triple", "doble", "oh", "plus", "mas"}
_STREET = re.compile(r"\b\d{1,5}\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|"
                     r"Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq)\b\.?"
                     r"|\b(?:Calle|Avenida|Av\.|Paseo|Plaza|Carrera|Rua|Praça)\s+(?:[\wÁ-ú'-]+\s+)"
                     r"{0,3}[\wÁ-ú'-]+(?:,?\s+(?:n[úu]mero\s+)?\d{1,5})?")


def spoken_spans(text: str) -> list[Span]:
    """E-mail addresses and long numbers as said, streets: what a generic detector misses."""
    spans: list[Span] = []
    low = fold(text)
    for _, said in find_emails(text):
        pos = text.find(said)
        if pos < 0:
            pos = low.find(fold(said))
        if pos >= 0:
            spans.append(Span(pos, pos + len(said), "EMAIL_ADDRESS"))
    tokens = list(re.finditer(r"\+|[a-z]+|\d+", low))
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and (tokens[j].group(0).isdigit() or tokens[j].group(0) == "+"
                                   or tokens[j].group(0) in _NUMBER_WORDS
                                   or (tokens[j].group(0) in ("y", "e") and j > i)):
            j += 1
        if j > i:
            digits = digits_from_speech(low[tokens[i].start():tokens[j - 1].end()])
            if len(digits) >= 7:
                kind = "CREDIT_CARD" if 13 <= len(digits) <= 19 and _luhn(digits) else \
                    "PHONE_NUMBER" if len(digits) <= 15 else "ACCOUNT_NUMBER"
                spans.append(Span(tokens[i].start(), tokens[j - 1].end(), kind))
            i = j
        else:
            i += 1
    spans += [Span(m.start(), m.end(), "ADDRESS") for m in _STREET.finditer(text)]
    return spans


def _luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def name_spans(text: str, names: Iterable[str]) -> list[Span]:
    """Every occurrence of the given names, and of each of their words ("Maria", "Lopez")."""
    spans: list[Span] = []
    words = {w for n in names for w in [n, *n.split()] if len(w) > 2}
    for word in sorted(words, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I):
            spans.append(Span(m.start(), m.end(), "PERSON"))
    return spans


def mask(text: str, spans: Iterable[Span]) -> str:
    """The text with each span (overlaps merged, the longest first) replaced by <ENTITY>."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if chosen and span.start < chosen[-1].end:
            if span.end > chosen[-1].end:
                last = chosen[-1]
                chosen[-1] = Span(last.start, span.end, last.entity)
            continue
        chosen.append(span)
    out, pos = [], 0
    for span in chosen:
        out.append(text[pos:span.start])
        out.append(f"<{span.entity}>")
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def redact_text(text: str, detect: Detector, names: Iterable[str] = ()) -> str:
    return mask(text, [*detect(text), *spoken_spans(text), *name_spans(text, names)])


def redact_transcript(transcript: Transcript, detect: Detector,
                      names: Iterable[str] = ()) -> Transcript:
    names = list(names)
    segments = [s.model_copy(update={"text": redact_text(s.text, detect, names)})
                for s in transcript.segments]
    return transcript.model_copy(update={"text": redact_text(transcript.text, detect, names),
                                         "segments": segments})


def redact_analysis(analysis: CallAnalysis, detect: Detector, keep: Iterable[str],
                    names: Iterable[str] = ()) -> CallAnalysis:
    """Mask the personal values of the fields not kept, and the quotes, summary and next steps
    (the kept fields keep their value and quote)."""
    keep = set(keep)
    names = list(names)
    data = analysis.model_copy(deep=True)

    def quote(ev: Evidence[Any]) -> None:
        ev.quote = redact_text(ev.quote, detect, names)

    for field in PERSONAL_FIELDS:
        ev = getattr(data, field)
        if ev is None or field in keep:
            continue
        if field == "customer_name":
            ev.value = "<PERSON>"
        elif field == "contact_email":
            ev.value = "<EMAIL_ADDRESS>"
        elif field == "contact_phone":
            ev.value = "<PHONE_NUMBER>"
        elif field == "location":
            loc: Location = ev.value
            ev.value = Location(city="<LOCATION>" if loc.city else None,
                                region="<LOCATION>" if loc.region else None, country=loc.country)
        quote(ev)
    for product in data.products_of_interest:
        quote(product)
    quote(data.buying_intent)
    data.summary = redact_text(data.summary, detect, names)
    data.next_steps = [redact_text(s, detect, names) for s in data.next_steps]
    return data


def redact_call(transcript: Transcript | None, analysis: CallAnalysis | None, mode: RedactMode,
                detect: Detector, keep: Iterable[str] = DEFAULT_KEEP,
                names: Iterable[str] = ()) -> tuple[Transcript | None, CallAnalysis | None]:
    """What is stored of a call under REDACT_PII=mode. `names`: people named in the call (the
    customer's name from the extraction, the rep's), masked wherever they occur."""
    if mode == "off":
        return transcript, analysis
    names = [n for n in names if n and not n.startswith("<")]
    if analysis is not None and analysis.customer_name is not None:
        names.append(analysis.customer_name.value)
    if transcript is not None:
        transcript = redact_transcript(transcript, detect, names)
    if mode == "all" and analysis is not None:
        analysis = redact_analysis(analysis, detect, keep, names)
    return transcript, analysis
