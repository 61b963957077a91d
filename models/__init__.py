"""Pydantic models: the only contracts between the pipeline's steps and its stored records."""
