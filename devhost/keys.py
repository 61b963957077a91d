"""Function keys and the system key, kept in the data directory like the host's key store."""

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

    @classmethod
    def load_or_create(cls, data_dir: Path) -> Keys:
        path = data_dir / "keys.json"
        if path.exists():
            data = json.loads(path.read_text())
            return cls(data["masterKey"], data["functionKeys"]["default"],
                       data["systemKeys"]["durabletask_extension"])
        keys = cls(secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(32))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({
            "masterKey": keys.master, "functionKeys": {"default": keys.function},
            "systemKeys": {"durabletask_extension": keys.system}}, indent=2))
        path.chmod(0o600)
        return keys

    def allows(self, level: str, presented: str | None) -> bool:
        """Whether a key presented with `code=` or `x-functions-key` opens `level`."""
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
        return any(secrets.compare_digest(presented, key) for key in accepted)

    def secrets(self) -> tuple[str, ...]:
        return (self.master, self.function, self.system)
