"""Stable ids for calls and their orchestrations, derived from the blob."""

from __future__ import annotations

import hashlib
import re


def call_id_for(container: str, blob_name: str) -> str:
    """One call per blob path: a readable slug of the name plus a hash of the full path.

    The hash makes two different paths never collide (even with the same slug); the same path
    always gives the same id, so an overwritten blob updates its record instead of adding one.
    """
    digest = hashlib.sha256(f"{container}/{blob_name}".encode()).hexdigest()[:20]
    stem = blob_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:40] or "call"
    return f"{slug}-{digest}"


def instance_id_for(call_id: str, content_sha256: str, attempt: int = 1) -> str:
    """One orchestration per blob version (content); a new attempt gets its own instance."""
    base = f"{call_id}-{content_sha256[:12]}"
    return base if attempt <= 1 else f"{base}-r{attempt}"
