"""The workspace's JSON API through the local host over HTTP, on the emulators: upload, audio
with Range, delete everywhere (recording, chunks, record, every attempt's history), 400s."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import requests

from core.ids import call_id_for
from models.workspace import CallPage, CallView, DeleteReport, UploadResult
from tests.helpers.app_host import AppHost

pytestmark = pytest.mark.usefixtures("stack")

NOT_AUDIO = b"this is a text file, not a recording\n" * 40


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, stack: None) -> Iterator[AppHost]:
    host = AppHost(tmp_path_factory.mktemp("workspace"))
    host.start()
    yield host
    host.stop()


def wait_view(app: AppHost, call_id: str, timeout: float = 120, attempt: int = 1) -> CallView:
    """The call's view once `attempt` has finished (its record and its own orchestration)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = app.get(f"/api/v1/calls/{call_id}")
        if r.status_code == 200:
            view = CallView.model_validate(r.json())
            if view.record.status != "processing" and view.orchestration and \
                    view.record.attempts >= attempt and \
                    view.orchestration.instance_id == view.record.instanceId and \
                    view.orchestration.runtime_status in ("Completed", "Failed") and \
                    len(view.attempt_instance_ids) >= attempt and \
                    view.record.instanceId == view.attempt_instance_ids[-1]:
                return view
        time.sleep(0.3)
    raise TimeoutError(f"{call_id} did not finish: {app.log()[-3000:]}")


def test_upload_audio_ranges_and_delete_everywhere(app: AppHost) -> None:
    r = app.post("/api/v1/uploads", params={"name": "broken call.mp3"}, data=NOT_AUDIO)
    assert r.status_code == 201, r.text
    up = UploadResult.model_validate(r.json())
    assert up.call_id == call_id_for(app.calls_container, "broken call.mp3")
    assert up.size_bytes == len(NOT_AUDIO)
    again = app.post("/api/v1/uploads", params={"name": "broken call.mp3"}, data=NOT_AUDIO)
    assert again.status_code == 409 and "exists already" in again.json()["error"]

    failed = wait_view(app, up.call_id)  # the same blob-trigger path as any upload
    assert failed.record.status == "failed" and failed.record.failure is not None
    assert failed.record.failure.stage == "prepare"
    # a permanent failure: replay starts a second attempt, with an orchestration of its own
    assert app.post(f"/api/calls/{up.call_id}/replay").status_code == 202
    second = wait_view(app, up.call_id, attempt=2)
    assert second.record.attempts == 2 and len(second.attempt_instance_ids) == 2
    instances = second.attempt_instance_ids
    for iid in instances:
        assert app.status(iid).status_code == 200

    part = app.get(f"/api/v1/calls/{up.call_id}/audio", headers={"Range": "bytes=5-14"})
    assert part.status_code == 206 and part.content == NOT_AUDIO[5:15]
    assert part.headers["Content-Range"] == f"bytes 5-14/{len(NOT_AUDIO)}"
    assert part.headers["Accept-Ranges"] == "bytes"
    assert part.headers["Content-Type"] == "audio/mpeg"
    tail = app.get(f"/api/v1/calls/{up.call_id}/audio", headers={"Range": "bytes=-4"})
    assert tail.status_code == 206 and tail.content == NOT_AUDIO[-4:]
    whole = app.get(f"/api/v1/calls/{up.call_id}/audio")
    assert whole.status_code == 200 and whole.content == NOT_AUDIO
    outside = app.get(f"/api/v1/calls/{up.call_id}/audio",
                      headers={"Range": f"bytes={len(NOT_AUDIO)}-"})
    assert outside.status_code == 416
    assert outside.headers["Content-Range"] == f"bytes */{len(NOT_AUDIO)}"
    bad = app.get(f"/api/v1/calls/{up.call_id}/audio", headers={"Range": "pages=1"})
    assert bad.status_code == 400 and "Range" in bad.json()["error"]

    # chunk files as prepare leaves them while a call is in flight
    for i in range(2):
        app.work.upload_blob(f"{up.call_id}/chunk-{i:03d}.flac", b"flac", overwrite=True)
    app.work.upload_blob("another-call/chunk-000.flac", b"flac", overwrite=True)

    r = requests.delete(f"{app.base}/api/v1/calls/{up.call_id}", params={"actor": "sam"},
                        timeout=60)
    assert r.status_code == 200, r.text
    report = DeleteReport.model_validate(r.json())
    assert report.recording_deleted and report.record_deleted and report.actor == "sam"
    assert report.chunks_deleted == 2 and sorted(report.instances_purged) == sorted(instances)

    assert [b.name for b in app.blobs.list_blobs()] == []
    assert [b.name for b in app.work.list_blobs()] == ["another-call/chunk-000.flac"]
    assert app.get(f"/api/v1/calls/{up.call_id}").status_code == 404
    for iid in instances:
        assert app.status(iid).status_code == 404
    assert f"delete call={up.call_id} actor=sam" in app.log()
    gone = requests.delete(f"{app.base}/api/v1/calls/{up.call_id}", timeout=30)
    assert gone.status_code == 404


