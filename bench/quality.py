"""Record quality of the local engines on the corpus (bench/corpus): word error rate of the
pipeline's stitched transcript against the bare model on the whole file, speaker role accuracy,
per-field accuracy per language, the rep stored as the customer, and fields filled from spoken
instructions. The held-out part is the one to quote; the development part is reported apart.

Each call is rendered once (bench.corpus.render, cached in .corpus/audio); speech results are
cached per audio span and engine options in .corpus/asr, so a second run only extracts again.
The pipeline runs in-process as the activities do (decode with speaker spans, chunk plan at
silence, chunks transcribed two at a time, stitch, roles, extract); `bench.pipeline` measures the
same path through the local host.

Usage: python -m bench.quality [--part heldout|dev|both] [--model base|tiny.en|auto]
                               [--json PATH] [--limit N]
(decoding options and languages come from the settings, LOCAL_WHISPER_*)
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from adapters import audio
from adapters.speech import LocalModel, LocalWhisper, SpeechResult, narrowband
from bench.corpus.model import CallScript
from bench.corpus.render import CACHE, Rendered, render_part
from core.chunking import max_chunk_seconds, plan_chunks
from core.roles import assign_roles
from core.speakers import speakers_for
from core.stitching import stitch
from models.analysis import CallAnalysis
from models.call import ChunkRef, ChunkTranscript, Segment, Speaker, Transcript
from settings import Settings

ASR_CACHE = CACHE.parent / "asr"
FIELDS = ["customer_name", "company", "city", "region", "country", "products", "budget",
          "timeline", "email", "phone", "intent"]
ALWAYS_SCORED = {"customer_name", "company", "city", "products", "budget", "timeline", "email",
                 "phone", "intent"}  # region and country only when said (see bench.corpus.model)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9' ]", " ", text)).strip()


def wer(reference: str, hypothesis: str) -> float:
    import jiwer

    return float(jiwer.wer(fold(reference), fold(hypothesis) or "<empty>"))


# --- speech, cached ---------------------------------------------------------------------------

class CachedSpeech:
    """An engine whose results are cached by the samples it hears (as faster-whisper decodes
    them) and its options: the model is deterministic on the CPU, so the same samples give the
    same transcript, and a call kept in one chunk (the same samples as the whole file, see
    adapters.audio) is transcribed once for both the bare and the pipeline column."""

    def __init__(self, engine: LocalWhisper, cache: Path = ASR_CACHE) -> None:
        self.engine, self.cache = engine, cache
        self.options = json.dumps([engine.model, engine.language, engine.split_pause,
                                   *engine.options.cache_key()])
        self.computed_seconds = 0.0
        self.seconds_of: dict[str, float] = {}  # key -> seconds the engine took (cached too)

    def transcribe(self, path: Path, key: str, duration: float) -> SpeechResult:
        from faster_whisper.audio import decode_audio

        samples = decode_audio(str(path))
        # pre-emphasis is applied to phone lines only, batched decoding to other audio only:
        # where an option does not apply, the transcript is the one without it
        phone, used = narrowband(samples), self.engine.options
        if used.phone_emphasis and not phone:
            used = dataclasses.replace(used, phone_emphasis=False)
        if used.batch_size and phone:
            used = dataclasses.replace(used, batch_size=0)
        options = json.dumps([self.engine.model, self.engine.language, self.engine.split_pause,
                              *used.cache_key()])
        if (self.engine.languages or self.engine.likely_languages) \
                and self.engine.choice != "tiny.en":
            # a language chosen over the one base hears (LOCAL_WHISPER_LANGUAGES or
            # LOCAL_WHISPER_LIKELY_LANGUAGES) changes the transcript only where they differ
            chosen, heard = self.engine.languages_of(samples)
            if chosen != heard:
                options += json.dumps(chosen)
        digest = hashlib.sha256(samples.tobytes() + options.encode()).hexdigest()[:16]
        cached = self.cache / f"{digest}.json"
        if cached.is_file():
            data = json.loads(cached.read_text())
            self.seconds_of[key] = float(data.get("seconds", 0.0))
            return SpeechResult([Segment.model_validate(s) for s in data["segments"]],
                                data["language"])
        t0 = time.perf_counter()
        result = self.engine.transcribe(path, duration)
        took = time.perf_counter() - t0
        self.computed_seconds += took
        self.seconds_of[key] = took
        self.cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps({"key": key, "options": self.options, "seconds": took,
                                      "language": result.language,
                                      "segments": [s.model_dump(mode="json")
                                                   for s in result.segments]}))
        return result


def bare(speech: CachedSpeech, r: Rendered) -> Transcript:
    """The model alone on the whole file, same options."""
    result = speech.transcribe(r.path, f"{r.path.name}:whole", r.duration)
    segments = [s for s in result.segments if s.text.strip()]
    return Transcript(text=" ".join(s.text.strip() for s in segments), segments=segments,
                      language=result.language)


def pipeline(speech: CachedSpeech, r: Rendered, settings: Settings) -> tuple[Transcript, int]:
    """What prepare_audio, transcribe_chunk and the stitch do, in-process."""
    with tempfile.TemporaryDirectory(prefix="quality-") as tmp:
        pcm = Path(tmp) / "audio.pcm"
        info, env, spans = audio.decode_call(r.path, pcm)
        longest = max_chunk_seconds(settings.chunk_max_seconds, settings.chunk_max_bytes,
                                    16_000 * 2 * 1.05)
        planned = plan_chunks(env, info.duration_seconds, longest,
                              settings.silence_search_seconds, settings.chunk_overlap_seconds,
                              settings.chunk_parallelism, settings.chunk_min_seconds)
        files = audio.write_chunks(pcm, planned, Path(tmp) / "chunks")

        def one(i: int) -> ChunkTranscript:
            c = planned[i]
            result = speech.transcribe(files[i], f"{r.path.name}:{c.start:.3f}-{c.end:.3f}",
                                       c.end - c.start)
            return ChunkTranscript(chunk_index=c.index, segments=result.segments,
                                   language=result.language)

        with ThreadPoolExecutor(max(1, settings.local_whisper_parallel)) as pool:
            parts = list(pool.map(one, range(len(planned))))
    refs = [ChunkRef(index=c.index, blob_name="", start_seconds=c.start, end_seconds=c.end,
                     owned_from=c.owned_from, owned_to=c.owned_to) for c in planned]
    parties = speakers_for(spans, info.channels == 2, settings.rep_channel)
    return stitch(refs, parts, spans, parties), len(planned)


def script_transcript(call: CallScript) -> Transcript:
    """The script as a perfectly heard transcript: one segment per turn, labelled by party
    ("S1" speaks first) but with no roles, so roles are still decided from what is said."""
    first = call.turns[0].speaker
    segments = [Segment(start=float(i), end=float(i) + 0.9, text=t.text, confidence=1.0,
                        speaker="S1" if t.speaker == first else "S2")
                for i, t in enumerate(call.turns)]
    return Transcript(text=call.text, segments=segments, language=call.language,
                      speakers=[Speaker(label="S1"), Speaker(label="S2")])


# --- roles and fields -----------------------------------------------------------------------

def _extractor() -> Callable[[Transcript], CallAnalysis]:
    """The local engine as the app runs it (`EXTRACT_ENGINE=local`, no catalog): the rules with
    spaCy's small English pipeline for names and grammar."""
    from adapters.extractors import LocalExtractor

    engine = LocalExtractor(None)
    return lambda t: engine.extract(t).analysis


