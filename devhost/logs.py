"""Logging for the host: one line per function execution; secrets are masked in every record.

`executions` reads those lines back (tests and benchmarks measure with it)."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S,%f"  # logging's default asctime, local time
_EXECUTED = re.compile(
    r"^(?P<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \S+ devhost: "
    r"Executed 'Functions\.(?P<name>[^']+)' "
    r"\((?P<kind>activity|orchestrator), instance=(?P<instance>[^,]+),(?: task=\d+,)? "
    r"(?P<ms>[\d.]+) ms, (?P<outcome>\w+)", re.M)


@dataclass(frozen=True)
class Execution:
    """One function execution as the host logged it; times in seconds since the epoch."""
    kind: str  # activity | orchestrator
    name: str
    instance_id: str
    start: float
    end: float
    outcome: str


def executions(log_text: str, instance_id: str | None = None) -> Iterator[Execution]:
    """The executions in a host log (the lines `Executed 'Functions.…'`), in log order."""
    for m in _EXECUTED.finditer(log_text):
        if instance_id is not None and m["instance"] != instance_id:
            continue
        # the line is written when the execution ends (to the millisecond)
        end = datetime.strptime(m["at"], TIME_FORMAT).timestamp()
        yield Execution(m["kind"], m["name"], m["instance"], end - float(m["ms"]) / 1000, end,
                        m["outcome"])


class RedactSecrets(logging.Filter):
    """Replace known secret values and `code=` / key-like query values with ***."""

    _PATTERNS: ClassVar[list[re.Pattern[str]]] = [re.compile(
        r"(?i)(code=|AccountKey=|SharedAccessSignature=|sig=|api-key[\"']?:\s*[\"']?)"
        r"[^&;\s\"']+")]

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 8]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in self.secrets:
            message = message.replace(secret, "***")
        for pattern in self._PATTERNS:
            message = pattern.sub(lambda m: m.group(1) + "***", message)
        record.msg, record.args = message, None
        return True


def setup(level: str, secrets: Iterable[str]) -> logging.Logger:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LINE_FORMAT))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # The host's own lines at `level`; SDK chatter (HTTP headers of every request) only on warnings.
    for noisy in ("azure", "aiohttp.access", "urllib3", "openai", "httpx", "faster_whisper"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return logging.getLogger("devhost")
