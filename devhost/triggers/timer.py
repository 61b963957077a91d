"""Timer triggers on the real clock, as the timer extension's `TimerListener` runs them.

- Schedules: NCRONTAB with six fields, seconds first (`0 */5 * * * *`), or a TimeSpan
  (`hh:mm:ss`, App Service plans); `%Setting%` expressions resolved. Times are UTC (Azure's
  default; `WEBSITE_TIME_ZONE` is not read).
- `use_monitor` (default: true when occurrences are at least a minute apart) keeps the schedule
  status `{Last, Next, LastUpdated}` across restarts (Azure keeps it in a blob under
  `azure-webjobs-hosts/timers/`; here `DATA_DIR/timers/<function>.json`). On start, a monitored
  timer whose recorded `Next` has passed runs at once with `IsPastDue` true; otherwise
  `run_on_startup` runs it at once. The status the function sees is the one before the run
  (`Next` = the occurrence being run); after the run `Last` is that occurrence and `Next` the one
  after. Unmonitored timers see no status.
- One run at a time; a failing function does not stop the schedule.

Checked against azure-webjobs-sdk-extensions `TimerListener.StartAsync` / `InvokeJobFunction`
and the Python worker's `TimerRequestConverter` (reads `Schedule`, `ScheduleStatus`, `IsPastDue`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from azure.functions import meta
from azure.functions.timer import TimerRequestConverter

from ..app import FunctionInfo, resolve_settings
from . import Invoker

log = logging.getLogger("devhost")

DEFAULT_TIME = "0001-01-01T00:00:00"  # .NET default(DateTime): "never"
_TIMESPAN = re.compile(r"^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$")


class ScheduleError(ValueError):
    """A schedule expression that is neither six-field NCRONTAB nor a TimeSpan."""


class Schedule(Protocol):
    def next_after(self, at: datetime) -> datetime: ...


class CronSchedule:
    """NCRONTAB: `{second} {minute} {hour} {day} {month} {day-of-week}`."""

    def __init__(self, expression: str) -> None:
        from croniter import croniter

        if len(expression.split()) != 6 or not croniter.is_valid(expression,
                                                                  second_at_beginning=True):
            raise ScheduleError(f"'{expression}' is not a six-field NCRONTAB expression "
                                "({second} {minute} {hour} {day} {month} {day-of-week})")
        self.expression = expression

    def next_after(self, at: datetime) -> datetime:
        from croniter import croniter

        nxt: datetime = croniter(self.expression, at, second_at_beginning=True).get_next(datetime)
        return nxt


class IntervalSchedule:
    """A TimeSpan schedule: every `interval`, counted from the previous occurrence."""

    def __init__(self, interval: timedelta) -> None:
        if interval <= timedelta(0):
            raise ScheduleError("a TimeSpan schedule must be positive")
        self.interval = interval

    def next_after(self, at: datetime) -> datetime:
        return at + self.interval


def parse_schedule(text: str) -> Schedule:
    text = resolve_settings(text).strip()
    m = _TIMESPAN.match(text)
    if m:
        days, hours, minutes, seconds = (int(g or 0) for g in m.groups())
        return IntervalSchedule(timedelta(days=days, hours=hours, minutes=minutes,
                                          seconds=seconds))
    return CronSchedule(text)


def default_use_monitor(schedule: Schedule, now: datetime) -> bool:
    """Azure's default: monitored when occurrences are at least a minute apart."""
    first = schedule.next_after(now)
    return schedule.next_after(first) - first >= timedelta(minutes=1)


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat()


def _parse(text: str) -> datetime | None:
    return None if text.startswith("0001-01-01") else datetime.fromisoformat(text)