def role_accuracy(transcript: Transcript, r: Rendered) -> tuple[int, int]:
    """Words whose segment's role is the role of the party speaking at that moment."""
    roles = {s.label: s.role for s in transcript.speakers}
    right = total = 0
    for seg in transcript.segments:
        truth = r.role_at((seg.start + seg.end) / 2)
        words = len(seg.text.split())
        if truth is None or not words:
            continue
        total += words
        right += words if roles.get(seg.speaker or "") == truth else 0
    return right, total


def _same(a: str | None, b: str | None, threshold: int = 88) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return fuzz.ratio(fold(a), fold(b)) >= threshold


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _same_phone(want: str | None, got: str | None) -> bool:
    if want is None or got is None:
        return want is None and got is None
    a, b = _digits(want), _digits(got)
    return a == b or (min(len(a), len(b)) >= 9 and (a.endswith(b) or b.endswith(a)))


def _same_products(want: tuple[str, ...], got: list[str]) -> bool:
    def match(x: str, y: str) -> bool:
        return fuzz.token_set_ratio(fold(x), fold(y)) >= 80

    return (all(any(match(w, g) for g in got) for w in want)
            and all(any(match(w, g) for w in want) for g in got))


def field_hits(a: CallAnalysis, call: CallScript) -> dict[str, bool]:
    t = call.truth
    loc = a.location.value if a.location else None
    budget = a.budget.value if a.budget else None
    got_amount = budget.amount if budget else None
    want_budget = (t.budget_amount, t.budget_currency)
    hits = {
        "customer_name": _same(t.customer_name, a.customer_name.value if a.customer_name
                               else None),
        "company": _same(t.company, a.company.value if a.company else None),
        "city": _same(t.city, loc.city if loc else None),
        "region": _same(t.region, loc.region if loc else None),
        "country": _same(t.country, loc.country if loc else None),
        "products": _same_products(t.products_of_interest,
                                   [p.value for p in a.products_of_interest]),
        "budget": (got_amount is None and want_budget[0] is None) or (
            got_amount is not None and want_budget[0] is not None
            and abs(got_amount - want_budget[0]) <= 0.01 * want_budget[0]
            and (budget.currency if budget else None) == want_budget[1]),
        "timeline": (t.timeline is None and a.timeline is None) or (
            t.timeline is not None and a.timeline is not None
            and fuzz.token_set_ratio(fold(t.timeline), fold(a.timeline.value)) >= 80),
        "email": (a.contact_email.value.lower() if a.contact_email else None) == t.contact_email,
        "phone": _same_phone(t.contact_phone, a.contact_phone.value if a.contact_phone
                             else None),
        "intent": a.buying_intent.value == t.buying_intent,
    }
    return {k: v for k, v in hits.items()
            if k in ALWAYS_SCORED or getattr(t, k) is not None}


