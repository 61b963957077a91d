"""Activities: one module per step. Each takes and returns a pydantic model as JSON, raises only
TransientError (retried by the orchestrator's policy) and returns permanent failures as values."""
