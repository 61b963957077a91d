"""The insights charts: SVG that parses, one mark per value, sizes proportional, named for
screen readers, no text from the data left unescaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from core import charts

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def bars(root: ET.Element, css: str) -> list[ET.Element]:
    return [r for r in root.iter(f"{NS}rect") if css in (r.get("class") or "").split()]


def test_bar_chart_widths_are_proportional_and_labelled() -> None:
    root = parse(charts.bar_chart("Top products", [("fleet tracking", 30), ("dashboard", 15)]))
    widths = [float(r.get("width", 0)) for r in bars(root, "bar")]
    assert len(widths) == 2 and abs(widths[0] / widths[1] - 2.0) < 0.01
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Top products: fleet tracking 30, dashboard 15"
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "fleet tracking" in texts and "30" in texts


def test_data_is_escaped() -> None:
    svg = charts.bar_chart("Places", [("<i>x</i>", 3)])
    assert "<i>" not in svg
    root = parse(svg)
    assert any(t.text == "<i>x</i>" for t in root.iter(f"{NS}text"))


def test_empty_series_says_so() -> None:
    root = parse(charts.bar_chart("Failures by stage", []))
    assert root.get("aria-label") == "Failures by stage: no data for this filter"
    assert [t.text for t in root.iter(f"{NS}text")] == ["No data for this filter"]


def test_column_chart_heights_follow_counts() -> None:
    series = [("01 Nov", 2.0), ("02 Nov", 8.0), ("03 Nov", 4.0)]
    root = parse(charts.column_chart("Calls per day", series))
    heights = [float(r.get("height", 0)) for r in bars(root, "bar")]
    assert heights[1] == max(heights) and abs(heights[1] / heights[0] - 4.0) < 0.01


def test_stacked_bar_shares_add_up_to_the_width() -> None:
    root = parse(charts.stacked_bar("Buying intent", [("high", 3), ("low", 1)], width=400))
    segments = [r for r in bars(root, "seg") if r.get("y") == "0"]
    assert [s.get("class") for s in segments] == ["seg seg-high", "seg seg-low"]
    assert [float(s.get("width", 0)) for s in segments] == [300.0, 100.0]
    assert "75%" in [t.text for t in root.iter(f"{NS}text")]


def test_percentile_chart_draws_median_and_p95() -> None:
    root = parse(charts.percentile_chart("Processing time", 5.8, 14.2))
    assert root.get("aria-label") == "Processing time: median 5.8 s, 95th percentile 14.2 s"
    assert charts.percentile_chart("Processing time", None, None).count("No data") == 1