HEARD_AT = 90  # rapidfuzz partial ratio of the folded value within the folded transcript
WRITTEN = {"customer_name", "company", "city", "region", "country", "products"}  # said as is


def heard(call: CallScript, key: str, text: str) -> bool:
    """The recogniser wrote the field's true value (a name, company, place or product said as
    written), so a miss of it is the extractor's, not the recogniser's."""
    want = call.truth.products_of_interest if key == "products" else (getattr(call.truth, key),)
    said = fold(text)
    return bool(want) and all(w is not None and fuzz.partial_ratio(fold(w), said) >= HEARD_AT
                              for w in want)


def rep_as_customer(a: CallAnalysis, call: CallScript) -> bool:
    t = call.truth
    name = a.customer_name.value if a.customer_name else None
    company = a.company.value if a.company else None
    return bool((name and (_same(name, t.rep_name) or fold(t.rep_name) in fold(name)))
                or (company and _same(company, t.rep_company)))


def from_instructions(a: CallAnalysis, call: CallScript) -> list[str]:
    """The fields that hold a value planted only in an instruction turn."""
    got: dict[str, Any] = {
        "budget_amount": a.budget.value.amount if a.budget else None,
        "customer_name": a.customer_name.value if a.customer_name else None,
        "company": a.company.value if a.company else None,
        "buying_intent": a.buying_intent.value,
        "products_of_interest": [p.value for p in a.products_of_interest],
    }
    hit = []
    for key, value in call.truth.planted.items():
        have = got.get(key)
        if key == "buying_intent" and value == call.truth.buying_intent:
            continue
        if isinstance(have, list):
            if any(fuzz.token_set_ratio(fold(str(value)), fold(h)) >= 80 for h in have):
                hit.append(key)
        elif isinstance(value, str) and isinstance(have, str):
            if _same(value, have):
                hit.append(key)
        elif have is not None and have == value:
            hit.append(key)
    return hit


# --- the run ------------------------------------------------------------------------------

@dataclass
class CallResult:
    key: str
    language: str
    plan: str
    duration: float
    chunks: int
    wer_bare: float
    wer_pipeline: float
    detected: str | None
    roles: tuple[int, int]
    fields_script: dict[str, bool]
    fields_audio: dict[str, bool]
    rep_as_customer: bool
    instructed: list[str] = field(default_factory=list)
    missed_heard: list[str] = field(default_factory=list)  # audio misses whose value was heard


def run_part(calls: list[CallScript], speech: CachedSpeech, settings: Settings,
             log: Callable[[str], None]) -> list[CallResult]:
    extract = _extractor()
    out = []
    for call, r in zip(calls, render_part(calls), strict=True):
        whole = bare(speech, r)
        stitched, chunks = pipeline(speech, r, settings)
        labelled = assign_roles(stitched)
        analysis = extract(labelled)
        on_script = extract(script_transcript(call))
        plan = (f"{r.path.suffix[1:]} {r.plan.rate / 1000:g} kHz"
                f"{' stereo' if r.plan.stereo else ''}{' phone' if r.plan.phone else ''}")
        audio_hits = field_hits(analysis, call)
        res = CallResult(
            key=call.key, language=call.language, plan=plan, duration=r.duration, chunks=chunks,
            wer_bare=wer(call.text, whole.text), wer_pipeline=wer(call.text, stitched.text),
            detected=stitched.language, roles=role_accuracy(labelled, r),
            fields_script=field_hits(on_script, call), fields_audio=audio_hits,
            rep_as_customer=rep_as_customer(analysis, call),
            missed_heard=[k for k, hit in audio_hits.items()
                          if not hit and k in WRITTEN and heard(call, k, stitched.text)],
            instructed=from_instructions(analysis, call) + [
                f"{k} (script)" for k in from_instructions(on_script, call)])
        log(f"{call.key}: WER {res.wer_bare:.3f} bare, {res.wer_pipeline:.3f} pipeline "
            f"({chunks} chunks), roles {res.roles[0]}/{res.roles[1]} words, fields "
            f"{sum(res.fields_audio.values())}/{len(res.fields_audio)}")
        out.append(res)
    return out


