"""I/O adapters (audio, Blob Storage, speech, LLM, Cosmos DB), made once per worker from settings.

Library errors are translated into the errors.py hierarchy here, and only here.
"""
