"""What the workspace does, for the JSON API and the pages alike: list, search, view, correct,
export, insights, audio, upload and delete calls.

Adapters come from `adapters.factory` (created once per worker) unless a `Workspace` is passed in
(tests). Bad input raises `BadRequest` (a 400 with its message), a missing call `NotFound` (404),
a call in a state that forbids the action `Conflict` (409).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Literal

from models.workspace import (
    CallPage,
    CallQuery,
    CallView,
    CorrectionValue,
    DeleteReport,
    Insights,
    UploadResult,
)
from support.service import Conflict, NotFound

if TYPE_CHECKING:
    import azure.durable_functions as df

    from adapters.blob_store import BlobStore
    from adapters.call_queries import CallQueries
    from adapters.cosmos_store import CallStore
    from settings import Settings

__all__ = ["AudioPart", "BadRequest", "Conflict", "NotFound", "Workspace", "audio", "correct",
           "delete_call", "export", "get_call", "insights", "list_calls", "parse_query", "upload"]

ExportFormat = Literal["csv", "json"]


class BadRequest(ValueError):
    """Input the API refuses, with a message that says what is wrong."""


@dataclass
class Workspace:
    store: CallStore
    queries: CallQueries
    blobs: BlobStore
    settings: Settings


@dataclass
class AudioPart:
    """A byte range of a recording: status 200 (whole file) or 206 (a range)."""

    status: int
    content_type: str
    body: bytes
    total_bytes: int
    start: int
    end: int  # inclusive

    @property
    def content_range(self) -> str:
        return f"bytes {self.start}-{self.end}/{self.total_bytes}"


def default_workspace() -> Workspace:
    raise NotImplementedError


def parse_query(params: dict[str, str]) -> CallQuery:
    """A CallQuery from URL query parameters (camelCase or snake_case); BadRequest when a
    parameter is unknown or a value malformed."""
    raise NotImplementedError


async def list_calls(query: CallQuery, client: df.DurableOrchestrationClient | None = None,
                     ws: Workspace | None = None) -> CallPage:
    """One page of calls; rows of running calls carry their stage and chunk progress when a
    durable client is given. `page.continuation` goes into the next query's `continuation`."""
    raise NotImplementedError


async def get_call(call_id: str, client: df.DurableOrchestrationClient | None = None,
                   ws: Workspace | None = None) -> CallView | None:
    raise NotImplementedError


async def correct(call_id: str, field: str, value: CorrectionValue, by: str,
                  client: df.DurableOrchestrationClient | None = None,
                  ws: Workspace | None = None) -> CallView:
    """Store a person's correction beside the engine's value (the latest per field wins)."""
    raise NotImplementedError


def insights(query: CallQuery, ws: Workspace | None = None) -> Insights:
    raise NotImplementedError


def export(query: CallQuery, fmt: ExportFormat, ws: Workspace | None = None
           ) -> tuple[str, Iterator[bytes]]:
    """Every call matching the query (paging ignored), corrections applied: (content type,
    chunks of the body)."""
    raise NotImplementedError


def audio(call_id: str, range_header: str | None, ws: Workspace | None = None) -> AudioPart:
    """The recording, or the requested byte range of it (HTTP Range, for seeking)."""
    raise NotImplementedError


def upload(name: str, stream: BinaryIO, ws: Workspace | None = None) -> UploadResult:
    """Put a recording into the recordings container: the blob trigger takes it from there."""
    raise NotImplementedError


async def delete_call(call_id: str, actor: str, client: df.DurableOrchestrationClient,
                      ws: Workspace | None = None) -> DeleteReport:
    """Delete everywhere: recording, chunk files, orchestration history of every attempt, then
    the record; one audit line in the log."""
    raise NotImplementedError
