from core.ids import call_id_for, instance_id_for
from core.validation import extension_of, validate_upload
from models.call import CallRef


def test_call_id_is_stable_and_distinct_per_path() -> None:
    a = call_id_for("calls", "2026/03/acme call.mp3")
    assert a == call_id_for("calls", "2026/03/acme call.mp3")
    assert a.startswith("acme-call-")
    assert a != call_id_for("calls", "2026/04/acme call.mp3")  # same slug, other path
    assert a != call_id_for("other", "2026/03/acme call.mp3")
    assert call_id_for("calls", "../../etc/passwd").startswith("passwd-")
    assert call_id_for("calls", "ünïcode ✓.wav") != call_id_for("calls", "unicode.wav")


def test_instance_id_per_content_and_attempt() -> None:
    call = call_id_for("calls", "x.wav")
    assert instance_id_for(call, "ab" * 32) == instance_id_for(call, "ab" * 32)
    assert instance_id_for(call, "ab" * 32) != instance_id_for(call, "cd" * 32)
    assert instance_id_for(call, "ab" * 32, 2).endswith("-r2")


def _ref(name: str, size: int) -> CallRef:
    return CallRef(call_id="c", blob_container="calls", blob_name=name, size_bytes=size,
                   content_sha256="0" * 64, extension=extension_of(name))


def test_validation_reasons() -> None:
    exts = (".wav", ".mp3")
    assert validate_upload(_ref("a.mp3", 10), exts, 100) is None
    empty = validate_upload(_ref("a.mp3", 0), exts, 100)
    assert empty and "empty" in empty.reason and not empty.retryable
    assert "Unsupported file extension .txt" in validate_upload(_ref("a.txt", 5), exts, 100).reason  # type: ignore[union-attr]
    assert "(none)" in validate_upload(_ref("noext", 5), exts, 100).reason  # type: ignore[union-attr]
    assert "over the limit" in validate_upload(_ref("a.WAV", 101), exts, 100).reason  # type: ignore[union-attr]
    assert extension_of("dir.v2/file.MP3") == ".mp3"
