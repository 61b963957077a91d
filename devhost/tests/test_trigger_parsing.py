"""Pure parts of the triggers: Event Grid payloads, schedules, host.json durations (no services)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from devhost.triggers.blob import (
    BlobEvent,
    EventError,
    blob_url_parts,
    parse_events,
    validation_code,
)
from devhost.triggers.queue import QueueOptions, timespan_seconds
from devhost.triggers.timer import (
    CronSchedule,
    IntervalSchedule,
    ScheduleError,
    default_use_monitor,
    parse_schedule,
)


def test_blob_urls_account_host_and_path_style() -> None:
    assert blob_url_parts("https://acct.blob.core.windows.net/calls/a%20b/%C3%BC.mp3") == (
        "calls", "a b/ü.mp3")
    assert blob_url_parts("http://127.0.0.1:10000/devstoreaccount1/calls/x.wav") == (
        "calls", "x.wav")
    with pytest.raises(EventError):
        blob_url_parts("https://acct.blob.core.windows.net/calls")


def test_events_in_both_schemas_and_the_validation_code() -> None:
    data = {"url": "https://acct.blob.core.windows.net/calls/x.wav", "eTag": "0x8D1"}
    assert parse_events([{"eventType": "Microsoft.Storage.BlobCreated", "data": data}]) == [
        BlobEvent("calls", "x.wav", '"0x8D1"')]
    assert parse_events({"specversion": "1.0", "data": json.dumps(data)}) == [
        BlobEvent("calls", "x.wav", '"0x8D1"')]
    with pytest.raises(EventError):
        parse_events([{"data": {}}])
    assert validation_code([{"data": {"validationCode": "c1"}}]) == "c1"
    assert validation_code({"data": json.dumps({"validationCode": "c2"})}) == "c2"


def test_ncrontab_seconds_first_and_timespans() -> None:
    at = datetime(2026, 12, 1, 20, 55, 3, tzinfo=UTC)
    assert parse_schedule("*/5 * * * * *").next_after(at) == at.replace(second=5)
    assert parse_schedule("0 30 9 * * Mon-Fri").next_after(at) == datetime(
        2026, 12, 2, 9, 30, tzinfo=UTC)
    assert isinstance(parse_schedule("00:05:00"), IntervalSchedule)
    assert parse_schedule("1.02:00:00").next_after(at) == at + timedelta(days=1, hours=2)
    with pytest.raises(ScheduleError):
        CronSchedule("*/5 * * * *")  # five fields: not NCRONTAB
    assert default_use_monitor(parse_schedule("0 */5 * * * *"), at) is True
    assert default_use_monitor(parse_schedule("*/10 * * * * *"), at) is False


def test_host_json_queue_settings() -> None:
    assert timespan_seconds("00:00:02.5", 0) == 2.5
    assert timespan_seconds(1500, 0) == 1.5
    assert timespan_seconds(None, 60.0) == 60.0
    options = QueueOptions.from_host_json({"extensions": {"queues": {
        "BatchSize": 4, "maxDequeueCount": 2, "messageEncoding": "None"}}})
    assert (options.batch_size, options.new_batch_threshold, options.max_dequeue_count,
            options.message_encoding, options.max_polling_interval) == (4, 2, 2, "none", 60.0)
