"""What the app does once when a worker loads it, besides registering functions.

The recordings and work containers are created here, so an upload with Azure Storage Explorer or
`az storage blob upload` right after `make up` finds its container. It runs when `function_app`
is imported, which is when any host starts a worker: devhost on start, and the Python worker in
Azure when it indexes the app (on every instance). A timer trigger with `run_on_startup` would be
the Functions idiom, but devhost has no timer triggers yet; an import-time thread needs nothing
from the host. It runs in the background so a storage account that is slow to answer does not
delay indexing, and it retries a few times (Azurite may start after the host). In Azure the
infrastructure creates the containers too (and the app's identity reaches the account as the
blob adapter does, `AzureWebJobsStorage__blobServiceUri`); `CREATE_CONTAINERS=false` turns this
off where that identity may not create containers.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger("call-insights")


def ensure_containers(attempts: int = 5, pause_seconds: float = 2.0) -> list[str]:
    """Create the recordings and work containers if missing; the names now known to exist."""
    from adapters.factory import blob_store_for
    from errors import CallInsightsError
    from settings import Settings

    try:
        # not get_settings(): nothing cached from a background thread
        s = Settings()  # type: ignore[call-arg]  # fields come from the environment
    except Exception as exc:  # reported by settings.startup_problem() already
        log.debug("Containers not created: %s", exc)
        return []
    if not s.create_containers:
        return []
    names = [s.calls_container, s.work_container]
    for attempt in range(1, attempts + 1):
        try:
            blob_store_for(s).ensure_containers(names)
            return names
        except (CallInsightsError, ValueError) as exc:
            if attempt == attempts:
                log.warning("Containers %s not created at start-up (%s); they are created on "
                            "first use", ", ".join(names), exc)
            else:
                time.sleep(pause_seconds * attempt)
    return []


def start() -> threading.Thread:
    thread = threading.Thread(target=ensure_containers, name="ensure-containers", daemon=True)
    thread.start()
    return thread
