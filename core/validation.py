"""Checks on an upload that need no decoding: name, extension, size."""

from __future__ import annotations

from models.call import CallRef, Failure


def validate_upload(call: CallRef, supported: tuple[str, ...], max_bytes: int) -> Failure | None:
    """A permanent failure for obviously bad input, or None."""
    if call.size_bytes == 0:
        return Failure(stage="validate", reason="The uploaded file is empty (0 bytes).")
    if call.extension.lower() not in supported:
        shown = call.extension or "(none)"
        return Failure(stage="validate", reason=(
            f"Unsupported file extension {shown}; upload one of {', '.join(supported)}."))
    if call.size_bytes > max_bytes:
        return Failure(stage="validate", reason=(
            f"The file is {call.size_bytes / 1e6:.1f} MB, over the limit of "
            f"{max_bytes / 1e6:.0f} MB (MAX_UPLOAD_BYTES)."))
    return None


def extension_of(blob_name: str) -> str:
    leaf = blob_name.rsplit("/", 1)[-1]
    return "." + leaf.rsplit(".", 1)[1].lower() if "." in leaf else ""
