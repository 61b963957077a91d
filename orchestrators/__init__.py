"""Orchestrators: deterministic workflow code (no I/O, clocks, randomness or settings)."""