def test_list_and_insights_over_http(app: AppHost) -> None:
    r = app.post("/api/v1/uploads", params={"name": "listed.mp3"}, data=NOT_AUDIO)
    call_id = UploadResult.model_validate(r.json()).call_id
    wait_view(app, call_id)
    page = CallPage.model_validate(app.get("/api/v1/calls", params={
        "status": "failed", "q": "listed", "pageSize": "10"}).json())
    assert [i.call_id for i in page.items] == [call_id]
    assert page.items[0].failure is not None and page.items[0].failure.stage == "prepare"
    body = app.get("/api/v1/insights", params={"status": "failed"}).json()
    assert body["total"] >= 1 and {"key": "prepare", "count": body["total"]} in \
        body["failuresByStage"]
    csv = app.get("/api/v1/export", params={"format": "csv", "q": "listed"})
    assert csv.status_code == 200 and csv.headers["Content-Type"].startswith("text/csv")
    assert csv.text.splitlines()[1].startswith(f"{call_id},listed.mp3,failed,")

    batch = app.post("/api/v1/calls/replay", params={"q": "listed", "actor": "sam"})
    assert batch.status_code == 202, batch.text
    [replayed] = batch.json()["replayed"]
    assert (replayed["callId"], replayed["mode"], replayed["attempt"]) == (call_id,
                                                                          "new-attempt", 2)
    time.sleep(0.5)
    assert wait_view(app, call_id).record.attempts == 2
    assert app.post("/api/v1/calls/nope/replay").status_code == 404


@pytest.mark.parametrize(("method", "path", "kw", "message"), [
    ("get", "/api/v1/calls", {"params": {"colour": "red"}}, "unknown parameter 'colour'"),
    ("get", "/api/v1/calls", {"params": {"dateFrom": "01/11/2026"}}, "dateFrom"),
    ("get", "/api/v1/calls", {"params": {"pageSize": "5000"}}, "pageSize"),
    ("get", "/api/v1/calls", {"params": {"q": "x' OR 1=1 --"}}, "q: use letters"),
    ("get", "/api/v1/calls", {"params": {"continuation": "garbage!"}}, "continuation"),
    ("get", "/api/v1/insights", {"params": {"intent": "hot"}}, "intent"),
    ("get", "/api/v1/export", {"params": {"format": "xlsx"}}, "format must be csv or json"),
    ("post", "/api/v1/uploads", {"params": {"name": "notes.txt"}, "data": b"x"},
     "unsupported file extension .txt"),
    ("post", "/api/v1/uploads", {"params": {"name": "../up.mp3"}, "data": b"x"}, "slashes"),
    ("post", "/api/v1/uploads", {"params": {"name": "empty.mp3"}}, "body is empty"),
    ("post", "/api/v1/calls/any/corrections", {"data": b"not json"}, "must be JSON"),
    ("post", "/api/v1/calls/any/corrections", {"json": {"field": "x", "value": 1, "by": "me"}},
     "field"),
])
def test_bad_input_is_a_400_that_says_why(app: AppHost, method: str, path: str,
                                          kw: dict[str, object], message: str) -> None:
    r = requests.request(method, app.base + path, timeout=30, **kw)  # type: ignore[arg-type]
    assert r.status_code == 400, r.text
    assert message in r.json()["error"]


def test_missing_calls_are_404(app: AppHost) -> None:
    assert app.get("/api/v1/calls/nope").status_code == 404
    assert app.get("/api/v1/calls/nope/audio").status_code == 404
    r = app.post("/api/v1/calls/nope/corrections",
                 json={"field": "company", "value": "X", "by": "me"})
    assert r.status_code == 404 and "nope" in r.json()["error"]


def test_the_insights_page_comes_at_once_and_its_panel_holds_the_figures(app: AppHost) -> None:
    shell = app.get("/api/workspace/insights", params={"status": "failed"})
    assert shell.status_code == 200
    assert 'data-src="/api/workspace/insights/panel?status=failed"' in shell.text
    assert "kpi-value" not in shell.text

    panel = app.get("/api/workspace/insights/panel", params={"status": "failed"})
    total = app.get("/api/v1/insights", params={"status": "failed"}).json()["total"]
    assert panel.status_code == 200
    assert f'<span class="kpi-value">{total:,}</span><span class="kpi-label">calls' in panel.text
    assert panel.text.count("<figure") == 7

    bad = app.get("/api/workspace/insights", params={"intent": "hot"})
    assert bad.status_code == 400 and "data-src" not in bad.text and "intent" in bad.text
    bad_panel = app.get("/api/workspace/insights/panel", params={"intent": "hot"})
    assert bad_panel.status_code == 400 and "intent" in bad_panel.text
