"""Local-engine quality on the project's own generated calls: word error rate and per-field
extraction accuracy (on the script itself, and on what local Whisper heard).

Usage: python -m bench.quality
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from rapidfuzz import fuzz

from adapters.extractors import LocalExtractor
from adapters.speech import LocalWhisper
from models.analysis import CallAnalysis
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS, CallScript

FIELDS = ["customer_name", "company", "city", "products", "budget", "timeline", "email",
          "phone", "intent"]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9' ]", " ", text.lower())).strip()


def wer(reference: str, hypothesis: str) -> float:
    import jiwer

    return float(jiwer.wer(normalise(reference), normalise(hypothesis)))


def field_hits(a: CallAnalysis, expected: dict) -> dict[str, bool]:
    got = {
        "customer_name": a.customer_name.value if a.customer_name else None,
        "company": a.company.value if a.company else None,
        "city": a.location.value.city if a.location else None,
        "budget": a.budget.value.amount if a.budget else None,
        "timeline": a.timeline.value if a.timeline else None,
        "email": a.contact_email.value if a.contact_email else None,
        "phone": a.contact_phone.value if a.contact_phone else None,
        "intent": a.buying_intent.value,
    }
    out = {}
    for key in FIELDS:
        if key not in expected:
            continue
        want = expected[key]
        if key == "products":
            have = [p.value for p in a.products_of_interest]
            out[key] = all(any(fuzz.token_set_ratio(w, h) >= 80 for h in have) for w in want)  # type: ignore[union-attr]
        elif isinstance(want, str):
            out[key] = isinstance(got[key], str) and got[key].lower() == want.lower()  # type: ignore[union-attr]
        else:
            out[key] = got[key] == want
    return out


def run(calls: list[CallScript]) -> str:
    speech = LocalWhisper(None, "whisper-tiny.en", beam_size=5, threads=2)
    extractor = LocalExtractor(None)
    rows, totals = [], {"script": {}, "asr": {}}  # type: ignore[var-annotated]
    wers: dict[str, list[float]] = {"16 kHz MP3": [], "8 kHz telephone": []}
    with tempfile.TemporaryDirectory() as tmp:
        for call in calls:
            samples = conversation(call.lines)
            heard = {}
            for label, path, rate in (("16 kHz MP3", Path(tmp) / f"{call.key}.mp3", 16000),
                                      ("8 kHz telephone", Path(tmp) / f"{call.key}.wav", 8000)):
                write(samples, path, rate=rate)
                result = speech.transcribe(path, len(samples) / 22050)
                heard[label] = " ".join(s.text.strip() for s in result.segments)
                wers[label].append(wer(call.text, heard[label]))
            for source, text in (("script", call.text), ("asr", heard["16 kHz MP3"])):
                for key, ok in field_hits(extractor.extract(text).analysis, call.expected).items():
                    totals[source].setdefault(key, []).append(ok)
            rows.append(f"| {call.key} | {wers['16 kHz MP3'][-1]:.2f} | "
                        f"{wers['8 kHz telephone'][-1]:.2f} |")
    lines = ["Word error rate (local Whisper tiny.en, beam 5; digits vs spoken numbers count as "
             "errors):", "", "| call | WER 16 kHz MP3 | WER 8 kHz telephone |", "|---|---|---|",
             *rows,
             f"| mean | {sum(wers['16 kHz MP3']) / len(calls):.2f} | "
             f"{sum(wers['8 kHz telephone']) / len(calls):.2f} |", "",
             "Extraction accuracy per field (local extractor), share of calls right:", "",
             "| field | on the script | on the local transcript |", "|---|---|---|"]
    for key in FIELDS:
        s, a = totals["script"].get(key, []), totals["asr"].get(key, [])
        if s:
            lines.append(f"| {key} | {sum(s)}/{len(s)} | {sum(a)}/{len(a)} |")
    return "\n".join(lines)


def main() -> int:
    print(run(CALLS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
