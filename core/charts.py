"""Charts for the workspace's insights page, drawn as inline SVG strings. Pure.

Each function takes plain numbers and labels and returns one `<svg>` element that carries its own
accessible name (`role="img"`, `<title>`, and a text summary in `aria-label`), so a screen reader
hears what a sighted person sees. Colours come from CSS classes (`bar`, `bar-alt`, `intent-high`
...), so the page's stylesheet decides the palette. Nothing here is fetched from anywhere.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

Series = Sequence[tuple[str, float]]


def _fmt(value: float, unit: str = "") -> str:
    if unit == "$":
        return f"${value:,.4f}" if 0 < abs(value) < 0.01 else f"${value:,.2f}"
    text = f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.1f}"
    return f"{text}{unit}"


def _svg(width: int, height: int, label: str, body: str, css: str = "chart") -> str:
    return (f'<svg class="{css}" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" preserveAspectRatio="xMinYMin meet" role="img" '
            f'aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>{body}</svg>")


def _summary(title: str, series: Series, unit: str) -> str:
    if not series:
        return f"{title}: no data"
    return f"{title}: " + ", ".join(f"{name} {_fmt(v, unit)}" for name, v in series)


def empty(title: str, width: int = 540, height: int = 60,
          message: str = "No data for this filter") -> str:
    """A frame that says there is nothing to draw for the current filter."""
    body = (f'<text class="empty" x="{width / 2}" y="{height / 2}" text-anchor="middle" '
            f'dominant-baseline="middle">{escape(message)}</text>')
    return _svg(width, height, f"{title}: {message.lower()}", body)


def bar_chart(title: str, series: Series, unit: str = "", width: int = 540,
              css_class: str = "bar") -> str:
    """Horizontal bars, largest first as given, label left, value at the end of the bar."""
    if not series:
        return empty(title, width)
    row, label_w, value_w = 24, 200, 70
    height = row * len(series) + 8
    top = max((v for _, v in series), default=0.0) or 1.0
    span = width - label_w - value_w
    parts = []
    for i, (name, value) in enumerate(series):
        y = 4 + i * row
        w = max(2.0, span * max(value, 0.0) / top)
        short = name if len(name) <= 30 else name[:29] + "…"
        parts.append(
            f'<g><title>{escape(name)}: {escape(_fmt(value, unit))}</title>'
            f'<text class="label" x="{label_w - 8}" y="{y + row / 2}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(short)}</text>'
            f'<rect class="{css_class}" x="{label_w}" y="{y + 4}" width="{w:.1f}" '
            f'height="{row - 8}" rx="3"/>'
            f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + row / 2}" '
            f'dominant-baseline="middle">{escape(_fmt(value, unit))}</text></g>')
    return _svg(width, height, _summary(title, series, unit), "".join(parts))


def column_chart(title: str, series: Series, width: int = 1180, height: int = 200) -> str:
    """Columns over time (one per bucket, oldest left), with a few value gridlines and every
    n-th bucket labelled so the labels never overlap."""
    if not series:
        return empty(title, width)
    left, bottom, top_pad = 40, 26, 10
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    peak = max(v for _, v in series) or 1.0
    step = _nice_step(peak)
    ceiling = step * math.ceil(peak / step)
    parts = []
    tick = 0.0
    while tick <= ceiling + 1e-9:
        y = top_pad + plot_h - plot_h * tick / ceiling
        parts.append(f'<line class="grid" x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="axis" x="{left - 6}" y="{y:.1f}" text-anchor="end" '
                     f'dominant-baseline="middle">{_fmt(tick)}</text>')
        tick += step
    slot = plot_w / len(series)
    every = max(1, math.ceil(len(series) / max(1, plot_w // 70)))
    for i, (name, value) in enumerate(series):
        h = plot_h * value / ceiling
        bar_w = min(slot * 0.7, 56.0)
        x = left + i * slot + (slot - bar_w) / 2
        parts.append(f'<g><title>{escape(name)}: {_fmt(value)}</title>'
                     f'<rect class="bar" x="{x:.1f}" y="{top_pad + plot_h - h:.1f}" '
                     f'width="{bar_w:.1f}" height="{max(h, 0.0):.1f}" rx="2"/></g>')
        if i % every == 0:
            parts.append(f'<text class="axis" x="{left + i * slot + slot / 2:.1f}" '
                         f'y="{height - 8}" text-anchor="middle">{escape(name)}</text>')
    return _svg(width, height, _summary(title, series, ""), "".join(parts))


def _nice_step(peak: float) -> float:
    raw = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for mult in (1, 2, 5, 10):
        if raw <= mult * magnitude:
            return float(max(mult * magnitude, 1))
    return float(10 * magnitude)


def stacked_bar(title: str, series: Series, width: int = 540) -> str:
    """One bar split into shares (e.g. the buying-intent mix), with a legend under it.
    Segment classes are `seg-<name>` so the stylesheet can colour high/medium/low/none."""
    total = sum(max(v, 0.0) for _, v in series)
    if not series or total <= 0:
        return empty(title, width)
    parts, x = [], 0.0
    for name, value in series:
        w = width * max(value, 0.0) / total
        if w <= 0:
            continue
        share = f"{100 * value / total:.0f}%"
        parts.append(f'<g><title>{escape(name)}: {_fmt(value)} ({share})</title>'
                     f'<rect class="seg seg-{escape(name.lower())}" x="{x:.1f}" y="0" '
                     f'width="{w:.1f}" height="28"/>')
        if w > 36:
            parts.append(f'<text class="seg-label" x="{x + w / 2:.1f}" y="14" '
                         f'text-anchor="middle" dominant-baseline="middle">{share}</text>')
        parts.append("</g>")
        x += w
    lx = 0.0
    for name, value in series:
        parts.append(f'<rect class="seg seg-{escape(name.lower())}" x="{lx:.1f}" y="40" '
                     f'width="12" height="12" rx="2"/><text class="label" x="{lx + 16:.1f}" '
                     f'y="46" dominant-baseline="middle">{escape(name)} ({_fmt(value)})</text>')
        lx += 18 + 8 * (len(name) + len(_fmt(value)) + 3)
    return _svg(width, 58, _summary(title, series, ""), "".join(parts))


def percentile_chart(title: str, median: float | None, p95: float | None, unit: str = " s",
                     width: int = 540) -> str:
    """Median and 95th percentile as two bars on one scale, so the tail is visible at a glance."""
    series = [(name, v) for name, v in (("median", median), ("95th percentile", p95))
              if v is not None]
    if not series:
        return empty(title, width)
    return bar_chart(title, series, unit, width, css_class="bar-alt")
