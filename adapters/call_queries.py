"""Cosmos DB queries of the workspace (lists, counts, sums), parameterised, emulator-safe."""

from __future__ import annotations


class CallQueries:
    """Read-side queries over the calls container; built from the CallStore's container."""
