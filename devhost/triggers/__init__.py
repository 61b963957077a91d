"""Triggers other than HTTP: each module watches one kind of source and runs its functions.

They see the host through narrow collaborators only: an `Invoker` that runs user code the way
the worker does, and (for blobs) a `ReceiptStore` that remembers which blob versions were handled.
"""

from __future__ import annotations

from typing import Any, Protocol

from ..app import FunctionInfo


class Invoker(Protocol):
    async def call_user(self, fn: FunctionInfo, kwargs: dict[str, Any],
                        binding_data: dict[str, Any] | None = None) -> Any:
        """Run `fn` with its trigger value in `kwargs`; input bindings are resolved from
        `binding_data` (the trigger's values named in binding expressions)."""
        ...


class ReceiptStore(Protocol):
    def receipt(self, function: str, container: str, blob: str, etag: str) -> Any: ...

    def set_receipt(self, function: str, container: str, blob: str, etag: str, status: str,
                    failures: int) -> None: ...
