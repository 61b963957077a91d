"""Function keys and the system keys, kept in the data directory like the host's key store.

System keys are per extension, as in Azure: `durabletask_extension` opens the Durable HTTP API,
`blobs_extension` the blob extension's Event Grid webhook (`/runtime/webhooks/blobs`); the master
key opens everything."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Keys:
    master: str
    function: str
    system: str
    blobs: str

    @classmethod
    def load_or_create(cls, data_dir: Path) -> Keys:
        path = data_dir / "keys.json"
        data = json.loads(path.read_text()) if path.exists() else {}
        system_keys = data.get("systemKeys", {})
        keys = cls(data.get("masterKey") or secrets.token_urlsafe(32),
                   data.get("functionKeys", {}).get("default") or secrets.token_urlsafe(32),
                   system_keys.get("durabletask_extension") or secrets.token_urlsafe(32),
                   system_keys.get("blobs_extension") or secrets.token_urlsafe(32))
        stored = {"masterKey": keys.master, "functionKeys": {"default": keys.function},
                  "systemKeys": {"durabletask_extension": keys.system,
                                 "blobs_extension": keys.blobs}}
        if stored != data:  # new, or written by a host that knew fewer keys
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(stored, indent=2))
            path.chmod(0o600)
        return keys

    def allows(self, level: str, presented: str | None) -> bool:
        """Whether a key presented with `code=` or `x-functions-key` opens `level`
        (`anonymous`, `function`, `admin`, `system` for the Durable API, `blobs_extension`)."""
        level = level.lower()
        if level == "anonymous":
            return True
        if not presented:
            return False
        accepted = {self.master}
        if level == "function":
            accepted.add(self.function)
        if level == "system":
            accepted.add(self.system)
        if level == "blobs_extension":
            accepted.add(self.blobs)
        return any(secrets.compare_digest(presented, key) for key in accepted)

    def secrets(self) -> tuple[str, ...]:
        return (self.master, self.function, self.system, self.blobs)
