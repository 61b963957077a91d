"""What a sales rep does in the workspace, in headless Chromium against the running local stack:
upload a recording and watch it complete, search, open a call, jump from a field to its quote,
play from a turn, correct a field, replay a failed call, delete a call everywhere; and a host
that requires keys refuses the pages and the API without one."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, Page, expect

from core.ids import call_id_for
from tests.browser.conftest import (
    BACKGROUND_BLOBS,
    BATCH_BLOB,
    FAILED_BLOB,
    SAMPLES,
    screenshot,
)
from tests.helpers.app_host import AppHost

pytestmark = pytest.mark.usefixtures("stack")

DROP = """([data, name]) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const dt = new DataTransfer();
  dt.items.add(new File([bytes], name, { type: "audio/mpeg" }));
  return dt;
}"""


def call_id(host: AppHost, blob: str) -> str:
    return call_id_for(host.calls_container, blob)


def ensure_completed(host: AppHost, blob: str, sample: str) -> str:
    """The call of `blob`, uploaded straight to the container when it is not there yet."""
    if host.call(blob).status_code != 200:
        host.upload(blob, (SAMPLES / sample).read_bytes(), overwrite=True)
    body = host.wait_call(blob, timeout=240)
    assert body["record"]["status"] == "completed", body["record"].get("failure")
    return str(body["record"]["id"])


def rows(page: Page) -> list[str]:
    return list(page.locator("#call-rows tr[data-call]").evaluate_all(
        "rows => rows.map(r => r.dataset.call)"))


def open_list(page: Page, host: AppHost, query: str = "") -> None:
    page.goto(f"{host.base}/api/workspace{query}")
    expect(page.locator("h1")).to_have_text("Calls")


def test_upload_by_drop_appears_and_progresses_to_completed(page: Page,
                                                            workspace_host: AppHost,
                                                            tmp_path: Path) -> None:
    host, blob = workspace_host, "maria-lopez-acme.mp3"
    open_list(page, host)
    page.evaluate("window.__sameDocument = true")
    data = base64.b64encode((SAMPLES / blob).read_bytes()).decode()
    transfer = page.evaluate_handle(DROP, [data, blob])
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
    expect(page.locator("#uploads li")).to_contain_text(f"Uploaded {blob}")
    row = page.locator(f'#call-rows tr[data-call="{call_id(host, blob)}"]')
    expect(row).to_be_visible(timeout=30_000)  # appears without a reload
    seen = set()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        status = row.get_attribute("data-status") if row.count() else None
        if status:
            seen.add(status)
            if status == "processing":
                seen.add("progress:" + row.locator(".status").inner_text())
        if status in ("completed", "failed"):
            break
        page.wait_for_timeout(250)
    assert row.get_attribute("data-status") == "completed", seen
    assert "processing" in seen, seen  # it was seen running before it completed
    expect(row.locator(".badge")).to_have_text("Completed")
    expect(row.locator("td").nth(1)).to_have_text("Acme Logistics")
    assert page.evaluate("window.__sameDocument") is True  # never reloaded


def test_search_finds_a_word_said_in_the_call(page: Page, workspace_host: AppHost,
                                              tmp_path: Path) -> None:
    host = workspace_host
    acme = ensure_completed(host, "maria-lopez-acme.mp3", "maria-lopez-acme.mp3")
    open_list(page, host)
    page.fill("#q", "reach")  # said in this call only, in no extracted field
    page.press("#q", "Enter")
    page.wait_for_url("**q=reach**")
    ids = page.locator("#call-rows tr[data-call]").evaluate_all(
        "rows => rows.map(r => r.dataset.call)")
    assert ids == [acme]
    page.fill("#q", "submarine")
    page.press("#q", "Enter")
    page.wait_for_url("**q=submarine**")
    expect(page.locator("#call-rows tr[data-call]")).to_have_count(0)
    expect(page.locator("#call-rows")).to_contain_text("No calls match this filter")


def _plain(text: str) -> str:
    """Words only, lower case: quotes are shown in typographic quotes, turns cut anywhere."""
    return " ".join(re.findall(r"[\w$,.@'-]+", text.lower())).strip(" .,")


def _marked(page: Page) -> str:
    return _plain(" ".join(page.locator(".turn.highlight mark").all_inner_texts()))


def test_click_a_field_highlights_its_quote(page: Page, workspace_host: AppHost,
                                            tmp_path: Path) -> None:
    host = workspace_host
    acme = ensure_completed(host, "maria-lopez-acme.mp3", "maria-lopez-acme.mp3")
    page.goto(f"{host.base}/api/workspace/calls/{acme}")
    budget = page.locator("#field-budgetAmount .value")
    quote = page.locator("#field-budgetAmount .quote").inner_text()
    budget.click()
    marked = page.locator(".turn.highlight")
    expect(marked.first).to_be_in_viewport()
    assert _marked(page) == _plain(quote)
    company_quote = page.locator("#field-company .quote").inner_text()
    page.locator("#field-company .value").click()  # another field moves the highlight
    # a quote may run across two turns (the recogniser cut a sentence at a pause): each turn
    # holding a piece of it is highlighted, and the marked words read as the quote
    expect(page.locator(".turn.highlight mark").first).to_be_visible()
    assert _marked(page) == _plain(company_quote)


def test_a_two_party_call_shows_who_said_what(page: Page, workspace_host: AppHost,
                                              tmp_path: Path) -> None:
    # rep and customer on one mono track: the turns carry each party's role, and the customer's
    # fields come from the customer's turns, never the rep's
    host = workspace_host
    harbor = ensure_completed(host, "sam-ortiz-harbor-lane.mp3", "sam-ortiz-harbor-lane.mp3")
    page.goto(f"{host.base}/api/workspace/calls/{harbor}")
    roles = page.locator(".turn").evaluate_all(
        "turns => turns.map(t => t.classList.contains('role-rep') ? 'rep' : "
        "t.classList.contains('role-customer') ? 'customer' : '?')")
    assert roles[0] == "rep" and "customer" in roles and "?" not in roles
    expect(page.locator(".turn.role-rep .speaker").first).to_have_text("Rep")
    page.locator("#field-company .value").click()
    expect(page.locator(".turn.highlight mark").first).to_be_visible()
    highlighted = page.locator(".turn.highlight").evaluate_all(
        "turns => turns.map(t => t.classList.contains('role-customer'))")
    assert highlighted and all(highlighted)
    assert "Trackwise" not in page.locator("#field-company .value").inner_text()
    screenshot(page, "call", tmp_path)


def test_play_from_a_turn(page: Page, workspace_host: AppHost) -> None:
    host = workspace_host
    acme = ensure_completed(host, "maria-lopez-acme.mp3", "maria-lopez-acme.mp3")
    page.goto(f"{host.base}/api/workspace/calls/{acme}")
    page.wait_for_function("() => document.getElementById('player').readyState >= 1")
    third = page.locator(".turn .ts").nth(2)
    start = float(third.get_attribute("data-start") or 0)
    assert start > 1
    third.click()
    page.wait_for_function("(t) => document.getElementById('player').currentTime > t",
                           arg=start + 0.3, timeout=15_000)
    assert page.evaluate("document.getElementById('player').paused") is False
    expect(page.locator(".turn.playing")).to_have_count(1)


def test_correct_a_field_shows_in_the_list_and_the_export(page: Page,
                                                          workspace_host: AppHost) -> None:
    host = workspace_host
    acme = ensure_completed(host, "maria-lopez-acme.mp3", "maria-lopez-acme.mp3")
    page.goto(f"{host.base}/api/workspace/calls/{acme}")
    field = page.locator("#field-company")
    field.hover()
    field.locator("summary").click()
    field.locator("input[name=value]").fill("Acme Freight Inc.")
    field.locator("input[name=by]").fill("Jo Rep")
    field.locator("button[type=submit]").click()
    expect(page.locator("#field-company .value")).to_have_text("Acme Freight Inc.")
    expect(page.locator("#field-company .was")).to_contain_text("Acme Logistics")
    open_list(page, host)
    row = page.locator(f'#call-rows tr[data-call="{acme}"]')
    expect(row.locator("td").nth(1)).to_contain_text("Acme Freight Inc.")
    with page.expect_download() as dl:
        page.click("text=Export CSV")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text())))
    exported = {r["callId"]: r for r in rows}
    assert exported[acme]["company"] == "Acme Freight Inc."
    with page.expect_download() as dl:
        page.click("text=Export JSON")
    items = json.loads(Path(dl.value.path()).read_text())
    by_id = {i["callId"]: i for i in items}
    assert by_id[acme]["company"] == "Acme Freight Inc."


def test_replay_a_failed_call_to_completed(page: Page, workspace_host: AppHost) -> None:
    host = workspace_host
    failed = call_id(host, FAILED_BLOB)
    page.goto(f"{host.base}/api/workspace/calls/{failed}")
    expect(page.locator(".failure h2")).to_have_text("Failed at extract")
    expect(page.locator(".failure .reason")).to_contain_text("catalog")
    page.click("#replay")
    expect(page.locator("#live-status")).to_have_text("Completed", timeout=120_000)
    expect(page.locator("#field-customerName .value")).to_contain_text("Daniel Kim")
    expect(page.locator(".failure")).to_have_count(0)
    record = host.call(FAILED_BLOB).json()["record"]
    assert record["status"] == "completed" and record["attempts"] == 2
    assert record["failureHistory"][0]["stage"] == "extract"


def test_batch_replay_of_the_failed_calls_in_the_filter(page: Page,
                                                        workspace_host: AppHost) -> None:
    host = workspace_host
    batch = call_id(host, BATCH_BLOB)
    open_list(page, host, "?status=failed")
    assert rows(page) == [batch]  # the other failed call was replayed by the test before
    page.click("#replay-failed")
    expect(page.locator("#toast")).to_have_text("Replay started for 1 failed call(s).")
    deadline, record = time.monotonic() + 120, {}
    while time.monotonic() < deadline:  # (right after the click it may still read failed)
        record = host.call(BATCH_BLOB).json()["record"]
        if record["status"] == "completed":
            break
        time.sleep(0.5)
    assert record["status"] == "completed" and record["attempts"] == 2, record
    open_list(page, host, "?status=failed")
    expect(page.locator("#call-rows tr[data-call]")).to_have_count(0)


def test_delete_a_call_removes_blob_record_and_history(page: Page,
                                                       workspace_host: AppHost) -> None:
    host, blob = workspace_host, "delete me.mp3"
    victim = ensure_completed(host, blob, "daniel-kim-brightside.mp3")
    instance = host.call(blob).json()["record"]["instanceId"]
    page.goto(f"{host.base}/api/workspace/calls/{victim}")
    page.once("dialog", lambda d: d.accept())
    page.click("#delete")
    page.wait_for_url("**/api/workspace?deleted=*")
    expect(page.locator("#toast")).to_contain_text(f"Deleted {blob}")
    expect(page.locator(f'#call-rows tr[data-call="{victim}"]')).to_have_count(0)
    assert not host.blobs.get_blob_client(blob).exists()
    assert host.get(f"/api/calls/{victim}").status_code == 404
    assert host.status(instance).status_code == 404
    assert list(host.work.list_blobs(name_starts_with=victim)) == []


def test_a_key_protected_host_refuses_pages_and_api_without_a_key(
        browser: Browser, tmp_path: Path, stack: None) -> None:
    host = AppHost(tmp_path)
    host.extra_args.append("--require-keys")
    host.start()
    try:
        keys = json.loads((tmp_path / "devhost" / "keys.json").read_text())
        key = keys["functionKeys"]["default"]
        for path in ("/api/workspace", "/api/workspace/insights",
                     "/api/workspace/static/workspace.css", "/api/v1/calls", "/api/v1/insights"):
            assert requests.get(host.base + path, timeout=10).status_code == 401, path
        ctx = browser.new_context()
        try:
            p = ctx.new_page()
            p.goto(f"{host.base}/admin/host/status")  # same origin, not a workspace route
            for path in ("/api/workspace", "/api/v1/calls"):
                status = p.evaluate("(u) => fetch(u).then((r) => r.status)", path)
                assert status == 401, path
        finally:
            ctx.close()
        ctx = browser.new_context(extra_http_headers={"x-functions-key": key})
        try:
            p = ctx.new_page()
            page_answer = p.goto(f"{host.base}/api/workspace")
            assert page_answer is not None and page_answer.status == 200
            expect(p.locator("h1")).to_have_text("Calls")
            html = p.content()
            assert key not in html and keys["masterKey"] not in html
            assert "AccountKey" not in html and "sig=" not in html
        finally:
            ctx.close()
    finally:
        host.stop()


def test_insights_draw_charts_for_the_filter(  # last: every call is in by now
        page: Page, workspace_host: AppHost,
                                             tmp_path: Path) -> None:
    host = workspace_host
    ensure_completed(host, "maria-lopez-acme.mp3", "maria-lopez-acme.mp3")
    for blob in BACKGROUND_BLOBS:
        host.wait_call(blob, timeout=240)
    open_list(page, host)
    expect(page.locator("#call-rows tr[data-call]")).not_to_have_count(0)
    screenshot(page, "calls", tmp_path)
    every = rows(page)
    open_list(page, host, "?pageSize=2")  # paging by continuation token, two at a time
    seen = rows(page)
    while page.locator("a[rel=next]").count():
        page.click("a[rel=next]")
        seen += rows(page)
    assert len(seen) == len(every) >= 4 and sorted(seen) == sorted(every)
    expect(page.locator("text=First page")).to_be_visible()
    page.goto(f"{host.base}/api/workspace/insights")
    expect(page.locator("figure svg[role=img]")).to_have_count(7)
    intent = page.locator("figure", has_text="Buying intent").locator("svg")
    assert "high" in (intent.get_attribute("aria-label") or "")
    products = page.locator("figure", has_text="Top products").locator("svg")
    assert "Fleet Tracking Software" in (products.get_attribute("aria-label") or "")
    screenshot(page, "insights", tmp_path)
    page.goto(f"{host.base}/api/workspace/insights?city=Atlantis")
    expect(page.locator(".kpi-value").first).to_have_text("0")
    expect(page.locator("#insights")).to_have_attribute("aria-busy", "false")
