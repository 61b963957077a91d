"""Logging for the host: one line per function execution; secrets are masked in every record."""

from __future__ import annotations

import logging
import re
import sys
from typing import Iterable


class RedactSecrets(logging.Filter):
    """Replace known secret values and `code=` / key-like query values with ***."""

    _PATTERNS = [re.compile(r"(?i)(code=|AccountKey=|SharedAccessSignature=|sig=|api-key[\"']?:\s*[\"']?)"
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
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # The host's own lines at `level`; SDK chatter (HTTP headers of every request) only on warnings.
    for noisy in ("azure", "aiohttp.access", "urllib3", "openai", "httpx", "faster_whisper"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return logging.getLogger("devhost")
