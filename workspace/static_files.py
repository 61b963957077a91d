"""The workspace's static assets (CSS, JavaScript), served by the app itself: nothing comes from a
CDN. Names are looked up in a fixed folder; nothing outside it can be reached."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}


@lru_cache(maxsize=32)
def asset(path: str) -> tuple[bytes, str, str] | None:
    """(content, content type, etag) of a file directly in the static folder, or None."""
    name = path.strip("/")
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    file = STATIC / name
    kind = TYPES.get(file.suffix)
    if kind is None or not file.is_file():
        return None
    data = file.read_bytes()
    return data, kind, '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