def _share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.2f} ({sum(values)}/{len(values)})" if values else "–"


def report(name: str, results: list[CallResult]) -> str:
    langs = sorted({r.language for r in results})
    n = {lang: sum(r.language == lang for r in results) for lang in langs}
    lines = [f"#### {name} part: {len(results)} calls "
             f"({', '.join(f'{n[lang]} {lang}' for lang in langs)})", "",
             "| call | audio | s | chunks | language heard | WER bare | WER pipeline | "
             "roles right (words) | fields right |", "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.key} | {r.plan} | {r.duration:.0f} | {r.chunks} | {r.detected} | "
                     f"{r.wer_bare:.3f} | {r.wer_pipeline:.3f} | "
                     f"{r.roles[0] / max(1, r.roles[1]):.2f} | "
                     f"{sum(r.fields_audio.values())}/{len(r.fields_audio)} |")
    worse = [r.key for r in results if r.wer_pipeline > r.wer_bare + 1e-9]
    lines += ["", f"Pipeline WER above the bare model's: {len(worse)} of {len(results)} calls"
              + (f" ({', '.join(worse)})" if worse else "") + "."]
    for lang in langs:
        sub = [r for r in results if r.language == lang]
        lines.append(f"Mean WER {lang}: bare {sum(r.wer_bare for r in sub) / len(sub):.3f}, "
                     f"pipeline {sum(r.wer_pipeline for r in sub) / len(sub):.3f}; language "
                     f"detected right on {sum(r.detected == lang for r in sub)}/{len(sub)}.")
    right = sum(r.roles[0] for r in results)
    total = sum(r.roles[1] for r in results)
    lines.append(f"Role accuracy: {right / max(1, total):.3f} of words attributed to the right "
                 f"party (rep or customer); calls with at least 90% right: "
                 f"{sum(r.roles[0] >= 0.9 * r.roles[1] for r in results)}/{len(results)}.")
    lines += ["", "| field | " + " | ".join(f"{lang} on audio (n={n[lang]})" for lang in langs)
              + " | " + " | ".join(f"{lang} on the script" for lang in langs) + " |",
              "|---|" + "---|" * (2 * len(langs))]
    for key in [*FIELDS, "all fields"]:
        cells = []
        for source in ("fields_audio", "fields_script"):
            for lang in langs:
                vals = [v for r in results if r.language == lang
                        for k, v in getattr(r, source).items() if key in (k, "all fields")]
                cells.append(_share(vals))
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    for lang in langs:
        sub = [r for r in results if r.language == lang]
        missed = [k for r in sub for k, hit in r.fields_audio.items() if not hit and k in WRITTEN]
        by_field = Counter(k for r in sub for k in r.missed_heard)
        lines.append(
            f"Misses on {lang} audio of the fields said as written ({', '.join(sorted(WRITTEN))})"
            f" whose true value the recogniser wrote (the extractor's to fix): "
            f"{sum(by_field.values())} of {len(missed)}"
            + (f" ({', '.join(f'{k} {v}' for k, v in by_field.most_common())})" if by_field
               else "") + ".")
    reps = [r.key for r in results if r.rep_as_customer]
    told = [f"{r.key}: {', '.join(r.instructed)}" for r in results if r.instructed]
    lines += ["", f"Rep stored as the customer (name or company): {len(reps)} of {len(results)}"
              + (f" ({', '.join(reps)})" if reps else "") + ".",
              f"Fields filled from spoken instructions: {len(told)} calls"
              + (f" ({'; '.join(told)})" if told else "") + "."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from adapters.factory import local_whisper
    from bench.corpus import dev, heldout

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--part", choices=["heldout", "dev", "both"], default="heldout")
    ap.add_argument("--model", choices=["base", "tiny.en", "auto"], default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None, help="first N calls of each part")
    args = ap.parse_args(argv)
    settings = Settings.model_validate({})
    choice: LocalModel = args.model or settings.local_whisper_model
    engine = local_whisper(settings, choice)  # a shipped model, as the corpus figures are
    speech = CachedSpeech(engine)
    parts = {"heldout": heldout.calls, "dev": dev.calls}
    names = ["heldout", "dev"] if args.part == "both" else [args.part]
    out: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        results = run_part(parts[name]()[: args.limit], speech, settings,
                           lambda line: print(line, file=sys.stderr, flush=True))
        print(f"Local engines: Whisper {engine.model} ({engine.options}), the local "
              "extractor as the app runs it (rules and spaCy's small English pipeline), without "
              "a catalog.\n")
        print(report(name, results) + "\n")
        out[name] = [r.__dict__ for r in results]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1, default=str))
    print(f"(speech computed this run: {speech.computed_seconds:.0f} s; the rest from "
          f"{ASR_CACHE})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
