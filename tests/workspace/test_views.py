"""What the pages show for a call, a list row and the insights, from the stored models; and that
each template renders them (StrictUndefined: a missing value is an error, not a blank)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html.parser import HTMLParser

from models.workspace import (
    CallSummary,
    CallView,
    Correction,
    Count,
    Insights,
    Orchestration,
    TimeBucket,
)
from tests.helpers.records import acme_record
from workspace import data, pages, views

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Elements(HTMLParser):
    """Elements by id and the text of each, enough to check a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, dict[str, str | None]] = {}
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.by_id[str(a["id"])] = a
        self.classes.extend((a.get("class") or "").split())


def corrected_view() -> CallView:
    record = acme_record(speakers=True)
    assert record.analysis and record.analysis.company
    fixed = record.analysis.model_copy(update={"company": record.analysis.company.model_copy(
        update={"value": "Acme Logistics Inc."})})
    return CallView(record=record, analysis=fixed, corrected=["company"],
                    corrections=[Correction(field="company", value="Acme Logistics Inc.",
                                            by="Jo Rep", at=AT)],
                    orchestration=Orchestration(instance_id="c-acme-i1",
                                                runtime_status="Completed"))


def test_fields_show_correction_beside_engine_value_and_point_at_quotes() -> None:
    ctx = data.call_context(corrected_view())
    by_key = {f["key"]: f for f in ctx["fields"]}
    company = by_key["company"]
    assert (company["shown"], company["engine"]) == ("Acme Logistics Inc.", "Acme Logistics")
    assert company["correction"]["by"] == "Jo Rep"
    assert company["segments"] == [0]
    budget = by_key["budgetAmount"]
    assert (budget["shown"], budget["segments"]) == ("$25,000", [2])
    assert by_key["timeline"]["segments"] == [2]
    assert by_key["contactEmail"]["segments"] == [3]
    assert by_key["city"]["quote"] == "in Denver, Colorado" and by_key["region"]["quote"] == ""
    assert [by_key["product-0"]["shown"], by_key["product-1"]["segments"]] == [
        "fleet tracking software", [1]]
    assert ctx["title"] == "Maria Lopez"
    assert ctx["subtitle"].startswith("Acme Logistics Inc. · Denver, Colorado, United States")


def test_turns_carry_time_speaker_and_role() -> None:
    turns = views.turns(acme_record(speakers=True))
    assert [(t["clock"], t["speaker"], t["role"]) for t in turns[:2]] == [
        ("0:00", "Customer", "customer"), ("0:05", "Rep", "rep")]
    assert [t["speaker"] for t in views.turns(acme_record())] == [""] * 5


def test_processing_metadata_lists_engines_timings_and_cost() -> None:
    rows = dict(views.processing(acme_record(), 0.0025))
    assert rows["Transcription"] == "local · whisper-tiny.en"
    assert rows["Total"] == "3.6 s" and rows["Chunks"] == "1" and rows["Cost"] == "$0.0025"


def test_failed_call_shows_stage_reason_and_replay() -> None:
    view = CallView(record=acme_record("failed"),
                    orchestration=Orchestration(instance_id="c-acme-i1", runtime_status="Failed"))
    ctx = data.call_context(view)
    html = pages.templates().get_template("call.html").render(
        base=pages.BASE, api=pages.API, qs="", page="calls", c=ctx)
    found = Elements()
    found.feed(html)
    assert found.by_id["replay"]["data-url"] == "/api/v1/calls/c-acme/replay"
    assert ctx["failure"].stage == "extract" and "catalog" in ctx["failure"].reason


def test_call_page_renders_with_audio_turns_and_correction_forms() -> None:
    ctx = data.call_context(corrected_view())
    html = pages.templates().get_template("call.html").render(
        base=pages.BASE, api=pages.API, qs="", page="calls", c=ctx)
    found = Elements()
    found.feed(html)
    assert found.by_id["player"]["src"] == "/api/v1/calls/c-acme/audio"
    assert {f"seg-{i}" for i in range(5)} <= set(found.by_id)
    assert found.by_id["call"]["data-status-url"] == "/api/v1/calls/c-acme"
    assert "is-corrected" in found.classes
    assert "code=" not in html and "AccountKey" not in html and "sig=" not in html


def test_list_row_of_a_running_call_shows_progress() -> None:
    row = data.row(CallSummary(call_id="c1", blob_name="new.mp3", status="processing",
                               stage="transcribing", chunks_done=2, chunks_total=6,
                               updated_at=AT))
    assert (row["customer"], row["status_label"], row["progress"]) == (
        "", "Processing", "transcribing · 2/6 chunks")
    done = data.row(CallSummary(call_id="c2", blob_name="a.mp3", status="completed",
                                customer="Maria Lopez", intent="high", budget="$25,000",
                                city="Denver", region="Colorado", country="United States",
                                place="Denver, Colorado, United States",
                                budget_amount=25000, budget_currency="USD",
                                call_date=AT, duration_seconds=84, corrected=["company"]))
    assert (done["date"], done["duration"], done["corrected"]) == (
        "01 Dec 2026, 09:00", "1:24", ["company"])
    assert (done["place"], done["place_full"], done["budget"]) == (
        "Denver, Colorado, US", "Denver, Colorado, United States", "$25,000")


def test_insights_context_draws_every_chart() -> None:
    ins = Insights(total=12, by_status=[Count(key="completed", count=10),
                                        Count(key="failed", count=2)],
                   calls_over_time=[TimeBucket(start=date(2026, 11, d), end=date(2026, 11, d),
                                               count=d) for d in (1, 2, 3)], bucket="day",
                   intent_mix=[Count(key="high", count=7), Count(key="low", count=3)],
                   top_products=[Count(key="fleet tracking software", count=6)],
                   top_places=[Count(key="Denver", count=5)],
                   failures_by_stage=[Count(key="extract", count=2)],
                   processing_ms_median=5800, processing_ms_p95=14200, cost_per_call=0.0025)
    ctx = data.insights_context(ins)
    assert dict(ctx["kpis"])["failed"] == "2"
    assert dict(ctx["kpis"])["median processing"] == "5.8 s"
    titles = [c["title"] for c in ctx["charts"]]
    assert titles[:3] == ["Calls per day", "Buying intent", "Top products"]
    assert all(c["svg"].startswith("<svg") for c in ctx["charts"])
    assert "Top products: fleet tracking software 6" in ctx["charts"][2]["svg"]


def test_a_young_workspace_draws_two_weeks_of_days() -> None:
    ins = Insights(total=3, by_status=[], bucket="day", intent_mix=[], top_products=[],
                   top_places=[], failures_by_stage=[],
                   calls_over_time=[TimeBucket(start=date(2026, 12, 1), end=date(2026, 12, 1),
                                               count=3)])
    padded = data._over_time(ins, pad=True)
    assert len(padded) == data.MIN_DAYS
    assert padded[0] == ("18 Nov", 0.0) and padded[-1] == ("01 Dec", 3.0)
    assert data._over_time(ins, pad=False) == [("01 Dec", 3.0)]


def test_a_bad_filter_keeps_the_form_and_says_what_is_wrong() -> None:
    ctx = pages._list_context({"dateFrom": "2026-13-01"}, data.Page([], None),
                              "dateFrom: month value is outside expected range of 1-12")
    html = pages.templates().get_template("calls.html").render(base=pages.BASE, page="calls",
                                                                api=pages.API, **ctx)
    found = Elements()
    found.feed(html)
    assert "error" in found.classes and "month value is outside" in html
    assert 'value="2026-13-01"' in html
