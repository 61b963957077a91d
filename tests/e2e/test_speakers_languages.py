"""End to end with the default multilingual model: a Spanish stereo call (rep on the left) and an
English mono call with two voices, through the local host; the records carry the language heard,
a speaker on every segment and each party's role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bench.corpus.render import RATE, Voice, encode, speak
from tests.helpers.app_host import AppHost

pytestmark = pytest.mark.usefixtures("stack")

SPANISH = [("rep", "Buenos días, Soluciones Nube, le atiende Carlos Ruiz. ¿En qué le puedo "
                   "ayudar?"),
           ("customer", "Hola, soy Lucía Fernández, de Distribuciones Levante, en Valencia."),
           ("rep", "Perfecto, ¿qué producto le interesa?"),
           ("customer", "Nos interesa su software de facturación. Tenemos unos veinte mil "
                        "euros.")]
ENGLISH = [("rep", "Thanks for calling Trackwise, this is Ben Carter. How can I help you?"),
           ("customer", "Hi Ben, I'm Maria Lopez from Acme Logistics in Denver."),
           ("rep", "Great to meet you Maria. What are you looking for?"),
           ("customer", "We need fleet tracking software for eighty trucks.")]


def _render(turns: list[tuple[str, str]], voices: dict[str, Voice], stereo: bool,
            path: Path) -> list[tuple[float, float, str]]:
    gap = int(0.6 * RATE)
    tracks = {"rep": [np.zeros(gap, np.float32)], "customer": [np.zeros(gap, np.float32)]}
    times, at = [], gap
    for role, text in turns:
        said = speak(text, voices[role])
        other = "customer" if role == "rep" else "rep"
        tracks[role] += [said, np.zeros(gap, np.float32)]
        tracks[other] += [np.zeros(said.size + gap, np.float32)]
        times.append((at / RATE, (at + said.size) / RATE, role))
        at += said.size + gap
    rep, customer = np.concatenate(tracks["rep"]), np.concatenate(tracks["customer"])
    encode(np.stack([rep, customer]) if stereo else rep + customer, path, 16_000,
           path.suffix[1:])
    return times


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, stack: None) -> Iterator[AppHost]:
    host = AppHost(tmp_path_factory.mktemp("speakers"), LOCAL_WHISPER_MODEL="base")
    host.start()
    yield host
    host.stop()


def _role_at(times: list[tuple[float, float, str]], t: float) -> str | None:
    return next((role for a, b, role in times if a - 0.3 <= t <= b + 0.3), None)


def test_spanish_stereo_call_has_its_language_and_a_party_per_channel(
        app: AppHost, tmp_path: Path) -> None:
    path = tmp_path / "es.m4a"
    times = _render(SPANISH, {"rep": Voice("espeak", "es+m3"),
                              "customer": Voice("espeak", "es-419+f3")}, True, path)
    app.upload("llamada levante.m4a", path.read_bytes())
    record = app.wait_call("llamada levante.m4a", timeout=600)["record"]
    assert record["status"] == "completed", record.get("failure")
    assert record["metadata"]["language"] == "es"
    transcript = record["transcript"]
    parties = {s["label"]: s for s in transcript["speakers"]}
    assert set(parties) == {"left", "right"}
    assert parties["left"]["channel"] == "left" and parties["right"]["channel"] == "right"
    assert parties["left"]["role"] == "rep" and parties["right"]["role"] == "customer"
    roles = {"left": "rep", "right": "customer"}
    for seg in transcript["segments"]:
        assert roles[seg["speaker"]] == _role_at(times, (seg["start"] + seg["end"]) / 2), seg
    assert "facturación" in transcript["text"]


def test_english_mono_call_gets_turns_from_two_voices(app: AppHost, tmp_path: Path) -> None:
    path = tmp_path / "en.mp3"
    times = _render(ENGLISH, {"rep": Voice("espeak", "en-us+m3", 165),
                              "customer": Voice("flite", "slt")}, False, path)
    app.upload("trackwise.mp3", path.read_bytes())
    record = app.wait_call("trackwise.mp3", timeout=600)["record"]
    assert record["status"] == "completed", record.get("failure")
    assert record["metadata"]["language"] == "en"
    transcript = record["transcript"]
    roles = {s["label"]: s["role"] for s in transcript["speakers"]}
    assert sorted(roles) == ["S1", "S2"] and sorted(roles.values()) == ["customer", "rep"]
    right = [roles[seg["speaker"]] == _role_at(times, (seg["start"] + seg["end"]) / 2)
             for seg in transcript["segments"]]
    assert all(right), transcript["segments"]
    customer = " ".join(seg["text"] for seg in transcript["segments"]
                        if roles[seg["speaker"]] == "customer")
    assert "Maria" in customer and "fleet" in customer