class TimerTrigger:
    """One timer-triggered function."""

    def __init__(self, fn: FunctionInfo, invoker: Invoker, status_dir: Path) -> None:
        self.fn, self.invoker = fn, invoker
        setting = fn.setting
        self.schedule = parse_schedule(str(setting["schedule"]))
        self.run_on_startup = bool(setting.get("runOnStartup", False))
        monitor = setting.get("useMonitor")
        self.use_monitor = (default_use_monitor(self.schedule, datetime.now(UTC))
                            if monitor is None else bool(monitor))
        self.status_path = status_dir / f"{fn.name}.json"
        self.status: dict[str, str] = {}

    # -- schedule status ----------------------------------------------------------------------
    def _load(self) -> dict[str, str] | None:
        try:
            data = json.loads(self.status_path.read_text())
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and {"Last", "Next"} <= set(data) else None

    def _save(self) -> None:
        if not self.use_monitor:
            return
        self.status_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.status_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.status))
        tmp.replace(self.status_path)

    def _past_due(self, stored: dict[str, str], now: datetime) -> bool:
        """Whether an occurrence was missed while the host was down (a changed schedule counts
        from the last update with the new schedule, as the schedule monitor does)."""
        recorded = _parse(stored["Next"])
        last = _parse(stored["Last"])
        expected = recorded
        if last is not None and recorded is not None and self.schedule.next_after(last) != recorded:
            updated = _parse(stored.get("LastUpdated", DEFAULT_TIME)) or last
            expected = self.schedule.next_after(updated)
        return expected is not None and now > expected

    # -- running ------------------------------------------------------------------------------
    async def run(self) -> None:
        now = datetime.now(UTC)
        stored = self._load() if self.use_monitor else None
        past_due = stored is not None and self._past_due(stored, now)
        if stored is None:
            self.status = {"Last": DEFAULT_TIME, "Next": _iso(self.schedule.next_after(now)),
                           "LastUpdated": DEFAULT_TIME}
            self._save()
        else:
            self.status = stored
        log.info("Timer %s: schedule %s, monitor %s, next %s", self.fn.name,
                 self.fn.setting["schedule"], self.use_monitor, self.status["Next"])
        if past_due:
            await self._invoke(datetime.now(UTC), past_due=True)
        elif self.run_on_startup:
            await self._invoke(datetime.now(UTC), run_on_startup=True)
        while True:
            due = datetime.fromisoformat(self.status["Next"])
            if due < datetime.now(UTC) - timedelta(days=1):  # far in the past: start afresh
                due = self.schedule.next_after(datetime.now(UTC))
                self.status["Next"] = _iso(due)
            delay = (due - datetime.now(UTC)).total_seconds()
            if delay > 0:
                await asyncio.sleep(delay)
            await self._invoke(datetime.now(UTC))

    def timer_request(self, past_due: bool) -> Any:
        body = {"Schedule": {"AdjustForDST": True},
                "ScheduleStatus": dict(self.status) if self.use_monitor else None,
                "IsPastDue": past_due}
        return TimerRequestConverter.decode(meta.Datum(type="json", value=json.dumps(body)),
                                            trigger_metadata=None)

    async def _invoke(self, at: datetime, past_due: bool = False,
                      run_on_startup: bool = False) -> None:
        t0 = time.perf_counter()
        try:
            await self.invoker.call_user(self.fn, {self.fn.trigger_param:
                                                   self.timer_request(past_due)}, {})
            outcome = "Succeeded"
        except Exception as exc:
            outcome = f"Failed: {type(exc).__name__}: {exc}"
        reason = ", past due" if past_due else ", on startup" if run_on_startup else ""
        log.info("Executed 'Functions.%s' (timer%s, %.1f ms, %s)", self.fn.name, reason,
                 (time.perf_counter() - t0) * 1000, outcome)
        scheduled = datetime.fromisoformat(self.status["Next"])
        adjusted = scheduled if not past_due and not run_on_startup and scheduled > at else at
        self.status = {"Last": _iso(adjusted), "Next": _iso(self.schedule.next_after(adjusted)),
                       "LastUpdated": _iso(adjusted)}
        self._save()


def start_timers(functions: list[FunctionInfo], invoker: Invoker,
                 status_dir: Path) -> list[asyncio.Task[None]]:
    tasks = []
    for fn in functions:
        try:
            trigger = TimerTrigger(fn, invoker, status_dir)
        except Exception as exc:
            log.error("Timer trigger %s disabled: %s", fn.name, exc)
            continue
        tasks.append(asyncio.create_task(trigger.run()))
    return tasks
