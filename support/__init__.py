"""Support staff: look up calls, list them, replay failures; over HTTP and from a CLI."""
