"""Cosmos DB: call records, one document per call (id = callId = partition key).

Works unchanged against real Cosmos DB and the local emulator (@vercel/cosmosdb-server), whose
quirks are handled here: a read of a missing item answers 500 instead of 404 there, so a 500 on a
point read is confirmed with a query before it is called an error.
"""

from __future__ import annotations

import threading
import urllib.parse
from datetime import datetime
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import AzureError, ServiceRequestError
from azure.cosmos import CosmosClient, PartitionKey, exceptions

from core.call_query import listing_for
from errors import TransientError
from models.record import CallRecord

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class CallStore:
    def __init__(self, endpoint: str, key: str | None, database: str, container: str) -> None:
        host = urllib.parse.urlparse(endpoint).hostname or ""
        kwargs: dict[str, Any] = {}
        if host in LOOPBACK:
            import urllib3

            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            kwargs["enable_endpoint_discovery"] = False
        if key:
            credential: Any = key
        else:
            from azure.identity import DefaultAzureCredential

            credential = DefaultAzureCredential()
        self.client = CosmosClient(endpoint, credential=credential, **kwargs)
        self.database_name, self.container_name = database, container
        self._container = None
        self._lock = threading.Lock()

    @property
    def container(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._container is None:
                try:
                    try:
                        db = self.client.create_database_if_not_exists(self.database_name)
                    except exceptions.CosmosResourceExistsError:  # created meanwhile elsewhere
                        db = self.client.get_database_client(self.database_name)
                    try:
                        self._container = db.create_container_if_not_exists(
                            self.container_name, partition_key=PartitionKey("/callId"))
                    except exceptions.CosmosResourceExistsError:
                        self._container = db.get_container_client(self.container_name)
                except (exceptions.CosmosHttpResponseError, ServiceRequestError, AzureError) as exc:
                    raise TransientError(f"Cosmos DB unavailable: {exc.__class__.__name__}") from exc
            return self._container

    def get(self, call_id: str) -> tuple[CallRecord, str] | None:
        """The record and its etag, or None."""
        try:
            item = self.container.read_item(call_id, partition_key=call_id)
        except exceptions.CosmosResourceNotFoundError:
            return None
        except exceptions.CosmosHttpResponseError as exc:
            if exc.status_code != 500:
                raise self._transient(exc) from exc
            # The emulator answers 500 for a missing item: confirm with a query on the key.
            try:
                items = self._query("SELECT * FROM c WHERE c.callId = @id",
                                    [{"name": "@id", "value": call_id}], call_id)
            except (exceptions.CosmosHttpResponseError, AzureError) as qexc:
                raise self._transient(qexc) from qexc
            if not items:
                return None
            item = items[0]
        except (ServiceRequestError, AzureError) as exc:
            raise self._transient(exc) from exc
        return CallRecord.model_validate(item), item.get("_etag", "")

    def upsert(self, record: CallRecord, etag: str | None) -> None:
        """Replace if unchanged since read (etag), create if new; conflicts raise TransientError."""
        body = record.model_dump(mode="json", by_alias=True)
        # What the workspace's lists, filters, search and sorting read (corrections applied).
        body["listing"] = listing_for(record).model_dump(mode="json", by_alias=True)
        try:
            if etag:
                self.container.upsert_item(body, etag=etag,
                                           match_condition=MatchConditions.IfNotModified)
            else:
                self.container.create_item(body)
        except exceptions.CosmosHttpResponseError as exc:
            if exc.status_code in (409, 412):
                raise TransientError("the call record changed meanwhile; retrying") from exc
            raise self._transient(exc) from exc  # incl. 404: the container itself is missing
        except (ServiceRequestError, AzureError) as exc:
            raise self._transient(exc) from exc

    def _query(self, sql: str, params: list[dict], partition: str | None = None) -> list[dict]:
        kwargs: dict[str, Any] = {"parameters": params}
        if partition is None:
            kwargs["enable_cross_partition_query"] = True
        else:
            kwargs["partition_key"] = partition
        return list(self.container.query_items(sql, **kwargs))

    def list(self, status: str | None, since: datetime | None, until: datetime | None,
             page_size: int, continuation: str | None) -> tuple[list[CallRecord], str | None]:
        where, params = ["1=1"], []
        if status:
            where.append("c.status = @status")
            params.append({"name": "@status", "value": status})
        if since:
            where.append("c.updatedAt >= @since")
            params.append({"name": "@since", "value": since.isoformat()})
        if until:
            where.append("c.updatedAt <= @until")
            params.append({"name": "@until", "value": until.isoformat()})
        sql = f"SELECT * FROM c WHERE {' AND '.join(where)} ORDER BY c.updatedAt DESC"
        try:
            pages = self.container.query_items(sql, parameters=params,
                                               enable_cross_partition_query=True,
                                               max_item_count=page_size).by_page(continuation)
            page = next(pages, None)
            items = list(page) if page is not None else []
            token = pages.continuation_token
        except (exceptions.CosmosHttpResponseError, AzureError) as exc:
            raise self._transient(exc) from exc
        return [CallRecord.model_validate(i) for i in items], token

    def all_ids(self) -> list[dict]:
        return self._query("SELECT c.id, c.metadata.blobName, c.metadata.blobContainer, "
                           "c.status, c.updatedAt FROM c", [])

    def _transient(self, exc: Exception) -> TransientError:
        # After a failure, look the database and container up again on the next attempt: they
        # may be gone (an emulator restarted empty, a container deleted and recreated).
        self._container = None
        status = getattr(exc, "status_code", None)
        return TransientError(f"Cosmos DB request failed ({status or exc.__class__.__name__})")
