"""Cosmos DB queries of the workspace: pages, counts, sums and deletes on the calls container.

SQL comes from core/call_query.py, always with parameters. Works unchanged on the real service
and on the emulator (no GROUP BY, OFFSET/LIMIT, DISTINCT or EXISTS anywhere).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from azure.core.exceptions import AzureError
from azure.cosmos import exceptions

from adapters.cosmos_store import CallStore
from core.call_query import QueryError, Sql
from errors import TransientError


class CallQueries:
    def __init__(self, store: CallStore) -> None:
        self.store = store

    def _items(self, sql: Sql, page_size: int | None = None) -> Any:
        kwargs: dict[str, Any] = {"parameters": sql.params, "enable_cross_partition_query": True}
        if page_size:
            kwargs["max_item_count"] = page_size
        return self.store.container.query_items(sql.text, **kwargs)

    def page(self, sql: Sql, page_size: int, token: str | None
             ) -> tuple[list[dict[str, Any]], str | None]:
        """One page and the SDK's continuation token (None on the last page)."""
        try:
            pages = self._items(sql, page_size).by_page(token)
            page = next(pages, None)
            items = list(page) if page is not None else []
            return items, pages.continuation_token or None
        except exceptions.CosmosHttpResponseError as exc:
            if exc.status_code == 400 and token:
                raise QueryError("continuation: the token is not valid for this query") from exc
            raise self._transient(exc) from exc
        except (ValueError, TypeError, KeyError) as exc:  # the SDK failed to parse the token
            if token:
                raise QueryError("continuation: the token is not valid for this query") from exc
            raise
        except AzureError as exc:
            raise self._transient(exc) from exc

    def rows(self, sql: Sql, page_size: int = 200) -> Iterator[dict[str, Any]]:
        """Every row, fetched a page at a time."""
        try:
            yield from self._items(sql, page_size)
        except AzureError as exc:
            raise self._transient(exc) from exc

    def value(self, sql: Sql) -> Any:
        """The single value of an aggregate (`SELECT VALUE COUNT(1)` ...); None when empty."""
        try:
            values = [v for v in self._items(sql) if v is not None]
        except AzureError as exc:
            raise self._transient(exc) from exc
        if not values:
            return None
        if isinstance(values[0], int | float) and len(values) > 1:  # partial results per range
            return sum(values)
        return values[0]

    def count(self, sql: Sql) -> int:
        return int(self.value(sql) or 0)

    def delete(self, call_id: str) -> bool:
        """Delete the call's document; False when there was none."""
        try:
            self.store.container.delete_item(call_id, partition_key=call_id)
        except exceptions.CosmosResourceNotFoundError:
            return False
        except exceptions.CosmosHttpResponseError as exc:
            if exc.status_code == 500 and self.store.get(call_id) is None:
                return False  # the emulator answers 500 for a missing item
            raise self._transient(exc) from exc
        except AzureError as exc:
            raise self._transient(exc) from exc
        return True

    def _transient(self, exc: Exception) -> TransientError:
        return self.store._transient(exc)
