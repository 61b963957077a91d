"""The quality corpus: two-party sales calls with their truth, in two parts.

- `bench.corpus.dev`: the development part, read and tuned against by whoever writes extraction
  rules.
- `bench.corpus.heldout`: the held-out part, other templates, phrasings, names and call
  structures; no extraction rule is written against it and its scripts are not read for that.

`bench.corpus.model` holds the types; `bench.corpus.render` turns a script into audio files.
"""
