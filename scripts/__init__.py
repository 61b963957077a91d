"""Developer entry points behind the Makefile (demo, tests)."""
