"""Pure logic of the pipeline: no Azure imports, no I/O, testable in microseconds."""
