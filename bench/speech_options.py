"""Decoding options of the local recogniser measured side by side on DEVELOPMENT calls only:
word error rate per language and time (CPU seconds per second of audio) for each option set.

Development material only: the calls of `bench.corpus.dev`, and (with `--variants`) the same
scripts rendered again at other positions of the rendering plan (other voices, formats and phone
lines; `bench.corpus.render.plan_for`), so each Spanish script is also heard as a different
recording. The held-out part is never read here.

Speech is cached per samples and options (`bench.quality.CachedSpeech`), so a second run only
scores again; the time column comes from the cache too.

Usage: python -m bench.speech_options [--lang es|en|both] [--variants N]
                                      [--sets default,langs,langs+prompt,...] [--limit N] [--fresh]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from adapters.speech import DecodeOptions, LocalWhisper
from bench.corpus.model import CallScript
from bench.corpus.render import Rendered, render
from bench.quality import ASR_CACHE, CachedSpeech, bare, wer

VARIANT_OFFSET = 2  # a variant is the script rendered as the call two places later would be

# Named changes from the current defaults; "a+b" applies both.
CHANGES: dict[str, dict[str, object]] = {
    "default": {},
    "langs": {"languages": ("en", "es")},
    "likely": {"likely_languages": ("en", "es")},
    "prev": {"condition_on_previous_text": True},
    "vad": {"vad_filter": True},
    "prompt": {"prompt": True},
    "beam1": {"beam_size": 1},
    "beam8": {"beam_size": 8},
    "notemp": {"temperature_fallback": False},
    "strict": {"no_speech_threshold": 0.4, "compression_ratio_threshold": 2.0},
    "emph": {"phone_emphasis": True},
    "det3": {"detection_segments": 3},
    "batch8": {"batch_size": 8},
}


@dataclass
class Row:
    name: str
    wer: dict[str, list[float]]
    seconds: float
    audio: float
    detected: dict[str, tuple[int, int]]
    phone_wer: dict[str, list[float]]


def engine_for(name: str) -> LocalWhisper:
    changes: dict[str, object] = {}
    for part in name.split("+"):
        changes.update(CHANGES[part])
    languages = changes.pop("languages", ())
    likely = changes.pop("likely_languages", ())
    options = dataclasses.replace(DecodeOptions(), **changes)  # type: ignore[arg-type]
    return LocalWhisper(None, "", options.beam_size, 2, 1, choice="base",
                        languages=tuple(languages),  # type: ignore[arg-type]
                        options=options,
                        likely_languages=tuple(likely))  # type: ignore[arg-type]


def development_calls(languages: set[str], variants: int) -> list[tuple[CallScript, Rendered]]:
    from bench.corpus import dev

    calls = dev.calls()
    out = []
    for v in range(variants + 1):
        for position, call in enumerate(calls):
            if call.language in languages:
                out.append((call, render(call, position + v * VARIANT_OFFSET)))
    return out


def measure(name: str, calls: list[tuple[CallScript, Rendered]],
            log: Callable[[str], None], cache: Path | None = None) -> Row:
    speech = CachedSpeech(engine_for(name), cache or ASR_CACHE)
    row = Row(name, {}, 0.0, 0.0, {}, {})
    for call, r in calls:
        heard = bare(speech, r)
        w = wer(call.text, heard.text)
        row.wer.setdefault(call.language, []).append(w)
        if r.plan.phone:
            row.phone_wer.setdefault(call.language, []).append(w)
        right, n = row.detected.get(call.language, (0, 0))
        row.detected[call.language] = (right + (heard.language == call.language), n + 1)
        row.seconds += speech.seconds_of[f"{r.path.name}:whole"]
        row.audio += r.duration
        log(f"{name} {r.path.name}: WER {w:.3f}, heard {heard.language}")
    return row


def table(rows: list[Row]) -> str:
    langs = sorted({lang for row in rows for lang in row.wer})

    def mean(values: list[float]) -> str:
        return f"{sum(values) / len(values):.3f}" if values else "–"

    head = ("| options | " + " | ".join(
        f"{lang} WER (n={len(rows[0].wer.get(lang, []))}) | {lang} phone WER | "
        f"{lang} language right" for lang in langs) + " | CPU s per audio s |")
    lines = [head, "|---|" + "---|---|---|" * len(langs) + "---|"]
    for row in rows:
        cells = []
        for lang in langs:
            right, n = row.detected.get(lang, (0, 0))
            cells += [mean(row.wer.get(lang, [])), mean(row.phone_wer.get(lang, [])),
                      f"{right}/{n}"]
        lines.append(f"| {row.name} | " + " | ".join(cells)
                     + f" | {row.seconds / max(row.audio, 1e-9):.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--lang", choices=["es", "en", "both"], default="es")
    ap.add_argument("--variants", type=int, default=0,
                    help="also render each script N more times at other plan positions")
    ap.add_argument("--sets", default="default,langs")
    ap.add_argument("--limit", type=int, default=None, help="the first N recordings only")
    ap.add_argument("--fresh", action="store_true",
                    help="transcribe everything again in this run (a new cache in a temporary "
                         "directory), so the time column compares the sets side by side")
    args = ap.parse_args(argv)
    languages = {"es", "en"} if args.lang == "both" else {args.lang}
    calls = development_calls(languages, args.variants)[: args.limit]
    with tempfile.TemporaryDirectory(prefix="speech-options-") as tmp:
        rows = [measure(name, calls, lambda line: print(line, file=sys.stderr, flush=True),
                        Path(tmp) if args.fresh else None)
                for name in args.sets.split(",")]
    print(f"Development calls: {len(calls)} recordings "
          f"({sum(r.duration for _, r in calls):.0f} s), Whisper base, whole files.\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
