"""What the Durable client answers, read once for the starters and the support service."""

from __future__ import annotations

import azure.durable_functions as df


async def runtime_status(client: df.DurableOrchestrationClient,
                         instance_id: str) -> df.OrchestrationRuntimeStatus | None:
    """The instance's runtime status, or None when it does not exist (the SDK answers a 404 with
    a status whose fields are all empty, not with None)."""
    status = await client.get_status(instance_id)
    return status.runtime_status if status is not None else None
